// The spec compiler recurses once per expression and per relational level. Its documents stop
// at the JSON tree's depth bound, and at that bound every shape must still compile within the
// WebAssembly module's stack; 100 000 levels are refused before any of it runs.
#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "fixtures.h"
#include "sql/compile.h"
#include "stack_support.h"

namespace sluice::testing {
namespace {

const std::string select_head = R"({"schema":0,"dialect":")";

std::string where_spec(const std::string& dialect, const std::string& where) {
  return select_head + dialect + R"(","kind":"select","table":"users","where":)" + where + "}";
}

// not(not(...(id = $0)))
std::string not_chain(const std::string& dialect, size_t depth) {
  return where_spec(dialect, nested(R"({"op":"not","arg":)", depth,
                                    R"({"op":"eq","left":{"col":["users","id"]},"right":{"param":0}})", "}"));
}

// and(and(..., id = $0), id = $0): two arguments a level, so nothing folds away.
std::string logic_chain(const std::string& dialect, size_t depth) {
  const std::string leaf = R"({"op":"eq","left":{"col":["users","id"]},"right":{"param":0}})";
  return where_spec(dialect, nested(R"({"op":"and","args":[)", depth, leaf, "," + leaf + "]}"));
}

// users -> posts -> author -> posts -> ...
std::string relation_chain(const std::string& dialect, size_t depth) {
  std::string spec = select_head + dialect + R"(","kind":"findMany","table":"users")";
  for (size_t i = 0; i < depth; ++i) spec += i % 2 ? R"(,"with":[{"key":"author")" : R"(,"with":[{"key":"posts")";
  for (size_t i = 0; i < depth; ++i) spec += "}]";
  return spec + "}";
}

// The relation chain whose innermost level filters by the deepest not chain.
std::string relations_around_nots(const std::string& dialect, size_t depth) {
  std::string spec = select_head + dialect + R"(","kind":"findMany","table":"users")";
  for (size_t i = 0; i < depth; ++i) spec += i % 2 ? R"(,"with":[{"key":"author")" : R"(,"with":[{"key":"posts")";
  const char* table = depth % 2 ? "posts" : "users";
  spec += R"(,"where":)" + nested(R"({"op":"not","arg":)", 31,
                                 std::string(R"({"op":"isNull","arg":{"col":[")") + table + R"(","id"]}})", "}");
  for (size_t i = 0; i < depth; ++i) spec += "}]";
  return spec + "}";
}

struct shape {
  const char* name;
  std::function<std::string(const std::string&, size_t)> make;
};

const shape shapes[] = {{"not chain", not_chain},
                        {"and chain", logic_chain},
                        {"relations", relation_chain},
                        {"relations around a not chain", relations_around_nots}};

bool compiles(const std::string& spec) { return sql::compile(tutorial_catalog(), spec).ok(); }

// The largest k for which make(k) compiles.
size_t deepest_compiled(const std::function<std::string(size_t)>& make) {
  size_t low = 0, high = 1000;
  while (low + 1 < high) {
    const size_t mid = (low + high) / 2;
    (compiles(make(mid)) ? low : high) = mid;
  }
  return low;
}

TEST(SpecDepth, ExpressionsStopAt32Operators) {
  EXPECT_EQ(deepest_compiled([](size_t k) { return not_chain("postgres", k); }), 31u);
  EXPECT_EQ(deepest_compiled([](size_t k) { return logic_chain("sqlite", k); }), 31u);
  auto deeper = sql::compile(tutorial_catalog(), not_chain("postgres", 32));
  ASSERT_FALSE(deeper.ok());
  EXPECT_EQ(deeper.err().code, error_code::invalid_document);
  EXPECT_EQ(deeper.err().message, "expressions nested more than 32 deep");
  EXPECT_EQ(deeper.err().path.size(), 1u + 32u);
  EXPECT_EQ(deeper.err().path.front(), "where");
  const std::string aggregates = R"({"dialect":"postgres","kind":"select","table":"users","fields":[{"key":"n","expr":)" +
                                 nested(R"({"agg":"max","arg":)", 33, R"({"col":["users","id"]})", "}") + "}]}";
  auto aggregated = sql::compile(tutorial_catalog(), aggregates);
  ASSERT_FALSE(aggregated.ok());
  EXPECT_EQ(aggregated.err().message, "expressions nested more than 32 deep");
}

TEST(SpecDepth, TheDeepestAcceptedSpecCompilesWithinTheModulesStack) {
  for (const shape& s : shapes) {
    for (const std::string dialect : {"postgres", "sqlite"}) {
      const size_t depth = deepest_compiled([&](size_t k) { return s.make(dialect, k); });
      EXPECT_GT(depth, 30u) << s.name;
      const std::string spec = s.make(dialect, depth);
      const size_t used = stack_used([&] { EXPECT_TRUE(compiles(spec)) << s.name << " " << dialect; });
      EXPECT_GT(used, 0u);
      EXPECT_LT(used, wasm_stack_bytes * 3 / 4) << s.name << " " << dialect << " at depth " << depth;
    }
  }
}

// users.id in (select id from users where users.id in (select ...)), or from (select ... from
// (select ...)): each nested select counts as 4 expression levels against the bound of 32.
std::string subquery_chain(const std::string& dialect, size_t depth) {
  const std::string in = R"({"op":"inArray","left":{"col":["users","id"]},"right":{"select":{"table":"users","fields":[{"key":"id","expr":{"col":["users","id"]}}],"where":)";
  return where_spec(dialect, nested(in, depth, R"({"op":"isNull","arg":{"col":["users","id"]}})", "}}}"));
}

std::string source_chain(const std::string& dialect, size_t depth) {
  return select_head + dialect + R"(","kind":"select",)" +
         nested(R"("from":{"as":"s","query":{)", depth, R"("table":"users")", "}}") + "}";
}

TEST(SpecDepth, TheDeepestNestedSelectsFitTheModulesStack) {
  for (const auto& make : {subquery_chain, source_chain}) {
    for (const std::string dialect : {"postgres", "sqlite"}) {
      const size_t depth = deepest_compiled([&](size_t k) { return make(dialect, k); });
      EXPECT_GE(depth, 4u) << dialect;
      EXPECT_LE(depth, 8u) << dialect;
      const size_t used = stack_used([&] { EXPECT_TRUE(compiles(make(dialect, depth))) << dialect; });
      EXPECT_LT(used, wasm_stack_bytes * 3 / 4) << dialect << " at depth " << depth;
    }
  }
}

TEST(SpecDepth, HundredThousandLevelsAreAnInvalidJsonError) {
  for (const shape& s : shapes) {
    const std::string spec = s.make("postgres", 100000);
    stack_used([&] {
      auto compiled = sql::compile(tutorial_catalog(), spec);
      ASSERT_FALSE(compiled.ok());
      EXPECT_EQ(compiled.err().code, error_code::invalid_json) << s.name;
      EXPECT_NE(compiled.err().message.find("nested too deeply"), std::string::npos) << s.name;
    });
  }
}

}  // namespace
}  // namespace sluice::testing
