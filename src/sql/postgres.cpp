// PostgreSQL (Neon over HTTP). Relations nest through `left join lateral` subqueries built with
// json_build_array/json_agg, as drizzle does; results come back as plain rows.
#include <string>

#include "sql/context.h"
#include "sql/dialect.h"
#include "sql/identifier.h"

namespace sluice::sql {
namespace {

using schema::column_type;

class postgres final : public dialect {
 public:
  const capabilities& caps() const noexcept override { return caps_; }

  void placeholder(std::string& out, uint32_t number) const noexcept override {
    out += '$';
    out += std::to_string(number);
  }

  std::string_view json_row_function() const noexcept override { return "json_build_array"; }
  std::string_view json_aggregate_function() const noexcept override { return "json_agg"; }
  std::string_view empty_json_array() const noexcept override { return "'[]'::json"; }

  void missing_insert_value(compile_context& ctx, const schema::column&) const noexcept override {
    ctx.text("default");
  }

  std::string_view now_expression(const schema::column& c) const noexcept override {
    return c.type == column_type::date ? "current_date" : "now()";
  }
  // Built in since PostgreSQL 13 (https://www.postgresql.org/docs/current/functions-uuid.html).
  std::string_view random_uuid_expression() const noexcept override { return "gen_random_uuid()"; }
  // The array parameter takes its element type from the left operand, and the index on it
  // stays usable (tests/cpp/sql/in_values_plan_test.cpp).
  std::string_view list_open(bool negated) const noexcept override {
    return negated ? " <> all(" : " = any(";
  }
  std::string_view list_close() const noexcept override { return ")"; }
  std::string_view raw_cell_function() const noexcept override { return "to_json"; }
  std::string_view boolean_literal(bool value) const noexcept override {
    return value ? "true" : "false";
  }

  void column_type(std::string& out, const schema::column& c, bool) const noexcept override {
    switch (c.type) {
      case column_type::serial: out += "serial"; return;
      case column_type::bigserial: out += "bigserial"; return;
      case column_type::integer: out += "integer"; return;
      case column_type::bigint: out += "bigint"; return;
      case column_type::real: out += "double precision"; return;
      case column_type::numeric:
        out += "numeric";
        append_modifiers(out, c.precision, c.scale);
        return;
      case column_type::text: out += "text"; return;
      case column_type::varchar:
        out += "varchar";
        append_modifiers(out, c.length, std::nullopt);
        return;
      case column_type::boolean: out += "boolean"; return;
      case column_type::timestamp:
        out += c.with_timezone ? "timestamp with time zone" : "timestamp";
        return;
      case column_type::date: out += "date"; return;
      case column_type::json: out += "json"; return;
      case column_type::jsonb: out += "jsonb"; return;
      case column_type::uuid: out += "uuid"; return;
      case column_type::enumeration: append_identifier(out, c.enum_name); return;
    }
  }

 private:
  static void append_modifiers(std::string& out, std::optional<uint32_t> first,
                               std::optional<uint32_t> second) {
    if (!first) return;
    out += '(' + std::to_string(*first);
    if (second) out += ", " + std::to_string(*second);
    out += ')';
  }

  static constexpr capabilities caps_{
      .max_params = 65535,  // the wire protocol counts parameters in 16 bits
      .ilike = true,
      .lateral_joins = true,
      .aggregate_order_by = true,
      .distinct_on = true,
      .set_operations_all = true,
      .builds_final_json = false,
      .offset_needs_limit = false,
      .enum_types = true,
      .forward_foreign_keys = false,
      .autoincrement_primary_key = false,
  };
};

}  // namespace

const dialect& postgres_dialect() noexcept {
  static const postgres instance;
  return instance;
}

}  // namespace sluice::sql
