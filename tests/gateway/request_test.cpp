#include "gateway/request.h"

#include <gtest/gtest.h>

#include "gateway/batch_options.h"
#include "gateway/param_text.h"

namespace sluice::gateway {
namespace {

TEST(Request, Single) {
  auto r = parse_sql_request(R"({"params":["42",null],"query":"SELECT $1, $2","extra":{"x":[1]}})");
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r.value().batch);
  ASSERT_EQ(r.value().queries.size(), 1u);
  const auto& q = r.value().queries[0];
  EXPECT_EQ(q.text, "SELECT $1, $2");
  ASSERT_EQ(q.params.size(), 2u);
  EXPECT_EQ(*q.params[0], "42");
  EXPECT_FALSE(q.params[1].has_value());
  EXPECT_FALSE(q.array_mode.has_value());
}

TEST(Request, Batch) {
  auto r = parse_sql_request(
      R"({"queries":[{"query":"SELECT 1"},{"query":"SELECT $1","params":["a"],"arrayMode":false}]})");
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r.value().batch);
  ASSERT_EQ(r.value().queries.size(), 2u);
  EXPECT_TRUE(r.value().queries[0].params.empty());
  EXPECT_EQ(r.value().queries[1].array_mode, std::optional<bool>(false));
}

TEST(Request, ParametersOfEveryJsonType) {
  auto r = parse_sql_request(
      R"({"query":"q","params":[true, 12345678901234567890.10, -0.5e3, {"a": [1, "x"]},)"
      R"( [1, null, "q\"x", "back\\slash", "new\nline", [2, 3], {"k": true}], "\u00e9"]})");
  ASSERT_TRUE(r.ok()) << r.fail().body;
  const auto& p = r.value().queries[0].params;
  ASSERT_EQ(p.size(), 6u);
  EXPECT_EQ(*p[0], "true");
  EXPECT_EQ(*p[1], "12345678901234567890.10");  // the digits as sent
  EXPECT_EQ(*p[2], "-0.5e3");
  EXPECT_EQ(*p[3], R"({"a": [1, "x"]})");
  EXPECT_EQ(*p[4], "{1,NULL,\"q\\\"x\",\"back\\\\slash\",\"new\nline\",{2,3},\"{\\\"k\\\": true}\"}");
  EXPECT_EQ(*p[5], "\xc3\xa9");
}

TEST(Request, RejectsMalformedBodies) {
  for (const char* body : {"", "[]", "{\"query\":1}", "{\"params\":[]}", "{\"query\":\"x\"} x",
                           "{\"query\":\"x\",\"params\":[01]}", "{\"query\":\"x\",\"params\":{}}",
                           "{\"queries\":[{\"params\":[]}]}", "{\"query\":\"x\""}) {
    auto r = parse_sql_request(body);
    ASSERT_FALSE(r.ok()) << body;
    EXPECT_EQ(r.fail().http_status, 400);
    EXPECT_NE(r.fail().body.find("could not parse the HTTP request body"), std::string::npos) << body;
  }
}

std::string nested(std::string_view open, std::string_view inner, std::string_view close, size_t depth) {
  std::string s;
  for (size_t i = 0; i < depth; ++i) s += open;
  s += inner;
  for (size_t i = 0; i < depth; ++i) s += close;
  return s;
}

TEST(Request, ArrayParametersUpToPostgresSixDimensions) {
  auto r = parse_sql_request(R"({"query":"q","params":[)" + nested("[", "1", "]", 6) + "]}");
  ASSERT_TRUE(r.ok()) << r.fail().body;
  EXPECT_EQ(*r.value().queries[0].params[0], "{{{{{{1}}}}}}");
  auto deeper = parse_sql_request(R"({"query":"q","params":[)" + nested("[", "1", "]", 7) + "]}");
  ASSERT_FALSE(deeper.ok());
  EXPECT_EQ(deeper.fail().http_status, 400);
  EXPECT_NE(deeper.fail().body.find("more than 6 dimensions"), std::string::npos) << deeper.fail().body;
}

TEST(Request, HundredThousandLevelsDeepAreRefusedWithoutRecursion) {
  constexpr size_t depth = 100000;
  for (const std::string& body :
       {R"({"query":"select $1","params":[)" + nested("[", "", "]", depth) + "]}",
        R"({"query":"select $1","params":[[)" + nested("{\"a\":", "1", "}", depth) + "]]}",
        R"({"query":"select $1","params":[)" + nested("{\"a\":", "1", "}", depth) + "]}",
        R"({"query":"select $1","ignored":)" + nested("[", "", "]", depth) + "}",
        R"({"queries":[{"query":"select $1","params":[)" + nested("[", "", "]", depth) + "]}]}"}) {
    auto r = parse_sql_request(body);
    if (!r.ok()) EXPECT_EQ(r.fail().http_status, 400) << r.fail().body;
  }
  EXPECT_FALSE(parse_sql_request(R"({"query":"select $1","params":[)" + nested("[", "", "]", depth) + "]}").ok());
}

TEST(Request, RejectsNulAsPostgresWould) {
  auto r = parse_sql_request(R"({"query":"SELECT $1","params":["a\u0000b"]})");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.fail().body.find("\"code\":\"22021\""), std::string::npos);
}

TEST(ParamText, JsonNumberGrammar) {
  for (const char* ok : {"0", "-0", "1.5", "1e10", "1E+2", "-12.5e-3"}) EXPECT_TRUE(is_json_number(ok)) << ok;
  for (const char* bad : {"", "-", "01", "1.", ".5", "1e", "+1", "NaN", "1x"}) EXPECT_FALSE(is_json_number(bad)) << bad;
}

TEST(BatchOptions, HeadersToBegin) {
  auto o = parse_batch_options("Serializable", "true", "true");
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(begin_statement(o.value()), "BEGIN ISOLATION LEVEL SERIALIZABLE READ ONLY DEFERRABLE");
  auto plain = parse_batch_options(std::nullopt, "false", "TRUE");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(begin_statement(plain.value()), "BEGIN");
  auto bad = parse_batch_options("serializable", std::nullopt, std::nullopt);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.fail().body.find("invalid isolation level"), std::string::npos);
}

}  // namespace
}  // namespace sluice::gateway
