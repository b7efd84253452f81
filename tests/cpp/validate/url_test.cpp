#include "validate/url.h"

#include <gtest/gtest.h>

#include <string_view>
#include <utility>

namespace sluice::validate {
namespace {

// Expected values are whether `new URL(text)` succeeds in JavaScript (zod 3's url check).
TEST(Url, AgreesWithTheWhatwgParser) {
  const std::pair<std::string_view, bool> cases[] = {
      {"https://example.com", true},    {"http://localhost:3000/x?y#z", true}, {"not a url", false},
      {"example.com", false},           {"http://", false},                   {"https://", false},
      {"mailto:a@b.c", true},           {"http://exa mple.com", false},       {"http://a.com:99999", false},
      {"http://a.com:65535", true},     {"http://1.2.3.256", false},          {"http://1.2.3.4", true},
      {"http://[::1]:8080/", true},     {"http://[::1", false},               {"javascript:alert(1)", true},
      {"localhost:3000", true},         {"http:example.com", true},           {"http:/example.com", true},
      {"ftp://x", true},                {"file:///etc/passwd", true},         {"file://exa mple/", false},
      {"http://a.com/ a b", true},      {"  https://x.io  ", true},           {"http://a@", false},
      {"http://user:pw@host/", true},   {"foo://a b", false},                 {"foo:///p", true},
      {"1http://x", false},             {"http://0x7f.1", true},              {"http://999999999", true},
      {"http://4294967296", false},     {"http://a..b", true},                {"http://a%20b", false},
      {"http://a%zz", false},           {"http://%41.com", true},             {"ws://x:80", true},
      {"http://[1:2:3:4:5:6:7:8]", true}, {"http://[1:2:3:4:5:6:7:8:9]", false},
      {"http://[::ffff:1.2.3.4]", true}, {"http://[::1.2.3]", false},
      {"https://\xe4\xbe\x8b\xe3\x81\x88.jp", true}, {"http://a:b@c:d", false},
      {"http://x.com:/", true},         {"foo:", true},                       {"h:", true},
      {"http://a|b", false},            {"http://a^b", false},                {"http://a<b", false},
      {"http://09.1", false},
  };
  for (const auto& [text, expected] : cases) EXPECT_EQ(is_url(text), expected) << text;
}

}  // namespace
}  // namespace sluice::validate
