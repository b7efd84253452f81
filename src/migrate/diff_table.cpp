#include "migrate/diff_table.h"

#include <algorithm>

namespace sluice::migrate {
namespace {

using schema::column;
using schema::table;

bool same_type(const column& b, const column& a) {
  return b.type == a.type && b.length == a.length && b.precision == a.precision &&
         b.scale == a.scale && b.with_timezone == a.with_timezone && b.enum_name == a.enum_name;
}

// A $defaultFn lives in JS only: to the database it is no default.
bool same_default(const column& b, const column& a) {
  auto kind = [](const column& c) {
    return c.def.kind == schema::default_kind::fn ? schema::default_kind::none : c.def.kind;
  };
  return kind(b) == kind(a) && (kind(a) != schema::default_kind::value || b.def.value_json == a.def.value_json);
}

struct pair_context {
  const schema::catalog& before_cat;
  const schema::catalog& after_cat;
  const diff_names& names;
  const table& before;
  const table& after;
  std::vector<change>& out;

  void push(change_kind kind, std::string name) {
    out.emplace_back(kind, &before, &after, std::move(name));
  }

  // Constraints of one sort, matched by name and compared by their text in the next names;
  // a changed one is dropped and added again.
  template <typename T, typename Text>
  void constraints(const std::vector<T>& b, const std::vector<T>& a, change_kind drop,
                   change_kind add, Text text) {
    for (const auto& old : b) {
      auto it = std::find_if(a.begin(), a.end(), [&](const T& n) { return n.name == old.name; });
      if (it == a.end() || text(old, true) != text(*it, false)) push(drop, old.name);
    }
    for (const auto& now : a) {
      auto it = std::find_if(b.begin(), b.end(), [&](const T& o) { return o.name == now.name; });
      if (it == b.end() || text(*it, true) != text(now, false)) push(add, now.name);
    }
  }

  void columns() {
    for (const auto& c : before.columns) {
      const std::string_view next_name = names.column_name(before, c.name);
      const column* n = column_named(after, next_name);
      if (!n) {
        push(change_kind::drop_column, c.name);
        continue;
      }
      if (next_name != c.name)
        out.emplace_back(change_kind::rename_column, &before, &after, n->name).previous = c.name;
      const column_changes diff{!same_type(c, *n), !same_default(c, *n), c.not_null != n->not_null};
      if (!diff.type && !diff.default_value && !diff.not_null) continue;
      change& altered = out.emplace_back(change_kind::alter_column, &before, &after, n->name);
      altered.previous = c.name;
      altered.columns = diff;
    }
    for (const auto& n : after.columns) {
      const bool existed = std::any_of(before.columns.begin(), before.columns.end(),
                                       [&](const column& c) { return names.column_name(before, c.name) == n.name; });
      if (!existed) push(change_kind::add_column, n.name);
    }
  }
};

}  // namespace

void diff_table(const schema::catalog& before_cat, const schema::catalog& after_cat,
                const diff_names& names, const table& before, const table& after,
                std::vector<change>& out) noexcept {
  pair_context p{before_cat, after_cat, names, before, after, out};
  if (before.name != after.name) p.push(change_kind::rename_table, after.name);
  p.columns();
  if (names.columns_text(before, before.primary_key, true) !=
      names.columns_text(after, after.primary_key, false))
    p.push(change_kind::alter_primary_key, "");
  p.constraints(before.uniques, after.uniques, change_kind::drop_unique, change_kind::add_unique,
                [&](const schema::unique_constraint& u, bool mapped) {
                  return names.columns_text(mapped ? before : after, u.columns, mapped);
                });
  p.constraints(before.foreign_keys, after.foreign_keys, change_kind::drop_foreign_key,
                change_kind::add_foreign_key, [&](const schema::foreign_key& fk, bool mapped) {
                  return names.foreign_key_text(mapped ? before_cat : after_cat, mapped ? before : after, fk, mapped);
                });
  p.constraints(before.checks, after.checks, change_kind::drop_check, change_kind::add_check,
                [](const schema::check& ck, bool) { return ck.sql; });
  p.constraints(before.indexes, after.indexes, change_kind::drop_index, change_kind::create_index,
                [&](const schema::index& ix, bool mapped) {
                  return (ix.unique ? "u" : "") + names.columns_text(mapped ? before : after, ix.columns, mapped);
                });
}

}  // namespace sluice::migrate
