#include "migrate/diff_names.h"

#include "migrate/table_ddl.h"

namespace sluice::migrate {

const schema::column* column_named(const schema::table& t, std::string_view name) noexcept {
  for (const auto& c : t.columns)
    if (c.name == name) return &c;
  return nullptr;
}

std::string_view diff_names::table_name(const schema::table& before_table) const noexcept {
  for (const auto& [b, a] : tables)
    if (b == &before_table) return a->name;
  return before_table.name;
}

std::string_view diff_names::column_name(const schema::table& before_table,
                                         std::string_view column) const noexcept {
  for (const auto& r : columns)
    if (r.before == &before_table && r.from == column) return r.to;
  return column;
}

std::string diff_names::columns_text(const schema::table& t, const std::vector<std::string>& keys,
                                     bool mapped) const noexcept {
  std::string out;
  for (const auto& k : keys) {
    const std::string& name = t.find_column(k)->name;
    out += mapped ? column_name(t, name) : std::string_view(name);
    out += '\x1f';  // unit separator: cannot be confused with a name
  }
  return out;
}

std::string diff_names::foreign_key_text(const schema::catalog& cat, const schema::table& t,
                                         const schema::foreign_key& fk, bool mapped) const noexcept {
  const schema::table& target = *cat.find_table(fk.table);
  std::string out = columns_text(t, fk.columns, mapped);
  out += '\x1e';
  out += mapped ? table_name(target) : std::string_view(target.name);
  out += '\x1e';
  out += columns_text(target, fk.references, mapped);
  out += fk_action_name(fk.on_delete);
  out += '\x1e';
  out += fk_action_name(fk.on_update);
  return out;
}

}  // namespace sluice::migrate
