// SQLite alters in place only what ALTER TABLE supports (rename a table or column, add a
// column with a constant default, drop an unconstrained column); every other change rebuilds
// the table, together with the tables that reference it (sqlite_rebuild.h).
#include <algorithm>

#include "migrate/creation_order.h"
#include "migrate/diff_names.h"
#include "migrate/planners.h"
#include "migrate/sqlite_rebuild.h"
#include "migrate/table_ddl.h"
#include "sql/identifier.h"

namespace sluice::migrate {
namespace {

using schema::table;
using sql::append_identifier;

bool contains(const std::vector<std::string>& list, const std::string& s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

// ALTER TABLE ADD COLUMN takes no primary key, no expression default, and a NOT NULL column
// only with a default.
bool addable(const table& t, const schema::column& c) {
  if (contains(t.primary_key, c.key)) return false;
  switch (c.def.kind) {
    case schema::default_kind::now:
    case schema::default_kind::random_uuid: return false;
    case schema::default_kind::none:
    case schema::default_kind::fn: return !c.not_null;
    case schema::default_kind::value: return true;
  }
  return false;
}

// ALTER TABLE DROP COLUMN refuses a column a constraint or another table's key names.
bool droppable(const schema::catalog& cat, const table& t, const schema::column& c) {
  if (contains(t.primary_key, c.key) || !t.checks.empty()) return false;
  for (const auto& u : t.uniques)
    if (contains(u.columns, c.key)) return false;
  for (const auto& fk : t.foreign_keys)
    if (contains(fk.columns, c.key)) return false;
  for (const auto& other : cat.tables)
    for (const auto& fk : other.foreign_keys)
      if (fk.table == t.key && contains(fk.references, c.key)) return false;
  return true;
}

bool changes_enum_of(const change& c, const table& t) {
  if (c.kind != change_kind::add_enum_value && c.kind != change_kind::remove_enum_values) return false;
  return std::any_of(t.columns.begin(), t.columns.end(), [&](const schema::column& col) {
    return col.type == schema::column_type::enumeration && col.enum_name == c.after_enum->name;
  });
}

class sqlite_plan {
 public:
  explicit sqlite_plan(const plan_input& in) : in_(in) {}

  std::vector<planned_statement> run() {
    match_tables();
    choose_rebuilds();
    if (!rebuilt_.empty()) add("pragma defer_foreign_keys = on");
    for_kept(change_kind::drop_index, [&](const change& c) {
      std::string s = "drop index ";
      append_identifier(s, c.name);
      add(std::move(s));
    });
    for_kept(change_kind::rename_table, [&](const change& c) {
      std::string s = alter_table(c.before->name) + "rename to ";
      append_identifier(s, c.after->name);
      add(std::move(s));
    });
    for_kept(change_kind::rename_column, [&](const change& c) {
      std::string s = alter_table(c.after->name) + "rename column ";
      append_identifier(s, c.previous);
      s += " to ";
      append_identifier(s, c.name);
      add(std::move(s));
    });
    for_kept(change_kind::add_column, [&](const change& c) {
      std::string s = alter_table(c.after->name) + "add column ";
      append_column(s, in_.after, sql::sqlite_dialect(), *column_named(*c.after, c.name), false);
      add(std::move(s));
    });
    for_kept(change_kind::drop_column, [&](const change& c) {
      std::string s = alter_table(c.after->name) + "drop column ";
      append_identifier(s, c.name);
      add(std::move(s));
    });
    append_rebuild(in_, rebuilt_, out_, indexes_);
    create_tables();
    drop_tables();
    for_kept(change_kind::create_index, [&](const change& c) {
      for (const auto& ix : c.after->indexes)
        if (ix.name == c.name) add(create_index(c.after->name, *c.after, ix, false));
    });
    out_.insert(out_.end(), indexes_.begin(), indexes_.end());
    // Reports any row whose key lost its parent; a D1 batch also fails at commit then.
    if (!rebuilt_.empty()) add("pragma foreign_key_check");
    return std::move(out_);
  }

 private:
  void add(std::string sql) { out_.push_back({std::move(sql), false}); }

  bool is_rebuilt(const table* before) const {
    return std::any_of(rebuilt_.begin(), rebuilt_.end(), [&](const rebuilt_table& r) { return r.before == before; });
  }

  template <typename F>
  void for_kept(change_kind kind, F f) {
    each(in_, kind, [&](const change& c) {
      if (!is_rebuilt(c.before)) f(c);
    });
  }

  // Every table present in both catalogs, in the next catalog's order.
  void match_tables() {
    for (const auto& a : in_.after.tables) {
      const table* b = nullptr;
      for (const change& c : in_.changes)
        if (c.kind == change_kind::rename_table && c.after == &a) b = c.before;
      for (const auto& t : in_.before.tables)
        if (!b && t.name == a.name) b = &t;
      const bool created = std::any_of(in_.changes.begin(), in_.changes.end(), [&](const change& c) {
        return c.kind == change_kind::create_table && c.after == &a;
      });
      if (b && !created) pairs_.push_back({b, &a});
    }
  }

  bool needs_rebuild(const rebuilt_table& p) const {
    for (const change& c : in_.changes) {
      if (changes_enum_of(c, *p.before)) return true;
      if (c.before != p.before) continue;
      switch (c.kind) {
        case change_kind::alter_column:
        case change_kind::alter_primary_key:
        case change_kind::add_unique:
        case change_kind::drop_unique:
        case change_kind::add_foreign_key:
        case change_kind::drop_foreign_key:
        case change_kind::add_check:
        case change_kind::drop_check: return true;
        case change_kind::add_column:
          if (!addable(*p.after, *column_named(*p.after, c.name))) return true;
          break;
        case change_kind::drop_column:
          if (!droppable(in_.before, *p.before, *column_named(*p.before, c.name))) return true;
          break;
        default: break;
      }
    }
    return false;
  }

  // The tables whose changes need a rebuild, then every table referencing one of them.
  void choose_rebuilds() {
    std::vector<bool> chosen(pairs_.size(), false);
    for (size_t i = 0; i < pairs_.size(); ++i) chosen[i] = needs_rebuild(pairs_[i]);
    for (bool grew = true; grew;) {
      grew = false;
      for (size_t i = 0; i < pairs_.size(); ++i) {
        if (chosen[i]) continue;
        for (const auto& fk : pairs_[i].before->foreign_keys)
          for (size_t j = 0; j < pairs_.size(); ++j)
            if (chosen[j] && pairs_[j].before->key == fk.table) chosen[i] = grew = true;
      }
    }
    for (size_t i = 0; i < pairs_.size(); ++i)
      if (chosen[i]) rebuilt_.push_back(pairs_[i]);
  }

  void create_tables() {
    std::vector<const table*> created;
    each(in_, change_kind::create_table, [&](const change& c) { created.push_back(c.after); });
    create_table_options options;
    options.if_not_exists = false;
    std::vector<std::string> unused;  // SQLite takes every foreign key inline
    for (const table* t : creation_order(created)) {
      add(create_table(in_.after, sql::sqlite_dialect(), *t, options, unused));
      for (const auto& ix : t->indexes) indexes_.push_back({create_index(t->name, *t, ix, false), false});
    }
  }

  void drop_tables() {
    for (auto& s : drop_table_statements(in_)) add(std::move(s));
  }

  const plan_input& in_;
  std::vector<rebuilt_table> pairs_;
  std::vector<rebuilt_table> rebuilt_;
  std::vector<planned_statement> out_;
  std::vector<planned_statement> indexes_;
};

}  // namespace

result<std::vector<planned_statement>> plan_sqlite(const plan_input& in) noexcept {
  return sqlite_plan(in).run();
}

}  // namespace sluice::migrate
