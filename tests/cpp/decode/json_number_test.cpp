#include "decode/json_number.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <random>
#include <string>

#include "core/number_format.h"

namespace sluice::decode {
namespace {

std::string js(double v) {
  std::string out;
  append_js_number(out, v);
  return out;
}

// The copy fast path must only accept texts JS would print unchanged.
TEST(JsonNumber, CanonicalTextsAreWhatJavaScriptPrints) {
  std::mt19937_64 random(42);
  std::uniform_int_distribution<int> digits(1, 17), exponent(-9, 22), sign(0, 1);
  for (int i = 0; i < 200000; ++i) {
    std::string text = sign(random) ? "-" : "";
    const int n = digits(random);
    std::string mantissa;
    for (int k = 0; k < n; ++k) mantissa.push_back(static_cast<char>('0' + random() % 10));
    const int point = exponent(random);
    if (point <= 0) {
      text += "0." + std::string(static_cast<size_t>(-point), '0') + mantissa;
    } else if (static_cast<size_t>(point) >= mantissa.size()) {
      text += mantissa + std::string(static_cast<size_t>(point) - mantissa.size(), '0');
    } else {
      text += mantissa.substr(0, static_cast<size_t>(point)) + "." + mantissa.substr(static_cast<size_t>(point));
    }
    if (!is_json_number(text)) continue;  // a leading zero in the integer part
    if (is_js_canonical(text)) ASSERT_EQ(js(std::strtod(text.c_str(), nullptr)), text);
  }
}

TEST(JsonNumber, Grammar) {
  for (const char* good : {"0", "-0", "1", "-1.5", "1e5", "1E+5", "1.0e-5", "123456789012345678901234"})
    EXPECT_TRUE(is_json_number(good)) << good;
  for (const char* bad : {"", "-", "01", "1.", ".5", "+1", "1e", "1e+", "NaN", "Infinity", "0x10", "1 "})
    EXPECT_FALSE(is_json_number(bad)) << bad;
  EXPECT_TRUE(is_js_canonical("123456789012345"));
  EXPECT_FALSE(is_js_canonical("1234567890123456"));
  EXPECT_FALSE(is_js_canonical("-0"));
  EXPECT_FALSE(is_js_canonical("1.50"));
  EXPECT_FALSE(is_js_canonical("0.0000001"));
  EXPECT_TRUE(is_js_canonical("0.000001"));
}

}  // namespace
}  // namespace sluice::decode
