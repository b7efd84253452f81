#include "gateway/batch_options.h"

#include "gateway/error_json.h"

namespace sluice::gateway {
namespace {

struct isolation_level {
  std::string_view header;
  std::string_view sql;
};
constexpr isolation_level isolation_levels[] = {
    {"ReadUncommitted", "READ UNCOMMITTED"},
    {"ReadCommitted", "READ COMMITTED"},
    {"RepeatableRead", "REPEATABLE READ"},
    {"Serializable", "SERIALIZABLE"},
};

}  // namespace

outcome<batch_options> parse_batch_options(std::optional<std::string_view> isolation,
                                           std::optional<std::string_view> read_only,
                                           std::optional<std::string_view> deferrable) noexcept {
  batch_options options;
  if (isolation) {
    for (const auto& level : isolation_levels) {
      if (*isolation == level.header) options.isolation = level.header;
    }
    if (options.isolation.empty()) return gateway_failure(400, "invalid isolation level");
  }
  options.read_only = read_only == "true";
  options.deferrable = deferrable == "true";
  return options;
}

std::string begin_statement(const batch_options& options) noexcept {
  std::string sql = "BEGIN";
  for (const auto& level : isolation_levels) {
    if (options.isolation == level.header) {
      sql += " ISOLATION LEVEL ";
      sql += level.sql;
    }
  }
  if (options.read_only) sql += " READ ONLY";
  if (options.deferrable) sql += " DEFERRABLE";
  return sql;
}

}  // namespace sluice::gateway
