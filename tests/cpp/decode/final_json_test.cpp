// SQLite's final JSON of a plan with reals, turned into what JSON.stringify would write.
#include <gtest/gtest.h>

#include "decode/decode.h"
#include "decode_test_support.h"

namespace sluice::decode {
namespace {

using namespace testing;

std::string final_json(const plan& p, std::string_view input) {
  return output(p, input_format::final_json, input);
}

TEST(FinalJson, SpellsRealsAsJavaScriptDoes) {
  const plan p = make_plan(result_shape::rows, {scalar("id", value_type::integer), scalar("x", value_type::real)});
  EXPECT_EQ(final_json(p, R"([{"id":1,"x":0.30000000000000004},{"id":2,"x":9.9999999999999995e-08},)"
                          R"({"id":3,"x":1.0e+21},{"id":4,"x":100},{"id":5,"x":null},{"id":6,"x":1e-06}])"),
            R"([{"id":1,"x":0.30000000000000004},{"id":2,"x":1e-7},{"id":3,"x":1e+21},{"id":4,"x":100},)"
            R"({"id":5,"x":null},{"id":6,"x":0.000001}])");
}

// [digits, n] is digits * 2^(256 n): 1e300 / 2^768 and 5e-324 * 2^1024.
TEST(FinalJson, PutsScaledRealsBackTogether) {
  const plan p = make_plan(result_shape::first, {scalar("x", value_type::real), scalar("y", value_type::real)});
  EXPECT_EQ(final_json(p, R"({"x":[6.4411487695971336e+68,3],"y":[8.8817841970012523e-16,-4]})"),
            R"({"x":1e+300,"y":5e-324})");
  EXPECT_EQ(final_json(p, "null"), "null");
}

TEST(FinalJson, WalksJoinsAndRelationsAndCopiesTheRest) {
  const plan p = make_plan(
      result_shape::rows,
      {group("t", {scalar("name", value_type::text), scalar("x", value_type::real)}),
       many("items", {scalar("x", value_type::real), scalar("doc", value_type::json)}),
       one("owner", {scalar("x", value_type::real)})});
  EXPECT_EQ(final_json(p, R"([{"t":{"name":"a\u00e9","x":1.5},"items":[{"x":2.0000000000000004,"doc":[1.0,"\u0041"]}],)"
                          R"("owner":null},{"t":null,"items":[],"owner":{"x":[-1.5,1]}}])"),
            R"([{"t":{"name":"aé","x":1.5},"items":[{"x":2.0000000000000004,"doc":[1,"A"]}],"owner":null},)"
            R"({"t":null,"items":[],"owner":{"x":-1.736881338559743e+77}}])");
}

TEST(FinalJson, RefusesTextThatDoesNotFitThePlan) {
  const plan p = make_plan(result_shape::rows, {scalar("x", value_type::real)});
  EXPECT_NE(final_json(p, R"([{"x":"1.5"}])").find("invalid_result"), std::string::npos);
  EXPECT_NE(final_json(p, R"([{"x":[1.5,9]}])").find("invalid_result"), std::string::npos);
  EXPECT_NE(final_json(p, R"([{"y":1}])").find("invalid_result"), std::string::npos);
  EXPECT_NE(final_json(p, R"({"x":1})").find("invalid_result"), std::string::npos);
}

}  // namespace
}  // namespace sluice::decode
