#include "validate/column_rules.h"

namespace sluice::validate {
namespace {

constexpr double int32_min = -2147483648.0;
constexpr double int32_max = 2147483647.0;
constexpr double safe_min = -9007199254740991.0;
constexpr double safe_max = 9007199254740991.0;

// zod's number checks run in the order drizzle-zod adds them: .min(), .max(), .int().
void add_integer_range(column_rule& rule, double min, double max) noexcept {
  rule.checks.push_back(check{check_kind::gte, min});
  rule.checks.push_back(check{check_kind::lte, max});
  rule.checks.push_back(check{check_kind::integer});
}

}  // namespace

result<column_rule> base_rule(const schema::catalog& catalog, const schema::column& column,
                              validation_mode mode) noexcept {
  column_rule rule;
  rule.key = column.key;
  rule.nullable = !column.not_null;
  rule.required = mode == validation_mode::insert && column.not_null && !column.has_default();
  using schema::column_type;
  switch (column.type) {
    case column_type::serial:
    case column_type::integer:
      rule.kind = value_kind::number;
      add_integer_range(rule, int32_min, int32_max);
      break;
    case column_type::bigserial:
    case column_type::bigint:
      rule.kind = value_kind::number;
      add_integer_range(rule, safe_min, safe_max);
      break;
    case column_type::real: rule.kind = value_kind::number; break;
    case column_type::numeric: rule.kind = value_kind::numeric; break;
    case column_type::text: rule.kind = value_kind::string; break;
    case column_type::varchar:
      rule.kind = value_kind::string;
      if (column.length) rule.checks.push_back(check{check_kind::max_length, static_cast<double>(*column.length)});
      break;
    case column_type::uuid:
      rule.kind = value_kind::string;
      rule.checks.push_back(check{check_kind::uuid});
      break;
    case column_type::boolean: rule.kind = value_kind::boolean; break;
    case column_type::timestamp: rule.kind = value_kind::timestamp; break;
    case column_type::date: rule.kind = value_kind::date; break;
    case column_type::json:
    case column_type::jsonb: rule.kind = value_kind::json; break;
    case column_type::enumeration: {
      const schema::enumeration* e = catalog.find_enum(column.enum_name);
      if (!e)
        return make_error(error_code::unknown_enum, "no enum \"" + column.enum_name + "\"",
                          {column.key});
      rule.kind = value_kind::enumeration;
      rule.enum_values = e->values;
      for (const std::string& v : e->values) {
        if (!rule.enum_expected.empty()) rule.enum_expected.append(" | ");
        rule.enum_expected.append("'").append(v).append("'");
      }
      break;
    }
  }
  return rule;
}

}  // namespace sluice::validate
