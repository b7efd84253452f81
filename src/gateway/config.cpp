#include "gateway/config.h"

#include <charconv>
#include <string_view>

namespace sluice::gateway {
namespace {

bool parse_number(std::string_view text, long min, long max, long& out) noexcept {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size() && out >= min && out <= max;
}

}  // namespace

const char* usage() noexcept {
  return "usage: sluice-gateway [flags]\n"
         "A Neon-compatible HTTP SQL endpoint (POST /sql) in front of PostgreSQL.\n"
         "Each request connects as the role, password and database its Neon-Connection-String names.\n"
         "\n"
         "  --listen ADDR              address to listen on (default 127.0.0.1)\n"
         "  --port N                   port to listen on; 0 picks a free one (default 4444)\n"
         "  --pg-host HOST             connect here whatever host the connection string names;\n"
         "                             a path is a Unix-socket directory (default: the string's host)\n"
         "  --pg-port N                with --pg-host, its port (default 5432)\n"
         "  --statement-timeout-ms N   statement_timeout of every session (default 30000)\n"
         "  --pool-size N              connections per role/password/database (default 16)\n"
         "  --queue-timeout-ms N       a request waiting this long for a connection gets 503 (default 5000)\n"
         "  --threads N                event-loop threads (default: one per CPU)\n"
         "  --header-timeout-ms N      a request's head must arrive whole within this (default 10000)\n"
         "  --idle-timeout-ms N        close a connection quiet this long (default 30000)\n"
         "  --max-connections N        open client connections; more get 503 (default 1000)\n"
         "  --verbose                  one line per request on stderr\n"
         "  --help                     this text\n"
         "\n"
         "Without --pg-host the gateway connects wherever a request's connection string points:\n"
         "anyone who can reach it can make it open connections to any host it can reach.\n";
}

parse_result parse_args(int argc, char** argv, gateway_config& config, std::string& message) noexcept {
  for (int i = 1; i < argc; ++i) {
    std::string_view flag = argv[i];
    std::string_view value;
    bool has_value = false;
    if (const auto eq = flag.find('='); eq != std::string_view::npos) {
      value = flag.substr(eq + 1);
      flag = flag.substr(0, eq);
      has_value = true;
    }
    if (flag == "--help" || flag == "-h") return parse_result::help;
    if (flag == "--verbose") {
      config.server.verbose = true;
      continue;
    }
    if (!has_value) {
      if (i + 1 >= argc) {
        message = std::string(flag) + " needs a value";
        return parse_result::error;
      }
      value = argv[++i];
    }
    long n = 0;
    if (flag == "--listen") {
      config.server.listen = value;
    } else if (flag == "--pg-host") {
      config.pool.host = value;
    } else if (flag == "--port" && parse_number(value, 0, 65535, n)) {
      config.server.port = static_cast<int>(n);
    } else if (flag == "--pg-port" && parse_number(value, 1, 65535, n)) {
      config.pool.port = value;
    } else if (flag == "--statement-timeout-ms" && parse_number(value, 0, 2147483647, n)) {
      config.pool.statement_timeout_ms = static_cast<int>(n);
    } else if (flag == "--pool-size" && parse_number(value, 1, 10000, n)) {
      config.pool.max_per_credentials = static_cast<size_t>(n);
    } else if (flag == "--threads" && parse_number(value, 1, 1024, n)) {
      config.server.threads = static_cast<size_t>(n);
    } else if (flag == "--queue-timeout-ms" && parse_number(value, 1, 3600000, n)) {
      config.pool.queue_timeout = std::chrono::milliseconds(n);
    } else if (flag == "--header-timeout-ms" && parse_number(value, 1, 3600000, n)) {
      config.server.header_timeout = std::chrono::milliseconds(n);
    } else if (flag == "--idle-timeout-ms" && parse_number(value, 1, 3600000, n)) {
      config.server.idle_timeout = std::chrono::milliseconds(n);
    } else if (flag == "--max-connections" && parse_number(value, 1, 1000000, n)) {
      config.server.max_connections = static_cast<size_t>(n);
    } else {
      message = "bad flag or value: " + std::string(argv[i]);
      return parse_result::error;
    }
  }
  return parse_result::run;
}

}  // namespace sluice::gateway
