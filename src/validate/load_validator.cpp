#include <algorithm>
#include <string>

#include "core/dom.h"
#include "validate/column_rules.h"
#include "validate/refinements.h"
#include "validate/validator.h"

namespace sluice::validate {
namespace {

bool contains(const std::vector<std::string>& list, std::string_view item) noexcept {
  return std::find(list.begin(), list.end(), item) != list.end();
}

status check_members(dom::object spec) noexcept {
  static constexpr std::string_view known[] = {"schema", "table", "mode", "omit", "pick",
                                               "unknownKeys", "refine"};
  for (auto [key, value] : spec)
    if (std::find(std::begin(known), std::end(known), key) == std::end(known))
      return dom::invalid("unknown validator member \"" + std::string(key) + "\"");
  return ok_status();
}

status check_columns_exist(const schema::table& table, const std::vector<std::string>& keys,
                           std::string_view member) noexcept {
  for (const std::string& key : keys)
    if (!table.find_column(key))
      return make_error(error_code::unknown_column,
                        "table \"" + table.key + "\" has no column \"" + key + "\"",
                        {std::string(member), key});
  return ok_status();
}

// "refine": {"email": [{"check": "email"}, ...], ...}, applied after the column's own checks.
// A refinement of an omitted column changes nothing, as in zod, but is still checked.
status add_refinements(validator& v, const schema::catalog& catalog, const schema::table& table,
                       validation_mode mode, dom::object spec) noexcept {
  const auto refine = dom::member(spec, "refine");
  if (!refine) return ok_status();
  SLUICE_TRY(by_column, dom::as_object(*refine, "\"refine\""));
  for (const auto& member : by_column) {
    const std::string_view key = member.key;
    const schema::column* column = table.find_column(key);
    if (!column)
      return make_error(error_code::unknown_column,
                        "table \"" + table.key + "\" has no column \"" + std::string(key) + "\"",
                        {"refine", std::string(key)});
    SLUICE_TRY(checks, dom::as_array(member.value, "a column's refinements"));
    auto rule = std::find_if(v.columns.begin(), v.columns.end(),
                             [&](const column_rule& r) { return r.key == key; });
    SLUICE_TRY(omitted, base_rule(catalog, *column, mode));
    std::vector<regex> unused_patterns;
    const bool selected = rule != v.columns.end();
    for (dom::element item : checks) {
      SLUICE_TRY(check_spec, dom::as_object(item, "a refinement"));
      SLUICE_CHECK(selected ? add_refinement(*rule, check_spec, v.patterns)
                            : add_refinement(omitted, check_spec, unused_patterns));
    }
  }
  return ok_status();
}

}  // namespace

result<validator> load_validator(const schema::catalog& catalog, std::string_view spec_json) noexcept {
  dom::document doc;
  SLUICE_TRY(root, dom::parse(doc, spec_json));
  SLUICE_TRY(spec, dom::as_object(root, "a validator spec"));
  SLUICE_CHECK(check_members(spec));
  SLUICE_TRY(table_key, dom::required_string(spec, "table"));
  const schema::table* table = catalog.find_table(table_key);
  if (!table) return make_error(error_code::unknown_table, "no table \"" + table_key + "\"", {"table"});
  SLUICE_TRY(mode_name, dom::optional_string(spec, "mode", "insert"));
  if (mode_name != "insert" && mode_name != "update")
    return dom::invalid("\"mode\" must be \"insert\" or \"update\"", {"mode"});
  SLUICE_TRY(unknown_keys, dom::optional_string(spec, "unknownKeys", "strip"));
  if (unknown_keys != "strict" && unknown_keys != "strip")
    return dom::invalid("\"unknownKeys\" must be \"strict\" or \"strip\"", {"unknownKeys"});
  SLUICE_TRY(omit, dom::string_list(spec, "omit"));
  SLUICE_TRY(pick, dom::string_list(spec, "pick"));
  SLUICE_CHECK(check_columns_exist(*table, omit, "omit"));
  SLUICE_CHECK(check_columns_exist(*table, pick, "pick"));

  validator v;
  v.strict = unknown_keys == "strict";
  const auto mode = mode_name == "insert" ? validation_mode::insert : validation_mode::update;
  for (const schema::column& column : table->columns) {
    if ((!pick.empty() && !contains(pick, column.key)) || contains(omit, column.key)) continue;
    SLUICE_TRY(rule, base_rule(catalog, column, mode));
    v.columns.push_back(std::move(rule));
  }
  SLUICE_CHECK(add_refinements(v, catalog, *table, mode, spec));
  return v;
}

}  // namespace sluice::validate
