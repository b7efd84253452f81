#pragma once
// libpq connections kept open between requests: one pool for the whole gateway, with one
// bucket per set of credentials, so a request only ever gets a connection opened with the
// role, password and database its connection string names (Postgres checks the credentials
// when the pool opens a connection, and no request borrows another role's session).
//
// Each bucket has one queue, whatever event loop a request arrives on: a request gets an idle
// connection or a new one while the bucket is below its size, and otherwise waits in line for
// the first connection handed back, from any loop. It never waits behind another request on a
// busy connection while another is free. A connection belongs to one loop at a time: the one
// connecting it or running a request on it, which watches its socket; an idle one belongs to
// none. Callbacks to a waiter always run on the waiter's own loop.
#include <libpq-fe.h>

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
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
  // A request still waiting for a connection this long is answered 503 with Retry-After, as
  // Neon's proxy answers when it has too many connections.
  std::chrono::milliseconds queue_timeout{5000};
};

class pg_session;

// A request waiting for a connection. Exactly one of the two is called, once, on the loop
// the request asked from; possibly from within acquire() itself.
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

class pg_session {
 public:
  [[nodiscard]] PGconn* conn() const noexcept { return conn_; }
  void set_user(pg_session_user* user) noexcept { user_ = user; }
  // Also wait for the socket to take more output (a query libpq could not send at once).
  void want_write(bool on) noexcept;
  ~pg_session();

 private:
  friend class pg_pool;
  struct bucket;
  class attachment;
  enum class state { connecting, idle, on_loan };

  pg_session(pg_pool& pool, bucket* b, PGconn* conn) noexcept : pool_(pool), bucket_(b), conn_(conn) {}
  // Watches the socket on `loop` for `events`, moving it there from another loop first.
  void watch(event_loop& loop, uint32_t events) noexcept;
  // No loop watches the socket any more; events already drawn for it are dropped.
  void detach() noexcept;
  void on_io(uint32_t events) noexcept;
  void continue_connecting() noexcept;
  // An idle connection the server may have closed meanwhile: false when it has.
  [[nodiscard]] bool still_open() noexcept;

  pg_pool& pool_;
  bucket* bucket_;
  PGconn* conn_;
  int fd_ = -1;
  uint32_t watched_ = 0;
  state state_ = state::connecting;
  event_loop* loop_ = nullptr;          // whose thread may touch the session, while not idle
  attachment* attachment_ = nullptr;    // the handler registered with loop_
  pg_waiter* waiter_ = nullptr;         // while connecting
  pg_session_user* user_ = nullptr;     // while on loan
  clock_type::time_point connect_deadline_;
};

class pg_pool {
 public:
  explicit pg_pool(const pool_settings& settings) noexcept;
  ~pg_pool();
  pg_pool(const pg_pool&) = delete;
  pg_pool& operator=(const pg_pool&) = delete;

  // Called on `loop`'s thread, which is where `waiter` hears back. Failures: 400 when Postgres
  // refuses the credentials or database, 500 when it is unreachable, 503 (queue_timeout) when
  // no connection came free in time.
  void acquire(event_loop& loop, const connection_target& target, pg_waiter* waiter) noexcept;
  // Ends a loan, on the loop the session was lent to; `keep` false closes the connection
  // (broken, or in a state we cannot undo).
  void release(pg_session* session, bool keep) noexcept;
  // Fails `loop`'s waits and connection attempts that have run out of time.
  void tick(event_loop& loop, clock_type::time_point now) noexcept;

 private:
  friend class pg_session;
  using bucket = pg_session::bucket;
  struct waiting {
    pg_waiter* waiter;
    event_loop* loop;
    clock_type::time_point deadline;
  };

  [[nodiscard]] std::string key_of(const connection_target& target) const noexcept;
  // Opens a connection for `waiter` on `loop`, or fails it at once; the bucket has counted it.
  void connect(event_loop& loop, bucket* b, pg_waiter* waiter) noexcept;
  void connected(pg_session* s) noexcept;
  void connect_failed(pg_session* s, failure f) noexcept;
  void lend(event_loop& loop, pg_session* s, pg_waiter* waiter) noexcept;
  // Runs `task` on `w.loop`: at once when that is `here`, else posted to it.
  void on_loop_of(const waiting& w, event_loop& here, std::function<void()> task) noexcept;
  // Closes a session the calling thread owns (`here` is its loop); the freed place goes to
  // the longest waiter, as a new connection.
  void close(event_loop& here, pg_session* s) noexcept;
  // With mutex_ held.
  void forget_if_unused(bucket* b) noexcept;

  const pool_settings& settings_;
  std::string pinned_options_;
  std::mutex mutex_;  // guards buckets_, sessions_, connecting_ and every bucket
  std::unordered_map<std::string, std::unique_ptr<bucket>> buckets_;
  std::unordered_set<pg_session*> sessions_;
  std::unordered_set<pg_session*> connecting_;
};

}  // namespace sluice::gateway
