#include "migrate/diff_enums.h"

#include <algorithm>

namespace sluice::migrate {
namespace {

bool has(const std::vector<std::string>& values, const std::string& v) {
  return std::find(values.begin(), values.end(), v) != values.end();
}

// True when `after` is `before` with values inserted: every old value kept, in order.
bool only_additions(const std::vector<std::string>& before, const std::vector<std::string>& after) {
  size_t i = 0;
  for (const auto& v : after)
    if (i < before.size() && v == before[i]) ++i;
  return i == before.size();
}

void diff_enum(const schema::enumeration& b, const schema::enumeration& a, std::vector<change>& out) {
  if (b.values == a.values) return;
  if (!only_additions(b.values, a.values)) {
    out.emplace_back(change_kind::remove_enum_values, &b, &a);
    return;
  }
  // From the end, so the value each new one goes before already exists when it is added.
  std::vector<change> added;
  for (size_t i = a.values.size(); i-- > 0;) {
    if (has(b.values, a.values[i])) continue;
    change c(change_kind::add_enum_value, &b, &a, a.values[i]);
    if (i + 1 < a.values.size()) c.neighbour = a.values[i + 1];
    added.push_back(std::move(c));
  }
  out.insert(out.end(), added.begin(), added.end());
}

}  // namespace

void diff_enums(const schema::catalog& before, const schema::catalog& after,
                std::vector<change>& out) noexcept {
  for (const auto& a : after.enums) {
    const schema::enumeration* b = before.find_enum(a.name);
    if (!b) out.emplace_back(change_kind::create_enum, nullptr, &a);
    else diff_enum(*b, a, out);
  }
  for (const auto& b : before.enums)
    if (!after.find_enum(b.name)) out.emplace_back(change_kind::drop_enum, &b, nullptr);
}

}  // namespace sluice::migrate
