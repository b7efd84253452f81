#include <gtest/gtest.h>

#include "decode_test_support.h"

namespace sluice::decode::testing {
namespace {

// drizzle-behaviour §2: findFirst users with posts, as JSON.stringify writes drizzle's result.
constexpr std::string_view alice_with_posts =
    R"({"id":1,"email":"alice@example.com","name":"Alice","role":"admin","isActive":true,)"
    R"("createdAt":"2026-11-23T20:09:30.545Z","updatedAt":"2026-11-23T20:09:30.545Z","posts":[)"
    R"({"id":1,"authorId":1,"title":"Hello","body":"First post","published":true,"createdAt":"2024-01-01T10:00:00.000Z"},)"
    R"({"id":2,"authorId":1,"title":"Draft","body":null,"published":false,"createdAt":"2024-01-02T10:00:00.000Z"}]})";

std::vector<field> user_with_posts() {
  auto fields = user_fields();
  fields.push_back(many("posts", post_fields()));
  return fields;
}

TEST(DecodeNeon, TutorialFindFirstWithPosts) {
  // Relation cells are text holding the JSON Postgres built (json_agg keeps its spacing).
  const std::string_view body =
      R"({"fields":[{"name":"id","dataTypeID":23,"tableID":0,"columnID":0,"dataTypeSize":4,"dataTypeModifier":-1,"format":"text"}],)"
      R"("command":"SELECT","rowCount":1,"rows":[["1","alice@example.com","Alice","admin","t",)"
      R"("2026-11-23 20:09:30.545502+00","2026-11-23 20:09:30.545502+00",)"
      R"("[[1, 1, \"Hello\", \"First post\", true, \"2024-01-01T10:00:00+00:00\"], \n )"
      R"([2, 1, \"Draft\", null, false, \"2024-01-02T10:00:00+00:00\"]]"]],"rowAsArray":true})";
  EXPECT_EQ(output(make_plan(result_shape::first, user_with_posts()), input_format::neon, body),
            alice_with_posts);
}

TEST(DecodeNeon, RowsMemberMayComeFirstOrLast) {
  const plan p = make_plan(result_shape::rows, {scalar("id", value_type::integer)});
  EXPECT_EQ(output(p, input_format::neon, R"({"rows":[["1"],["2"]],"fields":[],"command":"SELECT"})"),
            R"([{"id":1},{"id":2}])");
  EXPECT_EQ(output(p, input_format::neon, R"({"command":"SELECT","fields":[{"name":"id"}],"rowCount":0,"rows":[]})"),
            "[]");
}

// The bindings keep one writer for every decode: each call starts a new document in it,
// a failed one included, and a none plan writes null.
TEST(DecodeNeon, DecodeIntoReusesOneWriter) {
  const plan p = make_plan(result_shape::rows, {scalar("id", value_type::integer)});
  std::string big = R"({"rows":[)";
  for (int i = 0; i < 200; ++i) big += (i ? R"(,[")" : R"([")") + std::to_string(i) + R"("])";
  big += "]}";
  json_writer w;
  ASSERT_TRUE(run_into(p, input_format::neon, big, w).ok());
  EXPECT_EQ(w.str().substr(0, 20), R"([{"id":0},{"id":1},{)");
  const std::string small = R"({"rows":[["7"]]})";
  ASSERT_TRUE(run_into(p, input_format::neon, small, w).ok());
  EXPECT_EQ(w.str(), R"([{"id":7}])");
  EXPECT_FALSE(run_into(p, input_format::neon, R"({"rows":[["x"]]})", w).ok());
  ASSERT_TRUE(run_into(make_plan(result_shape::none, {}), input_format::neon, small, w).ok());
  EXPECT_EQ(w.str(), "null");
}

TEST(DecodeNeon, FirstWithNoRowsIsNull) {
  const plan p = make_plan(result_shape::first, user_fields());
  EXPECT_EQ(output(p, input_format::neon, R"({"fields":[],"rows":[],"command":"SELECT","rowCount":0})"),
            "null");
}

TEST(DecodeNeon, CountFromBigintText) {
  const plan p = make_plan(result_shape::count, {scalar("count", value_type::integer)});
  EXPECT_EQ(output(p, input_format::neon, R"({"rows":[["3"]],"fields":[]})"), "3");
}

TEST(DecodeNeon, NullCellsStayNull) {
  const plan p = make_plan(result_shape::rows, post_fields());
  EXPECT_EQ(output(p, input_format::neon, R"({"rows":[["2","1","Draft",null,"f","2024-01-02 10:00:00+00"]]})"),
            R"([{"id":2,"authorId":1,"title":"Draft","body":null,"published":false,"createdAt":"2024-01-02T10:00:00.000Z"}])");
}

TEST(DecodeNeon, EveryValueTypeFromText) {
  const plan p = make_plan(
      result_shape::rows,
      {scalar("i", value_type::integer), scalar("b", value_type::bigint), scalar("big", value_type::bigint),
       scalar("r", value_type::real), scalar("n", value_type::numeric), scalar("t", value_type::text),
       scalar("yes", value_type::boolean), scalar("no", value_type::boolean),
       scalar("ts", value_type::timestamp), scalar("plain", value_type::timestamp),
       scalar("d", value_type::date), scalar("j", value_type::json), scalar("jb", value_type::json)});
  const std::string_view body =
      R"({"rows":[["-42","9007199254740991","9007199254740993","1e+20","12.50","x","t","f",)"
      R"("2024-01-02 03:04:05.123+00","2024-01-02 03:04:05.123456","2024-01-02",)"
      R"("{\"a\": [1, 2.50, \"\\u00e9\"], \"b\": null}","[true, {}]"]]})";
  EXPECT_EQ(output(p, input_format::neon, body),
            R"([{"i":-42,"b":9007199254740991,"big":"9007199254740993","r":100000000000000000000,)"
            R"("n":"12.50","t":"x","yes":true,"no":false,"ts":"2024-01-02T03:04:05.123Z",)"
            R"("plain":"2024-01-02T03:04:05.123Z","d":"2024-01-02","j":{"a":[1,2.5,"é"],"b":null},"jb":[true,{}]}])");
}

TEST(DecodeNeon, FloatSpecialsBecomeNullAsJsonStringifyWrites) {
  const plan p = make_plan(result_shape::rows, {scalar("a", value_type::real), scalar("b", value_type::real),
                                                scalar("c", value_type::real)});
  EXPECT_EQ(output(p, input_format::neon, R"({"rows":[["NaN","Infinity","-Infinity"]]})"),
            R"([{"a":null,"b":null,"c":null}])");
}

TEST(DecodeNeon, BooleanSpellings) {
  const plan p = make_plan(result_shape::rows, {scalar("v", value_type::boolean)});
  EXPECT_EQ(output(p, input_format::neon, R"({"rows":[["t"],["f"],["true"],["false"],["1"],["0"]]})"),
            R"([{"v":true},{"v":false},{"v":true},{"v":false},{"v":true},{"v":false}])");
}

TEST(DecodeNeon, ResponseWithoutRowsIsInvalidResult) {
  const plan p = make_plan(result_shape::rows, {scalar("id", value_type::integer)});
  EXPECT_EQ(output(p, input_format::neon, R"({"message":"relation \"users\" does not exist","code":"42P01"})"),
            R"({"code":"invalid_result","message":"the Neon response has no \"rows\""})");
  EXPECT_EQ(output(p, input_format::neon, "[]"),
            R"({"code":"invalid_result","message":"a Neon response must be an object"})");
}

}  // namespace
}  // namespace sluice::decode::testing
