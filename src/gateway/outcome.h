#pragma once
// outcome<T>: a value, or a failure that is already an HTTP response. Every gateway error ends
// up as a status plus Neon's JSON error body (wire-protocols A8), so a failure carries both
// and callers only pass it on.
#include <string>
#include <utility>
#include <variant>

namespace sluice::gateway {

struct failure {
  int http_status = 500;
  std::string body;  // Neon's error object, serialised
};

template <typename T>
class [[nodiscard]] outcome {
 public:
  outcome(T value) noexcept : state_(std::move(value)) {}    // NOLINT: implicit by design
  outcome(failure f) noexcept : state_(std::move(f)) {}      // NOLINT: implicit by design

  [[nodiscard]] bool ok() const noexcept { return state_.index() == 0; }
  [[nodiscard]] T& value() noexcept { return std::get<0>(state_); }
  [[nodiscard]] failure& fail() noexcept { return std::get<1>(state_); }

 private:
  std::variant<T, failure> state_;
};

}  // namespace sluice::gateway
