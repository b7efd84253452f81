// Every error code the compiler returns, with the JSON path of the member at fault.
#include <gtest/gtest.h>

#include "golden.h"
#include "schema/load_schema.h"

namespace sluice::testing {
namespace {

using P = std::vector<std::string>;

TEST(CompileErrors, InvalidJson) {
  auto compiled = sql::compile(tutorial_catalog(), R"({"kind":"select",)");
  ASSERT_FALSE(compiled.ok());
  EXPECT_EQ(compiled.err().code, error_code::invalid_json);
}

TEST(CompileErrors, DialectMissingOrUnknown) {
  for (const char* spec : {R"({"kind":"select","table":"users"})",
                           R"({"dialect":"mysql","kind":"select","table":"users"})",
                           R"({"dialect":3,"kind":"select","table":"users"})"}) {
    auto compiled = sql::compile(tutorial_catalog(), spec);
    ASSERT_FALSE(compiled.ok()) << spec;
    EXPECT_EQ(compiled.err().code, error_code::invalid_document);
    EXPECT_EQ(compiled.err().path, P{"dialect"});
  }
}

TEST(CompileErrors, SpecMustBeAnObject) {
  auto compiled = sql::compile(tutorial_catalog(), "[]");
  ASSERT_FALSE(compiled.ok());
  EXPECT_EQ(compiled.err().code, error_code::invalid_document);
}

TEST(CompileErrors, InvalidDocument) {
  expect_error(R"({"table":"users"})", error_code::invalid_document, {"kind"});
  expect_error(R"({"kind":"upsert","table":"users"})", error_code::invalid_document, {"kind"});
  expect_error(R"({"kind":"select","table":7})", error_code::invalid_document, {"table"});
  expect_error(R"({"kind":"select","table":"users","where":[1]})", error_code::invalid_document, {"where"});
  expect_error(R"({"kind":"select","table":"users","where":{"op":"xor","args":[]}})",
               error_code::invalid_document, {"where", "op"});
  expect_error(R"({"kind":"select","table":"users","where":{"op":"eq","left":{"col":["users","id"]}}})",
               error_code::invalid_document, {"where"});
  expect_error(R"({"kind":"select","table":"users","where":{"op":"eq","left":{"col":"id"},"right":{"param":0}}})",
               error_code::invalid_document, {"where", "left", "col"});
  expect_error(R"({"kind":"select","table":"users","where":{"op":"eq","left":{"col":["users","id"]},"right":{"param":-1}}})",
               error_code::invalid_document, {"where", "right"});
  expect_error(R"({"kind":"select","table":"users","where":{"value":1}})", error_code::invalid_document, {"where"});
  expect_error(R"({"kind":"select","table":"users","where":{"op":"inArray","left":{"col":["users","id"]},"right":7}})",
               error_code::invalid_document, {"where", "right"});
  expect_error(R"({"kind":"select","table":"users","where":{"op":"inArray","left":{"col":["users","id"]},"right":{"list":0}}})",
               error_code::invalid_document, {"where", "right"});
  expect_error(R"({"kind":"select","table":"users","where":{"op":"eq","left":{"op":"and","args":[]},"right":{"param":0}}})",
               error_code::invalid_document, {"where", "left"});
  expect_error(R"({"kind":"select","table":"users","orderBy":[{"expr":{"col":["users","id"]},"dir":"up"}]})",
               error_code::invalid_document, {"orderBy", "0", "dir"});
  expect_error(R"({"kind":"select","table":"users","orderBy":{"expr":{"col":["users","id"]}}})",
               error_code::invalid_document, {"orderBy"});
  expect_error(R"({"kind":"select","table":"users","limit":10})", error_code::invalid_document, {"limit"});
  expect_error(R"({"kind":"select","table":"users","fields":[{"key":1,"expr":{"param":0}}]})",
               error_code::invalid_document, {"fields", "0", "key"});
  expect_error(R"({"kind":"select","table":"users","joins":[{"type":"outer","table":"posts","on":{"param":0}}]})",
               error_code::invalid_document, {"joins", "0", "type"});
  expect_error(R"({"kind":"insert","table":"users","rows":{"email":{"param":0}}})", error_code::invalid_document, {"rows"});
  expect_error(R"({"kind":"insert","table":"users","rows":[{"email":{"param":0}}],"returning":"some"})",
               error_code::invalid_document, {"returning"});
  expect_error(R"({"kind":"insert","table":"users","rows":[{"email":{"param":0},"name":{"param":1}}],"onConflict":{"action":"replace"}})",
               error_code::invalid_document, {"onConflict", "action"});
  expect_error(R"({"kind":"update","table":"users"})", error_code::invalid_document, {});
  expect_error(R"({"kind":"insert","table":"users","rows":[{"email":{"col":["users","name"]},"name":{"param":0}}]})",
               error_code::invalid_document, {"rows", "0", "email", "col"});
  expect_error(R"({"kind":"findMany","table":"users","with":[{"key":"posts","columns":[1]}]})",
               error_code::invalid_document, {"with", "0", "columns", "0"});
}

TEST(CompileErrors, UnknownMembersAreRefused) {
  expect_error(R"({"schema":4,"kind":"count","table":"posts","hint":{"anything":[1,2]}})",
               error_code::invalid_document, {"hint"});
}

TEST(CompileErrors, UnknownTable) {
  expect_error(R"({"kind":"select","table":"people"})", error_code::unknown_table, {"table"});
  expect_error(R"({"kind":"select","table":"users","joins":[{"type":"inner","table":"comments","on":{"param":0}}]})",
               error_code::unknown_table, {"joins", "0", "table"});
  expect_error(R"({"kind":"select","table":"users","where":{"op":"eq","left":{"col":["posts","id"]},"right":{"param":0}}})",
               error_code::unknown_table, {"where", "left", "col"});
  expect_error(R"({"kind":"findMany","table":"users","where":{"op":"isNull","arg":{"col":["posts","body"]}},"with":[{"key":"posts"}]})",
               error_code::unknown_table, {"where", "arg", "col"});
}

TEST(CompileErrors, UnknownColumn) {
  expect_error(R"({"kind":"select","table":"users","where":{"op":"eq","left":{"col":["users","age"]},"right":{"param":0}}})",
               error_code::unknown_column, {"where", "left", "col"});
  expect_error(R"({"kind":"insert","table":"users","rows":[{"email":{"param":0}},{"nickname":{"param":1}}]})",
               error_code::unknown_column, {"rows", "1", "nickname"});
  expect_error(R"({"kind":"update","table":"users","set":{"created_at":{"param":0}}})",
               error_code::unknown_column, {"set", "created_at"});
  expect_error(R"({"kind":"insert","table":"users","rows":[{"email":{"param":0},"name":{"param":1}}],"onConflict":{"action":"nothing","target":["mail"]}})",
               error_code::unknown_column, {"onConflict", "target", "0"});
  expect_error(R"({"kind":"findMany","table":"users","with":[{"key":"posts","columns":["id","text"]}]})",
               error_code::unknown_column, {"with", "0", "columns", "1"});
  expect_error(R"({"kind":"findMany","table":"users","with":[{"key":"posts","orderBy":[{"expr":{"col":["posts","rank"]}}]}]})",
               error_code::unknown_column, {"with", "0", "orderBy", "0", "expr", "col"});
}

TEST(CompileErrors, UnknownRelation) {
  expect_error(R"({"kind":"findMany","table":"users","with":[{"key":"comments"}]})",
               error_code::unknown_relation, {"with", "0", "key"});
  expect_error(R"({"kind":"findFirst","table":"users","with":[{"key":"posts","with":[{"key":"posts"}]}]})",
               error_code::unknown_relation, {"with", "0", "with", "0", "key"});
}

TEST(CompileErrors, UnsupportedFeature) {
  expect_error(R"({"kind":"select","table":"users","joins":[{"type":"inner","table":"users","on":{"param":0}}]})",
               error_code::unsupported_feature, {"joins", "0", "table"});
  expect_error(R"({"kind":"select","table":"users","fields":[{"key":"x","expr":{"param":0}}]})",
               error_code::unsupported_feature, {});
}

TEST(CompileErrors, InvalidValue) {
  expect_error(R"({"kind":"update","table":"users","set":{}})", error_code::invalid_value, {"set"});
  expect_error(R"({"kind":"insert","table":"users","rows":[]})", error_code::invalid_value, {"rows"});
  expect_error(R"({"kind":"insert","table":"users","rows":[{"email":{"param":0},"name":{"param":1}},{"email":{"param":2}}]})",
               error_code::invalid_value, {"rows", "1", "name"});
  expect_error(R"({"kind":"insert","table":"users","rows":[{"email":{"param":0},"name":{"param":1}}],"onConflict":{"action":"update","set":{"name":{"param":2}}}})",
               error_code::invalid_value, {"onConflict"});
  expect_error(R"({"kind":"insert","table":"users","rows":[{"email":{"param":0},"name":{"param":1}}],"onConflict":{"action":"update","target":["email"],"set":{}}})",
               error_code::invalid_value, {"onConflict", "set"});
  expect_error(R"({"kind":"delete","table":"users","returning":[]})", error_code::invalid_value, {"returning"});
}

std::string in_list(int n) {
  std::string items;
  for (int i = 0; i < n; ++i) items += std::string(i ? "," : "") + R"({"param":)" + std::to_string(i) + "}";
  return R"({"kind":"select","table":"users","where":{"op":"inArray","left":{"col":["users","id"]},"right":[)" + items + "]}}";
}

TEST(CompileErrors, TooManyParametersForTheDialect) {
  auto sqlite = compile_for(sql::dialect_id::sqlite, in_list(101));
  ASSERT_FALSE(sqlite.ok());
  EXPECT_EQ(sqlite.err().code, error_code::too_many_parameters);
  EXPECT_TRUE(compile_for(sql::dialect_id::sqlite, in_list(100)).ok());
  EXPECT_TRUE(compile_for(sql::dialect_id::postgres, in_list(101)).ok());
}

// One row alone over the limit cannot be split: D1 would refuse it whatever we do.
TEST(CompileErrors, InsertRowOverTheLimit) {
  std::string columns;
  std::string row;
  for (int c = 0; c < 101; ++c) {
    const std::string key = "c" + std::to_string(c);
    columns += std::string(c ? "," : "") + R"({"key":")" + key + R"(","type":"integer"})";
    row += std::string(c ? "," : "") + "\"" + key + R"(":{"param":)" + std::to_string(c) + "}";
  }
  auto wide = schema::load_schema(R"({"tables":[{"key":"wide","columns":[)" + columns + "]}]}");
  ASSERT_TRUE(wide.ok());
  const std::string spec = R"({"kind":"insert","table":"wide","rows":[{)" + row + "}]}";
  auto sqlite = compile_for(sql::dialect_id::sqlite, spec, wide.value());
  ASSERT_FALSE(sqlite.ok());
  EXPECT_EQ(sqlite.err().code, error_code::too_many_parameters);
  EXPECT_EQ(sqlite.err().path, (P{"rows", "0"}));
  EXPECT_TRUE(compile_for(sql::dialect_id::postgres, spec, wide.value()).ok());
}

}  // namespace
}  // namespace sluice::testing
