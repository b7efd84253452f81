// The AST the spec parser builds: resolved references, folded and/or, relational levels.
#include "query/parse_spec.h"

#include <gtest/gtest.h>

#include <memory>

#include "core/dom.h"
#include "fixtures.h"

namespace sluice::query {
namespace {

struct parsed {
  dom::document doc;
  result<spec> value = make_error(error_code::invalid_json, "not parsed");
};

std::unique_ptr<parsed> parse(std::string_view text) {
  auto out = std::make_unique<parsed>();
  auto root = dom::parse(out->doc, text);
  if (!root.ok()) {
    out->value = root.err();
    return out;
  }
  const auto o = root.value().get_object();
  if (!o) return out;
  out->value = parse_spec(testing::tutorial_catalog(), *o);
  return out;
}

TEST(ParseSpec, SelectResolvesTablesAndColumns) {
  auto p = parse(R"({"kind":"select","table":"posts",
      "joins":[{"type":"left","table":"users","on":{"op":"eq","left":{"col":["posts","authorId"]},"right":{"col":["users","id"]}}}],
      "limit":{"param":4}})");
  ASSERT_TRUE(p->value.ok()) << error_to_json(p->value.err());
  const spec& s = p->value.value();
  const auto& q = std::get<select_query>(s.stmt);
  EXPECT_EQ(q.kind, query_kind::select);
  EXPECT_EQ(q.table->key, "posts");
  ASSERT_EQ(q.joins.size(), 1u);
  EXPECT_EQ(q.joins[0].type, join_type::left);
  EXPECT_EQ(q.joins[0].table->key, "users");
  ASSERT_TRUE(q.joins[0].on.has_value());
  const auto& on = std::get<comparison>(s.exprs[*q.joins[0].on]);
  EXPECT_EQ(on.op, compare_op::eq);
  const auto& left = std::get<column_ref>(s.exprs[on.left]);
  EXPECT_EQ(left.table_key, "posts");
  EXPECT_EQ(left.column->name, "author_id");
  EXPECT_FALSE(q.fields.has_value());
  ASSERT_TRUE(q.page.limit.has_value());
  EXPECT_EQ(q.page.limit->index, 4u);
  EXPECT_FALSE(q.page.offset.has_value());
}

TEST(ParseSpec, AndOrFoldAway) {
  auto p = parse(R"({"kind":"count","table":"users","where":{"op":"and","args":[
      {"op":"or","args":[]},
      {"op":"or","args":[{"op":"isNull","arg":{"col":["users","name"]}}]},
      {"op":"not","arg":{"op":"and","args":[]}}]}})");
  ASSERT_TRUE(p->value.ok());
  const spec& s = p->value.value();
  const auto& q = std::get<count_query>(s.stmt);
  ASSERT_TRUE(q.where.has_value());
  const auto& check = std::get<null_check>(s.exprs[*q.where]);
  EXPECT_FALSE(check.negated);
}

TEST(ParseSpec, InsertRowsKeepOnlyTheGivenColumns) {
  auto p = parse(R"({"kind":"insert","table":"users","rows":[{"name":{"param":1},"email":{"param":0}}],
      "onConflict":{"action":"update","target":["email"],"set":{"name":{"param":2}}},"returning":"all"})");
  ASSERT_TRUE(p->value.ok());
  const auto& q = std::get<insert_query>(p->value.value().stmt);
  ASSERT_EQ(q.rows.size(), 1u);
  ASSERT_EQ(q.rows[0].size(), 2u);
  EXPECT_EQ(q.rows[0][0].column->key, "name");
  EXPECT_EQ(q.rows[0][1].column->key, "email");
  ASSERT_TRUE(q.conflict.has_value());
  EXPECT_EQ(q.conflict->action, conflict_action::update);
  EXPECT_EQ(q.conflict->target[0]->key, "email");
  ASSERT_TRUE(q.returning.has_value());
  EXPECT_TRUE(q.returning->all_columns);
}

TEST(ParseSpec, RelationalLevelsNest) {
  auto p = parse(R"({"kind":"findFirst","table":"users","columns":["email","id"],
      "with":[{"key":"posts","limit":{"param":0},"with":[{"key":"author","columns":["name"]}]}]})");
  ASSERT_TRUE(p->value.ok());
  const auto& q = std::get<find_query>(p->value.value().stmt);
  EXPECT_TRUE(q.first);
  EXPECT_EQ(q.root.relation, nullptr);
  ASSERT_EQ(q.root.columns.size(), 2u);
  EXPECT_EQ(q.root.columns[0]->key, "email");
  ASSERT_EQ(q.root.with.size(), 1u);
  const relation_level& posts = q.root.with[0];
  EXPECT_EQ(posts.relation->key, "posts");
  EXPECT_EQ(posts.table->key, "posts");
  EXPECT_EQ(posts.columns.size(), 6u);
  ASSERT_EQ(posts.with.size(), 1u);
  EXPECT_EQ(posts.with[0].relation->kind, schema::relation_kind::one);
  EXPECT_EQ(posts.with[0].columns.size(), 1u);
}

TEST(ParseSpec, NestedReferencesResolveToTheInnermostLevel) {
  auto p = parse(R"({"kind":"findMany","table":"users",
      "with":[{"key":"posts","with":[{"key":"author","where":{"op":"eq","left":{"col":["users","id"]},"right":{"col":["posts","authorId"]}}}]}]})");
  ASSERT_TRUE(p->value.ok()) << error_to_json(p->value.err());
  const spec& s = p->value.value();
  const auto& author = std::get<find_query>(s.stmt).root.with[0].with[0];
  const auto& cmp = std::get<comparison>(s.exprs[*author.where]);
  EXPECT_EQ(std::get<column_ref>(s.exprs[cmp.left]).table_key, "users");
  EXPECT_EQ(std::get<column_ref>(s.exprs[cmp.right]).column->name, "author_id");
}

TEST(ParseSpec, ErrorsCarryThePath) {
  auto p = parse(R"({"kind":"delete","table":"posts","where":{"op":"or","args":[
      {"op":"isNull","arg":{"col":["posts","body"]}},{"op":"between","arg":{"col":["posts","id"]},"low":{"param":0}}]}})");
  ASSERT_FALSE(p->value.ok());
  EXPECT_EQ(p->value.err().code, error_code::invalid_document);
  EXPECT_EQ(p->value.err().path, (std::vector<std::string>{"where", "args", "1"}));
  EXPECT_EQ(p->value.err().message, "missing \"high\"");
}

}  // namespace
}  // namespace sluice::query
