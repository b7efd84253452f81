#include "schema/catalog.h"

namespace sluice::schema {

namespace {
template <typename T>
const T* find_by(const std::vector<T>& items, std::string_view wanted, auto member) noexcept {
  for (const auto& item : items)
    if (item.*member == wanted) return &item;
  return nullptr;
}
}  // namespace

const column* table::find_column(std::string_view column_key) const noexcept {
  return find_by(columns, column_key, &column::key);
}

const relation* table::find_relation(std::string_view relation_key) const noexcept {
  return find_by(relations, relation_key, &relation::key);
}

const table* catalog::find_table(std::string_view table_key) const noexcept {
  return find_by(tables, table_key, &table::key);
}

const enumeration* catalog::find_enum(std::string_view name) const noexcept {
  return find_by(enums, name, &enumeration::name);
}

}  // namespace sluice::schema
