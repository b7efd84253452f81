#include "core/json_writer.h"

#include <charconv>
#include <cmath>

#include "core/json_scan.h"
#include "core/number_format.h"

namespace sluice {
namespace {

// Where a byte must be escaped in a JSON string, and how (0: copied as it is).
constexpr char escape_of(unsigned char c) noexcept {
  if (const char letter = short_escape(c)) return letter;
  return c < 0x20 ? 'u' : 0;
}

}  // namespace

void json_writer::grow(size_t more) noexcept {
  const size_t wanted = size_ + more;
  size_t capacity = capacity_ < 64 ? 64 : capacity_;
  while (capacity < wanted) capacity *= 2;
  std::unique_ptr<char[]> bigger(new char[capacity]);
  if (size_ != 0) std::memcpy(bigger.get(), data_, size_);
  storage_ = std::move(bigger);
  data_ = storage_.get();
  capacity_ = capacity;
}

void json_writer::reserve(size_t n) noexcept {
  if (capacity_ < n) grow(n - size_);
}

std::string json_writer::take() noexcept {
  std::string taken = size_ == 0 ? std::string() : std::string(data_, size_);
  clear();
  return taken;
}

void json_writer::release() noexcept {
  clear();
  storage_.reset();
  data_ = nullptr;
  capacity_ = 0;
}

void json_writer::begin_object() noexcept {
  separate();
  put('{');
  need_comma_ = false;
}

void json_writer::end_object() noexcept {
  put('}');
  need_comma_ = true;
}

void json_writer::begin_array() noexcept {
  separate();
  put('[');
  need_comma_ = false;
}

void json_writer::end_array() noexcept {
  put(']');
  need_comma_ = true;
}

// Keys are written once per row and field, and are nearly always plain identifiers: those
// go out in one reserved run, quotes and colon included.
void json_writer::key(std::string_view k) noexcept {
  const size_t n = k.size() + 4;
  if (capacity_ - size_ < n) grow(n);
  if (need_comma_) data_[size_++] = ',';
  if (first_json_special(k) != k.size()) {
    put('"');
    put_escaped(k);
    put("\":");
  } else {
    char* out = data_ + size_;
    out[0] = '"';
    std::memcpy(out + 1, k.data(), k.size());
    out[k.size() + 1] = '"';
    out[k.size() + 2] = ':';
    size_ += k.size() + 3;
  }
  need_comma_ = false;
}

void json_writer::string(std::string_view s) noexcept {
  begin_string();
  put_escaped(s);
  end_string();
}

void json_writer::begin_string() noexcept {
  separate();
  put('"');
}

void json_writer::string_body(std::string_view s) noexcept { put_escaped(s); }

void json_writer::raw_body(std::string_view s) noexcept { put(s); }

void json_writer::end_string() noexcept { put('"'); }

void json_writer::int64(int64_t v) noexcept {
  separate();
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  put(buf, static_cast<size_t>(end - buf));
}

void json_writer::uint64(uint64_t v) noexcept {
  separate();
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  put(buf, static_cast<size_t>(end - buf));
}

void json_writer::number(double v) noexcept {
  // JSON has no NaN or Infinity; JSON.stringify writes null for them too.
  if (!std::isfinite(v)) {
    null();
    return;
  }
  separate();
  std::string text;
  append_js_number(text, v);
  put(text);
}

void json_writer::boolean(bool v) noexcept {
  separate();
  if (v) {
    put("true");
  } else {
    put("false");
  }
}

void json_writer::null() noexcept {
  separate();
  put("null");
}

void json_writer::raw(std::string_view json) noexcept {
  separate();
  put(json);
}

[[gnu::flatten]] void json_writer::put_escaped(std::string_view s) noexcept {
  static constexpr char hex[] = "0123456789abcdef";
  size_t run_start = 0;
  for (size_t i = first_json_special(s); i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const char escape = escape_of(c);
    if (escape == 0) continue;
    put(s.data() + run_start, i - run_start);
    run_start = i + 1;
    const char spelled[] = {'\\', escape, '0', '0', hex[c >> 4], hex[c & 0xf]};
    put(spelled, escape == 'u' ? 6 : 2);
  }
  put(s.data() + run_start, s.size() - run_start);
}

}  // namespace sluice
