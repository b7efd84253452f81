#include "schema/load_schema.h"

#include <gtest/gtest.h>

#include "fixtures.h"

namespace sluice::schema {
namespace {

TEST(LoadSchema, ReadsTheTutorialTables) {
  const catalog& cat = testing::tutorial_catalog();
  ASSERT_EQ(cat.tables.size(), 2u);
  const table* users = cat.find_table("users");
  ASSERT_NE(users, nullptr);
  const column* created = users->find_column("createdAt");
  ASSERT_NE(created, nullptr);
  EXPECT_EQ(created->name, "created_at");
  EXPECT_EQ(created->type, column_type::timestamp);
  EXPECT_TRUE(created->with_timezone);
  EXPECT_EQ(created->def.kind, default_kind::now);
  EXPECT_TRUE(users->find_column("updatedAt")->on_update);
  EXPECT_EQ(users->find_column("role")->def.value_json, "\"viewer\"");
  EXPECT_EQ(users->find_column("email")->length, 320u);
  EXPECT_TRUE(users->find_column("id")->has_default());
  EXPECT_FALSE(users->find_column("name")->has_default());
  const relation* posts = users->find_relation("posts");
  ASSERT_NE(posts, nullptr);
  EXPECT_EQ(posts->kind, relation_kind::many);
  EXPECT_EQ(cat.find_table("posts")->foreign_keys[0].on_delete, fk_action::cascade);
}

TEST(LoadSchema, RejectsMalformedJson) {
  auto loaded = load_schema("{\"tables\": [");
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.err().code, error_code::invalid_json);
}

TEST(LoadSchema, RejectsAnUnknownColumnType) {
  auto loaded = load_schema(R"({"tables":[{"key":"t","columns":[{"key":"a","type":"money"}]}]})");
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.err().code, error_code::invalid_document);
  EXPECT_EQ(loaded.err().message, "unknown column type \"money\"");
}

TEST(LoadSchema, RejectsARelationToAMissingColumn) {
  auto loaded = load_schema(R"({"tables":[
    {"key":"a","columns":[{"key":"id","type":"integer"}],
     "relations":[{"key":"b","kind":"many","table":"b","fields":["id"],"references":["aId"]}]},
    {"key":"b","columns":[{"key":"id","type":"integer"}]}]})");
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.err().code, error_code::unknown_column);
  EXPECT_EQ(loaded.err().path, (std::vector<std::string>{"b", "aId"}));
}

TEST(LoadSchema, RejectsAnEnumColumnWithoutItsEnum) {
  auto loaded = load_schema(R"({"tables":[{"key":"t","columns":[{"key":"r","type":"enum","enum":"nope"}]}]})");
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.err().code, error_code::unknown_enum);
}

}  // namespace
}  // namespace sluice::schema
