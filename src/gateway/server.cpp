#include "gateway/server.h"

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <functional>
#include <thread>
#include <utility>
#include <vector>

#include "gateway/error_json.h"
#include "gateway/http_connection.h"
#include "gateway/worker.h"

namespace sluice::gateway {
namespace {

// Every event loop runs on a thread with this stack, whatever the process' limits say (the
// main thread's stack follows `ulimit -s`). The gateway's only recursion is bounded by
// Postgres' six array dimensions; libpq's connect (name lookup) is the deepest caller left.
constexpr size_t loop_stack_bytes = 2u << 20;

class loop_thread {
 public:
  template <typename F>
  explicit loop_thread(F body) noexcept : body_(std::move(body)) {
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, loop_stack_bytes);
    started_ = pthread_create(&thread_, &attr, &loop_thread::run, this) == 0;
    pthread_attr_destroy(&attr);
  }
  loop_thread(const loop_thread&) = delete;
  loop_thread& operator=(const loop_thread&) = delete;
  ~loop_thread() {
    if (started_) pthread_join(thread_, nullptr);
  }
  [[nodiscard]] bool started() const noexcept { return started_; }

 private:
  static void* run(void* self) noexcept {
    static_cast<loop_thread*>(self)->body_();
    return nullptr;
  }

  std::function<void()> body_;
  pthread_t thread_{};
  bool started_ = false;
};

// Takes new connections off the shared listening socket; each loop has one.
class acceptor final : public io_handler {
 public:
  acceptor(worker& w, int listen_fd) noexcept : w_(w), fd_(listen_fd) {}

  void on_io(uint32_t) noexcept override {
    for (;;) {
      const int fd = accept4(fd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) {
        if (errno == EINTR || errno == ECONNABORTED) continue;
        return;  // EAGAIN: all taken; EMFILE and the like: retried on the next wake-up
      }
      // Responses go out in one write, but a small one must not wait for a delayed ACK.
      int one = 1;
      setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      // Counted before it is made, so that loops accepting at once never pass the cap together.
      if (w_.open_connections.fetch_add(1, std::memory_order_relaxed) >= w_.settings.max_connections) {
        w_.open_connections.fetch_sub(1, std::memory_order_relaxed);
        refuse(fd);
        continue;
      }
      new http_connection(w_, fd);  // owned by the loop from here on; uncounted when it closes
    }
  }

 private:
  // Left unaccepted, the connection would keep the listening socket readable and the loops
  // spinning; answered, the client knows to come back.
  static void refuse(int fd) noexcept {
    const std::string body = gateway_failure(503, "too many connections").body;
    const std::string response = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
                                 "Retry-After: 1\r\nConnection: close\r\nContent-Length: " +
                                 std::to_string(body.size()) + "\r\n\r\n" + body;
    [[maybe_unused]] const auto sent = send(fd, response.data(), response.size(), MSG_NOSIGNAL);
    close(fd);
  }

  worker& w_;
  int fd_;
};

}  // namespace

struct gateway_server::impl {
  server_settings server;
  pool_settings pool;
  std::unique_ptr<pg_pool> pg;  // outlives the workers, whose loops its sessions use
  int listen_fd = -1;
  std::atomic<bool> stop_requested{false};
  std::atomic<size_t> open_connections{0};
  std::vector<std::unique_ptr<worker>> workers;

  void run_worker(worker& w) noexcept {
    acceptor accept(w, listen_fd);
    // Every loop waits on the one listening socket; EPOLLEXCLUSIVE wakes one of them per
    // connection rather than all.
    w.loop.watch(listen_fd, EPOLLIN | EPOLLEXCLUSIVE, &accept);
    // Timeouts are checked at least twice per timeout, so none runs over by more than half.
    const auto sweep_every = std::max(std::chrono::milliseconds(50),
                                      std::min({std::chrono::milliseconds(1000), server.header_timeout / 2,
                                                server.idle_timeout / 2, pool.queue_timeout / 2}));
    auto next_sweep = clock_type::now() + sweep_every;
    // In-flight requests get their statement timeout and a little more to finish.
    const auto grace = std::chrono::milliseconds(pool.statement_timeout_ms) + std::chrono::seconds(5);
    clock_type::time_point give_up{};
    w.loop.run(static_cast<int>(sweep_every.count()), [&] {
      if (stop_requested.load(std::memory_order_relaxed) && !w.stopping) {
        w.stopping = true;
        w.loop.unwatch(listen_fd);
        give_up = clock_type::now() + grace;
        std::vector<http_connection*> open(w.connections.begin(), w.connections.end());
        for (http_connection* c : open) c->close_when_idle();
      }
      const auto now = clock_type::now();
      if (now >= next_sweep) {
        next_sweep = now + sweep_every;
        w.pool.tick(w.loop, now);
        std::vector<http_connection*> open(w.connections.begin(), w.connections.end());
        for (http_connection* c : open) c->enforce_timeouts(now);
      }
      if (!w.stopping) return true;
      return (!w.connections.empty() || w.jobs > 0) && now < give_up;
    });
  }
};

gateway_server::gateway_server(server_settings server, pool_settings pool) noexcept
    : impl_(std::make_unique<impl>()) {
  auto& i = *impl_;
  i.server = std::move(server);
  i.pool = std::move(pool);
  size_t loops = i.server.threads;
  if (loops == 0) loops = std::max(1u, std::thread::hardware_concurrency());
  // The workers exist from here on, so stop() never races their creation.
  i.pg = std::make_unique<pg_pool>(i.pool);
  for (size_t n = 0; n < loops; ++n) i.workers.push_back(std::make_unique<worker>(i.server, *i.pg, i.open_connections));
}

gateway_server::~gateway_server() {
  if (impl_->listen_fd >= 0) close(impl_->listen_fd);
}

int gateway_server::bind() noexcept {
  const auto& s = impl_->server;
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  const std::string port = std::to_string(s.port);
  if (const int rc = getaddrinfo(s.listen.c_str(), port.c_str(), &hints, &found); rc != 0) {
    std::fprintf(stderr, "sluice-gateway: %s: %s\n", s.listen.c_str(), gai_strerror(rc));
    return -1;
  }
  int fd = -1;
  int error = 0;
  for (addrinfo* a = found; a && fd < 0; a = a->ai_next) {
    fd = socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
    if (fd < 0) continue;
    // SO_REUSEADDR allows a restart over connections in TIME_WAIT; SO_REUSEPORT is left off
    // so a second gateway cannot bind the same port unnoticed.
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (::bind(fd, a->ai_addr, a->ai_addrlen) != 0 || listen(fd, SOMAXCONN) != 0) {
      error = errno;
      close(fd);
      fd = -1;
    }
  }
  freeaddrinfo(found);
  if (fd < 0) {
    std::fprintf(stderr, "sluice-gateway: cannot listen on %s:%d: %s\n", s.listen.c_str(), s.port,
                 std::strerror(error));
    return -1;
  }
  impl_->listen_fd = fd;
  sockaddr_storage bound{};
  socklen_t length = sizeof bound;
  getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &length);
  return bound.ss_family == AF_INET6 ? ntohs(reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port)
                                     : ntohs(reinterpret_cast<sockaddr_in*>(&bound)->sin_port);
}

bool gateway_server::serve() noexcept {
  auto& i = *impl_;
  if (i.listen_fd < 0) return false;
  for (auto& w : i.workers) {
    if (!w->loop.ok()) {
      std::fprintf(stderr, "sluice-gateway: cannot create an event loop\n");
      return false;
    }
  }
  std::vector<std::unique_ptr<loop_thread>> threads;
  bool started = true;
  for (auto& w : i.workers) {
    threads.push_back(std::make_unique<loop_thread>([&i, &w] { i.run_worker(*w); }));
    started = started && threads.back()->started();
  }
  if (!started) {
    std::fprintf(stderr, "sluice-gateway: cannot start an event-loop thread\n");
    stop();
  }
  threads.clear();  // joins them
  return started;
}

void gateway_server::stop() noexcept {
  impl_->stop_requested = true;
  for (auto& w : impl_->workers) w->loop.wake();
}

}  // namespace sluice::gateway
