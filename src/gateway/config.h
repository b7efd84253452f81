#pragma once
// Command-line flags of sluice-gateway.
#include <string>

#include "gateway/server.h"
#include "gateway/pool.h"

namespace sluice::gateway {

struct gateway_config {
  server_settings server;
  pool_settings pool;
};

enum class parse_result { run, help, error };

// Fills `config` from argv (`--flag value` or `--flag=value`). On error, `message` says why.
[[nodiscard]] parse_result parse_args(int argc, char** argv, gateway_config& config,
                                      std::string& message) noexcept;

// The --help text.
[[nodiscard]] const char* usage() noexcept;

}  // namespace sluice::gateway
