#include "sql/identifier.h"

namespace sluice::sql {

void append_identifier(std::string& out, std::string_view name) noexcept {
  out += '"';
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace sluice::sql
