#pragma once
// What one event-loop thread owns: its loop, its HTTP connections and the requests in progress
// on them. Only that thread touches any of it; the pool is shared by every loop (pool.h).
#include <atomic>
#include <unordered_set>

#include "gateway/event_loop.h"
#include "gateway/pool.h"
#include "gateway/server.h"

namespace sluice::gateway {

class http_connection;

struct worker {
  worker(const server_settings& server, pg_pool& shared_pool, std::atomic<size_t>& open_connections_everywhere) noexcept
      : settings(server), pool(shared_pool), open_connections(open_connections_everywhere) {}

  const server_settings& settings;
  event_loop loop;
  pg_pool& pool;
  std::unordered_set<http_connection*> connections;
  std::atomic<size_t>& open_connections;  // of every loop, for server_settings::max_connections
  size_t jobs = 0;        // requests waiting for or running on Postgres
  bool stopping = false;  // no new connections; each open one closes after its response
};

}  // namespace sluice::gateway
