#include "migrate/plan_json.h"

#include "core/dom.h"
#include "core/json_writer.h"
#include "migrate/plan.h"
#include "schema/load_schema.h"

namespace sluice::migrate {
namespace {

// A missing or null snapshot is the empty database.
result<schema::catalog> read_catalog(dom::object request, std::string_view key) {
  auto e = dom::member(request, key);
  if (!e || e->is_null()) return schema::catalog{};
  return schema::load_schema(dom::to_json(*e));
}

result<diff_options> read_options(dom::object request) {
  diff_options options;
  options.no_renames = dom::optional_bool(request, "noRenames");
  auto e = dom::member(request, "renames");
  if (!e) return options;
  SLUICE_TRY(list, dom::as_array(*e, "renames"));
  for (dom::element item : list) {
    SLUICE_TRY(o, dom::as_object(item, "rename"));
    SLUICE_TRY(from, dom::required_string(o, "from"));
    SLUICE_TRY(to, dom::required_string(o, "to"));
    options.renames.push_back({std::move(from), std::move(to)});
  }
  return options;
}

void strings(json_writer& w, std::string_view key, const std::vector<std::string>& list) {
  w.key(key);
  w.begin_array();
  for (const auto& s : list) w.string(s);
  w.end_array();
}

std::string plan_to_json(const migration_plan& plan) {
  json_writer w;
  w.begin_object();
  w.key("statements");
  w.begin_array();
  for (const auto& s : plan.statements) {
    w.begin_object();
    w.key("sql");
    w.string(s.sql);
    w.key("outsideTransaction");
    w.boolean(s.outside_transaction);
    w.end_object();
  }
  w.end_array();
  strings(w, "dataLoss", plan.data_loss);
  w.key("ambiguities");
  w.begin_array();
  for (const auto& a : plan.ambiguities) {
    w.begin_object();
    w.key("table");
    w.string(a.table);
    strings(w, "dropped", a.dropped);
    strings(w, "added", a.added);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return w.take();
}

}  // namespace

result<std::string> migration_plan_json(std::string_view request) noexcept {
  dom::document doc;
  SLUICE_TRY(root, dom::parse(doc, request));
  SLUICE_TRY(o, dom::as_object(root, "plan request"));
  SLUICE_TRY(dialect_name, dom::required_string(o, "dialect"));
  if (dialect_name != "postgres" && dialect_name != "sqlite")
    return dom::invalid("dialect must be postgres or sqlite", {"dialect"});
  SLUICE_TRY(previous, read_catalog(o, "previous"));
  SLUICE_TRY(next, read_catalog(o, "next"));
  SLUICE_TRY(options, read_options(o));
  const auto dialect = dialect_name == "postgres" ? sql::dialect_id::postgres : sql::dialect_id::sqlite;
  SLUICE_TRY(plan, plan_migration(previous, next, dialect, options));
  return plan_to_json(plan);
}

}  // namespace sluice::migrate
