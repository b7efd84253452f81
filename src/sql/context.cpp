#include "sql/context.h"

#include "sql/identifier.h"

namespace sluice::sql {

void compile_context::identifier(std::string_view name) noexcept { append_identifier(sql_, name); }

void compile_context::qualified(std::string_view qualifier, std::string_view name) noexcept {
  append_identifier(sql_, qualifier);
  sql_ += '.';
  append_identifier(sql_, name);
}

void compile_context::string_literal(std::string_view text) noexcept {
  append_string_literal(sql_, text);
}

void compile_context::bind(uint32_t ref, param_type type) noexcept {
  params_.push_back(param{ref, {}, type});
  dialect_.placeholder(sql_, static_cast<uint32_t>(params_.size()));
}

void compile_context::bind_list(uint32_t ref, param_type type) noexcept {
  params_.push_back(param{ref, {}, type, true});
  dialect_.placeholder(sql_, static_cast<uint32_t>(params_.size()));
}

void compile_context::bind_constant(std::string_view value_json, param_type type) noexcept {
  params_.push_back(param{std::nullopt, std::string(value_json), type});
  dialect_.placeholder(sql_, static_cast<uint32_t>(params_.size()));
}

void compile_context::enter(std::string_view table_key, std::string qualifier) noexcept {
  levels_.emplace_back(std::string(table_key), std::move(qualifier));
}

std::string_view compile_context::qualifier(std::string_view table_key) const noexcept {
  for (auto it = levels_.rbegin(); it != levels_.rend(); ++it)
    if (it->first == table_key) return it->second;
  return table_key;
}

status compile_context::check_param_limit() const noexcept {
  if (failure_) return *failure_;
  const uint32_t limit = caps().max_params;
  if (params_.size() <= limit) return ok_status();
  return make_error(error_code::too_many_parameters,
                    "the statement binds " + std::to_string(params_.size()) +
                        " parameters; the database accepts " + std::to_string(limit));
}

statement compile_context::take(returns_kind returns) noexcept {
  return statement{std::move(sql_), std::move(params_), returns};
}

}  // namespace sluice::sql
