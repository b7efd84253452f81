#include "gateway/connection_string.h"

#include <algorithm>

#include "gateway/error_json.h"

namespace sluice::gateway {
namespace {

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

failure bad(std::string_view message) noexcept { return gateway_failure(400, message); }

bool is_control(char c) noexcept { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }

bool has_control(std::string_view s) noexcept { return std::any_of(s.begin(), s.end(), is_control); }

// Longest values passed on. Postgres cuts role and database names to 63 bytes (NAMEDATALEN - 1)
// without a word, so a longer one would connect as another name; the others keep the startup
// packet within the server's 10 000 bytes, and a host name within DNS' 253.
struct field_limit {
  std::string connection_target::*field;
  const char* name;
  size_t max_bytes;
};
constexpr field_limit field_limits[] = {
    {&connection_target::user, "username", 63},
    {&connection_target::database, "database name", 63},
    {&connection_target::host, "hostname", 253},
    {&connection_target::password, "password", 1024},
    {&connection_target::application_name, "application_name", 1024},
    {&connection_target::options, "options", 4096},
};

bool valid_port(std::string_view port) noexcept {
  if (port.empty() || port.size() > 5) return false;
  unsigned value = 0;
  for (char c : port) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + static_cast<unsigned>(c - '0');
  }
  return value > 0 && value <= 65535;
}

// Neon reads `endpoint=` and `project=` words in `options` to route to a compute; Postgres
// would refuse them as unknown command-line arguments, so they stop here.
std::string without_neon_routing(std::string_view options) {
  std::string kept;
  size_t i = 0;
  while (i < options.size()) {
    if (options[i] == ' ') {
      ++i;
      continue;
    }
    const size_t start = i;
    // A backslash escapes the next character, spaces included (Postgres' own rule).
    while (i < options.size() && options[i] != ' ') i += options[i] == '\\' ? 2 : 1;
    const auto word = options.substr(start, std::min(i, options.size()) - start);
    if (word.starts_with("endpoint=") || word.starts_with("project=")) continue;
    if (!kept.empty()) kept.push_back(' ');
    kept.append(word);
  }
  return kept;
}

}  // namespace

bool percent_decode(std::string_view in, bool plus_is_space, std::string& out) noexcept {
  out.clear();
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else if (c == '%' && i + 2 < in.size() && hex_value(in[i + 1]) >= 0 &&
               hex_value(in[i + 2]) >= 0) {
      const char decoded = static_cast<char>(hex_value(in[i + 1]) * 16 + hex_value(in[i + 2]));
      if (is_control(decoded)) return false;
      out.push_back(decoded);
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return true;
}

outcome<connection_target> parse_connection_string(std::string_view url) noexcept {
  // libpq takes C strings: a NUL would cut a value short, and an empty user, password or
  // database is left for libpq to fill from the environment. No control character passes.
  if (has_control(url)) return bad("control character in connection string");
  constexpr std::string_view separator = "://";
  const auto scheme_end = url.find(separator);
  if (scheme_end == std::string_view::npos) return bad("invalid header: neon-connection-string");
  const auto scheme = url.substr(0, scheme_end);
  if (scheme != "postgres" && scheme != "postgresql") return bad("incorrect scheme");
  url.remove_prefix(scheme_end + separator.size());

  const auto fragment = url.find('#');
  if (fragment != std::string_view::npos) url = url.substr(0, fragment);
  std::string_view query;
  if (const auto q = url.find('?'); q != std::string_view::npos) {
    query = url.substr(q + 1);
    url = url.substr(0, q);
  }
  std::string_view path;
  if (const auto slash = url.find('/'); slash != std::string_view::npos) {
    path = url.substr(slash + 1);
    url = url.substr(0, slash);
  }

  connection_target target;
  std::string_view host_port = url;
  if (const auto at = url.rfind('@'); at != std::string_view::npos) {
    const auto userinfo = url.substr(0, at);
    host_port = url.substr(at + 1);
    const auto colon = userinfo.find(':');
    const auto user = userinfo.substr(0, colon);
    const auto password = colon == std::string_view::npos ? std::string_view{} : userinfo.substr(colon + 1);
    if (!percent_decode(user, false, target.user) || !percent_decode(password, false, target.password)) {
      return bad("invalid percent-encoding in connection string");
    }
  }
  if (target.user.empty()) return bad("missing username");

  std::string_view port;
  if (!host_port.empty() && host_port.front() == '[') {
    const auto close = host_port.find(']');
    if (close == std::string_view::npos) return bad("invalid hostname");
    target.host = host_port.substr(1, close - 1);
    const auto rest = host_port.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') return bad("invalid hostname");
      port = rest.substr(1);
    }
  } else {
    const auto colon = host_port.rfind(':');
    target.host = host_port.substr(0, colon);
    if (colon != std::string_view::npos) port = host_port.substr(colon + 1);
  }
  if (target.host.empty()) return bad("missing hostname");
  if (!port.empty() && !valid_port(port)) return bad("invalid port");
  target.port = port;

  // The database is the first path segment.
  path = path.substr(0, path.find('/'));
  if (!percent_decode(path, false, target.database)) return bad("invalid percent-encoding in connection string");
  if (target.database.empty()) return bad("missing database name");
  if (target.password.empty()) return bad("missing authentication credentials: required password");

  while (!query.empty()) {
    const auto amp = query.find('&');
    const auto pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    const auto eq = pair.find('=');
    const auto name = pair.substr(0, eq);
    const auto value = eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1);
    std::string* slot = name == "application_name" ? &target.application_name
                        : name == "options"        ? &target.options
                                                   : nullptr;
    if (slot && !percent_decode(value, true, *slot)) return bad("invalid percent-encoding in connection string");
  }
  target.options = without_neon_routing(target.options);
  for (const auto& limit : field_limits) {
    if ((target.*limit.field).size() > limit.max_bytes) {
      return bad(std::string(limit.name) + " in connection string is longer than " + std::to_string(limit.max_bytes) +
                 " bytes");
    }
  }
  return target;
}

}  // namespace sluice::gateway
