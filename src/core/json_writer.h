#pragma once
// A streaming JSON writer into one growing buffer: no DOM, no intermediate strings.
// Commas are placed automatically; callers only say what comes next.
//
// Bytes go through a raw cursor into the buffer (grown geometrically, rarely), never through
// std::string's append/push_back: in the WASM build those are out-of-line library calls with
// several more calls each, and the decoder writes every output byte through here.
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

namespace sluice {

class json_writer {
 public:
  json_writer() = default;
  // Not copyable: data_ points into storage_.
  json_writer(const json_writer&) = delete;
  json_writer& operator=(const json_writer&) = delete;

  void begin_object() noexcept;
  void end_object() noexcept;
  void begin_array() noexcept;
  void end_array() noexcept;
  void key(std::string_view k) noexcept;
  // A key as key() writes it (`"k":`), rendered once and copied for every row.
  void rendered_key(std::string_view quoted) noexcept {
    if (need_comma_) put(',');
    put(quoted);
    need_comma_ = false;
  }
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

  [[nodiscard]] std::string_view str() const noexcept { return {data_, size_}; }
  [[nodiscard]] std::string take() noexcept;
  // Starts over, keeping the buffer.
  void clear() noexcept {
    size_ = 0;
    need_comma_ = false;
  }
  // Starts over and frees the buffer.
  void release() noexcept;
  [[nodiscard]] size_t capacity() const noexcept { return capacity_; }
  void reserve(size_t n) noexcept;

 private:
  // Always inlined: the size-optimised build would otherwise make each byte a call.
  [[gnu::always_inline]] void separate() noexcept {
    if (need_comma_) put(',');
    need_comma_ = true;
  }
  [[gnu::always_inline]] void put(char c) noexcept {
    if (size_ == capacity_) grow(1);
    data_[size_++] = c;
  }
  [[gnu::always_inline]] void put(const char* bytes, size_t n) noexcept {
    if (capacity_ - size_ < n) grow(n);
    std::memcpy(data_ + size_, bytes, n);
    size_ += n;
  }
  [[gnu::always_inline]] void put(std::string_view s) noexcept { put(s.data(), s.size()); }
  // A literal's length is known here: no strlen call.
  template <size_t N>
  [[gnu::always_inline]] void put(const char (&literal)[N]) noexcept {
    put(literal, N - 1);
  }
  void put_escaped(std::string_view s) noexcept;
  void grow(size_t more) noexcept;

  // Uninitialised storage: a std::string would zero-fill every byte of capacity first.
  std::unique_ptr<char[]> storage_;
  char* data_ = nullptr;  // storage_.get()
  size_t capacity_ = 0;
  size_t size_ = 0;  // bytes written
  bool need_comma_ = false;
};

}  // namespace sluice
