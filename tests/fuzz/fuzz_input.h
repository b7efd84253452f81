#pragma once
// What every target needs: the input copied with simdjson's padding after it (the bindings
// always provide it), data files read once, and a crash that libFuzzer reports with the input.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "simdjson.h"

namespace sluice::fuzz {

class padded_input {
 public:
  padded_input(const uint8_t* data, size_t size) {
    buffer_.reserve(size + simdjson::SIMDJSON_PADDING);
    buffer_.assign(reinterpret_cast<const char*>(data), size);
    buffer_.append(simdjson::SIMDJSON_PADDING, '\0');
  }
  [[nodiscard]] std::string_view view() const { return {buffer_.data(), size()}; }
  [[nodiscard]] size_t size() const { return buffer_.size() - simdjson::SIMDJSON_PADDING; }

 private:
  std::string buffer_;
};

// A file of tests/fuzz/data/.
inline std::string read_data(const std::string& name) {
  std::ifstream in(std::string(SLUICE_FUZZ_DATA) + "/" + name);
  if (!in) {
    std::fprintf(stderr, "fuzz: cannot read %s/%s\n", SLUICE_FUZZ_DATA, name.c_str());
    std::abort();
  }
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A broken invariant: libFuzzer saves the input that led here.
[[noreturn]] inline void invariant_broken(const char* what) {
  std::fprintf(stderr, "fuzz: invariant broken: %s\n", what);
  std::abort();
}

// Everything the core answers is JSON that JS will parse: a broken answer is a bug here too.
// An escaped lone surrogate (`\ud800`) is JSON, and what JSON.stringify writes for one, but
// simdjson refuses it: every surrogate escape is checked as a plain one instead. simdjson also
// refuses integers beyond 64 bits, which JS writes in full below 1e21 (888888888888888900000).
inline void require_json(std::string_view text, const char* what) {
  static simdjson::dom::parser parser;
  std::string copy(text);
  for (size_t i = 0; i + 1 < copy.size(); i += copy[i] == '\\' ? 2 : 1) {
    if (copy[i] != '\\' || copy[i + 1] != 'u' || i + 5 >= copy.size()) continue;
    const char first = static_cast<char>(copy[i + 2] | 0x20);
    const char second = static_cast<char>(copy[i + 3] | 0x20);
    const bool surrogate = first == 'd' && (second == '8' || second == '9' || (second >= 'a' && second <= 'f'));
    if (surrogate) copy.replace(i + 2, 4, "0041");
  }
  const auto error = parser.parse(simdjson::padded_string(copy)).error();
  const bool big_integer = error == simdjson::BIGINT_ERROR || error == simdjson::NUMBER_ERROR ||
                           error == simdjson::NUMBER_OUT_OF_RANGE;
  if (error != simdjson::SUCCESS && !big_integer) invariant_broken(what);
}

}  // namespace sluice::fuzz
