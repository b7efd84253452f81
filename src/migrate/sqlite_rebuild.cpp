#include "migrate/sqlite_rebuild.h"

#include "migrate/creation_order.h"
#include "migrate/diff_names.h"
#include "migrate/literal.h"
#include "migrate/table_ddl.h"
#include "sql/identifier.h"

namespace sluice::migrate {
namespace {

using schema::table;
using sql::append_identifier;

std::string temporary_name(const table& t) { return "__new_" + t.name; }

// The previous name of each next column: renamed, same name, or none (a new column, which
// takes its default).
std::string previous_column(const plan_input& in, const rebuilt_table& r, const std::string& name) {
  for (const change& c : in.changes)
    if (c.kind == change_kind::rename_column && c.after == r.after && c.name == name) return c.previous;
  return column_named(*r.before, name) ? name : std::string{};
}

std::string copy_rows(const plan_input& in, const rebuilt_table& r) {
  std::string into;
  std::string from;
  for (const auto& c : r.after->columns) {
    const std::string previous = previous_column(in, r, c.name);
    if (previous.empty()) continue;
    if (!into.empty()) {
      into += ", ";
      from += ", ";
    }
    append_identifier(into, c.name);
    append_identifier(from, previous);
  }
  std::string s = "insert into ";
  append_identifier(s, temporary_name(*r.after));
  s += " (" + into + ") select " + from + " from ";
  append_identifier(s, r.before->name);
  return s;
}

// The copy's explicit ids leave its AUTOINCREMENT counter at the largest copied id; the old
// counter may be higher (rows deleted from the end), and ids must never be reused, so the copy
// takes the old table's counter before that one is dropped with its table.
void carry_sequence(const rebuilt_table& r, std::vector<planned_statement>& out) {
  const std::string copy = temporary_name(*r.after);
  std::string clear = "delete from sqlite_sequence where name = ";
  append_string_literal(clear, copy);
  out.push_back({std::move(clear), false});
  std::string take = "insert into sqlite_sequence (name, seq) select ";
  append_string_literal(take, copy);
  take += ", seq from sqlite_sequence where name = ";
  append_string_literal(take, r.before->name);
  out.push_back({std::move(take), false});
}

template <typename Pick>
std::vector<const table*> tables_of(const std::vector<rebuilt_table>& tables, Pick pick) {
  std::vector<const table*> out;
  for (const auto& r : tables) out.push_back(pick(r));
  return out;
}

}  // namespace

void append_rebuild(const plan_input& in, const std::vector<rebuilt_table>& tables,
                    std::vector<planned_statement>& out,
                    std::vector<planned_statement>& indexes) noexcept {
  const sql::dialect& d = sql::sqlite_dialect();
  create_table_options options;
  options.if_not_exists = false;
  for (const auto& r : tables) options.names.emplace_back(r.after->key, temporary_name(*r.after));
  std::vector<std::string> unused;  // SQLite takes every foreign key inline
  for (const auto& r : tables) {
    out.push_back({create_table(in.after, d, *r.after, options, unused), false});
    out.push_back({copy_rows(in, r), false});
    if (autoincrement_key(d, *r.after)) carry_sequence(r, out);
  }
  const auto old_order = creation_order(tables_of(tables, [](const rebuilt_table& r) { return r.before; }));
  for (auto it = old_order.rbegin(); it != old_order.rend(); ++it) {
    std::string s = "drop table ";
    append_identifier(s, (*it)->name);
    out.push_back({std::move(s), false});
  }
  for (const auto& r : tables) {
    std::string s = alter_table(temporary_name(*r.after)) + "rename to ";
    append_identifier(s, r.after->name);
    out.push_back({std::move(s), false});
    for (const auto& ix : r.after->indexes)
      indexes.push_back({create_index(r.after->name, *r.after, ix, false), false});
  }
}

}  // namespace sluice::migrate
