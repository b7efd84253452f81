#pragma once
// One epoll instance driven by one thread. The gateway runs one loop per worker thread; every
// socket (HTTP clients, Postgres connections) belongs to exactly one loop, so nothing a loop
// owns needs a lock. Waiting on many sockets at once lets one wake-up serve every request
// that is ready, instead of a thread and two context switches per request.
#include <sys/epoll.h>

#include <cstdint>
#include <functional>
#include <mutex>
#include <vector>

namespace sluice::gateway {

class io_handler {
 public:
  virtual ~io_handler() = default;
  virtual void on_io(uint32_t events) noexcept = 0;

 private:
  friend class event_loop;
  bool retired_ = false;
};

class event_loop {
 public:
  event_loop() noexcept;
  ~event_loop();
  event_loop(const event_loop&) = delete;
  event_loop& operator=(const event_loop&) = delete;

  [[nodiscard]] bool ok() const noexcept { return epoll_ >= 0 && wake_ >= 0; }

  // Starts or changes watching `fd` for `events` (EPOLLIN, EPOLLOUT, ...).
  void watch(int fd, uint32_t events, io_handler* handler) noexcept;
  void unwatch(int fd) noexcept;

  // Marks a heap-allocated `handler` dead: no further events reach it, and it is deleted once
  // the current batch of events has been dispatched (another event in it may name it still).
  void retire(io_handler* handler) noexcept;

  // Dispatches events until `keep_going` returns false; it is asked after every batch and at
  // least every `tick_ms`, so timeouts can be checked there.
  template <typename F>
  void run(int tick_ms, F&& keep_going) noexcept {
    while (keep_going()) poll(tick_ms);
  }

  // Wakes a thread blocked in run(). Safe from any thread, as is post().
  void wake() noexcept;
  // Runs `task` on this loop's thread, after the events of its current (or next) batch.
  void post(std::function<void()> task) noexcept;

 private:
  void poll(int timeout_ms) noexcept;
  void release_retired() noexcept;
  void run_posted() noexcept;

  int epoll_ = -1;
  int wake_ = -1;  // an eventfd
  std::vector<epoll_event> events_;
  std::vector<io_handler*> retired_;
  std::mutex posted_mutex_;
  std::vector<std::function<void()>> posted_;
};

}  // namespace sluice::gateway
