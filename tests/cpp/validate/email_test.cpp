#include "validate/email.h"

#include <gtest/gtest.h>

#include <string_view>
#include <utility>

namespace sluice::validate {
namespace {

// Expected values are what zod 3's email regex answers in JavaScript.
TEST(Email, MatchesZod3Regex) {
  const std::pair<std::string_view, bool> cases[] = {
      {"a@b.co", true},        {"alice@example.com", true}, {"a.b@c.d.ef", true},  {"'a@b.co", true},
      {"a'@b.co", false},      {".a@b.co", false},          {"a.@b.co", false},    {"a..b@c.co", false},
      {"a@b..co", false},      {"a@-b.co", false},          {"a@b-.co", true},     {"a@b.c0", false},
      {"a@b.co.", false},      {"a@b", false},              {"a@1.2.3.com", true}, {"@b.co", false},
      {"a@b.c", false},        {"a+tag@x.io", true},        {"a_b-c@x-y.io", true}, {"a@b@c.co", false},
      {"a b@c.co", false},     {"\xc3\xa9@b.co", false},    {"a@b.\xc3\xa7om", false}, {"A@B.CO", true},
      {"a@b.co\n", false},     {"a-@b.co", true},           {"a@b_c.co", false},   {"a@.b.co", false},
      {"a@b.-co", false},      {"a@1b.co", true},           {"x@y.z1.co", true},   {"a@b.co ", false},
      {"bad", false},          {"", false},
  };
  for (const auto& [text, expected] : cases) EXPECT_EQ(is_email(text), expected) << text;
}

}  // namespace
}  // namespace sluice::validate
