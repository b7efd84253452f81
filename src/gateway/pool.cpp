#include "gateway/pool.h"

#include <poll.h>

#include <algorithm>

#include "gateway/error_json.h"

namespace sluice::gateway {

struct pg_session::bucket {
  std::string key;
  connection_target target;
  std::vector<pg_session*> idle;  // most recently used last, so the warmest goes out first
  size_t open = 0;                // connecting, idle or on loan
  std::deque<pg_pool::waiting> queue;
};

// The handler a loop's epoll set holds for a session. A session moving to another loop gets
// a new one, and the old one is retired, so an event the old loop has already drawn for the
// socket is dropped there instead of touching a session another thread now uses.
class pg_session::attachment final : public io_handler {
 public:
  explicit attachment(pg_session* s) noexcept : session_(s) {}
  void on_io(uint32_t events) noexcept override { session_->on_io(events); }

 private:
  pg_session* session_;
};

pg_session::~pg_session() {
  if (conn_) PQfinish(conn_);
}

void pg_session::watch(event_loop& loop, uint32_t events) noexcept {
  if (loop_ != &loop || attachment_ == nullptr) {
    detach();
    loop_ = &loop;
    attachment_ = new attachment(this);
  }
  if (events == watched_) return;  // one epoll_ctl per change, not per query
  watched_ = events;
  loop.watch(fd_, events, attachment_);
}

void pg_session::detach() noexcept {
  if (attachment_ == nullptr) return;
  if (fd_ >= 0) loop_->unwatch(fd_);
  loop_->retire(attachment_);
  attachment_ = nullptr;
  watched_ = 0;
}

void pg_session::want_write(bool on) noexcept { watch(*loop_, EPOLLIN | (on ? EPOLLOUT : 0u)); }

void pg_session::on_io(uint32_t events) noexcept {
  switch (state_) {
    case state::connecting:
      continue_connecting();
      return;
    case state::on_loan:
      if (user_) user_->on_pg_io(events);
      return;
    case state::idle:
      return;  // no loop watches an idle session; still_open() looks when it goes out
  }
}

bool pg_session::still_open() noexcept {
  // Idle, the server only ever speaks to end the session (a restart, a terminated backend).
  pollfd p{fd_, POLLIN, 0};
  if (::poll(&p, 1, 0) == 0) return true;
  return PQconsumeInput(conn_) && PQstatus(conn_) == CONNECTION_OK;
}

void pg_session::continue_connecting() noexcept {
  const auto step = PQconnectPoll(conn_);
  // libpq opens a new socket for each address it tries; the old one is closed already, and
  // a closed socket leaves the epoll set by itself.
  // A new socket may even reuse the old number, so each step registers it afresh.
  fd_ = PQsocket(conn_);
  watched_ = 0;
  switch (step) {
    case PGRES_POLLING_READING:
      return watch(*loop_, EPOLLIN);
    case PGRES_POLLING_WRITING:
      return watch(*loop_, EPOLLOUT);
    case PGRES_POLLING_OK:
      return pool_.connected(this);
    default:
      return pool_.connect_failed(this, connect_failure(conn_));
  }
}

pg_pool::pg_pool(const pool_settings& settings) noexcept : settings_(settings) {
  // Pinned per session, after any `options` from the connection string so they win: the
  // text form of dates, times and intervals depends on them (wire-protocols A7), and the
  // timeout bounds what one HTTP request can hold.
  pinned_options_ = "-c TimeZone=UTC -c DateStyle=ISO -c IntervalStyle=postgres -c statement_timeout=" +
                    std::to_string(settings_.statement_timeout_ms);
}

pg_pool::~pg_pool() {
  // The loops have stopped: a handler still registered with one is only memory now.
  for (pg_session* s : sessions_) {
    delete s->attachment_;
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

void pg_pool::acquire(event_loop& loop, const connection_target& target, pg_waiter* waiter) noexcept {
  std::string key = key_of(target);
  for (;;) {
    std::unique_lock lock(mutex_);
    auto& slot = buckets_[key];
    if (!slot) {
      slot = std::make_unique<bucket>();
      slot->key = key;
      slot->target = target;
    }
    bucket* b = slot.get();
    // Someone waits already: queue behind them, so that nobody waits for ever.
    if (!b->queue.empty() || (b->idle.empty() && b->open >= settings_.max_per_credentials)) {
      b->queue.push_back({waiter, &loop, clock_type::now() + settings_.queue_timeout});
      return;
    }
    if (!b->idle.empty()) {
      pg_session* s = b->idle.back();
      b->idle.pop_back();
      lock.unlock();
      if (!s->still_open()) {
        close(loop, s);
        continue;
      }
      return lend(loop, s, waiter);
    }
    ++b->open;
    lock.unlock();
    return connect(loop, b, waiter);
  }
}

void pg_pool::connect(event_loop& loop, bucket* b, pg_waiter* waiter) noexcept {
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

  PGconn* conn = PQconnectStartParams(keys.data(), values.data(), 0);
  auto* s = new pg_session(*this, b, conn);
  if (conn == nullptr || PQstatus(conn) == CONNECTION_BAD) {
    failure f = connect_failure(conn);
    close(loop, s);
    waiter->on_connection_failure(std::move(f));
    return;
  }
  s->waiter_ = waiter;
  s->loop_ = &loop;
  s->connect_deadline_ = clock_type::now() + settings_.connect_timeout;
  {
    std::lock_guard lock(mutex_);
    sessions_.insert(s);
    connecting_.insert(s);
  }
  // libpq's protocol for an asynchronous connect: start as if polling had asked to write.
  s->fd_ = PQsocket(conn);
  s->watch(loop, EPOLLOUT);
}

void pg_pool::connected(pg_session* s) noexcept {
  {
    std::lock_guard lock(mutex_);
    connecting_.erase(s);
  }
  PQsetnonblocking(s->conn_, 1);
  // Notices (NOTICE, WARNING) would go to stderr by default; HTTP has nowhere to put them.
  PQsetNoticeProcessor(s->conn_, [](void*, const char*) {}, nullptr);
  lend(*s->loop_, s, std::exchange(s->waiter_, nullptr));
}

void pg_pool::connect_failed(pg_session* s, failure f) noexcept {
  pg_waiter* waiter = std::exchange(s->waiter_, nullptr);
  close(*s->loop_, s);
  waiter->on_connection_failure(std::move(f));
}

void pg_pool::lend(event_loop& loop, pg_session* s, pg_waiter* waiter) noexcept {
  s->state_ = pg_session::state::on_loan;
  s->watch(loop, EPOLLIN);
  waiter->on_connection(s);
}

void pg_pool::on_loop_of(const waiting& w, event_loop& here, std::function<void()> task) noexcept {
  if (w.loop == &here) return task();
  w.loop->post(std::move(task));
}

void pg_pool::release(pg_session* s, bool keep) noexcept {
  event_loop& here = *s->loop_;
  s->user_ = nullptr;
  if (!keep || PQstatus(s->conn_) != CONNECTION_OK) return close(here, s);
  s->detach();
  s->state_ = pg_session::state::idle;
  bucket* b = s->bucket_;
  std::unique_lock lock(mutex_);
  if (b->queue.empty()) {
    b->idle.push_back(s);
    return;
  }
  const waiting next = b->queue.front();
  b->queue.pop_front();
  lock.unlock();
  on_loop_of(next, here, [this, s, next] { lend(*next.loop, s, next.waiter); });
}

void pg_pool::close(event_loop& here, pg_session* s) noexcept {
  s->detach();
  bucket* b = s->bucket_;
  std::vector<waiting> reconnect;
  {
    std::lock_guard lock(mutex_);
    sessions_.erase(s);
    connecting_.erase(s);
    --b->open;
    while (!b->queue.empty() && b->open < settings_.max_per_credentials) {
      reconnect.push_back(b->queue.front());
      b->queue.pop_front();
      ++b->open;
    }
    forget_if_unused(b);
  }
  delete s;  // closes the connection now, so the server sees it at once
  for (const waiting& w : reconnect) on_loop_of(w, here, [this, b, w] { connect(*w.loop, b, w.waiter); });
}

void pg_pool::forget_if_unused(bucket* b) noexcept {
  // Refused credentials must not leave a bucket behind each: a client trying passwords would
  // otherwise grow the map without bound.
  if (b->open == 0 && b->queue.empty()) buckets_.erase(b->key);
}

void pg_pool::tick(event_loop& loop, clock_type::time_point now) noexcept {
  std::vector<pg_waiter*> expired;
  std::vector<pg_session*> late;
  {
    std::lock_guard lock(mutex_);
    std::vector<bucket*> emptied;
    for (auto& [key, b] : buckets_) {
      const auto gone = std::remove_if(b->queue.begin(), b->queue.end(), [&](const waiting& w) {
        if (w.loop != &loop || w.deadline > now) return false;
        expired.push_back(w.waiter);
        return true;
      });
      b->queue.erase(gone, b->queue.end());
      if (b->open == 0 && b->queue.empty()) emptied.push_back(b.get());
    }
    for (bucket* b : emptied) forget_if_unused(b);
    for (pg_session* s : connecting_) {
      if (s->loop_ == &loop && s->connect_deadline_ <= now) late.push_back(s);
    }
  }
  for (pg_waiter* w : expired) w->on_connection_failure(gateway_failure(503, "timed out waiting for a database connection"));
  for (pg_session* s : late) connect_failed(s, gateway_failure(500, "could not connect to the database: timeout"));
}

}  // namespace sluice::gateway
