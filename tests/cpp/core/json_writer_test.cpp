// The streaming writer: separators, escaping (keys and strings, short and long, the first byte
// to escape anywhere in an eight-byte step), and reuse of one writer across documents.
#include "core/json_writer.h"

#include <gtest/gtest.h>

#include <string>

namespace sluice {
namespace {

std::string one_key(std::string_view k) {
  json_writer w;
  w.begin_object();
  w.key(k);
  w.null();
  w.end_object();
  return w.take();
}

std::string one_string(std::string_view s) {
  json_writer w;
  w.string(s);
  return w.take();
}

TEST(JsonWriter, PlacesCommasBetweenMembersAndElements) {
  json_writer w;
  w.begin_array();
  w.begin_object();
  w.key("a");
  w.int64(-1);
  w.key("b");
  w.boolean(true);
  w.end_object();
  w.null();
  w.string("x");
  w.end_array();
  EXPECT_EQ(w.take(), R"([{"a":-1,"b":true},null,"x"])");
}

TEST(JsonWriter, WritesPlainKeysAsTheyAre) {
  EXPECT_EQ(one_key("id"), R"({"id":null})");
  EXPECT_EQ(one_key(""), R"({"":null})");
  EXPECT_EQ(one_key("aVeryLongCamelCaseKeyName"), R"({"aVeryLongCamelCaseKeyName":null})");
  EXPECT_EQ(one_key("caf\u00e9Cr\u00e8me\u4e2d"), "{\"caf\u00e9Cr\u00e8me\u4e2d\":null}");
}

TEST(JsonWriter, EscapesKeysWhereverTheByteIs) {
  EXPECT_EQ(one_key("a\"b"), R"({"a\"b":null})");
  EXPECT_EQ(one_key("abcdefgh\\ij"), R"({"abcdefgh\\ij":null})");
  EXPECT_EQ(one_key("abcdefg\n"), R"({"abcdefg\n":null})");
  EXPECT_EQ(one_key(std::string("abcdefghijklmno\x01", 16)), R"({"abcdefghijklmno\u0001":null})");
  EXPECT_EQ(one_key("\x1f"), R"({"\u001f":null})");
}

TEST(JsonWriter, EscapesStringsLikeJsonStringify) {
  EXPECT_EQ(one_string("plain text, long enough"), R"("plain text, long enough")");
  EXPECT_EQ(one_string("tab\there \"quoted\" back\\slash"), R"("tab\there \"quoted\" back\\slash")");
  EXPECT_EQ(one_string("\b\f\r"), R"("\b\f\r")");
  EXPECT_EQ(one_string("\xc3\xa9\x7f"), "\"\xc3\xa9\x7f\"");
}

TEST(JsonWriter, ClearKeepsTheBufferAndStartsANewDocument) {
  json_writer w;
  w.begin_array();
  w.int64(1);
  w.end_array();
  const size_t capacity = w.capacity();
  w.clear();
  EXPECT_EQ(w.str(), "");
  w.begin_array();
  w.end_array();
  EXPECT_EQ(w.str(), "[]");
  EXPECT_EQ(w.capacity(), capacity);
  w.release();
  EXPECT_EQ(w.capacity(), 0u);
  w.null();
  EXPECT_EQ(w.take(), "null");
}

}  // namespace
}  // namespace sluice
