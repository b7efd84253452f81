#pragma once
// result<T>: a value or an error, never both. The core has no exceptions.
#include <utility>
#include <variant>

#include "core/error.h"

namespace sluice {

template <typename T>
class [[nodiscard]] result {
 public:
  result(T value) noexcept : state_(std::move(value)) {}  // NOLINT: implicit by design
  result(error e) noexcept : state_(std::move(e)) {}      // NOLINT: implicit by design

  [[nodiscard]] bool ok() const noexcept { return state_.index() == 0; }
  [[nodiscard]] T& value() noexcept { return std::get<0>(state_); }
  [[nodiscard]] const T& value() const noexcept { return std::get<0>(state_); }
  [[nodiscard]] error& err() noexcept { return std::get<1>(state_); }
  [[nodiscard]] const error& err() const noexcept { return std::get<1>(state_); }

 private:
  std::variant<T, error> state_;
};

// For operations that produce nothing but may fail.
struct ok_t {};
using status = result<ok_t>;
inline status ok_status() noexcept { return status(ok_t{}); }

}  // namespace sluice

// Propagates an error from an expression yielding result<T>/status; binds the value otherwise.
#define SLUICE_TRY(var, expr)                        \
  auto var##_result_ = (expr);                       \
  if (!var##_result_.ok()) return std::move(var##_result_.err()); \
  auto& var = var##_result_.value()

#define SLUICE_CHECK(expr)                                 \
  do {                                                     \
    auto status_ = (expr);                                 \
    if (!status_.ok()) return std::move(status_.err());    \
  } while (0)
