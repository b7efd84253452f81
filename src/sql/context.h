#pragma once
// The state of one compile: the SQL text, its parameters (whose order numbers the
// placeholders) and the query levels column references resolve against. Lives for one
// statement and is never copied.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "query/expr.h"
#include "sql/compiled.h"
#include "sql/dialect.h"

namespace sluice::sql {

class compile_context {
 public:
  compile_context(const sql::dialect& d, const query::expr_pool& exprs) noexcept
      : dialect_(d), exprs_(exprs) {}
  compile_context(const compile_context&) = delete;
  compile_context& operator=(const compile_context&) = delete;

  [[nodiscard]] const sql::dialect& dialect() const noexcept { return dialect_; }
  [[nodiscard]] const capabilities& caps() const noexcept { return dialect_.caps(); }
  [[nodiscard]] const query::expr_pool& exprs() const noexcept { return exprs_; }

  void text(std::string_view s) noexcept { sql_ += s; }
  void identifier(std::string_view name) noexcept;
  void qualified(std::string_view qualifier, std::string_view name) noexcept;
  void string_literal(std::string_view text) noexcept;
  // A placeholder bound to the caller's value number `ref`.
  void bind(uint32_t ref, param_type type) noexcept;
  // A placeholder bound to the caller's array value number `ref`, each item of `type`.
  void bind_list(uint32_t ref, param_type type) noexcept;
  // A placeholder bound to a catalog constant (JSON text).
  void bind_constant(std::string_view value_json, param_type type) noexcept;
  [[nodiscard]] size_t param_count() const noexcept { return params_.size(); }

  // Query levels visible to column references, innermost last: `table_key` reads as
  // `qualifier` (a table name, or a relational alias) until the matching leave().
  void enter(std::string_view table_key, std::string qualifier) noexcept;
  void leave() noexcept { levels_.pop_back(); }
  [[nodiscard]] std::string_view qualifier(std::string_view table_key) const noexcept;

  // Records an error found while writing text (a nested select the dialect cannot run); the
  // first one is what check_param_limit() reports.
  void fail(error e) noexcept {
    if (!failure_) failure_ = std::move(e);
  }
  // Errors: the first fail(), else too_many_parameters.
  [[nodiscard]] status check_param_limit() const noexcept;
  [[nodiscard]] statement take(returns_kind returns) noexcept;

 private:
  const sql::dialect& dialect_;
  const query::expr_pool& exprs_;
  std::string sql_;
  std::vector<param> params_;
  std::vector<std::pair<std::string, std::string>> levels_;
  std::optional<error> failure_;
};

}  // namespace sluice::sql
