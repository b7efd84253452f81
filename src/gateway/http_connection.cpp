#include "gateway/http_connection.h"

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

#include "gateway/error_json.h"
#include "gateway/sql_endpoint.h"
#include "gateway/worker.h"

namespace sluice::gateway {
namespace {

constexpr size_t read_chunk = 64 * 1024;
// Input buffered beyond this while a request is being answered (a client pipelining hard)
// is left in the socket until the answer is out.
constexpr size_t max_buffered_input = 1 << 20;

std::string_view reason(int status) noexcept {
  switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 408: return "Request Timeout";
    case 413: return "Content Too Large";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    case 507: return "Insufficient Storage";
    default: return "Error";
  }
}

std::string_view malformed_message(int status) noexcept {
  switch (status) {
    case 413: return "request is too large";
    case 431: return "request headers are too large";
    case 501: return "transfer coding not supported";
    case 505: return "HTTP version not supported";
    default: return "could not parse the HTTP request";
  }
}

constexpr uint32_t reading = EPOLLIN | EPOLLRDHUP;

}  // namespace

http_connection::http_connection(worker& w, int fd) noexcept
    : w_(w), fd_(fd), parser_(w.settings.max_request_bytes), last_active_(clock_type::now()) {
  w_.connections.insert(this);
  watch(reading);
}

void http_connection::watch(uint32_t events) noexcept {
  if (events == watched_) return;
  watched_ = events;
  w_.loop.watch(fd_, events, this);
}

http_connection::~http_connection() = default;

void http_connection::on_io(uint32_t events) noexcept {
  if (events & (EPOLLERR | EPOLLHUP)) return close_now();
  if (events & EPOLLOUT) flush();
  if (closed_) return;
  if (events & EPOLLIN) {
    read_input();
  } else if (events & EPOLLRDHUP) {
    close_now();  // the client has gone; whatever it was waiting for is dropped
  }
}

void http_connection::read_input() noexcept {
  for (;;) {
    if (busy_ && in_.size() - in_pos_ >= max_buffered_input) {
      watch(EPOLLRDHUP | (watched_ & EPOLLOUT));
      break;
    }
    // Read into a scratch buffer, not a resized in_: growing a string zero-fills it first,
    // which cost more than the whole request once read sizes are 64 KiB.
    thread_local char scratch[read_chunk];
    const ssize_t n = recv(fd_, scratch, read_chunk, 0);
    if (n > 0) in_.append(scratch, static_cast<size_t>(n));
    // A short read drained the socket: asking again would only return EAGAIN, and the
    // (level-triggered) loop reports anything that arrives later.
    if (n > 0 && static_cast<size_t>(n) < read_chunk) break;
    if (n > 0) continue;
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
    // End of stream or a broken connection: nothing more will come, and nobody will read.
    return close_now();
  }
  last_active_ = clock_type::now();
  process_input();
}

void http_connection::process_input() noexcept {
  // An answer given at once ends in flush(), which calls here again: the outer call goes on
  // with the next pipelined request instead, so the stack does not grow with each one.
  if (processing_) return;
  processing_ = true;
  while (!busy_ && !closed_) {
    if (parser_.status() != http_parser::state::need_more) parser_.reset();
    if (in_pos_ >= in_.size()) {
      in_.clear();
      in_pos_ = 0;
      break;
    }
    const bool head_begun = parser_.reading_head();
    in_pos_ += parser_.feed(std::string_view(in_).substr(in_pos_));
    if (!head_begun && parser_.reading_head()) head_started_ = clock_type::now();
    if (parser_.take_continue()) {
      // Nothing else is being written between requests, so this goes out alone.
      static constexpr std::string_view go_on = "HTTP/1.1 100 Continue\r\n\r\n";
      [[maybe_unused]] auto sent = send(fd_, go_on.data(), go_on.size(), MSG_NOSIGNAL);
    }
    switch (parser_.status()) {
      case http_parser::state::need_more:
        in_.clear();  // the parser keeps what it needs of a partial request
        in_pos_ = 0;
        processing_ = false;
        return;
      case http_parser::state::complete:
        busy_ = true;
        request_started_ = clock_type::now();
        route(w_, *this, parser_.request());
        break;
      case http_parser::state::failed: {
        busy_ = true;
        request_started_ = clock_type::now();
        const int status = parser_.error_status();
        respond(status, "", gateway_failure(status, malformed_message(status)).body);
        break;
      }
    }
  }
  processing_ = false;
}

void http_connection::respond(int status, std::string_view extra_headers, std::string body) noexcept {
  if (closed_) return;
  pending_ = nullptr;
  const http_request& request = parser_.request();
  if (!request.keep_alive || w_.stopping || parser_.status() == http_parser::state::failed) {
    close_after_write_ = true;
  }
  std::string& h = out_head_;
  h.clear();
  h += "HTTP/1.1 ";
  h += std::to_string(status);
  h += ' ';
  h += reason(status);
  h += "\r\nContent-Type: application/json\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: ";
  h += std::to_string(body.size());
  h += "\r\n";
  h += extra_headers;
  if (close_after_write_) h += "Connection: close\r\n";
  h += "\r\n";
  out_body_ = std::move(body);
  if (request.method == "HEAD") out_body_.clear();  // the length is announced, the body never sent
  out_sent_ = 0;
  if (w_.settings.verbose) log(status, out_body_.size());
  flush();
}

void http_connection::flush() noexcept {
  const size_t total = out_head_.size() + out_body_.size();
  while (out_sent_ < total) {
    iovec parts[2];
    int count = 0;
    if (out_sent_ < out_head_.size()) {
      parts[count++] = {out_head_.data() + out_sent_, out_head_.size() - out_sent_};
      parts[count++] = {out_body_.data(), out_body_.size()};
    } else {
      const size_t at = out_sent_ - out_head_.size();
      parts[count++] = {out_body_.data() + at, out_body_.size() - at};
    }
    msghdr message{};
    message.msg_iov = parts;
    message.msg_iovlen = static_cast<size_t>(count);
    const ssize_t n = sendmsg(fd_, &message, MSG_NOSIGNAL);
    if (n > 0) {
      out_sent_ += static_cast<size_t>(n);
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      watch(watched_ | EPOLLOUT);
      return;
    } else {
      return close_now();
    }
  }
  if (total == 0) return;  // nothing was pending: an EPOLLOUT after the answer went out
  out_head_.clear();
  // A large answer's buffer is not kept for the next one.
  if (out_body_.capacity() > read_chunk) {
    out_body_ = std::string();
  } else {
    out_body_.clear();
  }
  out_sent_ = 0;
  watch(reading);
  busy_ = false;
  // Idle from the answer on: a slow query must not leave its client a shorter keep-alive.
  last_active_ = clock_type::now();
  if (close_after_write_) return close_now();
  process_input();
}

void http_connection::close_now() noexcept {
  if (closed_) return;
  closed_ = true;
  if (pending_) std::exchange(pending_, nullptr)->abandon();
  w_.loop.unwatch(fd_);
  ::close(fd_);
  w_.connections.erase(this);
  w_.open_connections.fetch_sub(1, std::memory_order_relaxed);
  w_.loop.retire(this);
}

void http_connection::enforce_timeouts(clock_type::time_point now) noexcept {
  if (busy_) return;
  if (parser_.reading_head() && now - head_started_ > w_.settings.header_timeout) {
    busy_ = true;
    close_after_write_ = true;
    request_started_ = now;
    respond(408, "", gateway_failure(408, "request headers took too long").body);
    return;
  }
  if (now - last_active_ > w_.settings.idle_timeout) close_now();
}

void http_connection::close_when_idle() noexcept {
  if (busy_) {
    close_after_write_ = true;
  } else {
    close_now();
  }
}

void http_connection::log(int status, size_t bytes) noexcept {
  // Headers are never logged: the connection string carries a password.
  const http_request& r = parser_.request();
  const auto micros =
      std::chrono::duration_cast<std::chrono::microseconds>(clock_type::now() - request_started_).count();
  std::fprintf(stderr, "%.*s %.*s %d %zuB %.1fms\n", static_cast<int>(r.method.size()), r.method.data(),
               static_cast<int>(r.path().size()), r.path().data(), status, bytes,
               static_cast<double>(micros) / 1000.0);
}

}  // namespace sluice::gateway
