#include "decode/timestamp.h"

#include <gtest/gtest.h>

#include <string>

namespace sluice::decode {
namespace {

std::string iso(int64_t ms) {
  char buf[iso_buffer_size];
  return std::string(buf, format_iso_timestamp(ms, buf));
}

TEST(Timestamp, CivilDaysRoundTripAcrossJsDateRange) {
  // Every day a JS Date can hold (±100,000,000 days), in steps that visit every month and day.
  for (int64_t day = -100'000'000; day <= 100'000'000; day += 9973) {
    const civil_date d = civil_from_days(day);
    ASSERT_EQ(days_from_civil(d.year, d.month, d.day), day);
    ASSERT_GE(d.day, 1u);
    ASSERT_LE(d.day, days_in_month(d.year, d.month));
  }
  for (int64_t day = -800'000; day <= 800'000; ++day) {
    const civil_date d = civil_from_days(day);
    ASSERT_EQ(days_from_civil(d.year, d.month, d.day), day);
  }
}

TEST(Timestamp, KnownDays) {
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(days_from_civil(2000, 3, 1), 11017);
  EXPECT_EQ(days_from_civil(1969, 12, 31), -1);
  EXPECT_EQ(days_from_civil(1, 1, 1), -719162);
  EXPECT_EQ(days_in_month(2000, 2), 29u);
  EXPECT_EQ(days_in_month(1900, 2), 28u);
  EXPECT_EQ(days_in_month(2024, 2), 29u);
  EXPECT_EQ(days_in_month(2023, 2), 28u);
}

TEST(Timestamp, FormatsAsToIsoString) {
  EXPECT_EQ(iso(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(iso(-1), "1969-12-31T23:59:59.999Z");
  EXPECT_EQ(iso(951782400000), "2000-02-29T00:00:00.000Z");
  EXPECT_EQ(iso(253402300799999), "9999-12-31T23:59:59.999Z");
  EXPECT_EQ(iso(253402300800000), "+010000-01-01T00:00:00.000Z");
  EXPECT_EQ(iso(-62167219200001), "-000001-12-31T23:59:59.999Z");
  EXPECT_EQ(iso(-62167219200000), "0000-01-01T00:00:00.000Z");
}

TEST(Timestamp, ParsesPostgresAndIsoSpellings) {
  EXPECT_EQ(parse_timestamp("2026-11-23 20:09:30.545502+00", offset_rule::utc_if_absent), 1795464570545);
  EXPECT_EQ(parse_timestamp("2026-11-23T20:09:30.545Z", offset_rule::required), 1795464570545);
  EXPECT_EQ(parse_timestamp("2026-11-23T21:39:30.545+0130", offset_rule::required), 1795464570545);
  EXPECT_EQ(parse_timestamp("2026-11-23 20:09:30.545502", offset_rule::utc_if_absent), 1795464570545);
  EXPECT_EQ(parse_timestamp("2026-11-23 20:09:30.545502", offset_rule::required), std::nullopt);
  EXPECT_EQ(parse_timestamp("2026-11-23 20:09:30.", offset_rule::utc_if_absent), std::nullopt);
  EXPECT_EQ(parse_timestamp("2026-11-23 20:09:30+24", offset_rule::utc_if_absent), std::nullopt);
  EXPECT_EQ(parse_timestamp("2026-11-23", offset_rule::utc_if_absent), std::nullopt);
  EXPECT_EQ(parse_date("2026-11-23"), days_from_civil(2026, 11, 23));
  EXPECT_EQ(parse_date("2026-11-31"), std::nullopt);
}

TEST(Timestamp, UtcFieldsFormatLikeTheirInstant) {
  for (const char* text : {"2024-02-29 23:59:59.999+00", "0001-01-01 00:00:00Z", "2024-01-01T01:30:00+05:30",
                           "1969-12-31 23:59:59.1-00:00", "2024-06-30T12:00"}) {
    const auto fields = parse_timestamp_fields(text, offset_rule::utc_if_absent);
    ASSERT_TRUE(fields) << text;
    char buf[iso_buffer_size];
    EXPECT_EQ(std::string(buf, format_iso_timestamp(*fields, buf)), iso(epoch_ms_of(*fields))) << text;
  }
}

// The shortcut for Postgres' UTC text writes what the general path writes, and declines every
// other spelling and every impossible date or time, leaving it to the general parser.
TEST(Timestamp, UtcTextShortcutMatchesTheGeneralPath) {
  for (const char* text : {"2026-11-23 20:09:30.545502+00", "2024-02-29 23:59:59.999+00", "0001-01-01 00:00:00+00",
                           "1969-12-31 23:59:59.1+00", "9999-12-31 23:59:59.12+00"}) {
    const auto fields = parse_timestamp_fields(text, offset_rule::utc_if_absent);
    ASSERT_TRUE(fields) << text;
    char general[iso_buffer_size];
    char shortcut[iso_buffer_size];
    const size_t n = format_utc_text(text, shortcut);
    ASSERT_NE(n, 0u) << text;
    EXPECT_EQ(std::string(shortcut, n), std::string(general, format_iso_timestamp(*fields, general))) << text;
  }
  for (const char* text : {"2026-11-23 20:09:30+05:30", "2026-11-23T20:09:30+00", "2026-11-23 20:09:30.+00",
                           "2026-11-23 20:09:30.5x+00", "2023-02-29 00:00:00+00", "2026-13-01 00:00:00+00",
                           "2026-11-23 24:00:00+00", "2026-11-23 20:60:00+00", "0000-01-01 00:00:00+00",
                           "10000-01-01 00:00:00+00", "2026-11-23 20:09:30", "0001-01-01 00:00:00+00 BC"}) {
    char buf[iso_buffer_size];
    EXPECT_EQ(format_utc_text(text, buf), 0u) << text;
  }
}

}  // namespace
}  // namespace sluice::decode
