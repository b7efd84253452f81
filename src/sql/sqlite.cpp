// SQLite (Cloudflare D1). D1 hands a Worker JS values, not bytes, so selects let SQLite build
// the caller's final JSON as one text cell, and writes with returning each row's final JSON
// object, which the Worker passes through without decoding; relations nest as scalar
// subqueries. Booleans are stored 0/1, timestamps integer epoch
// milliseconds, everything else without a native type is text.
#include <string>

#include "sql/context.h"
#include "sql/dialect.h"
#include "sql/types.h"

namespace sluice::sql {
namespace {

using schema::column_type;
using schema::default_kind;

#define SLUICE_P256 " * 4611686018427387904 * 4611686018427387904 * 4611686018427387904 * 4611686018427387904 * 256"
#define SLUICE_D256 " / 4611686018427387904 / 4611686018427387904 / 4611686018427387904 / 4611686018427387904 / 256"
#define SLUICE_SCALED(scale, n) "json_array(json(printf('%!.17g', {}" scale ")), " n ")"

// See json_value_template: `{}` is the cell; 2^256 is spelled as products of exact integers.
#define SLUICE_REAL_CELL \
    "case when {} = cast({} as integer) and abs({}) <= 9007199254740992 then cast({} as integer) " \
    "when abs({}) between 1e-70 and 1e95 then json(printf('%!.17g', {})) " \
    "when abs({}) > 1e249 then " SLUICE_SCALED(SLUICE_D256 SLUICE_D256 SLUICE_D256, "3") " " \
    "when abs({}) > 1e172 then " SLUICE_SCALED(SLUICE_D256 SLUICE_D256, "2") " " \
    "when abs({}) > 1e95 then " SLUICE_SCALED(SLUICE_D256, "1") " " \
    "when abs({}) > 1e-147 then " SLUICE_SCALED(SLUICE_P256, "-1") " " \
    "when abs({}) > 1e-224 then " SLUICE_SCALED(SLUICE_P256 SLUICE_P256, "-2") " " \
    "when abs({}) > 1e-301 then " SLUICE_SCALED(SLUICE_P256 SLUICE_P256 SLUICE_P256, "-3") " " \
    "when {} is not null then " SLUICE_SCALED(SLUICE_P256 SLUICE_P256 SLUICE_P256 SLUICE_P256, "-4") " end"

constexpr std::string_view real_template = SLUICE_REAL_CELL;
// A numeric value SQLite holds as a real is spelled as the real it is, which the decoder
// turns into a string (the digits String() gives in JS); integers and text are exact as text.
constexpr std::string_view numeric_template =
    "case when typeof({}) = 'real' then " SLUICE_REAL_CELL " else cast({} as text) end";

#undef SLUICE_REAL_CELL
#undef SLUICE_SCALED
#undef SLUICE_D256
#undef SLUICE_P256

class sqlite final : public dialect {
 public:
  const capabilities& caps() const noexcept override { return caps_; }

  void placeholder(std::string& out, uint32_t) const noexcept override { out += '?'; }

  std::string_view json_row_function() const noexcept override { return "json_object"; }
  std::string_view json_aggregate_function() const noexcept override { return "json_group_array"; }
  std::string_view empty_json_array() const noexcept override { return "json_array()"; }
  std::string_view json_parse_function() const noexcept override { return "json"; }

  // Each row arrives as column "r" holding JSON text, so plain string concatenation builds the
  // array; rows keep the inner query's order because an aggregate over an ordered subquery is
  // never flattened (https://sqlite.org/optoverview.html#flattening, restriction 16). A single
  // row (under `limit 1`) is the object itself, or `null`.
  std::string_view result_prefix(bool single_row) const noexcept override {
    if (single_row) return "select coalesce(group_concat(\"r\", ','), 'null') from (";
    return "select '[' || coalesce(group_concat(\"r\", ','), '') || ']' from (";
  }
  std::string_view result_suffix() const noexcept override { return ")"; }

  // The JSON the decoder writes for each stored value. SQLite already escapes text as
  // JSON.stringify does; the rest needs an expression.
  std::string_view json_value_template(decode::value_type type) const noexcept override {
    using decode::value_type;
    switch (type) {
      case value_type::integer:
      case value_type::text:
      case value_type::date: return {};
      // A JS number holds integers up to 2^53 - 1 exactly; beyond that the digits go as text.
      case value_type::bigint:
        return "case when {} between -9007199254740991 and 9007199254740991 then {} "
               "else cast({} as text) end";
      // SQLite's JSON writer keeps 15 significant digits, which loses most doubles, and its
      // printf('%!.17g') is exact only for magnitudes from about 1e-80 to 1e110 (beyond, a
      // third of the doubles come out an ulp off). So a whole real within ±2^53 is its
      // integer (JS's spelling; -0.0 becomes 0), one between 1e-70 and 1e95 its 17 digits
      // (which always read back as the same double), and any other [17 digits of x / 2^(256 n),
      // n]: scaling by a power of two is exact, and the module's final_json decoder puts the
      // two back together and spells every real as JS does (the answer says "respell").
      case value_type::real: return real_template;
      case value_type::numeric: return numeric_template;
      // json() gives the text the JSON subtype, so json_object embeds true/false, not a string;
      // null (absent, or an unknown condition) stays null.
      case value_type::boolean: return "json(case {} when 1 then 'true' when 0 then 'false' end)";
      // %f is seconds with exact milliseconds: the day fraction is kept in integer ms.
      case value_type::timestamp:
        return "strftime('%Y-%m-%dT%H:%M:%fZ', {} / 1000.0, 'unixepoch')";
      case value_type::json: return "json({})";
    }
    return {};
  }

  // VALUES has no DEFAULT keyword in SQLite, so defaults are spelled out.
  void missing_insert_value(compile_context& ctx, const schema::column& c) const noexcept override {
    switch (c.def.kind) {
      case default_kind::value: ctx.bind_constant(c.def.value_json, param_type_of(c)); return;
      case default_kind::now: ctx.text(now_expression(c)); return;
      case default_kind::random_uuid: ctx.text(random_uuid_expression()); return;
      // A null serial key makes SQLite assign the next rowid; other columns here are nullable.
      case default_kind::none:
      case default_kind::fn: ctx.text("null"); return;
    }
  }

  // julianday('now') carries milliseconds on every SQLite version; unixepoch('subsec') needs 3.42.
  std::string_view now_expression(const schema::column& c) const noexcept override {
    if (c.type == column_type::date) return "(date('now'))";
    return "(cast((julianday('now') - 2440587.5) * 86400000 as integer))";
  }

  // A version 4 UUID: 122 random bits, the version nibble 4 and the variant nibble 8-b.
  std::string_view random_uuid_expression() const noexcept override {
    return "(lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || "
           "substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || "
           "substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))))";
  }

  // The list arrives as one JSON array text; SQLite still probes the left column's index with
  // each of json_each's values (tests/cpp/sql/in_values_plan_test.cpp).
  std::string_view list_open(bool negated) const noexcept override {
    return negated ? " not in (select value from json_each(" : " in (select value from json_each(";
  }
  std::string_view list_close() const noexcept override { return "))"; }
  std::string_view boolean_literal(bool value) const noexcept override { return value ? "1" : "0"; }

  void column_type(std::string& out, const schema::column& c,
                   bool inline_primary_key) const noexcept override {
    switch (c.type) {
      case column_type::serial:
      case column_type::bigserial:
        // AUTOINCREMENT never reuses the id of a deleted row, as a Postgres sequence does not.
        out += inline_primary_key ? "integer primary key autoincrement" : "integer";
        return;
      case column_type::integer:
      case column_type::bigint:
      case column_type::boolean:
      case column_type::timestamp: out += "integer"; return;
      case column_type::real: out += "real"; return;
      case column_type::numeric:
      case column_type::text:
      case column_type::varchar:
      case column_type::date:
      case column_type::json:
      case column_type::jsonb:
      case column_type::uuid:
      case column_type::enumeration: out += "text"; return;
    }
  }

 private:
  static constexpr capabilities caps_{
      .max_params = 100,  // D1's limit per statement (SQLite itself allows 32766)
      .ilike = false,
      .lateral_joins = false,
      .aggregate_order_by = false,
      .distinct_on = false,
      .set_operations_all = false,
      .builds_final_json = true,
      .offset_needs_limit = true,
      .enum_types = false,
      .forward_foreign_keys = true,
      .autoincrement_primary_key = true,
  };
};

}  // namespace

const dialect& sqlite_dialect() noexcept {
  static const sqlite instance;
  return instance;
}

}  // namespace sluice::sql
