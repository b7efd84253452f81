#include "sql/identifier.h"

namespace sluice::sql {
namespace {

void append_quoted(std::string& out, std::string_view text, char quote) {
  out += quote;
  for (char c : text) {
    if (c == quote) out += quote;
    out += c;
  }
  out += quote;
}

}  // namespace

void append_identifier(std::string& out, std::string_view name) noexcept {
  append_quoted(out, name, '"');
}

void append_string_literal(std::string& out, std::string_view text) noexcept {
  append_quoted(out, text, '\'');
}

}  // namespace sluice::sql
