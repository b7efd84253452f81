#pragma once
// The `Neon-Connection-String` header: postgres[ql]://user:password@host[:port]/db?params
// (wire-protocols A2, A11). It names the role, password and database the request runs as:
// the gateway never substitutes credentials of its own.
#include <string>
#include <string_view>

#include "gateway/outcome.h"

namespace sluice::gateway {

struct connection_target {
  std::string user;
  std::string password;
  std::string host;  // without the brackets of an IPv6 literal
  std::string port;  // "" when the URL has none
  std::string database;
  // The two query parameters that become startup parameters. Others (sslmode,
  // channel_binding, ...) configure a client's transport, which is the gateway's concern.
  std::string application_name;
  std::string options;
};

// Errors (HTTP 400, Neon's messages where Neon has one): a missing scheme, user, host or
// database, an empty password (Neon demands one; libpq would otherwise fall back to a
// password file), a bad port, a control character (NUL included) raw or percent-encoded
// (libpq would silently cut the value at a NUL), and a field too long for Postgres to take
// as it is (a role or database name over 63 bytes, which Postgres would truncate).
[[nodiscard]] outcome<connection_target> parse_connection_string(std::string_view url) noexcept;

// Decodes %XX escapes; with `plus_is_space` also '+' (query strings). False when an escape
// decodes to a control character. Malformed escapes are kept as they are, as the WHATWG URL parser does.
[[nodiscard]] bool percent_decode(std::string_view in, bool plus_is_space, std::string& out) noexcept;

}  // namespace sluice::gateway
