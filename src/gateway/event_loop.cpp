#include "gateway/event_loop.h"

#include <sys/eventfd.h>
#include <unistd.h>

namespace sluice::gateway {

event_loop::event_loop() noexcept : events_(256) {
  epoll_ = epoll_create1(EPOLL_CLOEXEC);
  wake_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (epoll_ >= 0 && wake_ >= 0) {
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.ptr = nullptr;  // the wake-up fd is the only one without a handler
    epoll_ctl(epoll_, EPOLL_CTL_ADD, wake_, &ev);
  }
}

event_loop::~event_loop() {
  release_retired();
  if (wake_ >= 0) close(wake_);
  if (epoll_ >= 0) close(epoll_);
}

void event_loop::watch(int fd, uint32_t events, io_handler* handler) noexcept {
  epoll_event ev{};
  ev.events = events;
  ev.data.ptr = handler;
  // Changing is the common case; a first watch fails it with ENOENT (and EPOLLEXCLUSIVE,
  // which can only be added, with EINVAL).
  if (epoll_ctl(epoll_, EPOLL_CTL_MOD, fd, &ev) != 0) epoll_ctl(epoll_, EPOLL_CTL_ADD, fd, &ev);
}

void event_loop::unwatch(int fd) noexcept { epoll_ctl(epoll_, EPOLL_CTL_DEL, fd, nullptr); }

void event_loop::retire(io_handler* handler) noexcept {
  if (handler->retired_) return;
  handler->retired_ = true;
  retired_.push_back(handler);
}

void event_loop::release_retired() noexcept {
  // A destructor may retire further handlers: take the list before walking it.
  while (!retired_.empty()) {
    std::vector<io_handler*> dying;
    dying.swap(retired_);
    for (io_handler* h : dying) delete h;
  }
}

void event_loop::wake() noexcept {
  const uint64_t one = 1;
  [[maybe_unused]] auto written = write(wake_, &one, sizeof one);
}

void event_loop::post(std::function<void()> task) noexcept {
  {
    std::lock_guard lock(posted_mutex_);
    posted_.push_back(std::move(task));
  }
  wake();
}

void event_loop::run_posted() noexcept {
  std::vector<std::function<void()>> tasks;
  {
    std::lock_guard lock(posted_mutex_);
    tasks.swap(posted_);
  }
  for (auto& task : tasks) task();
}

void event_loop::poll(int timeout_ms) noexcept {
  const int n = epoll_wait(epoll_, events_.data(), static_cast<int>(events_.size()), timeout_ms);
  for (int i = 0; i < n; ++i) {
    auto* handler = static_cast<io_handler*>(events_[static_cast<size_t>(i)].data.ptr);
    if (handler == nullptr) {
      uint64_t count;
      [[maybe_unused]] auto read_bytes = read(wake_, &count, sizeof count);
    } else if (!handler->retired_) {
      handler->on_io(events_[static_cast<size_t>(i)].events);
    }
  }
  run_posted();
  release_retired();
}

}  // namespace sluice::gateway
