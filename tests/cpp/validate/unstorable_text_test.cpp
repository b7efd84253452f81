#include "validate/unstorable_text.h"

#include <gtest/gtest.h>

#include <string>

#include "validate_test_support.h"

namespace sluice::validate::testing {
namespace {

const validator& things() {
  static const validator v = load(every_type_catalog(), R"j({"table":"things","unknownKeys":"strict"})j");
  return v;
}

std::string with_title(std::string_view members) {
  return "{\"title\":\"t\"," + std::string(members) + "}";
}

constexpr std::string_view nul_issue = R"j(["String must not contain U+0000 (NUL)"])j";

std::string surrogate_issue(std::string_view code_point) {
  return R"j(["String must not contain an unpaired surrogate ()j" + std::string(code_point) + ")\"]";
}

TEST(UnstorableText, FindsNulAndUnpairedSurrogateEscapes) {
  EXPECT_EQ(first_unstorable_character(R"j(a\u0000b)j"), 0u);
  EXPECT_EQ(first_unstorable_character(R"j(\ud800)j"), 0xD800u);
  EXPECT_EQ(first_unstorable_character(R"j(\uDBFFx)j"), 0xDBFFu);
  EXPECT_EQ(first_unstorable_character(R"j(\udc00\ud800)j"), 0xDC00u);  // reversed pair
  EXPECT_EQ(first_unstorable_character(R"j(\ud800\u0041)j"), 0xD800u);
  EXPECT_EQ(first_unstorable_character(R"j(\ud800\ud800\udc00)j"), 0xD800u);
  EXPECT_EQ(first_unstorable_character(R"j({"k\ud83d":1})j"), 0xD83Du);
}

TEST(UnstorableText, AcceptsPairsAndEscapedBackslashes) {
  EXPECT_EQ(first_unstorable_character(R"j(\ud83d\ude00 \uD83D\uDE00)j"), std::nullopt);
  EXPECT_EQ(first_unstorable_character(R"j(\\u0000 \\ud800 \"\u0001\u00e9)j"), std::nullopt);
  EXPECT_EQ(first_unstorable_character(R"j(["\\", "\\\\u0000", {"a\n": "\/"}])j"), std::nullopt);
  EXPECT_EQ(first_unstorable_character(""), std::nullopt);
}

TEST(UnstorableText, NulInEveryTextColumnIsAFieldIssue) {
  for (const std::string_view key : {"note", "code", "ref", "role", "price", "at", "day", "title"}) {
    SCOPED_TRACE(key);
    const std::string body = "{\"title\":\"t\",\"" + std::string(key) + "\":\"a\\u0000\"}";
    EXPECT_EQ(check(things(), body), rejected("\"" + std::string(key) + "\":" + std::string(nul_issue)));
  }
}

TEST(UnstorableText, UnpairedSurrogateInEveryTextColumnIsAFieldIssue) {
  for (const std::string_view key : {"note", "code", "ref", "role", "price", "at", "day", "title"}) {
    SCOPED_TRACE(key);
    const std::string body = "{\"title\":\"t\",\"" + std::string(key) + "\":\"\\ud800\"}";
    EXPECT_EQ(check(things(), body), rejected("\"" + std::string(key) + "\":" + surrogate_issue("U+D800")));
  }
  EXPECT_EQ(check(things(), with_title(R"j("note":"x\uDFFFy")j")), rejected("\"note\":" + surrogate_issue("U+DFFF")));
}

TEST(UnstorableText, RawNulIsNotJson) {
  // Only an escape carries U+0000: a raw control character is malformed, as for JSON.parse.
  EXPECT_EQ(check(things(), with_title(std::string_view("\"note\":\"a\0b\"", 11))),
            R"j(malformed {"code":"invalid_json","message":"malformed string"})j");
  EXPECT_EQ(check(things(), with_title(std::string_view("\"meta\":[\"a\0b\"]", 13))),
            R"j(malformed {"code":"invalid_json","message":"malformed string"})j");
}

TEST(UnstorableText, ReplacesTheColumnsOtherChecks) {
  // One issue, and no message repeating the text: not the enum's "received '...'".
  EXPECT_EQ(check(things(), with_title(R"j("role":"admin\u0000")j")), rejected("\"role\":" + std::string(nul_issue)));
  const std::string long_text = "\\ud800" + std::string(10, 'x');
  EXPECT_EQ(check(things(), with_title("\"code\":\"" + long_text + "\"")), rejected("\"code\":" + surrogate_issue("U+D800")));
}

TEST(UnstorableText, JsonValuesAndTheirKeys) {
  EXPECT_EQ(check(things(), with_title(R"j("meta":"\u0000")j")), rejected("\"meta\":" + std::string(nul_issue)));
  EXPECT_EQ(check(things(), with_title(R"j("meta":{"a":[1,{"b":"x\u0000"}]})j")),
            rejected("\"meta\":" + std::string(nul_issue)));
  EXPECT_EQ(check(things(), with_title(R"j("meta":{"a\u0000":1})j")), rejected("\"meta\":" + std::string(nul_issue)));
  EXPECT_EQ(check(things(), with_title(R"j("meta":["\udc00"])j")), rejected("\"meta\":" + surrogate_issue("U+DC00")));
  // A key's lone surrogate would otherwise be replaced by U+FFFD in the copy.
  EXPECT_EQ(check(things(), with_title(R"j("meta":{"k\ud800":1}, "note":"n")j")),
            rejected("\"meta\":" + surrogate_issue("U+D800")));
}

TEST(UnstorableText, OnlyTheValueItselfIsRead) {
  // The text after a json value (another member's) is not the json column's.
  EXPECT_EQ(check(things(), with_title(R"j("meta":[1], "note":"\u0000")j")), rejected("\"note\":" + std::string(nul_issue)));
  EXPECT_EQ(check(things(), with_title(R"j("meta":"x" , "note":"\ud800")j")),
            rejected("\"note\":" + surrogate_issue("U+D800")));
}

TEST(UnstorableText, StorableTextIsAccepted) {
  EXPECT_EQ(check(things(), with_title(R"j("note":"\ud83d\ude00 \\u0000 \u0001","meta":{"\ud83d\ude00":"\\ud800"})j")),
            "accepted {\"note\":\"😀 \\\\u0000 \\u0001\",\"meta\":{\"😀\":\"\\\\ud800\"},\"title\":\"t\"}");
}

TEST(UnstorableText, IssuesOnSeveralFieldsAllReported) {
  EXPECT_EQ(check(things(), R"j({"note":"\u0000","title":"\ud800","count":"x"})j"),
            rejected("\"count\":[\"Expected number, received string\"],\"note\":" + std::string(nul_issue) +
                     ",\"title\":" + surrogate_issue("U+D800")));
}

}  // namespace
}  // namespace sluice::validate::testing
