#include "migrate/creation_order.h"

#include <algorithm>

namespace sluice::migrate {

std::vector<const schema::table*> creation_order(
    const std::vector<const schema::table*>& tables) noexcept {
  const size_t n = tables.size();
  std::vector<bool> placed(n, false);
  auto waits_for = [&](const std::string& key) {
    for (size_t i = 0; i < n; ++i)
      if (!placed[i] && tables[i]->key == key) return true;
    return false;
  };
  auto ready = [&](const schema::table& t) {
    return std::all_of(t.foreign_keys.begin(), t.foreign_keys.end(), [&](const auto& fk) {
      return fk.table == t.key || !waits_for(fk.table);
    });
  };
  std::vector<const schema::table*> order;
  while (order.size() < n) {
    size_t pick = n;
    for (size_t i = 0; i < n; ++i) {
      if (placed[i]) continue;
      if (pick == n) pick = i;
      if (ready(*tables[i])) {
        pick = i;
        break;
      }
    }
    placed[pick] = true;
    order.push_back(tables[pick]);
  }
  return order;
}

std::vector<const schema::table*> creation_order(const schema::catalog& cat) noexcept {
  std::vector<const schema::table*> all;
  for (const auto& t : cat.tables) all.push_back(&t);
  return creation_order(all);
}

}  // namespace sluice::migrate
