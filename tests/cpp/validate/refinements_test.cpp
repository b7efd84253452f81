#include <gtest/gtest.h>

#include "validate_test_support.h"

namespace sluice::validate::testing {
namespace {

validator refined(std::string_view column, std::string_view checks) {
  return load(every_type_catalog(), R"j({"table":"things","pick":[")j" + std::string(column) +
                                        R"j("],"refine":{")j" + std::string(column) + R"j(":)j" +
                                        std::string(checks) + "}}");
}

std::string one(std::string_view column, std::string_view value) {
  return "{\"" + std::string(column) + "\":" + std::string(value) + "}";
}

TEST(Refinements, StringLengths) {
  const validator v = refined("note", R"j([{"check":"min","value":2},{"check":"max","value":4}])j");
  EXPECT_EQ(check(v, one("note", R"j("a")j")), rejected(R"j("note":["String must contain at least 2 character(s)"])j"));
  EXPECT_EQ(check(v, one("note", R"j("abcde")j")), rejected(R"j("note":["String must contain at most 4 character(s)"])j"));
  const validator exact = refined("note", R"j([{"check":"length","value":3}])j");
  EXPECT_EQ(check(exact, one("note", R"j("ab")j")), rejected(R"j("note":["String must contain exactly 3 character(s)"])j"));
  EXPECT_EQ(check(exact, one("note", R"j("abcd")j")), rejected(R"j("note":["String must contain exactly 3 character(s)"])j"));
  EXPECT_EQ(check(exact, one("note", R"j("abc")j")), R"j(accepted {"note":"abc"})j");
}

TEST(Refinements, Formats) {
  EXPECT_EQ(check(refined("note", R"j([{"check":"email"}])j"), one("note", R"j("x@")j")), rejected(R"j("note":["Invalid email"])j"));
  EXPECT_EQ(check(refined("note", R"j([{"check":"url"}])j"), one("note", R"j("example.com")j")), rejected(R"j("note":["Invalid url"])j"));
  EXPECT_EQ(check(refined("note", R"j([{"check":"url"}])j"), one("note", R"j("https://example.com")j")),
            R"j(accepted {"note":"https://example.com"})j");
  EXPECT_EQ(check(refined("note", R"j([{"check":"uuid"}])j"), one("note", R"j("nope")j")), rejected(R"j("note":["Invalid uuid"])j"));
  EXPECT_EQ(check(refined("note", R"j([{"check":"regex","pattern":"^[a-z]+$"}])j"), one("note", R"j("abc1")j")),
            rejected(R"j("note":["Invalid"])j"));
  EXPECT_EQ(check(refined("note", R"j([{"check":"regex","pattern":"^[a-z]+$","flags":"i"}])j"), one("note", R"j("ABC")j")),
            R"j(accepted {"note":"ABC"})j");
}

TEST(Refinements, EveryFailingCheckIsReported) {
  const validator v = refined("note", R"j([{"check":"min","value":5},{"check":"email"},{"check":"regex","pattern":"^z"}])j");
  EXPECT_EQ(check(v, one("note", R"j("abc")j")),
            rejected(R"j("note":["String must contain at least 5 character(s)","Invalid email","Invalid"])j"));
}

TEST(Refinements, NumberBounds) {
  const validator v = refined("ratio", R"j([{"check":"gt","value":0},{"check":"lt","value":1.5},{"check":"int"}])j");
  EXPECT_EQ(check(v, one("ratio", "0")), rejected(R"j("ratio":["Number must be greater than 0"])j"));
  EXPECT_EQ(check(v, one("ratio", "1.5")),
            rejected(R"j("ratio":["Number must be less than 1.5","Expected integer, received float"])j"));
  EXPECT_EQ(check(v, one("ratio", "1")), R"j(accepted {"ratio":1})j");
  const validator inclusive = refined("count", R"j([{"check":"gte","value":1},{"check":"lte","value":10}])j");
  EXPECT_EQ(check(inclusive, one("count", "0")), rejected(R"j("count":["Number must be greater than or equal to 1"])j"));
  EXPECT_EQ(check(inclusive, one("count", "11")), rejected(R"j("count":["Number must be less than or equal to 10"])j"));
  const validator min_max = refined("count", R"j([{"check":"min","value":-0.5},{"check":"max","value":1e21}])j");
  EXPECT_EQ(check(min_max, one("count", "-1")), rejected(R"j("count":["Number must be greater than or equal to -0.5"])j"));
}

TEST(Refinements, RefinementsOnAnOmittedColumnChangeNothing) {
  const validator v = load(every_type_catalog(),
                           R"j({"table":"things","pick":["title"],"refine":{"note":[{"check":"min","value":3}]}})j");
  EXPECT_EQ(check(v, R"j({"title":"t","note":"x"})j"), R"j(accepted {"title":"t"})j");
}

}  // namespace
}  // namespace sluice::validate::testing
