#pragma once
// The HTTP side of the gateway: POST /sql as Neon's proxy serves it (wire-protocols A1-A9),
// OPTIONS /sql for CORS preflight, and a JSON 400 for anything else. The HTTP library stays
// behind this header.
#include <cstddef>
#include <memory>
#include <string>

#include "gateway/pool.h"

namespace sluice::gateway {

struct server_settings {
  std::string listen = "127.0.0.1";
  int port = 4444;  // 0 picks a free port; bind() says which
  // Each open keep-alive connection holds one thread while it lives, so this bounds the
  // concurrent clients; more wait until one disconnects or idles out.
  size_t threads = 64;
  bool verbose = false;  // one line per request on stderr
  size_t max_request_bytes = 10u << 20;
  size_t max_response_bytes = 10u << 20;
};

class http_gateway {
 public:
  http_gateway(server_settings settings, connection_pool& pool) noexcept;
  ~http_gateway();
  http_gateway(const http_gateway&) = delete;
  http_gateway& operator=(const http_gateway&) = delete;

  // Binds the listening socket. The port bound, or -1 when binding failed.
  [[nodiscard]] int bind() noexcept;
  // Serves until stop(); requests in progress finish first. False when serving failed.
  bool serve() noexcept;
  // Safe from any thread. Has no effect before serve() has started listening.
  void stop() noexcept;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace sluice::gateway
