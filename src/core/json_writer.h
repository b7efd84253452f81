#pragma once
// A streaming JSON writer into one growing buffer: no DOM, no intermediate strings.
// Commas are placed automatically; callers only say what comes next.
//
// Bytes go through a raw cursor into the buffer (grown geometrically, rarely), never through
// std::string's append/push_back: in the WASM build those are out-of-line library calls with
// several more calls each, and the decoder writes every output byte through here.
#include <cstdint>
#include <cstring>
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

  [[nodiscard]] std::string_view str() const noexcept { return {out_.data(), size_}; }
  [[nodiscard]] std::string take() noexcept;
  void reserve(size_t n) noexcept;

 private:
  void separate() noexcept {
    if (need_comma_) put(',');
    need_comma_ = true;
  }
  void put(char c) noexcept {
    if (size_ == out_.size()) grow(1);
    out_[size_++] = c;
  }
  void put(std::string_view s) noexcept {
    if (out_.size() - size_ < s.size()) grow(s.size());
    std::memcpy(out_.data() + size_, s.data(), s.size());
    size_ += s.size();
  }
  void put_escaped(std::string_view s) noexcept;
  void grow(size_t more) noexcept;

  std::string out_;  // out_.size() is the capacity; the first size_ bytes are written
  size_t size_ = 0;
  bool need_comma_ = false;
};

}  // namespace sluice
