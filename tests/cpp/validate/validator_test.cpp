#include <gtest/gtest.h>

#include "validate_test_support.h"

namespace sluice::validate::testing {
namespace {

using sluice::testing::tutorial_catalog;

// worker/app/validators.js: insertUserSchema, as the tutorial's POST /users uses it.
constexpr std::string_view insert_user_spec =
    R"j({"schema":0,"table":"users","mode":"insert","omit":["id","createdAt","updatedAt"],)j"
    R"j("unknownKeys":"strict","refine":{"email":[{"check":"email"},{"check":"max","value":320}],)j"
    R"j("name":[{"check":"min","value":1},{"check":"max","value":100}]}})j";

TEST(Validator, TutorialPostUsersRejection) {
  const validator v = load(tutorial_catalog(), insert_user_spec);
  EXPECT_EQ(check(v, R"j({"email":"bad","name":""})j"),
            R"j(rejected {"formErrors":[],"fieldErrors":{"email":["Invalid email"],"name":["String must contain at least 1 character(s)"]}})j");
}

TEST(Validator, TutorialPostUsersAcceptsInSchemaOrder) {
  const validator v = load(tutorial_catalog(), insert_user_spec);
  EXPECT_EQ(check(v, R"j({"name":"Alice","role":"admin","email":"alice@example.com"})j"),
            R"j(accepted {"email":"alice@example.com","name":"Alice","role":"admin"})j");
  EXPECT_EQ(check(v, R"j({"email":"alice@example.com","name":"Alice","isActive":false})j"),
            R"j(accepted {"email":"alice@example.com","name":"Alice","isActive":false})j");
}

TEST(Validator, MissingRequiredKeys) {
  const validator v = load(tutorial_catalog(), insert_user_spec);
  EXPECT_EQ(check(v, "{}"), rejected(R"j("email":["Required"],"name":["Required"])j"));
}

TEST(Validator, SeveralIssuesPerFieldInCheckOrder) {
  // varchar(320)'s own max, then the refinements: email, max(320), as drizzle-zod chains them.
  const validator v = load(tutorial_catalog(), insert_user_spec);
  const std::string long_bad(321, 'x');
  EXPECT_EQ(check(v, R"j({"email":")j" + long_bad + R"j(","name":"Al"})j"),
            rejected(R"j("email":["String must contain at most 320 character(s)","Invalid email",)j"
                     R"j("String must contain at most 320 character(s)"])j"));
}

TEST(Validator, StrictRejectsUnknownKeysOnceEachInOrder) {
  const validator v = load(tutorial_catalog(), insert_user_spec);
  EXPECT_EQ(check(v, R"j({"foo":1,"email":"a@b.co","bar":[1,{"x":null}],"foo":2,"name":"A","id":7})j"),
            rejected("", R"j("Unrecognized key(s) in object: 'foo', 'bar', 'id'")j"));
  EXPECT_EQ(check(v, R"j({"foo":1,"email":"bad","name":"A"})j"),
            rejected(R"j("email":["Invalid email"])j", R"j("Unrecognized key(s) in object: 'foo'")j"));
}

TEST(Validator, StripDropsUnknownKeys) {
  const validator v = load(tutorial_catalog(),
                           R"j({"table":"users","omit":["id","createdAt","updatedAt"],"unknownKeys":"strip"})j");
  EXPECT_EQ(check(v, R"j({"foo":1,"email":"a@b.co","name":"A","id":7,"extra":{"deep":[true]}})j"),
            R"j(accepted {"email":"a@b.co","name":"A"})j");
}

TEST(Validator, UnknownKeysDefaultToStrip) {
  const validator v = load(tutorial_catalog(), R"j({"table":"users","pick":["name"]})j");
  EXPECT_EQ(check(v, R"j({"name":"A","email":"x"})j"), R"j(accepted {"name":"A"})j");
}

TEST(Validator, PickAndOmitSelectColumns) {
  const validator pick = load(tutorial_catalog(), R"j({"table":"users","pick":["email","role"],"unknownKeys":"strict"})j");
  EXPECT_EQ(check(pick, R"j({"email":"a@b.co","name":"A"})j"),
            rejected("", R"j("Unrecognized key(s) in object: 'name'")j"));
  EXPECT_EQ(check(pick, R"j({"email":"a@b.co"})j"), R"j(accepted {"email":"a@b.co"})j");
  const validator omit = load(tutorial_catalog(), R"j({"table":"users","omit":["email"],"unknownKeys":"strict"})j");
  EXPECT_EQ(check(omit, R"j({"name":"A"})j"), R"j(accepted {"name":"A"})j");
}

TEST(Validator, UpdateModeMakesEveryKeyOptional) {
  const validator v = load(tutorial_catalog(),
                           R"j({"table":"users","mode":"update","omit":["id","createdAt","updatedAt"],"unknownKeys":"strict",)j"
                           R"j("refine":{"name":[{"check":"min","value":1}]}})j");
  EXPECT_EQ(check(v, "{}"), "accepted {}");
  EXPECT_EQ(check(v, R"j({"name":""})j"), rejected(R"j("name":["String must contain at least 1 character(s)"])j"));
  EXPECT_EQ(check(v, R"j({"name":null})j"), rejected(R"j("name":["Expected string, received null"])j"));
}

TEST(Validator, DefaultsMakeKeysOptionalButNotNullable) {
  const validator v = load(tutorial_catalog(), R"j({"table":"users","pick":["role","isActive"]})j");
  EXPECT_EQ(check(v, "{}"), "accepted {}");
  EXPECT_EQ(check(v, R"j({"role":null,"isActive":null})j"),
            rejected(R"j("role":["Expected 'admin' | 'editor' | 'viewer', received null"],)j"
                     R"j("isActive":["Expected boolean, received null"])j"));
}

TEST(Validator, NonObjectBodies) {
  const validator v = load(tutorial_catalog(), insert_user_spec);
  EXPECT_EQ(check(v, "[1,2]"), rejected("", R"j("Expected object, received array")j"));
  EXPECT_EQ(check(v, "null"), rejected("", R"j("Expected object, received null")j"));
  EXPECT_EQ(check(v, R"j("x")j"), rejected("", R"j("Expected object, received string")j"));
  EXPECT_EQ(check(v, "42"), rejected("", R"j("Expected object, received number")j"));
  EXPECT_EQ(check(v, "true"), rejected("", R"j("Expected object, received boolean")j"));
}

TEST(Validator, MalformedJson) {
  const validator v = load(tutorial_catalog(), insert_user_spec);
  for (std::string_view bad : {"", "{", R"j({"email":})j", R"j({"email":"a"} x)j", "[1,,2]", R"j({"a":[1,,2]})j",
                               R"j({"email":"\q"})j", "nul", R"j({"name":"A","foo":tru})j", "[1] 2", "{'a':1}"}) {
    const std::string got = check(v, bad);
    EXPECT_EQ(got.rfind(R"j(malformed {"code":"invalid_json","message":")j", 0), 0u) << bad << " -> " << got;
  }
}

TEST(Validator, DuplicateKeysLastWins) {
  const validator v = load(tutorial_catalog(), insert_user_spec);
  EXPECT_EQ(check(v, R"j({"email":1,"name":"A","email":"a@b.co"})j"), R"j(accepted {"email":"a@b.co","name":"A"})j");
  EXPECT_EQ(check(v, R"j({"email":"a@b.co","name":"A","email":"bad"})j"), rejected(R"j("email":["Invalid email"])j"));
}

TEST(Validator, UnicodeLengthCountsUtf16Units) {
  const validator v = load(tutorial_catalog(),
                           R"j({"table":"users","pick":["name"],"refine":{"name":[{"check":"max","value":3}]}})j");
  // é is one unit, 😀 two (a surrogate pair), as JS .length counts them.
  EXPECT_EQ(check(v, R"j({"name":"éé😀"})j"), rejected(R"j("name":["String must contain at most 3 character(s)"])j"));
  EXPECT_EQ(check(v, R"j({"name":"é😀"})j"), R"j(accepted {"name":"é😀"})j");
  EXPECT_EQ(check(v, R"j({"name":"\u00e9\ud83d\ude00"})j"), R"j(accepted {"name":"é😀"})j");
  // A lone surrogate is not counted: it is refused first (unstorable_text_test.cpp).
  EXPECT_EQ(check(v, R"j({"name":"\ud800abc"})j"),
            rejected(R"j("name":["String must not contain an unpaired surrogate (U+D800)"])j"));
}

TEST(Validator, AcceptedStringsAreWrittenAsJsonStringifyWould) {
  const validator v = load(tutorial_catalog(), R"j({"table":"users","pick":["name"]})j");
  EXPECT_EQ(check(v, R"j({"name":"a\"b\\c\/d\n\u0001\u00e9"})j"), R"j(accepted {"name":"a\"b\\c/d\n\u0001é"})j");
}

TEST(Validator, EscapedKeysMatchColumns) {
  const validator v = load(tutorial_catalog(), R"j({"table":"users","pick":["name"],"unknownKeys":"strict"})j");
  EXPECT_EQ(check(v, R"j({"n\u0061me":"A"})j"), R"j(accepted {"name":"A"})j");
}

}  // namespace
}  // namespace sluice::validate::testing
