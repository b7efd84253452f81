#include "gateway/typed_value.h"

#include <gtest/gtest.h>

#include "gateway/result_json.h"

namespace sluice::gateway {
namespace {

std::string typed(Oid type, std::string_view text) {
  json_writer w;
  write_typed_value(w, type, text);
  return w.take();
}

TEST(TypedValue, ScalarsAsNeonsProxyConvertsThem) {
  EXPECT_EQ(typed(16, "t"), "true");
  EXPECT_EQ(typed(16, "f"), "false");
  EXPECT_EQ(typed(23, "-42"), "-42");
  EXPECT_EQ(typed(701, "1.5e+100"), "1.5e+100");
  EXPECT_EQ(typed(701, "NaN"), "\"NaN\"");
  EXPECT_EQ(typed(700, "-Infinity"), "\"-Infinity\"");
  EXPECT_EQ(typed(3802, R"({"a": [1, 2]})"), R"({"a": [1, 2]})");
  EXPECT_EQ(typed(20, "9007199254740993"), "\"9007199254740993\"");  // int8 stays a string
  EXPECT_EQ(typed(1700, "1.10"), "\"1.10\"");
  EXPECT_EQ(typed(25, "say \"hi\""), R"("say \"hi\"")");
}

TEST(TypedValue, Arrays) {
  EXPECT_EQ(typed(1007, "{1,NULL,3}"), "[1,null,3]");
  EXPECT_EQ(typed(1007, "{{1,2},{3,4}}"), "[[1,2],[3,4]]");
  EXPECT_EQ(typed(1007, "[0:1]={5,6}"), "[5,6]");
  EXPECT_EQ(typed(1007, "{}"), "[]");
  EXPECT_EQ(typed(1000, "{t,f}"), "[true,false]");
  EXPECT_EQ(typed(1009, R"({"a b",c,NULL,"NULL","q\"x","back\\slash"})"),
            R"(["a b","c",null,"NULL","q\"x","back\\slash"])");
  EXPECT_EQ(typed(3807, R"({"{\"a\": 1}",NULL})"), R"([{"a": 1},null])");
  EXPECT_EQ(typed(1022, "{1.5,NaN}"), R"([1.5,"NaN"])");
  EXPECT_EQ(typed(1007, "{1,"), R"("{1,")");  // not an array literal: kept whole
}

TEST(TypedValue, ArraysDeeperThanPostgresWritesStayText) {
  EXPECT_EQ(typed(1007, "{{{{{{1}}}}}}"), "[[[[[[1]]]]]]");
  EXPECT_EQ(typed(1007, "{{{{{{{1}}}}}}}"), R"("{{{{{{{1}}}}}}}")");
  const std::string deep = std::string(100000, '{') + std::string(100000, '}');
  EXPECT_EQ(typed(1007, deep), "\"" + deep + "\"");
}

TEST(ResultJson, CommandIsTheTagsFirstWord) {
  EXPECT_EQ(command_of("INSERT 0 5"), "INSERT");
  EXPECT_EQ(command_of("CREATE TABLE"), "CREATE");
  EXPECT_EQ(command_of("SELECT 1"), "SELECT");
  EXPECT_EQ(command_of(""), "");
}

}  // namespace
}  // namespace sluice::gateway
