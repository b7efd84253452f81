#pragma once
// What one decode call borrows and the next one reuses: parsers and scratch buffers.
//
// An On Demand parser reads one document at a time, yet a string cell holding JSON (a D1
// relation, a Postgres json value, a relation inside a relation) has to be parsed while the
// document around it is still being read. So there is one parser, and one padded buffer for
// the unescaped string, per nesting depth. Parsers keep their capacity between calls.
#include <array>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"
#include "simdjson.h"

namespace sluice::decode {

class decode_context {
 public:
  // Strings holding JSON that holds strings holding JSON...: no real plan nests deeper.
  static constexpr size_t max_depth = 16;

  // The parser for the document at `depth` (0: the input itself).
  [[nodiscard]] simdjson::ondemand::parser& parser(size_t depth) noexcept;

  // Unescapes a string body (the JSON text it holds) into the buffer for `depth` (>= 1) and
  // starts reading it. On failure (nested too deeply, a malformed escape: invalid_result;
  // text simdjson refuses: invalid_json) returns false with the error recorded.
  [[nodiscard]] bool parse_nested(size_t depth, std::string_view body,
                                  simdjson::ondemand::document& doc) noexcept;

  // The per-cell path reports failure as `false` and leaves the error here, because a
  // result<> per call costs more in WASM than converting a cell does (~8 ns per result,
  // several per cell). Only decode() turns it back into a result.
  [[nodiscard]] bool fail(error e) noexcept {
    failure_ = std::move(e);
    return false;
  }
  [[nodiscard]] bool fail(error_code code, std::string message) noexcept {
    return fail(make_error(code, std::move(message)));
  }
  [[nodiscard]] bool fail_json(simdjson::error_code code) noexcept;
  // Adds `component` in front of the recorded error's path as the failure travels up.
  [[nodiscard]] bool fail_at(std::string component) noexcept {
    failure_.path.insert(failure_.path.begin(), std::move(component));
    return false;
  }
  [[nodiscard]] error take_failure() noexcept { return std::move(failure_); }

  // A scalar cell's content when its token has escapes (rare: values are mostly plain).
  [[nodiscard]] std::string& scratch() noexcept { return scratch_; }

 private:
  // Fixed slots: a deeper document must never move the buffer a shallower one is reading.
  std::array<std::unique_ptr<simdjson::ondemand::parser>, max_depth + 1> parsers_;
  std::array<std::string, max_depth + 1> buffers_;
  std::string scratch_;
  error failure_{error_code::invalid_result, {}, {}};
};

}  // namespace sluice::decode
