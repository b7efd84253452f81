#include "core/number_format.h"

#include <gtest/gtest.h>

#include <limits>

namespace sluice {
namespace {

std::string js(double v) {
  std::string out;
  append_js_number(out, v);
  return out;
}

// Expected strings are what node prints for String(v).
TEST(NumberFormat, MatchesJavaScript) {
  EXPECT_EQ(js(0), "0");
  EXPECT_EQ(js(-0.0), "0");
  EXPECT_EQ(js(1), "1");
  EXPECT_EQ(js(-42), "-42");
  EXPECT_EQ(js(1.5), "1.5");
  EXPECT_EQ(js(0.1), "0.1");
  EXPECT_EQ(js(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(js(123456789012345680000.0), "123456789012345680000");
  EXPECT_EQ(js(1e21), "1e+21");
  EXPECT_EQ(js(0.000001), "0.000001");
  EXPECT_EQ(js(0.0000001), "1e-7");
  EXPECT_EQ(js(1.25e-7), "1.25e-7");
  EXPECT_EQ(js(9007199254740993.0), "9007199254740992");
  EXPECT_EQ(js(std::numeric_limits<double>::max()), "1.7976931348623157e+308");
  EXPECT_EQ(js(5e-324), "5e-324");
  EXPECT_EQ(js(std::numeric_limits<double>::quiet_NaN()), "null");
}

// Where the shortest digits have a choice, JS takes the ones closest to the exact value
// (Grisu2 output cut shorter took a neighbour for these); expected strings from node.
TEST(NumberFormat, ChoosesTheClosestShortestDigits) {
  EXPECT_EQ(js(1.4566673696681447e-304), "1.4566673696681447e-304");
  EXPECT_EQ(js(4.8765657352145835e-114), "4.8765657352145835e-114");
  EXPECT_EQ(js(-1713107771747232.8), "-1713107771747232.8");
  EXPECT_EQ(js(1127852000715246.8), "1127852000715246.8");
  EXPECT_EQ(js(1596440525651590.2), "1596440525651590.2");
  EXPECT_EQ(js(6.8578775562857176e+87), "6.8578775562857176e+87");
  EXPECT_EQ(js(2.2976089046521377e-20), "2.2976089046521377e-20");
}

// Powers of two (uneven gaps around them), subnormals, limits and JS's layout switches.
TEST(NumberFormat, EdgeCases) {
  EXPECT_EQ(js(2.2250738585072014e-308), "2.2250738585072014e-308");
  EXPECT_EQ(js(2.225073858507201e-308), "2.225073858507201e-308");
  EXPECT_EQ(js(-5e-324), "-5e-324");
  EXPECT_EQ(js(1.5e-323), "1.5e-323");
  EXPECT_EQ(js(9007199254740992.0), "9007199254740992");
  EXPECT_EQ(js(9007199254740991.0), "9007199254740991");
  EXPECT_EQ(js(1152921504606846976.0), "1152921504606847000");
  EXPECT_EQ(js(9223372036854775808.0), "9223372036854776000");
  EXPECT_EQ(js(1e23), "1e+23");
  EXPECT_EQ(js(1e22), "1e+22");
  EXPECT_EQ(js(999999999999999900000.0), "999999999999999900000");
  EXPECT_EQ(js(1e300), "1e+300");
  EXPECT_EQ(js(0.000001), "0.000001");
  EXPECT_EQ(js(0.0000012345), "0.0000012345");
  EXPECT_EQ(js(1.5e-7), "1.5e-7");
  EXPECT_EQ(js(1.0 / 3), "0.3333333333333333");
  EXPECT_EQ(js(-2.0 / 3), "-0.6666666666666666");
  EXPECT_EQ(js(4.35), "4.35");
  EXPECT_EQ(js(5e-324 * 3), "1.5e-323");
}

}  // namespace
}  // namespace sluice
