#include <gtest/gtest.h>

#include "decode_test_support.h"

namespace sluice::decode::testing {
namespace {

TEST(DecodeRows, TutorialUsersWithPostsFromD1) {
  auto fields = user_fields();
  fields.push_back(many("posts", post_fields()));
  const std::string_view rows =
      R"([[1,"alice@example.com","Alice","admin",1,1795464570545,1795464570545,)"
      R"([[1,1,"Hello","First post",1,1704103200000],[2,1,"Draft",null,0,1704189600000]]],)"
      R"([2,"bob@example.com","Bob","viewer",0,1767225600000,1767225600000,[]]])";
  EXPECT_EQ(output(make_plan(result_shape::rows, fields), input_format::rows, rows),
            R"([{"id":1,"email":"alice@example.com","name":"Alice","role":"admin","isActive":true,)"
            R"("createdAt":"2026-11-23T20:09:30.545Z","updatedAt":"2026-11-23T20:09:30.545Z","posts":[)"
            R"({"id":1,"authorId":1,"title":"Hello","body":"First post","published":true,"createdAt":"2024-01-01T10:00:00.000Z"},)"
            R"({"id":2,"authorId":1,"title":"Draft","body":null,"published":false,"createdAt":"2024-01-02T10:00:00.000Z"}]},)"
            R"({"id":2,"email":"bob@example.com","name":"Bob","role":"viewer","isActive":false,)"
            R"("createdAt":"2026-01-01T00:00:00.000Z","updatedAt":"2026-01-01T00:00:00.000Z","posts":[]}])");
}

// users -> posts -> author, two levels deep, with the relation cells as arrays and as strings.
plan nested_plan() {
  return make_plan(result_shape::rows,
                   {scalar("id", value_type::integer),
                    many("posts", {scalar("title", value_type::text),
                                   one("author", {scalar("name", value_type::text),
                                                  scalar("createdAt", value_type::timestamp)})})});
}

constexpr std::string_view nested_expected =
    R"([{"id":1,"posts":[{"title":"A","author":{"name":"Al","createdAt":"2024-01-01T10:00:00.000Z"}},)"
    R"({"title":"B","author":null}]}])";

TEST(DecodeRows, NestedRelationsFromArrays) {
  EXPECT_EQ(output(nested_plan(), input_format::rows,
                   R"([[1,[["A",["Al",1704103200000]],["B",null]]]])"),
            nested_expected);
}

TEST(DecodeRows, NestedRelationsFromStrings) {
  EXPECT_EQ(output(nested_plan(), input_format::rows,
                   R"([[1,"[[\"A\",\"[\\\"Al\\\",1704103200000]\"],[\"B\",null]]"]])"),
            nested_expected);
  EXPECT_EQ(output(nested_plan(), input_format::rows,
                   R"([[1,"[[\"A\",[\"Al\",\"2024-01-01T10:00:00\"]],[\"B\",\"null\"]]"]])"),
            nested_expected);
}

TEST(DecodeRows, NullRelationCellsAreNull) {
  EXPECT_EQ(output(nested_plan(), input_format::rows, R"([[1,null]])"), R"([{"id":1,"posts":null}])");
}

TEST(DecodeRows, GroupIsNullWhenAllItsCellsAre) {
  const plan p = make_plan(result_shape::rows,
                           {group("users", {scalar("id", value_type::integer), scalar("name", value_type::text)}),
                            group("posts", {scalar("id", value_type::integer), scalar("title", value_type::text),
                                            scalar("published", value_type::boolean)})});
  EXPECT_EQ(output(p, input_format::rows, R"([[1,"Al",null,null,null],[2,"Bo",null,"T",0],[3,"Cy",7,"U",1]])"),
            R"([{"users":{"id":1,"name":"Al"},"posts":null},)"
            R"({"users":{"id":2,"name":"Bo"},"posts":{"id":null,"title":"T","published":false}},)"
            R"({"users":{"id":3,"name":"Cy"},"posts":{"id":7,"title":"U","published":true}}])");
}

TEST(DecodeRows, NestedGroupsOpenOnTheirFirstValue) {
  const plan p = make_plan(result_shape::rows,
                           {group("user", {scalar("id", value_type::integer),
                                           group("profile", {scalar("bio", value_type::text)}),
                                           scalar("name", value_type::text)})});
  EXPECT_EQ(output(p, input_format::rows, R"([[null,null,null],[null,"hi",null],[null,null,"Al"],[1,null,null]])"),
            R"([{"user":null},{"user":{"id":null,"profile":{"bio":"hi"},"name":null}},)"
            R"({"user":{"id":null,"profile":null,"name":"Al"}},{"user":{"id":1,"profile":null,"name":null}}])");
}

TEST(DecodeRows, FirstAndCount) {
  const plan first = make_plan(result_shape::first, {scalar("id", value_type::integer)});
  EXPECT_EQ(output(first, input_format::rows, "[[5],[6]]"), R"({"id":5})");
  EXPECT_EQ(output(first, input_format::rows, "[]"), "null");
  const plan count = make_plan(result_shape::count, {scalar("count", value_type::integer)});
  EXPECT_EQ(output(count, input_format::rows, "[[3]]"), "3");
  EXPECT_EQ(output(count, input_format::rows, R"([["3"]])"), "3");
}

// A count reads its whole answer: one row of one non-null cell, nothing after it.
TEST(DecodeRows, CountRefusesAnyOtherShape) {
  const plan count = make_plan(result_shape::count, {scalar("count", value_type::integer)});
  for (const char* answer : {"[]", "[[]]", "[[3],[4]]", "[[3,4]]", "[[null]]", "[[3]]]", "[[3]]x", "[[888888888888888888888{}]]"}) {
    const auto out = run(count, input_format::rows, answer);
    EXPECT_FALSE(out.ok()) << answer;
  }
  const auto neon = run(count, input_format::neon, R"({"fields":[{"name":"count"}],"rows":[["3"],["4"]]})");
  EXPECT_FALSE(neon.ok());
}

TEST(DecodeRows, NoneIsNull) {
  EXPECT_EQ(output(make_plan(result_shape::none, {}), input_format::rows, "[]"), "null");
}

TEST(DecodeRows, BigintBeyondSafeIntegersBecomesAString) {
  const plan p = make_plan(result_shape::rows, {scalar("v", value_type::bigint)});
  EXPECT_EQ(output(p, input_format::rows,
                   "[[9007199254740991],[-9007199254740991],[9007199254740992],[-9223372036854775808],"
                   "[123456789012345678901234],[1.5e300],[\"18446744073709551615\"]]"),
            R"([{"v":9007199254740991},{"v":-9007199254740991},{"v":"9007199254740992"},)"
            R"({"v":"-9223372036854775808"},{"v":"123456789012345678901234"},{"v":"1.5e+300"},)"
            R"({"v":"18446744073709551615"}])");
}

TEST(DecodeRows, NumbersAreSpelledAsJavaScriptSpellsThem) {
  const plan p = make_plan(result_shape::rows, {scalar("v", value_type::real)});
  EXPECT_EQ(output(p, input_format::rows,
                   "[[1.0],[1e2],[-0],[0.1e1],[1E-7],[123456789012345678],[1.5e300],[0.000001],[1e21],[1.50],"
                   "[3.14],[-2.5],[0.30000000000000004]]"),
            R"([{"v":1},{"v":100},{"v":0},{"v":1},{"v":1e-7},{"v":123456789012345680},{"v":1.5e+300},)"
            R"({"v":0.000001},{"v":1e+21},{"v":1.5},{"v":3.14},{"v":-2.5},{"v":0.30000000000000004}])");
}

TEST(DecodeRows, NumericAndTextFromNumbersAreStrings) {
  const plan p = make_plan(result_shape::rows, {scalar("n", value_type::numeric), scalar("t", value_type::text)});
  EXPECT_EQ(output(p, input_format::rows, "[[12.5,7.0],[1e21,3]]"),
            R"([{"n":"12.5","t":"7"},{"n":"1e+21","t":"3"}])");
}

TEST(DecodeRows, BooleansFromNumbersAndText) {
  const plan p = make_plan(result_shape::rows, {scalar("v", value_type::boolean)});
  EXPECT_EQ(output(p, input_format::rows, R"([[1],[0],[true],[false],["t"],["f"],[1.0]])"),
            R"([{"v":true},{"v":false},{"v":true},{"v":false},{"v":true},{"v":false},{"v":true}])");
  EXPECT_EQ(output(p, input_format::rows, "[[2]]"),
            R"({"code":"invalid_result","message":"expected a boolean, got 2","path":["0","v"]})");
}

TEST(DecodeRows, JsonCellsAreCopiedCompactly) {
  const plan p = make_plan(result_shape::rows, {scalar("j", value_type::json)});
  EXPECT_EQ(output(p, input_format::rows,
                   R"([[{"a" : [1.0, {"b": "\u00e9\/"}]}],[ "{\"x\":  1}" ],["plain text"],[42],[null],[true]])"),
            R"([{"j":{"a":[1,{"b":"é/"}]}},{"j":{"x":1}},{"j":"plain text"},{"j":42},{"j":null},{"j":true}])");
}

TEST(DecodeRows, TextIsEscapedExactlyAsJsonStringify) {
  const plan p = make_plan(result_shape::rows, {scalar("t", value_type::text)});
  // Expected bytes are what JSON.stringify(JSON.parse(input)) produces in JavaScript.
  EXPECT_EQ(output(p, input_format::rows,
                   R"([["a\"b\\c\n\t\u0001\u001f)" "\x7f\xe2\x80\xa8\xc3\xa9\xf0\x9f\x98\x80" R"("],)"
                   R"(["\u00e9\/\ud83d\ude00\u0000\b\f"],["\ud800\u0041"],["\udc00x"],["\uD83D\uDE00"]])"),
            R"([{"t":"a\"b\\c\n\t\u0001\u001f)" "\x7f\xe2\x80\xa8\xc3\xa9\xf0\x9f\x98\x80" R"("},)"
            R"({"t":"é/😀\u0000\b\f"},{"t":"\ud800A"},{"t":"\udc00x"},{"t":"😀"}])");
}

TEST(DecodeRows, TimestampEdgeCases) {
  const plan p = make_plan(result_shape::rows, {scalar("v", value_type::timestamp)});
  EXPECT_EQ(output(p, input_format::rows,
                   R"([[-1],[-1.5],[-86400001],[951825600000.7],[0],[8640000000000000],[-8640000000000000],)"
                   R"([8640000000000001],["2024-02-29 12:00:00+00"],["2024-01-01 01:30:00+05:30"],)"
                   R"(["2024-12-31 20:00:00-08"],["2024-01-01T10:00:00.123456"],["1969-07-20 20:17:40.9999+00"],)"
                   R"(["0001-01-01 00:00:00+01"],["9999-12-31 23:59:59.999-01"],["1850-06-01 12:00:00+05:53:28"],)"
                   R"(["infinity"]])"),
            R"([{"v":"1969-12-31T23:59:59.999Z"},{"v":"1969-12-31T23:59:59.999Z"},{"v":"1969-12-30T23:59:59.999Z"},)"
            R"({"v":"2000-02-29T12:00:00.000Z"},{"v":"1970-01-01T00:00:00.000Z"},{"v":"+275760-09-13T00:00:00.000Z"},)"
            R"({"v":"-271821-04-20T00:00:00.000Z"},{"v":null},{"v":"2024-02-29T12:00:00.000Z"},)"
            R"({"v":"2023-12-31T20:00:00.000Z"},{"v":"2025-01-01T04:00:00.000Z"},{"v":"2024-01-01T10:00:00.123Z"},)"
            R"({"v":"1969-07-20T20:17:40.999Z"},{"v":"0000-12-31T23:00:00.000Z"},{"v":"+010000-01-01T00:59:59.999Z"},)"
            R"({"v":"1850-06-01T06:06:32.000Z"},{"v":null}])");
}

TEST(DecodeRows, InvalidCalendarDatesAreRejected) {
  const plan p = make_plan(result_shape::rows, {scalar("v", value_type::timestamp)});
  for (std::string_view bad : {R"([["2023-02-29 00:00:00+00"]])", R"([["1900-02-29 00:00:00"]])",
                               R"([["2024-13-01 00:00:00"]])", R"([["2024-01-01 24:00:00"]])",
                               R"([["0000-01-01 00:00:00"]])", R"([["2024-01-01 00:00:00 BC"]])"}) {
    auto out = run(p, input_format::rows, bad);
    ASSERT_FALSE(out.ok()) << bad;
    EXPECT_EQ(out.err().code, error_code::invalid_result) << bad;
  }
}

TEST(DecodeRows, DatesFromTextTimestampsAndEpochMilliseconds) {
  const plan p = make_plan(result_shape::rows, {scalar("v", value_type::date)});
  EXPECT_EQ(output(p, input_format::rows, R"([["2024-02-29"],["2024-01-01 01:30:00+05:30"],[-1],[1704103200000]])"),
            R"([{"v":"2024-02-29"},{"v":"2023-12-31"},{"v":"1969-12-31"},{"v":"2024-01-01"}])");
}

TEST(DecodeRows, ErrorsNameWhatDidNotFit) {
  const plan p = make_plan(result_shape::rows, post_fields());
  EXPECT_EQ(output(p, input_format::rows, R"([[1,1,"T","B",1,1704103200000],[2,1,"T"]])"),
            R"({"code":"invalid_result","message":"the row ends after 3 cells","path":["1","body"]})");
  EXPECT_EQ(output(p, input_format::rows, R"([[1,1,"T","B",1,1704103200000,"extra"]])"),
            R"({"code":"invalid_result","message":"the row has more cells than the 6 the plan reads","path":["0"]})");
  EXPECT_EQ(output(p, input_format::rows, R"([[1,1,"T","B",1,"yesterday"]])"),
            R"({"code":"invalid_result","message":"expected a timestamp, got \"yesterday\"","path":["0","createdAt"]})");
  EXPECT_EQ(output(p, input_format::rows, R"([{"id":1}])"),
            R"({"code":"invalid_result","message":"a row must be an array of cells","path":["0"]})");
}

TEST(DecodeRows, WrongTokenForARelation) {
  EXPECT_EQ(output(nested_plan(), input_format::rows, R"([[1,42]])"),
            R"({"code":"invalid_result","message":"a relation cell must be an array, a string holding one, or null","path":["0","posts"]})");
  EXPECT_EQ(output(nested_plan(), input_format::rows, R"([[1,[["A",["Al","noon"]]]]])"),
            R"({"code":"invalid_result","message":"expected a timestamp, got \"noon\"","path":["0","posts","0","author","createdAt"]})");
  EXPECT_EQ(output(nested_plan(), input_format::rows, R"([[1,"{\"a\":1}"]])"),
            R"({"code":"invalid_result","message":"a relation string must hold an array or null","path":["0","posts"]})");
}

TEST(DecodeRows, MalformedJsonIsInvalidJson) {
  const plan p = make_plan(result_shape::rows, {scalar("id", value_type::integer)});
  for (std::string_view bad : {"", "[[1]", "[[1]] x", "[[1,]]", "{", R"([["\q"]])"}) {
    auto out = run(p, input_format::rows, bad);
    ASSERT_FALSE(out.ok()) << bad;
    EXPECT_TRUE(out.err().code == error_code::invalid_json || out.err().code == error_code::invalid_result)
        << bad << " " << out.err().message;
  }
  auto out = run(p, input_format::rows, "[[1]] x");
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.err().code, error_code::invalid_json);
}

}  // namespace
}  // namespace sluice::decode::testing
