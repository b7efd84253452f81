// The decoder recurses once per relation level of its plan, once per string holding JSON and
// once per level of a json value it copies. Plans are only as deep as the deepest spec the
// compiler accepts; at that depth, with the deepest json value and strings, decoding fits the
// WebAssembly module's stack, and answers 100 000 levels deep are typed errors.
#include <gtest/gtest.h>

#include <string>

#include "decode_test_support.h"
#include "fixtures.h"
#include "sql/compile.h"
#include "stack_support.h"

namespace sluice::decode::testing {
namespace {

using sluice::testing::nested;
using sluice::testing::stack_used;
using sluice::testing::wasm_stack_bytes;

// `text` as a JSON string token.
std::string json_string_of(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// Rows whose relation cell is a string holding rows whose relation cell is a string... `levels`
// strings deep, with the plan that reads them.
field string_relation(size_t levels) {
  return levels == 0 ? scalar("id", value_type::integer)
                     : many("posts", {scalar("id", value_type::integer), string_relation(levels - 1)});
}
std::string string_rows(size_t levels) {
  return levels == 0 ? "[[1,[]]]" : "[[1," + json_string_of(string_rows(levels - 1)) + "]]";
}

// users -> posts -> author -> posts -> ... as deep as a spec document may nest it.
plan deepest_relational_plan() {
  auto spec = [](size_t depth) {
    std::string s = R"({"dialect":"postgres","kind":"findMany","table":"users")";
    for (size_t i = 0; i < depth; ++i) s += i % 2 ? R"(,"with":[{"key":"author")" : R"(,"with":[{"key":"posts")";
    for (size_t i = 0; i < depth; ++i) s += "}]";
    return s + "}";
  };
  const size_t depth = sluice::testing::deepest_document(spec);
  auto compiled = sql::compile(sluice::testing::tutorial_catalog(), spec(depth));
  if (!compiled.ok()) {
    ADD_FAILURE() << compiled.err().message;
    return {};
  }
  return compiled.value().plan;
}

// One row for `fields` in the rows format, each relation holding one row; the innermost text
// cell is `innermost`.
std::string row_for(const std::vector<field>& fields, const std::string& innermost) {
  std::string row = "[";
  for (const field& f : fields) {
    if (row.size() > 1) row += ",";
    switch (f.kind) {
      case field_kind::relation_many: row += "[" + row_for(f.children, innermost) + "]"; break;
      case field_kind::relation_one: row += row_for(f.children, innermost); break;
      case field_kind::group: {
        const std::string cells = row_for(f.children, innermost);
        row += cells.substr(1, cells.size() - 2);
        break;
      }
      case field_kind::scalar:
        row += f.type == value_type::text ? innermost : f.type == value_type::boolean ? "true" : "1";
    }
  }
  return row + "]";
}

size_t relation_depth(const std::vector<field>& fields) {
  size_t deepest = 0;
  for (const field& f : fields)
    if (f.kind == field_kind::relation_many || f.kind == field_kind::relation_one)
      deepest = std::max(deepest, 1 + relation_depth(f.children));
  return deepest;
}

TEST(DecodeDepth, TheDeepestPlanDecodesWithinTheModulesStack) {
  const plan p = deepest_relational_plan();
  EXPECT_GT(relation_depth(p.fields), 30u);
  const std::string input = "[" + row_for(p.fields, "\"x\"") + "]";
  const size_t used = stack_used([&] {
    auto out = run(p, input_format::rows, input);
    ASSERT_TRUE(out.ok()) << out.err().message;
    EXPECT_NE(out.value().find(R"("email":"x")"), std::string::npos);
  });
  EXPECT_GT(used, 0u);
  EXPECT_LT(used, wasm_stack_bytes / 2);
}

const plan with_json = make_plan(result_shape::rows, {scalar("id", value_type::integer), scalar("meta", value_type::json),
                                                      many("posts", {scalar("id", value_type::integer)})});

TEST(DecodeDepth, TheDeepestJsonCellAndStringsHoldingJsonFitTheModulesStack) {
  const std::string value = nested("[", 256, "", "]");
  const plan strings = make_plan(result_shape::rows, {string_relation(18)});
  const size_t used = stack_used([&] {
    EXPECT_EQ(output(with_json, input_format::rows, "[[1," + value + ",[]]]"), R"([{"id":1,"meta":)" + value + R"(,"posts":[]}])");
    EXPECT_EQ(output(with_json, input_format::rows, "[[1," + json_string_of(value) + ",[]]]"),
              R"([{"id":1,"meta":)" + value + R"(,"posts":[]}])");
    const std::string sixteen = output(strings, input_format::rows, "[[" + json_string_of(string_rows(15)) + "]]");
    EXPECT_EQ(sixteen.rfind(R"([{"posts":[{"id":1,"posts":[{"id":1,)", 0), 0u) << sixteen.substr(0, 200);
    const std::string seventeen = output(strings, input_format::rows, "[[" + json_string_of(string_rows(16)) + "]]");
    EXPECT_EQ(seventeen.rfind(R"({"code":"invalid_result","message":"strings holding JSON are nested too deeply")", 0), 0u)
        << seventeen;
  });
  EXPECT_GT(used, 0u);
  EXPECT_LT(used, wasm_stack_bytes / 2);
}

TEST(DecodeDepth, HundredThousandLevelsAreTypedErrorsWithinTheModulesStack) {
  const std::string deep = nested("[", 100000, "", "]");
  // A json cell is copied, so its depth is what is refused; a relation cell or a row only has
  // to be the wrong shape.
  for (const auto& [input, refusal] :
       {std::pair{"[[1," + deep + ",[]]]", "nested too deeply"}, {"[[1,null," + deep + "]]", "expected an integer"},
        {"[[1,null," + json_string_of(deep) + "]]", "expected an integer"}, {deep, "expected an integer"}}) {
    const size_t used = stack_used([&] {
      const std::string out = output(with_json, input_format::rows, input);
      EXPECT_EQ(out.rfind(R"({"code":"invalid_)", 0), 0u) << out.substr(0, 200);
      EXPECT_NE(out.find(refusal), std::string::npos) << out.substr(0, 200);
    });
    EXPECT_LT(used, wasm_stack_bytes / 2);
  }
  // A json cell whose string holds no JSON a copy accepts is that string, as when it holds no JSON at all.
  const size_t used = stack_used([&] {
    EXPECT_EQ(output(with_json, input_format::rows, "[[1," + json_string_of(deep) + ",[]]]"),
              R"([{"id":1,"meta":)" + json_string_of(deep) + R"(,"posts":[]}])");
  });
  EXPECT_LT(used, wasm_stack_bytes / 2);
}

}  // namespace
}  // namespace sluice::decode::testing
