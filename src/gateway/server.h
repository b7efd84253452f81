#pragma once
// The gateway's server: a listening socket and one event loop per worker thread, each loop
// with its own HTTP connections, all sharing one Postgres pool. Routes are in
// sql_endpoint.h.
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "gateway/pool.h"

namespace sluice::gateway {

struct server_settings {
  std::string listen = "127.0.0.1";
  int port = 4444;     // 0 picks a free port; bind() says which
  size_t threads = 0;  // event loops; 0 means one per CPU
  bool verbose = false;  // one line per request on stderr
  size_t max_request_bytes = 10u << 20;
  size_t max_response_bytes = 10u << 20;
  // A connection with nothing coming in since its last byte in or answer out is closed after
  // this long: longer than clients keep idle connections (fetch: 4 s), so a client never
  // sends on a connection the server is closing.
  std::chrono::milliseconds idle_timeout{30000};
  // A request's head (request line and headers) must have come whole this long after its first
  // byte, however steadily it trickles in; otherwise 408 and the connection is closed.
  std::chrono::milliseconds header_timeout{10000};
  // Open client connections, all loops together; one more is answered 503 and closed.
  size_t max_connections = 1000;
};

class gateway_server {
 public:
  gateway_server(server_settings server, pool_settings pool) noexcept;
  ~gateway_server();
  gateway_server(const gateway_server&) = delete;
  gateway_server& operator=(const gateway_server&) = delete;

  // Opens the listening socket. The port bound, or -1 (the reason is on stderr).
  [[nodiscard]] int bind() noexcept;
  // Serves until stop(), then lets requests in progress finish (for at most the statement
  // timeout plus a few seconds) and closes every connection. False when it could not start.
  bool serve() noexcept;
  // Safe from any thread, and before serve() too.
  void stop() noexcept;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace sluice::gateway
