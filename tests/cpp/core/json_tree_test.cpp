// The JSON tree the cold-path readers walk: kinds, typed access, member lookup, errors.
#include "core/json_tree.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/dom.h"
#include "stack_support.h"

namespace sluice::dom {
namespace {

TEST(JsonTree, ReadsEveryKindInDocumentOrder) {
  document doc;
  auto root = parse(doc, R"( {"s":"a\"b\u00e9","n":-12.5e1,"t":true,"f":false,"z":null,
                              "a":[1,[2],{"k":3}],"o":{}} )");
  ASSERT_TRUE(root.ok()) << root.err().message;
  const auto o = root.value().get_object();
  ASSERT_TRUE(o);
  std::string keys;
  for (auto [key, value] : *o) keys += std::string(key) + ",";
  EXPECT_EQ(keys, "s,n,t,f,z,a,o,");
  EXPECT_EQ(o->find("s")->get_string(), "a\"b\u00e9");
  EXPECT_EQ(o->find("n")->get_double(), -125.0);
  EXPECT_EQ(o->find("t")->get_bool(), true);
  EXPECT_EQ(o->find("f")->get_bool(), false);
  EXPECT_TRUE(o->find("z")->is_null());
  EXPECT_EQ(o->find("a")->get_array()->size(), 3u);
  const auto empty = o->find("o")->get_object();
  ASSERT_TRUE(empty);
  EXPECT_FALSE(empty->begin() != empty->end());
  EXPECT_FALSE(o->find("missing"));
  EXPECT_FALSE(o->find("s")->get_bool());
  EXPECT_FALSE(o->find("t")->get_string());
}

TEST(JsonTree, ARepeatedKeyIsFoundAtItsFirstAppearance) {
  document doc;
  auto root = parse(doc, R"({"k":1,"k":2})");
  ASSERT_TRUE(root.ok());
  EXPECT_EQ(root.value().get_object()->find("k")->get_int64(), 1);
}

TEST(JsonTree, IntegersAreReadOnlyWithinRange) {
  document doc;
  auto root = parse(doc, R"([9223372036854775807,-9223372036854775808,9223372036854775808,
                             18446744073709551615,18446744073709551616,1.0,1e2,-0,-3])");
  ASSERT_TRUE(root.ok()) << root.err().message;
  const auto list = root.value().get_array();
  ASSERT_TRUE(list);
  std::vector<element> items;
  for (element item : *list) items.push_back(item);
  ASSERT_EQ(items.size(), 9u);
  EXPECT_EQ(items[0].get_int64(), INT64_MAX);
  EXPECT_EQ(items[1].get_int64(), INT64_MIN);
  EXPECT_FALSE(items[1].get_uint64());
  EXPECT_FALSE(items[2].get_int64());
  EXPECT_EQ(items[2].get_uint64(), 9223372036854775808ull);
  EXPECT_EQ(items[3].get_uint64(), UINT64_MAX);
  EXPECT_FALSE(items[4].get_uint64());
  EXPECT_EQ(items[4].get_double(), 18446744073709551616.0);
  EXPECT_FALSE(items[5].get_int64());
  EXPECT_EQ(items[5].get_double(), 1.0);
  EXPECT_FALSE(items[6].get_int64());
  EXPECT_EQ(items[7].get_uint64(), 0u);
  EXPECT_EQ(items[8].get_int64(), -3);
  EXPECT_FALSE(items[8].get_uint64());
}

TEST(JsonTree, RootScalarsAreDocumentsToo) {
  document doc;
  EXPECT_EQ(parse(doc, " \"x\" ").value().get_string(), "x");
  EXPECT_EQ(parse(doc, "42").value().get_int64(), 42);
  EXPECT_EQ(parse(doc, "true").value().get_bool(), true);
  EXPECT_TRUE(parse(doc, "null").value().is_null());
}

TEST(JsonTree, MalformedTextIsInvalidJson) {
  for (const char* bad : {"", "{", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "1 2", "{} x", "[01]",
                          "[-]", "[1.]", "[1e400]", "[nul]", "[tru]", "\"\\ud800\"",
                          "{\"a\":\"\\x\"}", "[1]]", "  ", "[1 2]", "{\"a\":}", "{1:2}",
                          "[+1]", "[.5]", "{\"a\":1 \"b\":2}", "[\"a\x01\"]", "[\"a]",
                          "\xff", "[\"\\udc00x\"]"}) {
    document doc;
    auto root = parse(doc, bad);
    ASSERT_FALSE(root.ok()) << bad;
    EXPECT_EQ(root.err().code, error_code::invalid_json) << bad;
  }
}

TEST(JsonTree, AnErrorNamesTheByteAtFault) {
  document doc;
  auto root = parse(doc, R"({"a":[1,]})");
  ASSERT_FALSE(root.ok());
  EXPECT_EQ(root.err().message, "unexpected character at byte 8");
}

TEST(JsonTree, DocumentsStopAt128Levels) {
  document doc;
  EXPECT_TRUE(parse(doc, testing::nested("[", 128, "", "]")).ok());
  EXPECT_TRUE(parse(doc, testing::nested(R"({"a":)", 127, "[]", "}")).ok());
  auto deeper = parse(doc, testing::nested("[", 129, "", "]"));
  ASSERT_FALSE(deeper.ok());
  EXPECT_EQ(deeper.err().message, "JSON nested too deeply at byte 128");
}

// The parser keeps its open containers on the heap: 100 000 levels on the module's stack.
TEST(JsonTree, HundredThousandLevelsAreRefusedWithinTheModulesStack) {
  for (const std::string& deep :
       {testing::nested("[", 100000, "", "]"), testing::nested(R"({"a":)", 100000, "1", "}"),
        testing::nested("[", 100000, "", "")}) {
    const size_t used = testing::stack_used([&] {
      document doc;
      auto root = parse(doc, deep);
      ASSERT_FALSE(root.ok());
      EXPECT_EQ(root.err().code, error_code::invalid_json);
      EXPECT_EQ(root.err().message, "JSON nested too deeply at byte " +
                                        std::to_string(deep[0] == '[' ? 128 : 5 * 128));
    });
    EXPECT_GT(used, 0u);
    EXPECT_LT(used, 16u * 1024);
  }
}

TEST(JsonTree, NestedMembersKeepTheirSubtreeSizes) {
  document doc;
  auto root = parse(doc, R"({"a":[[],{"b":[1,2]},3],"c":{}})");
  ASSERT_TRUE(root.ok());
  const auto o = root.value().get_object();
  ASSERT_TRUE(o);
  std::string keys;
  for (auto [key, value] : *o) keys += std::string(key) + ":" + to_json(value) + ";";
  EXPECT_EQ(keys, R"(a:[[],{"b":[1,2]},3];c:{};)");
}

TEST(JsonTree, ToJsonWritesCompactText) {
  document doc;
  auto root = parse(doc, R"( { "a" : [ 1.50 , "x\u0041\n" , null , true ] , "b" : { } } )");
  ASSERT_TRUE(root.ok());
  EXPECT_EQ(to_json(root.value()), R"({"a":[1.50,"xA\n",null,true],"b":{}})");
}

TEST(JsonTree, ADocumentCanBeReused) {
  document doc;
  ASSERT_TRUE(parse(doc, R"({"a":"first"})").ok());
  auto second = parse(doc, R"({"a":"second"})");
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second.value().get_object()->find("a")->get_string(), "second");
}

}  // namespace
}  // namespace sluice::dom
