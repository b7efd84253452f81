#pragma once
// libpq connections kept open between requests, one pool per set of credentials and per
// event loop: a request only ever gets a connection opened with the role, password and
// database its connection string names, so Postgres checks the credentials (when a pool opens
// a connection) and no request borrows another role's session. Everything here runs on its
// loop's thread: connecting, waiting and querying never block it (libpq's asynchronous API).
#include <libpq-fe.h>

#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "gateway/connection_string.h"
#include "gateway/event_loop.h"
#include "gateway/outcome.h"

namespace sluice::gateway {

using clock_type = std::chrono::steady_clock;

struct pool_settings {
  // Where every connection goes, whatever host the connection string names ("" keeps the
  // connection string's): Neon connection strings name Neon hosts. A host starting with '/'
  // is a Unix-socket directory. A host name is resolved while connecting, on the loop thread.
  std::string host;
  std::string port;
  int statement_timeout_ms = 30000;
  size_t max_per_credentials = 16;  // across all loops
  std::chrono::milliseconds connect_timeout{10000};
  std::chrono::milliseconds acquire_timeout{30000};
};

class pg_session;

// A request waiting for a connection. Exactly one of the two is called, once; possibly from
// within acquire() itself.
class pg_waiter {
 public:
  virtual void on_connection(pg_session* session) noexcept = 0;
  virtual void on_connection_failure(failure f) noexcept = 0;

 protected:
  ~pg_waiter() = default;
};

// Whoever has a session on loan gets its socket's events.
class pg_session_user {
 public:
  virtual void on_pg_io(uint32_t events) noexcept = 0;

 protected:
  ~pg_session_user() = default;
};

class pg_pool;

class pg_session final : public io_handler {
 public:
  [[nodiscard]] PGconn* conn() const noexcept { return conn_; }
  void set_user(pg_session_user* user) noexcept { user_ = user; }
  // Also wait for the socket to take more output (a query libpq could not send at once).
  void want_write(bool on) noexcept;
  void on_io(uint32_t events) noexcept override;
  ~pg_session() override;

 private:
  friend class pg_pool;
  struct bucket;
  enum class state { connecting, idle, on_loan };

  pg_session(pg_pool& pool, bucket* b, PGconn* conn) noexcept : pool_(pool), bucket_(b), conn_(conn) {}
  void watch(bool write) noexcept;
  void continue_connecting() noexcept;

  pg_pool& pool_;
  bucket* bucket_;
  PGconn* conn_;
  int fd_ = -1;
  uint32_t watched_ = 0;
  state state_ = state::connecting;
  pg_waiter* waiter_ = nullptr;      // while connecting
  pg_session_user* user_ = nullptr;  // while on loan
  clock_type::time_point connect_deadline_;
};

class pg_pool {
 public:
  // `max_per_credentials` is this loop's share of the configured pool size.
  pg_pool(event_loop& loop, const pool_settings& settings, size_t max_per_credentials) noexcept;
  ~pg_pool();
  pg_pool(const pg_pool&) = delete;
  pg_pool& operator=(const pg_pool&) = delete;

  // Gives `waiter` an idle connection for `target`'s credentials, a new one while the pool is
  // below its size, or else the first one handed back (waiters are served in order), so a
  // request never waits behind another on a busy connection. Failures: 400 when Postgres
  // refuses the credentials or database, 500 when it is unreachable or the wait passes
  // acquire_timeout.
  void acquire(const connection_target& target, pg_waiter* waiter) noexcept;
  // Ends a loan; `keep` false closes the connection (broken, or in a state we cannot undo).
  void release(pg_session* session, bool keep) noexcept;
  // Fails waits and connection attempts that have run out of time.
  void tick(clock_type::time_point now) noexcept;

 private:
  friend class pg_session;
  using bucket = pg_session::bucket;

  [[nodiscard]] std::string key_of(const connection_target& target) const noexcept;
  // Starts opening a connection for `waiter`, or fails it at once; either way `b` stays.
  void connect(bucket* b, pg_waiter* waiter) noexcept;
  void connected(pg_session* s) noexcept;
  void connect_failed(pg_session* s, failure f) noexcept;
  void lend(pg_session* s, pg_waiter* waiter) noexcept;
  // A free session goes to the first waiter, or back to the idle list.
  void hand_over(pg_session* s) noexcept;
  void close(pg_session* s) noexcept;
  void forget_if_unused(bucket* b) noexcept;

  event_loop& loop_;
  const pool_settings& settings_;
  size_t max_per_credentials_;
  std::string pinned_options_;
  std::unordered_map<std::string, std::unique_ptr<bucket>> buckets_;
  std::unordered_set<pg_session*> sessions_;
};

}  // namespace sluice::gateway
