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

}  // namespace
}  // namespace sluice
