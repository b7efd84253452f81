#pragma once
// Civil-calendar arithmetic and the timestamp texts the decoder reads and the validator accepts.
// The arithmetic is our own (no libc time zone functions), so results never depend on the
// host's TZ, locale or time_t width, natively or in WASM.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace sluice::decode {

// The range of a JS Date: ±100,000,000 days around the epoch. Outside it a Date is invalid.
inline constexpr int64_t max_epoch_ms = 8'640'000'000'000'000;
inline constexpr int64_t ms_per_day = 86'400'000;

struct civil_date {
  int64_t year;
  uint32_t month;  // 1-12
  uint32_t day;    // 1-31
};

// Days since 1970-01-01 in the proleptic Gregorian calendar (negative before it).
[[nodiscard]] int64_t days_from_civil(int64_t year, uint32_t month, uint32_t day) noexcept;
[[nodiscard]] civil_date civil_from_days(int64_t days) noexcept;
[[nodiscard]] uint32_t days_in_month(int64_t year, uint32_t month) noexcept;

enum class offset_rule : uint8_t {
  utc_if_absent,  // Postgres `timestamp` text and JSON from json_build_array carry none
  required,       // request bodies: a time without a zone is ambiguous
};

// A timestamp text's parts, as written (before applying its offset).
struct timestamp_fields {
  int64_t day;  // days since the epoch of the written date
  uint32_t hour, minute, second, millis;
  int64_t offset_seconds;  // east of UTC
  std::string_view date_text;  // the `YYYY-MM-DD` it starts with
};

// Parses `YYYY-MM-DD(T| )HH:MM[:SS[.fraction]][Z|±HH[[:]MM[[:]SS]]]`, years 0001-9999.
// Fraction digits past milliseconds are truncated, as JS Date does. nullopt when the text is
// malformed or names no calendar date.
[[nodiscard]] std::optional<timestamp_fields> parse_timestamp_fields(std::string_view text,
                                                                     offset_rule rule) noexcept;

// Epoch milliseconds of the instant `fields` name.
[[nodiscard]] int64_t epoch_ms_of(const timestamp_fields& fields) noexcept;

// parse_timestamp_fields, then epoch_ms_of.
[[nodiscard]] std::optional<int64_t> parse_timestamp(std::string_view text, offset_rule rule) noexcept;

// Formats as format_iso_timestamp does, straight from the fields when they are already UTC
// (the usual Postgres text, `...+00`), which skips two calendar conversions. Returns the length.
size_t format_iso_timestamp(const timestamp_fields& fields, char* buf) noexcept;

// The ISO form of Postgres' timestamptz text in a UTC session, `YYYY-MM-DD HH:MM:SS[.f...]+00`,
// written into `buf` by rearranging its digits: the same bytes format_iso_timestamp writes for
// it, without calendar arithmetic. Returns the length, or 0 for any other spelling or an
// invalid date or time (the general parser then decides).
size_t format_utc_text(std::string_view text, char* buf) noexcept;

// Days since the epoch of a `YYYY-MM-DD` text (years 0001-9999).
[[nodiscard]] std::optional<int64_t> parse_date(std::string_view text) noexcept;

// Large enough for `"+275760-09-13T00:00:00.000Z"` with its quotes.
inline constexpr size_t iso_buffer_size = 32;

// Writes Date.prototype.toISOString() of `epoch_ms` (|epoch_ms| <= max_epoch_ms) into `buf`:
// `YYYY-MM-DDTHH:MM:SS.sssZ`, or `±YYYYYY-...` outside years 0-9999. Returns the length.
size_t format_iso_timestamp(int64_t epoch_ms, char* buf) noexcept;

// `YYYY-MM-DD` of a day count, with the same extended-year rule. Returns the length.
size_t format_iso_date(int64_t days, char* buf) noexcept;

// Floor division: the day holding `epoch_ms`, also before 1970.
[[nodiscard]] constexpr int64_t day_of(int64_t epoch_ms) noexcept {
  const int64_t q = epoch_ms / ms_per_day;
  return (epoch_ms % ms_per_day < 0) ? q - 1 : q;
}

}  // namespace sluice::decode
