#include <gtest/gtest.h>

#include "validate_test_support.h"

namespace sluice::validate::testing {
namespace {

error load_error(std::string_view spec) {
  auto loaded = load_validator(every_type_catalog(), spec);
  if (loaded.ok()) {
    ADD_FAILURE() << "loaded: " << spec;
    return make_error(error_code::num_error_codes, "");
  }
  return loaded.err();
}

TEST(LoadValidator, UnknownTableAndColumns) {
  EXPECT_EQ(error_to_json(load_error(R"j({"table":"nope"})j")),
            R"j({"code":"unknown_table","message":"no table \"nope\"","path":["table"]})j");
  EXPECT_EQ(error_to_json(load_error(R"j({"table":"things","omit":["nope"]})j")),
            R"j({"code":"unknown_column","message":"table \"things\" has no column \"nope\"","path":["omit","nope"]})j");
  EXPECT_EQ(load_error(R"j({"table":"things","pick":["nope"]})j").code, error_code::unknown_column);
  EXPECT_EQ(load_error(R"j({"table":"things","refine":{"nope":[]}})j").code, error_code::unknown_column);
}

TEST(LoadValidator, ChecksMustFitTheColumnType) {
  EXPECT_EQ(error_to_json(load_error(R"j({"table":"things","refine":{"flag":[{"check":"min","value":1}]}})j")),
            R"j({"code":"invalid_document","message":"\"min\" does not apply to the boolean column \"flag\"","path":["refine","flag"]})j");
  for (std::string_view spec : {
           R"j({"table":"things","refine":{"note":[{"check":"gt","value":1}]}})j",
           R"j({"table":"things","refine":{"note":[{"check":"int"}]}})j",
           R"j({"table":"things","refine":{"count":[{"check":"email"}]}})j",
           R"j({"table":"things","refine":{"count":[{"check":"length","value":2}]}})j",
           R"j({"table":"things","refine":{"at":[{"check":"min","value":1}]}})j",
           R"j({"table":"things","refine":{"role":[{"check":"min","value":1}]}})j",
           R"j({"table":"things","refine":{"meta":[{"check":"max","value":1}]}})j",
           R"j({"table":"things","refine":{"note":[{"check":"min"}]}})j",
           R"j({"table":"things","refine":{"note":[{"check":"min","value":-1}]}})j",
           R"j({"table":"things","refine":{"note":[{"check":"min","value":1.5}]}})j",
           R"j({"table":"things","refine":{"note":[{"check":"regex"}]}})j",
           R"js({"table":"things","refine":{"note":[{"check":"regex","pattern":"(?=x)j"}]}})js",
           R"j({"table":"things","refine":{"note":[{"check":"regex","pattern":"x","flags":"g"}]}})j",
           R"j({"table":"things","refine":{"note":[{"check":"shout"}]}})j",
           R"j({"table":"things","refine":{"note":[{"check":"min","value":1,"message":"x"}]}})j",
           R"j({"table":"things","refine":{"note":{"check":"min"}}})j",
           R"j({"table":"things","pick":["title"],"refine":{"flag":[{"check":"min","value":1}]}})j",
       }) {
    EXPECT_EQ(load_error(spec).code, error_code::invalid_document) << spec;
  }
}

TEST(LoadValidator, MalformedSpecs) {
  EXPECT_EQ(load_error("{").code, error_code::invalid_json);
  EXPECT_EQ(load_error("[]").code, error_code::invalid_document);
  EXPECT_EQ(load_error(R"j({"mode":"insert"})j").code, error_code::invalid_document);
  EXPECT_EQ(load_error(R"j({"table":"things","mode":"upsert"})j").code, error_code::invalid_document);
  EXPECT_EQ(load_error(R"j({"table":"things","unknownKeys":"passthrough"})j").code, error_code::invalid_document);
  EXPECT_EQ(load_error(R"j({"table":"things","omit":"id"})j").code, error_code::invalid_document);
  EXPECT_EQ(load_error(R"j({"table":"things","strict":true})j").code, error_code::invalid_document);
}

TEST(LoadValidator, ColumnsKeepSchemaOrder) {
  auto loaded = load_validator(every_type_catalog(), R"j({"table":"things","pick":["role","id","note"]})j");
  ASSERT_TRUE(loaded.ok());
  ASSERT_EQ(loaded.value().columns.size(), 3u);
  EXPECT_EQ(loaded.value().columns[0].key, "id");
  EXPECT_EQ(loaded.value().columns[1].key, "note");
  EXPECT_EQ(loaded.value().columns[2].key, "role");
}

}  // namespace
}  // namespace sluice::validate::testing
