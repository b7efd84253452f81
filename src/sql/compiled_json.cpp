#include "sql/compiled_json.h"

#include <algorithm>
#include <vector>

#include "core/json_writer.h"

namespace sluice::sql {
namespace {

std::string_view shape_name(decode::result_shape s) {
  switch (s) {
    case decode::result_shape::rows: return "rows";
    case decode::result_shape::first: return "first";
    case decode::result_shape::count: return "count";
    case decode::result_shape::none: return "none";
  }
  return "rows";
}

// Output keys that hold a timestamp anywhere in the result, each once, in plan order.
void collect_timestamp_keys(const std::vector<decode::field>& fields,
                            std::vector<std::string_view>& keys) {
  for (const auto& f : fields) {
    collect_timestamp_keys(f.children, keys);
    const bool timestamp =
        f.kind == decode::field_kind::scalar && f.type == decode::value_type::timestamp;
    if (timestamp && std::find(keys.begin(), keys.end(), f.key) == keys.end())
      keys.push_back(f.key);
  }
}

// Cells SQLite may hold as reals: real columns, and numeric ones (sum and avg included).
bool has_real_cells(const std::vector<decode::field>& fields) noexcept {
  for (const auto& f : fields) {
    if (f.kind == decode::field_kind::scalar
            ? f.type == decode::value_type::real || f.type == decode::value_type::numeric
            : has_real_cells(f.children))
      return true;
  }
  return false;
}

// SQLite's final JSON carries reals in an exact form of its own that the module turns into
// JS's spelling (docs/internals.md §2); a final JSON without reals passes through untouched.
bool needs_respelling(const compiled& c) noexcept {
  const bool final_json = std::any_of(c.statements.begin(), c.statements.end(), [](const statement& s) {
    return s.returns == returns_kind::json || s.returns == returns_kind::json_rows;
  });
  return final_json && has_real_cells(c.plan.fields);
}

}  // namespace

std::string_view param_type_name(param_type t) noexcept {
  switch (t) {
    case param_type::integer: return "integer";
    case param_type::bigint: return "bigint";
    case param_type::real: return "real";
    case param_type::numeric: return "numeric";
    case param_type::text: return "text";
    case param_type::boolean: return "boolean";
    case param_type::timestamp: return "timestamp";
    case param_type::date: return "date";
    case param_type::json: return "json";
    case param_type::uuid: return "uuid";
    case param_type::any: return "any";
  }
  return "any";
}

std::string_view returns_name(returns_kind r) noexcept {
  switch (r) {
    case returns_kind::json: return "json";
    case returns_kind::json_rows: return "json_rows";
    case returns_kind::rows: return "rows";
    case returns_kind::none: return "none";
    case returns_kind::objects: return "objects";
  }
  return "rows";
}

std::string compiled_to_json(const compiled& c, uint32_t plan_id) noexcept {
  json_writer w;
  w.begin_object();
  w.key("plan");
  w.uint64(plan_id);
  w.key("result");
  w.string(shape_name(c.plan.shape));
  w.key("timestampKeys");
  w.begin_array();
  std::vector<std::string_view> keys;
  collect_timestamp_keys(c.plan.fields, keys);
  for (auto k : keys) w.string(k);
  w.end_array();
  if (needs_respelling(c)) {
    w.key("respell");
    w.boolean(true);
  }
  if (c.writes) {
    w.key("writes");
    w.boolean(true);
  }
  w.key("statements");
  w.begin_array();
  for (const auto& s : c.statements) {
    w.begin_object();
    w.key("sql");
    w.string(s.sql);
    w.key("params");
    w.begin_array();
    for (const auto& p : s.params) {
      w.begin_object();
      if (p.ref) {
        w.key("ref");
        w.uint64(*p.ref);
      } else {
        w.key("value");
        w.raw(p.value_json);
      }
      w.key("type");
      w.string(param_type_name(p.type));
      if (p.list) {
        w.key("list");
        w.boolean(true);
      }
      w.end_object();
    }
    w.end_array();
    w.key("returns");
    w.string(returns_name(s.returns));
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return w.take();
}

}  // namespace sluice::sql
