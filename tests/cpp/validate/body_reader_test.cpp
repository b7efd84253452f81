// The body reader: unknown keys cost the same per key however many there are.
#include <gtest/gtest.h>

#include <string>

#include "validate_test_support.h"

namespace sluice::validate::testing {
namespace {

// 10 MB of distinct unknown keys: a list searched per key took minutes; each mode reads it in one pass.
TEST(BodyReader, TenMegabytesOfDistinctUnknownKeysAreRead) {
  std::string body = R"({"title":"t")";
  size_t keys = 0;
  while (body.size() < 10'000'000) body += ",\"k" + std::to_string(keys++) + "\":0";
  body += ",\"k0\":1,\"k1\":2}";
  const validator strip = load(every_type_catalog(), R"({"table":"things"})");
  EXPECT_EQ(check(strip, body), R"(accepted {"title":"t"})");
  const validator strict = load(every_type_catalog(), R"({"table":"things","unknownKeys":"strict"})");
  const std::string verdict = check(strict, body);
  ASSERT_EQ(verdict.rfind(R"(rejected {"formErrors":["Unrecognized key(s) in object: 'k0', 'k1', 'k2')", 0), 0u)
      << verdict.substr(0, 200);
  EXPECT_NE(verdict.find("'k" + std::to_string(keys - 1) + "'\"]"), std::string::npos);
  EXPECT_EQ(verdict.find("'k0'", 60), std::string::npos) << "a repeated key is named once";
}

}  // namespace
}  // namespace sluice::validate::testing
