#include "validate/regex.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace sluice::validate {
namespace {

struct regex_case {
  std::string_view pattern;
  std::string_view flags;
  std::string_view text;
  bool expected;
};

// Expected values are what RegExp.prototype.test answers in JavaScript.
TEST(Regex, AgreesWithJavaScript) {
  const regex_case cases[] = {
      {"^[a-z]+$", "", "abc", true},          {"^[a-z]+$", "", "abC", false},
      {"^[a-z]+$", "i", "abC", true},         {"abc", "", "xxabcxx", true},
      {"^abc", "", "xabc", false},            {"abc$", "", "abcx", false},
      {"^\\d{3}-\\d{4}$", "", "555-1234", true}, {"^\\d{3}-\\d{4}$", "", "555-12345", false},
      {"^(foo|bar)+$", "", "foobarfoo", true}, {"^(foo|bar)+$", "", "foobaz", false},
      {"colou?r", "", "color", true},         {"colou?r", "", "colour", true},
      {"^a{2,3}$", "", "aaaa", false},        {"^a{2,3}$", "", "aaa", true},
      {"^a{2,}$", "", "aaaaaa", true},        {"^a{2}$", "", "a", false},
      {"\\bcat\\b", "", "a cat!", true},      {"\\bcat\\b", "", "concat", false},
      {"\\Bcat", "", "concat", true},         {"^\\w+@\\w+\\.\\w+$", "", "a@b.co", true},
      {"^[^0-9]*$", "", "abc", true},         {"^[^0-9]*$", "", "ab1", false},
      {"^.$", "u", "\xf0\x9f\x98\x80", true}, {"^\\s*$", "", "  \t\n", true},
      {"^\\S+$", "", "a b", false},           {"a.c", "", "a\nc", false},
      {"a.c", "s", "a\nc", true},             {"^b", "m", "a\nb", true},
      {"^b", "", "a\nb", false},              {"a$", "m", "a\nb", true},
      {"^(?:ab)*$", "", "ababab", true},      {"^(?<year>\\d{4})-\\d{2}$", "", "2024-01", true},
      {"^[\\w.-]+$", "", "a.b-c_d", true},    {"^[a\\-z]+$", "", "-a-z", true},
      {"^[a\\-z]+$", "", "b", false},         {"x*", "", "yyy", true},
      {"^$", "", "", true},                   {"^\\u00e9$", "", "\xc3\xa9", true},
      {"^\\x41$", "", "A", true},             {"^[\\u0041-\\u005A]+$", "", "ABZ", true},
      {"a{", "", "a{", true},                 {"^a{,2}$", "", "a{,2}", true},
      {"^[]$", "", "", false},                {"^[^]$", "", "\n", true},
      {"\\.", "", "a.b", true},               {"\\.", "", "ab", false},
      {"^\\/path$", "", "/path", true},       {"^[A-Z][a-z]*$", "i", "hello", true},
      {"^(a*)*b$", "", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac", false},
      {"^(a|a)*$", "", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", false},
  };
  for (const regex_case& c : cases) {
    auto compiled = regex::compile(c.pattern, c.flags);
    ASSERT_TRUE(compiled.ok()) << c.pattern << ": " << compiled.err().message;
    EXPECT_EQ(compiled.value().test(c.text), c.expected) << c.pattern << " /" << c.flags << " on " << c.text;
  }
}

TEST(Regex, PathologicalPatternsStayLinear) {
  auto compiled = regex::compile("^(a+)+$", "");
  ASSERT_TRUE(compiled.ok());
  const std::string text = std::string(100000, 'a') + "!";
  EXPECT_FALSE(compiled.value().test(text));
}

TEST(Regex, UnsupportedOrMalformedSyntaxIsRefused) {
  for (std::string_view pattern : {"(a", "a)", "[a", "*a", "a**", "a{3,1}", "(?=a)", "(?!a)", "(?<=a)b", "\\1",
                                   "(a)\\1", "\\p{L}", "\\k<x>", "\\cA", "\\", "a{1001}", "[z-a]", "\\q",
                                   "(?<name", "^*", "a{2}{3}"}) {
    auto compiled = regex::compile(pattern, "");
    ASSERT_FALSE(compiled.ok()) << pattern;
    EXPECT_EQ(compiled.err().code, error_code::invalid_document);
    EXPECT_EQ(compiled.err().message.rfind("regex: ", 0), 0u) << compiled.err().message;
  }
  EXPECT_FALSE(regex::compile("a", "g").ok());
  EXPECT_FALSE(regex::compile("a", "y").ok());
  EXPECT_FALSE(regex::compile("(a{1000}){1000}", "").ok());
}

}  // namespace
}  // namespace sluice::validate
