// Deep input to the validator: its spec loader and its regex parser stop at depth bounds that
// fit the WebAssembly module's stack, and bodies nested 100 000 deep are malformed.
#include <gtest/gtest.h>

#include <string>

#include "stack_support.h"
#include "validate_test_support.h"

namespace sluice::validate::testing {
namespace {

using sluice::testing::nested;
using sluice::testing::stack_used;
using sluice::testing::wasm_stack_bytes;

std::string regex_spec(const std::string& pattern) {
  return R"({"table":"things","refine":{"note":[{"check":"regex","pattern":")" + pattern + R"("}]}})";
}

TEST(ValidatorDepth, HundredThousandLevelsInASpecAreAnInvalidJsonError) {
  for (const std::string& spec :
       {nested(R"({"table":"things","omit":)", 1, nested("[", 100000, "", "]"), "}"),
        nested(R"({"refine":)", 100000, "{}", "}")}) {
    stack_used([&] {
      auto loaded = load_validator(every_type_catalog(), spec);
      ASSERT_FALSE(loaded.ok());
      EXPECT_EQ(loaded.err().code, error_code::invalid_json);
    });
  }
}

TEST(ValidatorDepth, RegexGroupsStopAt64Levels) {
  auto deeper = load_validator(every_type_catalog(), regex_spec(nested("(", 65, "a", ")")));
  ASSERT_FALSE(deeper.ok());
  EXPECT_EQ(deeper.err().code, error_code::invalid_document);
  EXPECT_NE(deeper.err().message.find("groups nested too deeply"), std::string::npos) << deeper.err().message;
  stack_used([&] {
    auto deep = load_validator(every_type_catalog(), regex_spec(nested("(?:", 100000, "a", ")")));
    ASSERT_FALSE(deep.ok());
    EXPECT_NE(deep.err().message.find("groups nested too deeply"), std::string::npos) << deep.err().message;
  });
}

TEST(ValidatorDepth, TheDeepestRegexLoadsAndMatchesWithinTheModulesStack) {
  for (const std::string& pattern : {nested("(", 64, "a", ")"), nested("(?:", 64, "a|b", ")*"),
                                     nested("(", 64, "[a-z]", "|b)")}) {
    const size_t used = stack_used([&] {
      const validator v = load(every_type_catalog(), regex_spec(pattern));
      EXPECT_EQ(check(v, R"({"title":"t","note":"a"})"), R"(accepted {"note":"a","title":"t"})") << pattern;
    });
    EXPECT_GT(used, 0u);
    EXPECT_LT(used, wasm_stack_bytes / 2) << pattern;
  }
}

TEST(ValidatorDepth, HundredThousandLevelsInABodyAreMalformedWithinTheModulesStack) {
  const validator strip = load(every_type_catalog(), R"({"table":"things"})");
  const std::string deep_array = nested("[", 100000, "", "]");
  const std::string deep_object = nested(R"({"a":)", 100000, "1", "}");
  for (const std::string& body :
       {R"({"title":"t","extra":)" + deep_array + "}", R"({"title":"t","meta":)" + deep_object + "}",
        R"({"title":"t","note":)" + deep_array + "}", deep_array}) {
    const size_t used = stack_used([&] {
      EXPECT_EQ(check(strip, body).rfind("malformed {\"code\":\"invalid_json\"", 0), 0u) << body.substr(0, 40);
    });
    EXPECT_LT(used, wasm_stack_bytes / 2);
  }
}

TEST(ValidatorDepth, TheDeepestJsonValueACopyAcceptsFitsTheModulesStack) {
  const validator strip = load(every_type_catalog(), R"({"table":"things"})");
  const size_t used = stack_used([&] {
    const std::string value = nested("[", 256, "", "]");
    EXPECT_EQ(check(strip, R"({"title":"t","meta":)" + value + "}"), R"(accepted {"meta":)" + value + R"(,"title":"t"})");
  });
  EXPECT_GT(used, 0u);
  EXPECT_LT(used, wasm_stack_bytes / 2);
}

}  // namespace
}  // namespace sluice::validate::testing
