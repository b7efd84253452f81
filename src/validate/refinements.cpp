#include "validate/refinements.h"

#include <cmath>
#include <string>

namespace sluice::validate {
namespace {

std::string_view kind_name(value_kind kind) noexcept {
  switch (kind) {
    case value_kind::number: return "number";
    case value_kind::numeric: return "numeric";
    case value_kind::string: return "string";
    case value_kind::boolean: return "boolean";
    case value_kind::timestamp: return "timestamp";
    case value_kind::date: return "date";
    case value_kind::json: return "json";
    case value_kind::enumeration: return "enum";
  }
  return "unknown";
}

error invalid(const column_rule& rule, std::string message) noexcept {
  return dom::invalid(std::move(message), {"refine", rule.key});
}

result<double> bound(const column_rule& rule, dom::object spec, std::string_view name,
                     bool length) noexcept {
  const auto value = dom::member(spec, "value");
  const auto number = value ? value->get_double() : std::nullopt;
  const double v = number.value_or(0);
  if (!number || !std::isfinite(v))
    return invalid(rule, std::string(name) + " needs a numeric \"value\"");
  if (length && (v < 0 || std::trunc(v) != v || v > 4294967295.0))
    return invalid(rule, std::string(name) + " needs a non-negative integer \"value\"");
  return v;
}

status add_pattern(column_rule& rule, dom::object spec, std::vector<regex>& patterns) noexcept {
  SLUICE_TRY(pattern, dom::required_string(spec, "pattern"));
  SLUICE_TRY(flags, dom::optional_string(spec, "flags"));
  auto compiled = regex::compile(pattern, flags);
  if (!compiled.ok()) return invalid(rule, compiled.err().message);
  patterns.push_back(std::move(compiled.value()));
  rule.checks.push_back(check{check_kind::pattern, 0, static_cast<uint32_t>(patterns.size() - 1)});
  return ok_status();
}

status add_string_check(column_rule& rule, std::string_view name, dom::object spec,
                        std::vector<regex>& patterns) noexcept {
  struct entry {
    std::string_view name;
    check_kind kind;
    bool has_bound;
  };
  static constexpr entry entries[] = {
      {"email", check_kind::email, false}, {"url", check_kind::url, false},
      {"uuid", check_kind::uuid, false},   {"min", check_kind::min_length, true},
      {"max", check_kind::max_length, true}, {"length", check_kind::exact_length, true},
  };
  if (name == "regex") return add_pattern(rule, spec, patterns);
  for (const entry& e : entries) {
    if (e.name != name) continue;
    check c{e.kind};
    if (e.has_bound) {
      SLUICE_TRY(value, bound(rule, spec, name, true));
      c.bound = value;
    }
    rule.checks.push_back(c);
    return ok_status();
  }
  return invalid(rule, "\"" + std::string(name) + "\" does not apply to a string column");
}

status add_number_check(column_rule& rule, std::string_view name, dom::object spec) noexcept {
  // zod's number .min()/.max() are .gte()/.lte().
  struct entry {
    std::string_view name;
    check_kind kind;
  };
  static constexpr entry entries[] = {
      {"min", check_kind::gte}, {"max", check_kind::lte}, {"gt", check_kind::gt},
      {"gte", check_kind::gte}, {"lt", check_kind::lt},   {"lte", check_kind::lte},
  };
  if (name == "int") {
    rule.checks.push_back(check{check_kind::integer});
    return ok_status();
  }
  for (const entry& e : entries) {
    if (e.name != name) continue;
    SLUICE_TRY(value, bound(rule, spec, name, false));
    rule.checks.push_back(check{e.kind, value});
    return ok_status();
  }
  return invalid(rule, "\"" + std::string(name) + "\" does not apply to a number column");
}

}  // namespace

status add_refinement(column_rule& rule, dom::object spec, std::vector<regex>& patterns) noexcept {
  SLUICE_TRY(name, dom::required_string(spec, "check"));
  for (auto [key, value] : spec) {
    if (key != "check" && key != "value" && key != "pattern" && key != "flags")
      return invalid(rule, "unknown refinement member \"" + std::string(key) + "\"");
  }
  if (rule.kind == value_kind::string) return add_string_check(rule, name, spec, patterns);
  if (rule.kind == value_kind::number) return add_number_check(rule, name, spec);
  return invalid(rule, "\"" + name + "\" does not apply to the " + std::string(kind_name(rule.kind)) +
                           " column \"" + rule.key + "\"");
}

}  // namespace sluice::validate
