#include "core/json_writer.h"

#include <charconv>
#include <cmath>

#include "core/number_format.h"

namespace sluice {

void json_writer::separate() noexcept {
  if (need_comma_) out_.push_back(',');
  need_comma_ = true;
}

void json_writer::begin_object() noexcept {
  separate();
  out_.push_back('{');
  need_comma_ = false;
}

void json_writer::end_object() noexcept {
  out_.push_back('}');
  need_comma_ = true;
}

void json_writer::begin_array() noexcept {
  separate();
  out_.push_back('[');
  need_comma_ = false;
}

void json_writer::end_array() noexcept {
  out_.push_back(']');
  need_comma_ = true;
}

void json_writer::key(std::string_view k) noexcept {
  separate();
  out_.push_back('"');
  append_json_escaped(out_, k);
  out_.append("\":");
  need_comma_ = false;
}

void json_writer::string(std::string_view s) noexcept {
  begin_string();
  append_json_escaped(out_, s);
  end_string();
}

void json_writer::begin_string() noexcept {
  separate();
  out_.push_back('"');
}

void json_writer::string_body(std::string_view s) noexcept { append_json_escaped(out_, s); }

void json_writer::raw_body(std::string_view s) noexcept { out_.append(s); }

void json_writer::end_string() noexcept { out_.push_back('"'); }

void json_writer::int64(int64_t v) noexcept {
  separate();
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, end);
}

void json_writer::uint64(uint64_t v) noexcept {
  separate();
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, end);
}

void json_writer::number(double v) noexcept {
  // JSON has no NaN or Infinity; JSON.stringify writes null for them too.
  if (!std::isfinite(v)) {
    null();
    return;
  }
  separate();
  append_js_number(out_, v);
}

void json_writer::boolean(bool v) noexcept {
  separate();
  out_.append(v ? "true" : "false");
}

void json_writer::null() noexcept {
  separate();
  out_.append("null");
}

void json_writer::raw(std::string_view json) noexcept {
  separate();
  out_.append(json);
}

void append_json_escaped(std::string& out, std::string_view s) noexcept {
  static constexpr char hex[] = "0123456789abcdef";
  size_t run_start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run_start, i - run_start);
    run_start = i + 1;
    switch (c) {
      case '"': out.append("\\\""); break;
      case '\\': out.append("\\\\"); break;
      case '\n': out.append("\\n"); break;
      case '\r': out.append("\\r"); break;
      case '\t': out.append("\\t"); break;
      case '\b': out.append("\\b"); break;
      case '\f': out.append("\\f"); break;
      default:
        out.append("\\u00");
        out.push_back(hex[c >> 4]);
        out.push_back(hex[c & 0xf]);
    }
  }
  out.append(s.data() + run_start, s.size() - run_start);
}

}  // namespace sluice
