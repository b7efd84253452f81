#pragma once
// A batch runs as one transaction whose mode the Neon-Batch-* headers set (wire-protocols A2,
// A5). They mean nothing for a single query, which runs on its own.
#include <optional>
#include <string>
#include <string_view>

#include "gateway/outcome.h"

namespace sluice::gateway {

struct batch_options {
  std::string_view isolation;  // the header's spelling ("Serializable", ...); "" for the default
  bool read_only = false;
  bool deferrable = false;
};

// Each argument is its header's value, nullopt when absent. Only the exact value "true" turns
// on read-only or deferrable, as in Neon. Errors: 400 `invalid isolation level`.
[[nodiscard]] outcome<batch_options> parse_batch_options(std::optional<std::string_view> isolation,
                                                         std::optional<std::string_view> read_only,
                                                         std::optional<std::string_view> deferrable) noexcept;

// `BEGIN ISOLATION LEVEL ... READ ONLY DEFERRABLE`, each part only when asked for.
[[nodiscard]] std::string begin_statement(const batch_options& options) noexcept;

}  // namespace sluice::gateway
