#include "migrate/literal.h"

namespace sluice::migrate {

void append_string_literal(std::string& out, std::string_view value) noexcept {
  out += '\'';
  for (char c : value) {
    if (c == '\'') out += '\'';
    out += c;
  }
  out += '\'';
}

}  // namespace sluice::migrate
