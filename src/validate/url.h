#pragma once
// zod 3's `.url()` check is `new URL(text)` succeeding. This follows the WHATWG URL parser's
// failure cases without building a URL: a scheme is required; special schemes (http, https,
// ws, wss, ftp) need a host free of forbidden code points, with a valid IPv4 form when it ends
// in a number and a bracketed IPv6 form otherwise; ports must be decimal and at most 65535;
// other schemes accept any path. IDNA is not applied: a non-ASCII host is accepted as it is.
#include <string_view>

namespace sluice::validate {

[[nodiscard]] bool is_url(std::string_view text) noexcept;

}  // namespace sluice::validate
