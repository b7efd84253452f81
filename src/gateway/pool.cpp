#include "gateway/pool.h"

#include <utility>

#include "gateway/error_json.h"

namespace sluice::gateway {

struct pooled_connection::bucket {
  std::vector<PGconn*> idle;  // most recently used last, so the warmest goes out first
  size_t open = 0;            // idle plus on loan plus being opened
  size_t waiting = 0;
  std::condition_variable freed;
};

pooled_connection::pooled_connection(pooled_connection&& other) noexcept
    : pool_(other.pool_), bucket_(other.bucket_), conn_(std::exchange(other.conn_, nullptr)),
      discard_(other.discard_) {}

pooled_connection::~pooled_connection() {
  if (conn_) pool_->give_back(bucket_, conn_, !discard_ && PQstatus(conn_) == CONNECTION_OK);
}

connection_pool::connection_pool(pool_settings settings) noexcept : settings_(std::move(settings)) {
  // Pinned per session, after any `options` from the connection string so they win: the
  // text form of dates and times depends on them (wire-protocols A7), and the timeout
  // bounds what one HTTP request can hold.
  pinned_options_ = "-c TimeZone=UTC -c DateStyle=ISO -c IntervalStyle=postgres -c statement_timeout=" +
                    std::to_string(settings_.statement_timeout_ms);
}

connection_pool::~connection_pool() {
  for (auto& [key, b] : buckets_) {
    for (PGconn* conn : b->idle) PQfinish(conn);
  }
}

std::string connection_pool::key_of(const connection_target& t) const noexcept {
  // NUL cannot occur inside the parts (parse_connection_string refuses it), so it separates.
  std::string key;
  for (const std::string* part : {&t.user, &t.password, &t.host, &t.port, &t.database,
                                  &t.application_name, &t.options}) {
    key += *part;
    key.push_back('\0');
  }
  return key;
}

PGconn* connection_pool::open(const connection_target& t) const noexcept {
  const std::string& host = settings_.host.empty() ? t.host : settings_.host;
  // With a host of its own but no port, the gateway means that host's default port.
  const std::string& port = settings_.host.empty() && settings_.port.empty() ? t.port : settings_.port;
  const std::string options = t.options.empty() ? pinned_options_ : t.options + " " + pinned_options_;
  // Every setting that names whom to connect as is given, so nothing falls back to the
  // gateway's environment (PGUSER, PGPASSWORD, a password file).
  std::vector<const char*> keys;
  std::vector<const char*> values;
  const auto set = [&](const char* key, const char* value) {
    if (*value == '\0') return;
    keys.push_back(key);
    values.push_back(value);
  };
  set("host", host.c_str());
  set("port", port.c_str());
  set("user", t.user.c_str());
  set("password", t.password.c_str());
  set("dbname", t.database.c_str());
  set("options", options.c_str());
  set("application_name", t.application_name.c_str());
  set("fallback_application_name", "sluice-gateway");
  set("client_encoding", "UTF8");  // cells are copied into JSON as they come: they must be UTF-8
  set("connect_timeout", "10");
  set("gssencmode", "disable");  // no Kerberos probe on every connect
  keys.push_back(nullptr);
  values.push_back(nullptr);
  PGconn* conn = PQconnectdbParams(keys.data(), values.data(), 0);
  if (conn && PQstatus(conn) == CONNECTION_OK) {
    // Notices (NOTICE, WARNING) would go to stderr by default; HTTP has nowhere to put them.
    PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);
  }
  return conn;
}

outcome<pooled_connection> connection_pool::acquire(const connection_target& target) noexcept {
  const std::string key = key_of(target);
  std::unique_lock lock(mutex_);
  auto& slot = buckets_[key];
  if (!slot) slot = std::make_unique<bucket>();
  bucket* b = slot.get();
  const auto deadline = std::chrono::steady_clock::now() + settings_.acquire_timeout;
  while (b->idle.empty() && b->open >= settings_.max_per_credentials) {
    ++b->waiting;
    const bool woke = b->freed.wait_until(lock, deadline) == std::cv_status::no_timeout;
    --b->waiting;
    if (!woke && b->idle.empty() && b->open >= settings_.max_per_credentials) {
      return gateway_failure(500, "timed out waiting for a database connection");
    }
  }
  if (!b->idle.empty()) {
    PGconn* conn = b->idle.back();
    b->idle.pop_back();
    return pooled_connection(this, b, conn);
  }
  ++b->open;
  lock.unlock();
  PGconn* conn = open(target);
  if (conn && PQstatus(conn) == CONNECTION_OK) return pooled_connection(this, b, conn);

  failure f = connect_failure(conn);
  PQfinish(conn);
  lock.lock();
  --b->open;
  b->freed.notify_one();
  forget_if_unused(key, b);
  return f;
}

void connection_pool::give_back(bucket* b, PGconn* conn, bool keep) noexcept {
  if (!keep) PQfinish(conn);
  std::lock_guard lock(mutex_);
  if (keep) {
    b->idle.push_back(conn);
  } else {
    --b->open;
  }
  b->freed.notify_one();
}

void connection_pool::forget_if_unused(const std::string& key, bucket* b) noexcept {
  // Refused credentials must not leave a pool behind each: a client trying passwords would
  // otherwise grow the map without bound.
  if (b->open == 0 && b->waiting == 0) buckets_.erase(key);
}

}  // namespace sluice::gateway
