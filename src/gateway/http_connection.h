#pragma once
// One client's HTTP/1.1 connection: reads requests (pipelined ones in order), hands each to
// the router, and writes the answers back, keeping the connection open between requests.
#include <cstddef>
#include <string>
#include <string_view>

#include "gateway/event_loop.h"
#include "gateway/http_parser.h"
#include "gateway/pool.h"

namespace sluice::gateway {

struct worker;

// A request still being answered; told when its client has gone, so it answers nobody.
class pending_request {
 public:
  virtual void abandon() noexcept = 0;

 protected:
  ~pending_request() = default;
};

class http_connection final : public io_handler {
 public:
  http_connection(worker& w, int fd) noexcept;
  ~http_connection() override;

  void on_io(uint32_t events) noexcept override;

  // Answers the request in progress. `extra_headers` are whole header lines ("Name: v\r\n");
  // the body is JSON.
  void respond(int status, std::string_view extra_headers, std::string body) noexcept;
  // Marks the request in progress as answered later, by `pending`.
  void set_pending(pending_request* pending) noexcept { pending_ = pending; }

  // Closes the connection when no request is in progress and it has been quiet for the idle
  // timeout, or answers 408 and closes it when a request's head has taken longer than the
  // header timeout.
  void enforce_timeouts(clock_type::time_point now) noexcept;
  // For shutdown: closes now unless a request is in progress (that one closes after its answer).
  void close_when_idle() noexcept;

 private:
  void watch(uint32_t events) noexcept;
  void read_input() noexcept;
  void process_input() noexcept;
  void flush() noexcept;
  void close_now() noexcept;
  void log(int status, size_t bytes) noexcept;

  worker& w_;
  int fd_;
  std::string in_;
  size_t in_pos_ = 0;
  http_parser parser_;
  std::string out_head_;
  std::string out_body_;
  size_t out_sent_ = 0;
  uint32_t watched_ = 0;
  bool busy_ = false;  // a request is being answered, or its answer is still being written
  bool processing_ = false;
  bool close_after_write_ = false;
  bool closed_ = false;
  pending_request* pending_ = nullptr;
  clock_type::time_point last_active_;
  clock_type::time_point head_started_;  // while parser_.reading_head()
  clock_type::time_point request_started_;
};

}  // namespace sluice::gateway
