#include "migrate/diff.h"

#include <algorithm>

#include "migrate/diff_enums.h"
#include "migrate/diff_names.h"
#include "migrate/diff_table.h"

namespace sluice::migrate {
namespace {

using schema::table;

template <typename T>
bool contains(const std::vector<T>& list, const T& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

error bad_rename(const rename& r, std::string_view why) {
  return make_error(error_code::invalid_value,
                    "cannot rename " + r.from + " to " + r.to + ": " + std::string(why));
}

std::pair<std::string_view, std::string_view> split_column(std::string_view s) {
  const size_t dot = s.find('.');
  if (dot == std::string_view::npos) return {s, {}};
  return {s.substr(0, dot), s.substr(dot + 1)};
}

const table* by_name(const std::vector<const table*>& tables, std::string_view name) {
  for (const table* t : tables)
    if (t->name == name) return t;
  return nullptr;
}

// Pairs tables by name, then by the renames given; what remains is dropped or added.
status match_tables(const schema::catalog& before, const schema::catalog& after,
                    const diff_options& options, diff_names& names,
                    std::vector<const table*>& dropped, std::vector<const table*>& added) {
  for (const auto& b : before.tables) {
    const table* a = nullptr;
    for (const auto& t : after.tables)
      if (t.name == b.name) a = &t;
    if (a) names.tables.emplace_back(&b, a);
    else dropped.push_back(&b);
  }
  for (const auto& a : after.tables)
    if (std::none_of(names.tables.begin(), names.tables.end(),
                     [&](const auto& p) { return p.second == &a; }))
      added.push_back(&a);
  for (const auto& r : options.renames) {
    if (r.from.find('.') != std::string::npos) continue;
    const table* b = by_name(dropped, r.from);
    const table* a = by_name(added, r.to);
    if (!b || !a) return bad_rename(r, "no dropped table and added table with these names");
    names.tables.emplace_back(b, a);
    dropped.erase(std::find(dropped.begin(), dropped.end(), b));
    added.erase(std::find(added.begin(), added.end(), a));
  }
  return ok_status();
}

// Pairs the columns of matched tables by name, then by the renames given.
status match_columns(const diff_options& options, diff_names& names,
                     std::vector<ambiguity>& ambiguities) {
  for (const auto& [b, a] : names.tables) {
    std::vector<std::string> dropped;
    std::vector<std::string> added;
    for (const auto& c : b->columns)
      if (!column_named(*a, c.name)) dropped.push_back(c.name);
    for (const auto& c : a->columns)
      if (!column_named(*b, c.name)) added.push_back(c.name);
    for (const auto& r : options.renames) {
      auto [from_table, from] = split_column(r.from);
      auto [to_table, to] = split_column(r.to);
      if (from.empty()) continue;
      if (to.empty()) return bad_rename(r, "give both as table.column");
      if ((from_table != b->name && from_table != a->name) || (to_table != b->name && to_table != a->name))
        continue;
      if (!contains(dropped, std::string(from)) || !contains(added, std::string(to)))
        return bad_rename(r, "no dropped column and added column with these names");
      names.columns.push_back({b, std::string(from), std::string(to)});
      dropped.erase(std::find(dropped.begin(), dropped.end(), from));
      added.erase(std::find(added.begin(), added.end(), to));
    }
    if (!dropped.empty() && !added.empty() && !options.no_renames)
      ambiguities.push_back({a->name, std::move(dropped), std::move(added)});
  }
  return ok_status();
}

// Every rename must have been used: a typo must not silently become a drop and a create.
status check_renames_used(const diff_options& options, const diff_names& names) {
  for (const auto& r : options.renames) {
    const auto parts = split_column(r.from);  // not a structured binding: lambdas capture it
    const std::string_view from_table = parts.first;
    const std::string_view from = parts.second;
    const bool used =
        from.empty() ? std::any_of(names.tables.begin(), names.tables.end(),
                                   [&](const auto& p) { return p.first->name == r.from && p.second->name == r.to; })
                     : std::any_of(names.columns.begin(), names.columns.end(), [&](const auto& c) {
                         return c.from == from && (c.before->name == from_table || names.table_name(*c.before) == from_table);
                       });
    if (!used) return bad_rename(r, "no such table or column");
  }
  return ok_status();
}

}  // namespace

result<catalog_diff> diff_catalogs(const schema::catalog& before, const schema::catalog& after,
                                   const diff_options& options) noexcept {
  catalog_diff out;
  diff_names names;
  names.before = &before;
  std::vector<const table*> dropped;
  std::vector<const table*> added;
  SLUICE_CHECK(match_tables(before, after, options, names, dropped, added));
  if (!dropped.empty() && !added.empty() && !options.no_renames) {
    ambiguity a;
    for (const table* t : dropped) a.dropped.push_back(t->name);
    for (const table* t : added) a.added.push_back(t->name);
    out.ambiguities.push_back(std::move(a));
  }
  SLUICE_CHECK(match_columns(options, names, out.ambiguities));
  SLUICE_CHECK(check_renames_used(options, names));
  if (!out.ambiguities.empty()) return out;

  diff_enums(before, after, out.changes);
  for (const table* a : added) out.changes.emplace_back(change_kind::create_table, nullptr, a);
  for (const auto& [b, a] : names.tables) diff_table(before, after, names, *b, *a, out.changes);
  for (const table* b : dropped) out.changes.emplace_back(change_kind::drop_table, b, nullptr);
  return out;
}

}  // namespace sluice::migrate
