#include <gtest/gtest.h>

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

TEST(ValidatorTypes, EveryTypeAcceptedAndNormalised) {
  EXPECT_EQ(check(things(), R"j({"role":"editor","ref":"123e4567-E89B-12d3-a456-426614174000","meta":{"a" : [1, 2.0, "\u00e9"]},)j"
                            R"j("day":"2024-02-29","at":"2024-01-01T10:00:00.123456+02:00","flag":true,"code":"abcde",)j"
                            R"j("note":"n","price":"12.50","ratio":1e2,"big":9007199254740991,"count":-2147483648,"id":1,"title":"t"})j"),
            R"j(accepted {"id":1,"count":-2147483648,"big":9007199254740991,"ratio":100,"price":"12.50","note":"n",)j"
            R"j("code":"abcde","flag":true,"at":"2024-01-01T08:00:00.123Z","day":"2024-02-29","meta":{"a":[1,2,"é"]},)j"
            R"j("ref":"123e4567-E89B-12d3-a456-426614174000","role":"editor","title":"t"})j");
}

TEST(ValidatorTypes, NullableColumnsAcceptNull) {
  EXPECT_EQ(check(things(), with_title(R"j("count":null,"meta":null,"at":null,"role":null)j")),
            R"j(accepted {"count":null,"at":null,"meta":null,"role":null,"title":"t"})j");
}

TEST(ValidatorTypes, RequiredAndNotNull) {
  EXPECT_EQ(check(things(), "{}"), rejected(R"j("title":["Required"])j"));
  EXPECT_EQ(check(things(), R"j({"title":null})j"), rejected(R"j("title":["Expected string, received null"])j"));
  EXPECT_EQ(check(things(), R"j({"title":"t","id":null})j"), rejected(R"j("id":["Expected number, received null"])j"));
}

TEST(ValidatorTypes, IntegerRangeAndIntegrality) {
  EXPECT_EQ(check(things(), with_title(R"j("count":1.5)j")), rejected(R"j("count":["Expected integer, received float"])j"));
  EXPECT_EQ(check(things(), with_title(R"j("count":2147483648)j")),
            rejected(R"j("count":["Number must be less than or equal to 2147483647"])j"));
  EXPECT_EQ(check(things(), with_title(R"j("count":-2147483649)j")),
            rejected(R"j("count":["Number must be greater than or equal to -2147483648"])j"));
  EXPECT_EQ(check(things(), with_title(R"j("count":3000000000.5)j")),
            rejected(R"j("count":["Number must be less than or equal to 2147483647","Expected integer, received float"])j"));
  EXPECT_EQ(check(things(), with_title(R"j("count":"1")j")), rejected(R"j("count":["Expected number, received string"])j"));
  EXPECT_EQ(check(things(), with_title(R"j("count":1e400)j")),
            rejected(R"j("count":["Number must be less than or equal to 2147483647","Expected integer, received float"])j"));
  EXPECT_EQ(check(things(), with_title(R"j("count":1.0)j")), R"j(accepted {"count":1,"title":"t"})j");
}

TEST(ValidatorTypes, BigintIsASafeInteger) {
  EXPECT_EQ(check(things(), with_title(R"j("big":9007199254740992)j")),
            rejected(R"j("big":["Number must be less than or equal to 9007199254740991"])j"));
  EXPECT_EQ(check(things(), with_title(R"j("big":-9007199254740992)j")),
            rejected(R"j("big":["Number must be greater than or equal to -9007199254740991"])j"));
}

TEST(ValidatorTypes, RealAndNumeric) {
  EXPECT_EQ(check(things(), with_title(R"j("ratio":0.1,"price":12.5)j")), R"j(accepted {"ratio":0.1,"price":12.5,"title":"t"})j");
  EXPECT_EQ(check(things(), with_title(R"j("ratio":"1")j")), rejected(R"j("ratio":["Expected number, received string"])j"));
  EXPECT_EQ(check(things(), with_title(R"j("price":"-1.5e3")j")), R"j(accepted {"price":"-1.5e3","title":"t"})j");
  EXPECT_EQ(check(things(), with_title(R"j("price":"12,5")j")), rejected(R"j("price":["Invalid"])j"));
  EXPECT_EQ(check(things(), with_title(R"j("price":true)j")), rejected(R"j("price":["Expected string, received boolean"])j"));
}

TEST(ValidatorTypes, StringsAndVarcharLength) {
  EXPECT_EQ(check(things(), with_title(R"j("note":5)j")), rejected(R"j("note":["Expected string, received number"])j"));
  EXPECT_EQ(check(things(), with_title(R"j("note":{})j")), rejected(R"j("note":["Expected string, received object"])j"));
  EXPECT_EQ(check(things(), with_title(R"j("note":[])j")), rejected(R"j("note":["Expected string, received array"])j"));
  EXPECT_EQ(check(things(), with_title(R"j("code":"abcdef")j")),
            rejected(R"j("code":["String must contain at most 5 character(s)"])j"));
}

TEST(ValidatorTypes, Boolean) {
  EXPECT_EQ(check(things(), with_title(R"j("flag":"true")j")), rejected(R"j("flag":["Expected boolean, received string"])j"));
  EXPECT_EQ(check(things(), with_title(R"j("flag":1)j")), rejected(R"j("flag":["Expected boolean, received number"])j"));
}

TEST(ValidatorTypes, TimestampsNeedAZoneAndACalendarDate) {
  EXPECT_EQ(check(things(), with_title(R"j("at":"2024-01-01T00:30:00+01:00")j")),
            R"j(accepted {"at":"2023-12-31T23:30:00.000Z","title":"t"})j");
  EXPECT_EQ(check(things(), with_title(R"j("at":"2024-01-01 10:00Z")j")), R"j(accepted {"at":"2024-01-01T10:00:00.000Z","title":"t"})j");
  for (std::string_view bad : {R"j("2024-01-01T10:00:00")j", R"j("2023-02-29T00:00:00Z")j", R"j("2024-01-01")j",
                               R"j("yesterday")j", R"j("2024-01-01T25:00:00Z")j", R"j("")j"}) {
    EXPECT_EQ(check(things(), with_title("\"at\":" + std::string(bad))), rejected(R"j("at":["Invalid date"])j")) << bad;
  }
  EXPECT_EQ(check(things(), with_title(R"j("at":1704103200000)j")), rejected(R"j("at":["Expected string, received number"])j"));
}

TEST(ValidatorTypes, Dates) {
  EXPECT_EQ(check(things(), with_title(R"j("day":"2000-02-29")j")), R"j(accepted {"day":"2000-02-29","title":"t"})j");
  EXPECT_EQ(check(things(), with_title(R"j("day":"1900-02-29")j")), rejected(R"j("day":["Invalid date"])j"));
  EXPECT_EQ(check(things(), with_title(R"j("day":"2024-1-1")j")), rejected(R"j("day":["Invalid date"])j"));
  EXPECT_EQ(check(things(), with_title(R"j("day":"2024-01-01T00:00:00Z")j")), rejected(R"j("day":["Invalid date"])j"));
}

TEST(ValidatorTypes, JsonTakesAnyValue) {
  EXPECT_EQ(check(things(), with_title(R"j("meta":"x")j")), R"j(accepted {"meta":"x","title":"t"})j");
  EXPECT_EQ(check(things(), with_title(R"j("meta":[1.50,true,null,{"k":"\u0041"}])j")),
            R"j(accepted {"meta":[1.5,true,null,{"k":"A"}],"title":"t"})j");
}

TEST(ValidatorTypes, UuidColumns) {
  EXPECT_EQ(check(things(), with_title(R"j("ref":"123e4567-e89b-12d3-a456-42661417400")j")),
            rejected(R"j("ref":["Invalid uuid"])j"));
  EXPECT_EQ(check(things(), with_title(R"j("ref":"123e4567e89b12d3a456426614174000")j")), rejected(R"j("ref":["Invalid uuid"])j"));
  EXPECT_EQ(check(things(), with_title(R"j("ref":"g23e4567-e89b-12d3-a456-426614174000")j")), rejected(R"j("ref":["Invalid uuid"])j"));
}

TEST(ValidatorTypes, Enums) {
  EXPECT_EQ(check(things(), with_title(R"j("role":"root")j")),
            rejected(R"j("role":["Invalid enum value. Expected 'admin' | 'editor' | 'viewer', received 'root'"])j"));
  EXPECT_EQ(check(things(), with_title(R"j("role":5)j")),
            rejected(R"j("role":["Expected 'admin' | 'editor' | 'viewer', received number"])j"));
}

TEST(ValidatorTypes, IssuesFollowSchemaColumnOrder) {
  EXPECT_EQ(check(things(), R"j({"role":"x","flag":"y","count":"z"})j"),
            rejected(R"j("count":["Expected number, received string"],"flag":["Expected boolean, received string"],)j"
                     R"j("role":["Invalid enum value. Expected 'admin' | 'editor' | 'viewer', received 'x'"],"title":["Required"])j"));
}

}  // namespace
}  // namespace sluice::validate::testing
