// The schema loader copies a value default back to JSON text, recursing once per level: the
// deepest default a document may hold loads within the WebAssembly module's stack, and a
// document 100 000 levels deep is refused before any of it is read.
#include <gtest/gtest.h>

#include <string>

#include "schema/load_schema.h"
#include "stack_support.h"

namespace sluice::testing {
namespace {

std::string schema_with_default(const std::string& value) {
  return R"({"version":1,"tables":[{"key":"t","name":"t","primaryKey":["id"],"columns":[)"
         R"({"key":"id","name":"id","type":"integer","primaryKey":true},)"
         R"({"key":"j","name":"j","type":"json","default":{"kind":"value","value":)" + value + "}}]}]}";
}

TEST(LoadSchemaDepth, TheDeepestDefaultLoadsWithinTheModulesStack) {
  const size_t depth = deepest_document([](size_t k) { return schema_with_default(nested("[", k, "", "]")); });
  EXPECT_GT(depth, 100u);
  const std::string value = nested("[", depth, "", "]");
  const size_t used = stack_used([&] {
    auto cat = schema::load_schema(schema_with_default(value));
    ASSERT_TRUE(cat.ok()) << cat.err().message;
    EXPECT_EQ(cat.value().tables[0].columns[1].def.value_json, value);
  });
  EXPECT_GT(used, 0u);
  EXPECT_LT(used, wasm_stack_bytes / 2);
}

TEST(LoadSchemaDepth, HundredThousandLevelsAreAnInvalidJsonError) {
  for (const std::string& document : {schema_with_default(nested("[", 100000, "", "]")),
                                      nested(R"({"tables":)", 100000, "[]", "}")}) {
    stack_used([&] {
      auto cat = schema::load_schema(document);
      ASSERT_FALSE(cat.ok());
      EXPECT_EQ(cat.err().code, error_code::invalid_json);
    });
  }
}

}  // namespace
}  // namespace sluice::testing
