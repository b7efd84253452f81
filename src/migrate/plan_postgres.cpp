// Postgres applies most changes in place: constraints are dropped first (they may name
// columns about to change), then renames, new tables, column changes, new constraints, drops,
// and indexes last. A new enum value is added on its own, outside the migration's transaction.
#include <algorithm>

#include "migrate/creation_order.h"
#include "migrate/diff_names.h"
#include "migrate/literal.h"
#include "migrate/planners.h"
#include "migrate/table_ddl.h"
#include "sql/identifier.h"

namespace sluice::migrate {
namespace {

using schema::table;
using sql::append_identifier;

class pg_plan {
 public:
  explicit pg_plan(const plan_input& in) : in_(in), d_(sql::postgres_dialect()) {}

  result<std::vector<planned_statement>> run() {
    each(in_, change_kind::remove_enum_values, [&](const change& c) {
      if (!failure_)
        failure_ = make_error(error_code::unsupported_feature,
                              "enum \"" + c.before_enum->name +
                                  "\" loses or reorders values; Postgres can only add values, so "
                                  "this needs a hand-written migration",
                              {c.before_enum->name});
    });
    if (failure_) return *failure_;
    each(in_, change_kind::create_enum, [&](const change& c) { add(create_enum_type(*c.after_enum)); });
    each(in_, change_kind::add_enum_value, [&](const change& c) { add_enum_value(c); });
    drop_constraints();
    each(in_, change_kind::rename_table, [&](const change& c) {
      std::string s = alter_table(c.before->name) + "rename to ";
      append_identifier(s, c.after->name);
      add(std::move(s));
    });
    each(in_, change_kind::rename_column, [&](const change& c) {
      std::string s = alter_table(c.after->name) + "rename column ";
      append_identifier(s, c.previous);
      s += " to ";
      append_identifier(s, c.name);
      add(std::move(s));
    });
    create_tables();
    each(in_, change_kind::add_column, [&](const change& c) {
      std::string s = alter_table(c.after->name) + "add column ";
      append_column(s, in_.after, d_, *column_named(*c.after, c.name), false);
      add(std::move(s));
    });
    each(in_, change_kind::alter_column, [&](const change& c) { alter_column(c); });
    each(in_, change_kind::drop_column, [&](const change& c) {
      std::string s = alter_table(c.after->name) + "drop column ";
      append_identifier(s, c.name);
      add(std::move(s));
    });
    add_constraints();
    drop_tables();
    each(in_, change_kind::drop_enum, [&](const change& c) {
      std::string s = "drop type ";
      append_identifier(s, c.before_enum->name);
      add(std::move(s));
    });
    each(in_, change_kind::create_index, [&](const change& c) {
      add(create_index(c.after->name, *c.after, *find_index(*c.after, c.name), false));
    });
    out_.insert(out_.end(), indexes_.begin(), indexes_.end());
    return std::move(out_);
  }

 private:
  void add(std::string sql, bool outside = false) { out_.push_back({std::move(sql), outside}); }

  static const schema::index* find_index(const table& t, const std::string& name) {
    for (const auto& ix : t.indexes)
      if (ix.name == name) return &ix;
    return nullptr;
  }

  void add_enum_value(const change& c) {
    std::string s = "alter type ";
    append_identifier(s, c.after_enum->name);
    s += " add value ";
    append_string_literal(s, c.name);
    if (!c.neighbour.empty()) {
      s += " before ";
      append_string_literal(s, c.neighbour);
    }
    add(std::move(s), true);
  }

  void drop_constraint(const change& c, std::string_view name) {
    std::string s = alter_table(c.before->name) + "drop constraint ";
    append_identifier(s, name);
    add(std::move(s));
  }

  void drop_constraints() {
    each(in_, change_kind::drop_foreign_key, [&](const change& c) { drop_constraint(c, c.name); });
    each(in_, change_kind::drop_unique, [&](const change& c) { drop_constraint(c, c.name); });
    each(in_, change_kind::drop_check, [&](const change& c) { drop_constraint(c, c.name); });
    each(in_, change_kind::drop_index, [&](const change& c) {
      std::string s = "drop index ";
      append_identifier(s, c.name);
      add(std::move(s));
    });
    // A primary key declared inside CREATE TABLE gets Postgres' default name.
    each(in_, change_kind::alter_primary_key, [&](const change& c) {
      if (!c.before->primary_key.empty()) drop_constraint(c, c.before->name + "_pkey");
    });
  }

  void create_tables() {
    std::vector<const table*> created;
    create_table_options options;
    options.if_not_exists = false;
    for (const auto& t : in_.after.tables) {
      const bool is_new = std::any_of(in_.changes.begin(), in_.changes.end(), [&](const change& c) {
        return c.kind == change_kind::create_table && c.after == &t;
      });
      if (is_new) created.push_back(&t);
      else options.existing.push_back(t.key);
    }
    std::vector<std::string> deferred;
    for (const table* t : creation_order(created)) {
      options.existing.push_back(t->key);
      add(create_table(in_.after, d_, *t, options, deferred));
      for (const auto& ix : t->indexes) indexes_.push_back({create_index(t->name, *t, ix, false), false});
    }
    for (auto& s : deferred) add(std::move(s));
  }

  void alter_column(const change& c) {
    const schema::column& now = *column_named(*c.after, c.name);
    const std::string prefix = [&] {
      std::string s = alter_table(c.after->name) + "alter column ";
      append_identifier(s, now.name);
      return s + ' ';
    }();
    const std::string def = default_expression(d_, now);
    const bool had_default = !default_expression(d_, *column_named(*c.before, c.previous)).empty();
    if ((c.columns.type || c.columns.default_value) && had_default) add(prefix + "drop default");
    if (c.columns.type) {
      // serial is not a type but a default from a sequence: the column's type is the integer.
      schema::column plain = now;
      if (plain.type == schema::column_type::serial) plain.type = schema::column_type::integer;
      if (plain.type == schema::column_type::bigserial) plain.type = schema::column_type::bigint;
      std::string type;
      d_.column_type(type, plain, false);
      std::string s = prefix + "set data type " + type + " using ";
      append_identifier(s, now.name);
      add(s + "::" + type);
    }
    if ((c.columns.type || c.columns.default_value) && !def.empty()) add(prefix + "set default " + def);
    if (c.columns.not_null) add(prefix + (now.not_null ? "set not null" : "drop not null"));
  }

  void add_constraints() {
    each(in_, change_kind::alter_primary_key, [&](const change& c) {
      if (c.after->primary_key.empty()) return;
      std::string s = alter_table(c.after->name) + "add primary key ";
      append_column_names(s, *c.after, c.after->primary_key);
      add(std::move(s));
    });
    each(in_, change_kind::add_unique, [&](const change& c) {
      for (const auto& u : c.after->uniques) {
        if (u.name != c.name) continue;
        std::string s = alter_table(c.after->name) + "add constraint ";
        append_identifier(s, u.name);
        s += " unique ";
        append_column_names(s, *c.after, u.columns);
        add(std::move(s));
      }
    });
    each(in_, change_kind::add_check, [&](const change& c) {
      for (const auto& ck : c.after->checks) {
        if (ck.name != c.name) continue;
        std::string s = alter_table(c.after->name) + "add constraint ";
        append_identifier(s, ck.name);
        add(s + " check (" + ck.sql + ")");
      }
    });
    each(in_, change_kind::add_foreign_key, [&](const change& c) {
      for (const auto& fk : c.after->foreign_keys) {
        if (fk.name != c.name) continue;
        std::string s = alter_table(c.after->name) + "add ";
        append_foreign_key(s, in_.after, *c.after, fk, {});
        add(std::move(s));
      }
    });
  }

  void drop_tables() {
    for (auto& s : drop_table_statements(in_)) add(std::move(s));
  }

  const plan_input& in_;
  const sql::dialect& d_;
  std::vector<planned_statement> out_;
  std::vector<planned_statement> indexes_;
  std::optional<error> failure_;
};

}  // namespace

result<std::vector<planned_statement>> plan_postgres(const plan_input& in) noexcept {
  return pg_plan(in).run();
}

}  // namespace sluice::migrate
