#include "gateway/pool.h"

#include <algorithm>

#include "gateway/error_json.h"

namespace sluice::gateway {

struct pg_session::bucket {
  std::string key;
  connection_target target;
  std::vector<pg_session*> idle;  // most recently used last, so the warmest goes out first
  size_t open = 0;                // connecting, idle or on loan
  struct waiting {
    pg_waiter* waiter;
    clock_type::time_point deadline;
  };
  std::deque<waiting> queue;
};

pg_session::~pg_session() {
  if (conn_) PQfinish(conn_);
}

void pg_session::watch(bool write) noexcept {
  const uint32_t events = EPOLLIN | (write ? EPOLLOUT : 0u);
  if (events == watched_) return;  // one epoll_ctl per change, not per query
  watched_ = events;
  pool_.loop_.watch(fd_, events, this);
}

void pg_session::want_write(bool on) noexcept { watch(on); }

void pg_session::on_io(uint32_t events) noexcept {
  switch (state_) {
    case state::connecting:
      continue_connecting();
      return;
    case state::on_loan:
      if (user_) user_->on_pg_io(events);
      return;
    case state::idle:
      // An idle session hears only of its own end (the server restarted or timed it out) or
      // of notifications nobody listens to any more.
      if (!PQconsumeInput(conn_) || PQstatus(conn_) != CONNECTION_OK) {
        pool_.close(this);
        return;
      }
      while (PGnotify* n = PQnotifies(conn_)) PQfreemem(n);
      return;
  }
}

void pg_session::continue_connecting() noexcept {
  const auto step = PQconnectPoll(conn_);
  // libpq opens a new socket for each address it tries; the old one is closed already, and
  // a closed socket leaves the epoll set by itself.
  fd_ = PQsocket(conn_);
  switch (step) {
    case PGRES_POLLING_READING:
      watched_ = EPOLLIN;
      pool_.loop_.watch(fd_, EPOLLIN, this);
      return;
    case PGRES_POLLING_WRITING:
      watched_ = EPOLLOUT;
      pool_.loop_.watch(fd_, EPOLLOUT, this);
      return;
    case PGRES_POLLING_OK:
      pool_.connected(this);
      return;
    default:
      pool_.connect_failed(this, connect_failure(conn_));
      return;
  }
}

pg_pool::pg_pool(event_loop& loop, const pool_settings& settings, size_t max_per_credentials) noexcept
    : loop_(loop), settings_(settings), max_per_credentials_(max_per_credentials) {
  // Pinned per session, after any `options` from the connection string so they win: the
  // text form of dates, times and intervals depends on them (wire-protocols A7), and the
  // timeout bounds what one HTTP request can hold.
  pinned_options_ = "-c TimeZone=UTC -c DateStyle=ISO -c IntervalStyle=postgres -c statement_timeout=" +
                    std::to_string(settings_.statement_timeout_ms);
}

pg_pool::~pg_pool() {
  for (pg_session* s : sessions_) {
    if (s->fd_ >= 0) loop_.unwatch(s->fd_);
    delete s;
  }
}

std::string pg_pool::key_of(const connection_target& t) const noexcept {
  // NUL cannot occur inside the parts (parse_connection_string refuses it), so it separates.
  std::string key;
  for (const std::string* part : {&t.user, &t.password, &t.host, &t.port, &t.database,
                                  &t.application_name, &t.options}) {
    key += *part;
    key.push_back('\0');
  }
  return key;
}

void pg_pool::acquire(const connection_target& target, pg_waiter* waiter) noexcept {
  std::string key = key_of(target);
  auto& slot = buckets_[key];
  if (!slot) {
    slot = std::make_unique<bucket>();
    slot->key = std::move(key);
    slot->target = target;
  }
  bucket* b = slot.get();
  const auto queue = [&] {
    b->queue.push_back({waiter, clock_type::now() + settings_.acquire_timeout});
  };
  // Someone waits already: queue behind them, so that nobody waits for ever.
  if (!b->queue.empty()) return queue();
  if (!b->idle.empty()) {
    pg_session* s = b->idle.back();
    b->idle.pop_back();
    return lend(s, waiter);
  }
  if (b->open < max_per_credentials_) {
    connect(b, waiter);
    return forget_if_unused(b);
  }
  queue();
}

void pg_pool::connect(bucket* b, pg_waiter* waiter) noexcept {
  const connection_target& t = b->target;
  const std::string& host = settings_.host.empty() ? t.host : settings_.host;
  // With a host of its own but no port, the gateway means that host's default port.
  const std::string& port = settings_.host.empty() && settings_.port.empty() ? t.port : settings_.port;
  const std::string options = t.options.empty() ? pinned_options_ : t.options + " " + pinned_options_;
  // Every setting that says where and as whom to connect is given, never empty (libpq fills an
  // empty one from PG* variables or a password file): parse_connection_string refuses an
  // empty user, password, host or database, and main() clears the PG* variables as well.
  std::vector<const char*> keys;
  std::vector<const char*> values;
  const auto set = [&](const char* key, const char* value) {
    keys.push_back(key);
    values.push_back(value);
  };
  set("host", host.c_str());
  set("port", port.empty() ? "5432" : port.c_str());
  set("user", t.user.c_str());
  set("password", t.password.c_str());
  set("dbname", t.database.c_str());
  set("options", options.c_str());
  if (!t.application_name.empty()) set("application_name", t.application_name.c_str());
  set("fallback_application_name", "sluice-gateway");
  set("client_encoding", "UTF8");  // cells are copied into JSON as they come: they must be UTF-8
  set("gssencmode", "disable");    // no Kerberos probe on every connect
  keys.push_back(nullptr);
  values.push_back(nullptr);

  ++b->open;
  PGconn* conn = PQconnectStartParams(keys.data(), values.data(), 0);
  if (conn == nullptr || PQstatus(conn) == CONNECTION_BAD) {
    failure f = connect_failure(conn);
    PQfinish(conn);
    --b->open;
    waiter->on_connection_failure(std::move(f));
    return;
  }
  auto* s = new pg_session(*this, b, conn);
  s->waiter_ = waiter;
  s->connect_deadline_ = clock_type::now() + settings_.connect_timeout;
  sessions_.insert(s);
  // libpq's protocol for an asynchronous connect: start as if polling had asked to write.
  s->fd_ = PQsocket(conn);
  s->watched_ = EPOLLOUT;
  loop_.watch(s->fd_, EPOLLOUT, s);
}

void pg_pool::connected(pg_session* s) noexcept {
  PQsetnonblocking(s->conn_, 1);
  // Notices (NOTICE, WARNING) would go to stderr by default; HTTP has nowhere to put them.
  PQsetNoticeProcessor(s->conn_, [](void*, const char*) {}, nullptr);
  lend(s, std::exchange(s->waiter_, nullptr));
}

void pg_pool::connect_failed(pg_session* s, failure f) noexcept {
  pg_waiter* waiter = std::exchange(s->waiter_, nullptr);
  close(s);
  waiter->on_connection_failure(std::move(f));
}

void pg_pool::lend(pg_session* s, pg_waiter* waiter) noexcept {
  s->state_ = pg_session::state::on_loan;
  s->watch(false);
  waiter->on_connection(s);
}

void pg_pool::release(pg_session* s, bool keep) noexcept {
  s->user_ = nullptr;
  if (!keep || PQstatus(s->conn_) != CONNECTION_OK) return close(s);
  hand_over(s);
}

void pg_pool::hand_over(pg_session* s) noexcept {
  bucket* b = s->bucket_;
  if (b->queue.empty()) {
    s->state_ = pg_session::state::idle;
    s->watch(false);
    b->idle.push_back(s);
    return;
  }
  pg_waiter* first = b->queue.front().waiter;
  b->queue.pop_front();
  lend(s, first);
}

void pg_pool::close(pg_session* s) noexcept {
  bucket* b = s->bucket_;
  if (s->fd_ >= 0) loop_.unwatch(s->fd_);
  b->idle.erase(std::remove(b->idle.begin(), b->idle.end(), s), b->idle.end());
  sessions_.erase(s);
  PQfinish(s->conn_);  // now, so the server sees the socket close at once
  s->conn_ = nullptr;
  loop_.retire(s);
  --b->open;
  // The freed place goes to the longest waiter, as a new connection.
  while (!b->queue.empty() && b->open < max_per_credentials_) {
    const auto next = b->queue.front();
    b->queue.pop_front();
    connect(b, next.waiter);
  }
  forget_if_unused(b);
}

void pg_pool::forget_if_unused(bucket* b) noexcept {
  // Refused credentials must not leave a bucket behind each: a client trying passwords would
  // otherwise grow the map without bound.
  if (b->open == 0 && b->queue.empty()) buckets_.erase(buckets_.find(b->key));
}

void pg_pool::tick(clock_type::time_point now) noexcept {
  std::vector<pg_waiter*> expired;
  std::vector<bucket*> emptied;
  for (auto& [key, b] : buckets_) {
    // One timeout for all, so the queue is ordered by deadline.
    while (!b->queue.empty() && b->queue.front().deadline <= now) {
      expired.push_back(b->queue.front().waiter);
      b->queue.pop_front();
    }
    if (b->open == 0 && b->queue.empty()) emptied.push_back(b.get());
  }
  for (bucket* b : emptied) forget_if_unused(b);
  for (pg_waiter* w : expired) w->on_connection_failure(gateway_failure(500, "timed out waiting for a database connection"));

  std::vector<pg_session*> late;
  for (pg_session* s : sessions_) {
    if (s->state_ == pg_session::state::connecting && s->connect_deadline_ <= now) late.push_back(s);
  }
  for (pg_session* s : late) connect_failed(s, gateway_failure(500, "could not connect to the database: timeout"));
}

}  // namespace sluice::gateway
