// The scan for plain Neon selects: whatever it accepts it writes exactly as the general
// decoder does, and whatever is outside it (plans, escapes, malformed answers) it declines.
#include "decode/neon_flat.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "decode_test_support.h"

namespace sluice::decode::testing {
namespace {

// The flat scan's output, or nullopt when it declines.
std::optional<std::string> flat(const plan& p, std::string_view answer) {
  decode_context ctx;
  json_writer w;
  if (!decode_neon_flat(p, answer, ctx, w)) return std::nullopt;
  return w.take();
}

// A Neon answer around `rows`, its members in the order the gateway and Neon send them.
std::string neon_answer(std::string_view rows) {
  return R"({"command":"SELECT","fields":[{"name":"id","dataTypeID":23,"tableID":16385,"columnID":1,)"
         R"("dataTypeSize":4,"dataTypeModifier":-1,"format":"text"}],"rowCount":2,"rows":)" +
         std::string(rows) + R"(,"rowAsArray":true,"viaNeonFetch":true})";
}

const plan users = make_plan(result_shape::rows, user_fields());

TEST(NeonFlat, WritesWhatTheGeneralDecoderWrites) {
  const std::string rows =
      R"([["1","alice@example.com","Alice","admin","t","2026-11-23 20:09:30.545502+00","2026-11-23 20:09:30.5+00"],)"
      R"( [ "2" , "b\"o\\b\u00e9\n@example.com" , null , "viewer" , "f" , "1999-12-31 23:59:59+00" , "2000-01-01 00:00:00.123+05:30" ] ,)"
      R"(["9","caf\u00e9 \u2028 \ud83d\ude00","日本語 ✓","admin","true","0001-01-01 00:00:00+00","infinity"]])";
  const auto general = run(users, input_format::rows, rows);
  ASSERT_TRUE(general.ok());
  EXPECT_EQ(flat(users, neon_answer(rows)), general.value());
  EXPECT_EQ(output(users, input_format::neon, neon_answer(rows)), general.value());
}

TEST(NeonFlat, FirstWritesTheFirstRowOrNull) {
  const plan first = make_plan(result_shape::first, {scalar("id", value_type::integer), scalar("name", value_type::text)});
  EXPECT_EQ(flat(first, R"({"rows":[["7","x"],["8","y"]]})"), R"({"id":7,"name":"x"})");
  EXPECT_EQ(flat(first, R"({"rows":[]})"), "null");
  EXPECT_EQ(flat(first, R"({"rows":[["7","x"],["8"]]})"), R"({"id":7,"name":"x"})");
  EXPECT_EQ(flat(first, R"({"rows":[["7","x"],[}]})"), std::nullopt);
}

TEST(NeonFlat, ReadsTheFirstRowsMemberAndSkipsEveryOther) {
  const plan p = make_plan(result_shape::rows, {scalar("id", value_type::integer)});
  EXPECT_EQ(flat(p, R"( { "rows" : [ [ "1" ] ] , "rows" : 3, "x": {"a":[1,-2.5e+3,true,false,null,{}],"b":"\"}"} } )"),
            R"([{"id":1}])");
  EXPECT_EQ(flat(p, R"({"a\"":[],"rows":[]})"), "[]");
}

TEST(NeonFlat, DeclinesPlansItDoesNotRead) {
  const std::string answer = R"({"rows":[["1","2"]]})";
  EXPECT_EQ(flat(make_plan(result_shape::count, {}), answer), std::nullopt);
  EXPECT_EQ(flat(make_plan(result_shape::rows, {scalar("a", value_type::integer), scalar("j", value_type::json)}), answer),
            std::nullopt);
  EXPECT_EQ(flat(make_plan(result_shape::rows, {group("g", {scalar("a", value_type::integer), scalar("b", value_type::integer)})}),
                 answer),
            std::nullopt);
  EXPECT_EQ(flat(make_plan(result_shape::rows, {scalar("a", value_type::integer), many("m", {})}), answer), std::nullopt);
}

TEST(NeonFlat, DeclinesCellsItDoesNotConvert) {
  const plan p = make_plan(result_shape::rows, {scalar("id", value_type::integer), scalar("name", value_type::text)});
  EXPECT_EQ(flat(p, R"({"rows":[["1","a"]]})"), R"([{"id":1,"name":"a"}])");
  EXPECT_EQ(flat(p, R"({"rows":[["\u0031","a"]]})"), std::nullopt);
  EXPECT_EQ(flat(p, R"({"rows":[["x","a"]]})"), std::nullopt);
  EXPECT_EQ(flat(p, R"({"rows":[["1"]]})"), std::nullopt);
  EXPECT_EQ(flat(p, R"({"rows":[["1","a","b"]]})"), std::nullopt);
  EXPECT_EQ(flat(p, R"({"rows":[[1,"a"]]})"), std::nullopt);
  EXPECT_EQ(flat(p, R"({"rows":[["1",nul]]})"), std::nullopt);
  EXPECT_EQ(flat(p, R"({"rows":[["1","bad \x"]]})"), std::nullopt);
}

TEST(NeonFlat, DeclinesAnythingThatIsNotStrictJson) {
  const plan p = make_plan(result_shape::rows, {scalar("id", value_type::integer)});
  for (const std::string answer :
       {std::string(R"({"rows":[["1"]]} x)"), std::string(R"({"rows":[["1"]])"), std::string(R"({"rows":[["1"]],})"),
        std::string(R"({"rows":[["1"],]})"), std::string(R"({"rows":[["1"]],"n":01})"),
        std::string(R"({"rows":[["1"]],"n":1.})"), std::string(R"({"rows":[["1"]],"n":-})"),
        std::string(R"({"rows":[["1"]],"n":tru})"), std::string(R"({"rows":[["1"]],"s":"a)"),
        std::string("{\"rows\":[[\"1\"]],\"s\":\"a\tb\"}"), std::string("{\"rows\":[[\"1\"]],\"s\":\"\xff\"}"),
        std::string(R"({"rows":[["1"]],"d":)") + std::string(100, '[') + std::string(100, ']') + "}",
        std::string(R"({"fields":[]})"), std::string("[]"), std::string("")}) {
    EXPECT_EQ(flat(p, answer), std::nullopt) << answer;
  }
}

// What the scan declines still decodes, or fails with the general decoder's error.
TEST(NeonFlat, DeclinedAnswersGoToTheGeneralDecoder) {
  const plan p = make_plan(result_shape::rows, {scalar("id", value_type::integer), scalar("name", value_type::text)});
  EXPECT_EQ(output(p, input_format::neon, R"({"rows":[["\u0031","a"]]})"), R"([{"id":1,"name":"a"}])");
  EXPECT_EQ(output(p, input_format::neon, R"({"rows":[["1","a"],["x","b"]]})"),
            output(p, input_format::rows, R"([["1","a"],["x","b"]])"));
  EXPECT_NE(output(p, input_format::neon, R"({"rows":[["1","a"]]} x)").find("\"code\":\"invalid_json\""),
            std::string::npos);
}

}  // namespace
}  // namespace sluice::decode::testing
