#pragma once
// libpq connections kept open between requests, one pool per set of credentials: a request
// only ever gets a connection opened with the role, password and database it named, so
// Postgres checks every request's credentials (on first use of a pool) and no request can
// borrow another's session.
#include <libpq-fe.h>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "gateway/connection_string.h"
#include "gateway/outcome.h"

namespace sluice::gateway {

struct pool_settings {
  // Where every connection goes, whatever host the connection string names ("" keeps the
  // connection string's): Neon connection strings name Neon hosts. A host starting with '/'
  // is a Unix-socket directory.
  std::string host;
  std::string port;
  int statement_timeout_ms = 30000;
  size_t max_per_credentials = 16;
  std::chrono::milliseconds acquire_timeout{30000};
};

class connection_pool;

// A connection on loan for one request. It goes back to its pool when the loan ends, unless
// discard() was called, in which case it is closed.
class pooled_connection {
 public:
  pooled_connection(pooled_connection&& other) noexcept;
  pooled_connection& operator=(pooled_connection&&) = delete;
  pooled_connection(const pooled_connection&) = delete;
  ~pooled_connection();

  [[nodiscard]] PGconn* get() const noexcept { return conn_; }
  void discard() noexcept { discard_ = true; }

 private:
  friend class connection_pool;
  struct bucket;
  pooled_connection(connection_pool* pool, bucket* b, PGconn* conn) noexcept
      : pool_(pool), bucket_(b), conn_(conn) {}

  connection_pool* pool_;
  bucket* bucket_;
  PGconn* conn_;
  bool discard_ = false;
};

class connection_pool {
 public:
  explicit connection_pool(pool_settings settings) noexcept;
  ~connection_pool();
  connection_pool(const connection_pool&) = delete;
  connection_pool& operator=(const connection_pool&) = delete;

  // An idle connection for `target`'s credentials, a new one while the pool is below its
  // size, or the first one handed back within the acquire timeout. Errors: 400 when Postgres
  // refuses the credentials or database, 500 when it is unreachable or the wait times out.
  [[nodiscard]] outcome<pooled_connection> acquire(const connection_target& target) noexcept;

 private:
  friend class pooled_connection;
  using bucket = pooled_connection::bucket;

  [[nodiscard]] std::string key_of(const connection_target& target) const noexcept;
  [[nodiscard]] PGconn* open(const connection_target& target) const noexcept;
  void give_back(bucket* b, PGconn* conn, bool keep) noexcept;
  void forget_if_unused(const std::string& key, bucket* b) noexcept;

  pool_settings settings_;
  std::string pinned_options_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::unique_ptr<bucket>> buckets_;
};

}  // namespace sluice::gateway
