// A spec member the reader does not know is refused by name, wherever it sits: a misspelled
// `where` must never compile to a statement without a condition.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/dom.h"
#include "fixtures.h"
#include "query/parse_spec.h"

namespace sluice::query {
namespace {

struct refusal {
  error_code code;
  std::string message;
  std::vector<std::string> path;
};

refusal refused(std::string_view text) {
  dom::document doc;
  auto root = dom::parse(doc, text);
  if (!root.ok()) return {root.err().code, root.err().message, root.err().path};
  auto parsed = parse_spec(testing::tutorial_catalog(), *root.value().get_object());
  if (parsed.ok()) return {error_code::invalid_json, "accepted", {}};
  return {parsed.err().code, parsed.err().message, parsed.err().path};
}

void expect_refused(std::string_view text, std::vector<std::string> path, std::string message) {
  const refusal r = refused(text);
  EXPECT_EQ(r.code, error_code::invalid_document) << text;
  EXPECT_EQ(r.message, message) << text;
  EXPECT_EQ(r.path, path) << text;
}

const char* const eq_id = R"({"op":"eq","left":{"col":["users","id"]},"right":{"param":0}})";

TEST(UnknownMembers, MisspelledWhereOfADelete) {
  expect_refused(std::string(R"({"kind":"delete","table":"users","wehre":)") + eq_id + "}",
                 {"wehre"}, "unknown member \"wehre\"");
}

TEST(UnknownMembers, EveryKindKnowsOnlyItsOwn) {
  expect_refused(R"({"kind":"count","table":"users","limit":{"param":0}})", {"limit"},
                 "unknown member \"limit\"");
  expect_refused(R"({"kind":"delete","table":"users","set":{}})", {"set"}, "unknown member \"set\"");
  expect_refused(R"({"kind":"insert","table":"users","rows":[{"name":{"param":0}}],"where":{"param":1}})",
                 {"where"}, "unknown member \"where\"");
  expect_refused(R"({"kind":"update","table":"users","set":{"name":{"param":0}},"orderBy":[]})",
                 {"orderBy"}, "unknown member \"orderBy\"");
  expect_refused(R"({"kind":"select","table":"users","columns":[]})", {"columns"}, "unknown member \"columns\"");
  expect_refused(R"({"kind":"findMany","table":"users","joins":[]})", {"joins"},
                 "unknown member \"joins\"");
}

TEST(UnknownMembers, InsideExpressions) {
  expect_refused(R"({"kind":"count","table":"users","where":{"op":"eq","left":{"col":["users","id"]},"right":{"param":0},"rigth":{"param":1}}})",
                 {"where", "rigth"}, "unknown member \"rigth\"");
  expect_refused(R"({"kind":"count","table":"users","where":{"op":"isNull","arg":{"col":["users","id"],"as":"x"}}})",
                 {"where", "arg", "as"}, "unknown member \"as\"");
  expect_refused(R"({"kind":"count","table":"users","where":{"op":"eq","left":{"col":["users","id"]},"right":{"param":0,"type":"text"}}})",
                 {"where", "right", "type"}, "unknown member \"type\"");
  expect_refused(R"({"kind":"count","table":"users","where":{"op":"and","args":[],"arg":{"param":0}}})",
                 {"where", "arg"}, "unknown member \"arg\"");
  expect_refused(R"({"kind":"count","table":"users","where":{"op":"between","arg":{"col":["users","id"]},"low":{"param":0},"high":{"param":1},"left":{"param":2}}})",
                 {"where", "left"}, "unknown member \"left\"");
}

TEST(UnknownMembers, InsideClauses) {
  expect_refused(R"({"kind":"select","table":"users","orderBy":[{"expr":{"col":["users","id"]},"direction":"desc"}]})",
                 {"orderBy", "0", "direction"}, "unknown member \"direction\"");
  expect_refused(R"({"kind":"select","table":"users","fields":[{"key":"id","expr":{"col":["users","id"]},"alias":"x"}]})",
                 {"fields", "0", "alias"}, "unknown member \"alias\"");
  expect_refused(std::string(R"({"kind":"select","table":"posts","joins":[{"type":"inner","table":"users","on":)") +
                     eq_id + R"(,"using":["id"]}]})",
                 {"joins", "0", "using"}, "unknown member \"using\"");
  expect_refused(R"({"kind":"insert","table":"users","rows":[{"name":{"param":0}}],"onConflict":{"action":"nothing","targetWhere":{"param":1}}})",
                 {"onConflict", "targetWhere"}, "unknown member \"targetWhere\"");
  expect_refused(R"({"kind":"findMany","table":"users","with":[{"key":"posts","filter":{"param":0}}]})",
                 {"with", "0", "filter"}, "unknown member \"filter\"");
}

TEST(UnknownMembers, AMemberGivenTwice) {
  expect_refused(std::string(R"({"kind":"delete","table":"users","where":)") + eq_id + R"(,"where":{"op":"and","args":[]}})",
                 {"where"}, "member \"where\" appears twice");
  expect_refused(R"({"kind":"update","table":"users","set":{"name":{"param":0},"name":{"param":1}}})",
                 {"set", "name"}, "column given twice");
}

TEST(UnknownMembers, AnUnknownKindIsNamedFirst) {
  expect_refused(R"({"kind":"upsert","table":"users","rows":[]})", {"kind"}, "unknown kind \"upsert\"");
}

}  // namespace
}  // namespace sluice::query
