#pragma once
// A streaming JSON writer into one growing buffer: no DOM, no intermediate strings.
// Commas are placed automatically; callers only say what comes next.
#include <cstdint>
#include <string>
#include <string_view>

namespace sluice {

class json_writer {
 public:
  void begin_object() noexcept;
  void end_object() noexcept;
  void begin_array() noexcept;
  void end_array() noexcept;
  void key(std::string_view k) noexcept;
  void string(std::string_view s) noexcept;
  void int64(int64_t v) noexcept;
  void uint64(uint64_t v) noexcept;
  void number(double v) noexcept;
  void boolean(bool v) noexcept;
  void null() noexcept;
  // Writes already-serialised JSON (a number's text, a nested document) as the next value.
  void raw(std::string_view json) noexcept;
  // Starts a string value whose body the caller appends with string_body / raw_body.
  void begin_string() noexcept;
  void string_body(std::string_view s) noexcept;
  void raw_body(std::string_view s) noexcept;
  void end_string() noexcept;

  [[nodiscard]] const std::string& str() const noexcept { return out_; }
  [[nodiscard]] std::string take() noexcept { return std::move(out_); }
  void reserve(size_t n) noexcept { out_.reserve(n); }

 private:
  void separate() noexcept;
  std::string out_;
  bool need_comma_ = false;
};

// Appends `s` JSON-escaped (without quotes).
void append_json_escaped(std::string& out, std::string_view s) noexcept;

}  // namespace sluice
