#include "decode/timestamp.h"

namespace sluice::decode {
namespace {

// Reads exactly `count` ASCII digits at `pos`, advancing it.
bool read_digits(std::string_view text, size_t& pos, size_t count, uint32_t& out) noexcept {
  if (pos > text.size() || text.size() - pos < count) return false;
  uint32_t v = 0;
  for (size_t i = 0; i < count; ++i) {
    const char c = text[pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint32_t>(c - '0');
  }
  out = v;
  pos += count;
  return true;
}

bool read_char(std::string_view text, size_t& pos, char expected) noexcept {
  if (pos >= text.size() || text[pos] != expected) return false;
  ++pos;
  return true;
}

// Reads `YYYY-MM-DD` at `pos` and returns its day number.
std::optional<int64_t> read_date(std::string_view text, size_t& pos) noexcept {
  uint32_t year = 0, month = 0, day = 0;
  if (!read_digits(text, pos, 4, year) || !read_char(text, pos, '-') ||
      !read_digits(text, pos, 2, month) || !read_char(text, pos, '-') ||
      !read_digits(text, pos, 2, day))
    return std::nullopt;
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month))
    return std::nullopt;
  return days_from_civil(year, month, day);
}

// `Z`, or `±HH`, `±HH:MM`, `±HHMM`, with optional seconds (Postgres prints LMT offsets such as
// `+05:53:28` for old timestamps). Returns the offset east of UTC in seconds.
std::optional<int64_t> read_offset(std::string_view text, size_t& pos) noexcept {
  if (pos < text.size() && (text[pos] == 'Z' || text[pos] == 'z')) {
    ++pos;
    return 0;
  }
  if (pos >= text.size() || (text[pos] != '+' && text[pos] != '-')) return std::nullopt;
  const int64_t sign = text[pos] == '-' ? -1 : 1;
  ++pos;
  uint32_t hours = 0, minutes = 0, seconds = 0;
  if (!read_digits(text, pos, 2, hours) || hours > 23) return std::nullopt;
  for (uint32_t* part : {&minutes, &seconds}) {
    if (pos == text.size()) break;
    const bool colon = text[pos] == ':';
    if (colon) ++pos;
    if (!read_digits(text, pos, 2, *part) || *part > 59) return std::nullopt;
  }
  return sign * (int64_t{hours} * 3600 + int64_t{minutes} * 60 + seconds);
}

char* put_digits(char* p, uint64_t v, int width) noexcept {
  for (int i = width - 1; i >= 0; --i) {
    p[i] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
  return p + width;
}

char* put_date(char* p, int64_t days) noexcept {
  const civil_date d = civil_from_days(days);
  if (d.year >= 0 && d.year <= 9999) {
    p = put_digits(p, static_cast<uint64_t>(d.year), 4);
  } else {
    *p++ = d.year < 0 ? '-' : '+';
    p = put_digits(p, static_cast<uint64_t>(d.year < 0 ? -d.year : d.year), 6);
  }
  *p++ = '-';
  p = put_digits(p, d.month, 2);
  *p++ = '-';
  return put_digits(p, d.day, 2);
}

}  // namespace

int64_t days_from_civil(int64_t year, uint32_t month, uint32_t day) noexcept {
  // Count from 0000-03-01 so the leap day ends each 400-year era's years.
  const int64_t y = year - (month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t year_of_era = y - era * 400;
  const int64_t shifted_month = (month + 9) % 12;  // March = 0
  const int64_t day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

civil_date civil_from_days(int64_t days) noexcept {
  const int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t day_of_era = z - era * 146097;
  const int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int64_t shifted_month = (5 * day_of_year + 2) / 153;
  const auto day = static_cast<uint32_t>(day_of_year - (153 * shifted_month + 2) / 5 + 1);
  const auto month = static_cast<uint32_t>(shifted_month < 10 ? shifted_month + 3 : shifted_month - 9);
  return civil_date{year_of_era + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

uint32_t days_in_month(int64_t year, uint32_t month) noexcept {
  static constexpr uint8_t lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2) {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return lengths[(month - 1) % 12];
}

[[gnu::flatten]] std::optional<timestamp_fields> parse_timestamp_fields(std::string_view text, offset_rule rule) noexcept {
  size_t pos = 0;
  const auto day = read_date(text, pos);
  if (!day || pos >= text.size()) return std::nullopt;
  timestamp_fields f{*day, 0, 0, 0, 0, 0, text.substr(0, pos)};
  const char separator = text[pos++];
  if (separator != 'T' && separator != 't' && separator != ' ') return std::nullopt;
  if (!read_digits(text, pos, 2, f.hour) || f.hour > 23 || !read_char(text, pos, ':') ||
      !read_digits(text, pos, 2, f.minute) || f.minute > 59)
    return std::nullopt;
  if (pos < text.size() && text[pos] == ':') {
    ++pos;
    if (!read_digits(text, pos, 2, f.second) || f.second > 59) return std::nullopt;
    if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
      ++pos;
      const size_t first = pos;
      for (; pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; ++pos)
        if (pos - first < 3) f.millis = f.millis * 10 + static_cast<uint32_t>(text[pos] - '0');
      if (pos == first) return std::nullopt;
      for (size_t n = pos - first; n < 3; ++n) f.millis *= 10;
    }
  }
  if (pos < text.size()) {
    const auto offset = read_offset(text, pos);
    if (!offset) return std::nullopt;
    f.offset_seconds = *offset;
  } else if (rule == offset_rule::required) {
    return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;
  return f;
}

int64_t epoch_ms_of(const timestamp_fields& f) noexcept {
  const int64_t seconds = f.day * 86400 + int64_t{f.hour} * 3600 + int64_t{f.minute} * 60 + f.second;
  return (seconds - f.offset_seconds) * 1000 + f.millis;
}

std::optional<int64_t> parse_timestamp(std::string_view text, offset_rule rule) noexcept {
  const auto fields = parse_timestamp_fields(text, rule);
  if (!fields) return std::nullopt;
  return epoch_ms_of(*fields);
}

std::optional<int64_t> parse_date(std::string_view text) noexcept {
  size_t pos = 0;
  const auto day = read_date(text, pos);
  if (!day || pos != text.size()) return std::nullopt;
  return day;
}

size_t format_iso_timestamp(int64_t epoch_ms, char* buf) noexcept {
  const int64_t day = day_of(epoch_ms);
  auto ms_of_day = static_cast<uint64_t>(epoch_ms - day * ms_per_day);
  char* p = put_date(buf, day);
  *p++ = 'T';
  p = put_digits(p, ms_of_day / 3'600'000, 2);
  *p++ = ':';
  p = put_digits(p, ms_of_day / 60'000 % 60, 2);
  *p++ = ':';
  p = put_digits(p, ms_of_day / 1000 % 60, 2);
  *p++ = '.';
  p = put_digits(p, ms_of_day % 1000, 3);
  *p++ = 'Z';
  return static_cast<size_t>(p - buf);
}

[[gnu::flatten]] size_t format_iso_timestamp(const timestamp_fields& f, char* buf) noexcept {
  if (f.offset_seconds != 0) return format_iso_timestamp(epoch_ms_of(f), buf);
  char* p = buf;
  f.date_text.copy(p, f.date_text.size());
  p += f.date_text.size();
  *p++ = 'T';
  p = put_digits(p, f.hour, 2);
  *p++ = ':';
  p = put_digits(p, f.minute, 2);
  *p++ = ':';
  p = put_digits(p, f.second, 2);
  *p++ = '.';
  p = put_digits(p, f.millis, 3);
  *p++ = 'Z';
  return static_cast<size_t>(p - buf);
}

size_t format_utc_text(std::string_view text, char* buf) noexcept {
  constexpr size_t whole_seconds = 19;  // `YYYY-MM-DD HH:MM:SS`
  if (text.size() < whole_seconds + 3 || text.substr(text.size() - 3) != "+00") return 0;
  const std::string_view fraction = text.substr(whole_seconds, text.size() - 3 - whole_seconds);
  if (!fraction.empty() && (fraction.size() < 2 || fraction[0] != '.')) return 0;
  for (size_t i = 1; i < fraction.size(); ++i)
    if (fraction[i] < '0' || fraction[i] > '9') return 0;
  static constexpr char pattern[] = "0000-00-00 00:00:00";
  uint32_t value[6] = {};  // year, month, day, hour, minute, second
  size_t part = 0;
  for (size_t i = 0; i < whole_seconds; ++i) {
    const char c = text[i];
    if (pattern[i] != '0') {
      if (c != pattern[i]) return 0;
      ++part;
    } else if (c < '0' || c > '9') {
      return 0;
    } else {
      value[part] = value[part] * 10 + static_cast<uint32_t>(c - '0');
    }
  }
  if (value[0] < 1 || value[1] < 1 || value[1] > 12 || value[2] < 1 ||
      value[2] > days_in_month(value[0], value[1]) || value[3] > 23 || value[4] > 59 || value[5] > 59)
    return 0;
  // Only the separator and the fraction change: `YYYY-MM-DDTHH:MM:SS.sssZ`.
  text.copy(buf, whole_seconds);
  buf[10] = 'T';
  buf[whole_seconds] = '.';
  for (size_t i = 0; i < 3; ++i) buf[whole_seconds + 1 + i] = i + 1 < fraction.size() ? fraction[i + 1] : '0';
  buf[whole_seconds + 4] = 'Z';
  return whole_seconds + 5;
}

size_t format_iso_date(int64_t days, char* buf) noexcept {
  return static_cast<size_t>(put_date(buf, days) - buf);
}

}  // namespace sluice::decode
