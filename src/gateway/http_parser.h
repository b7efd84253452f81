#pragma once
// An incremental HTTP/1.1 request parser: bytes go in as they arrive, one request comes out.
// It knows what the gateway needs: a request line, headers (64 KiB at most), and a body by
// Content-Length or chunked transfer coding. A body over the limit is read and dropped, not
// stored, so the request can still be answered with 413 on a connection that stays usable.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sluice::gateway {

struct http_request {
  std::string head;  // request line and headers as received, header names lower-cased
  std::string_view method;
  std::string_view target;
  std::vector<std::pair<std::string_view, std::string_view>> headers;  // views into `head`
  std::string body;
  bool body_too_large = false;
  bool keep_alive = true;

  // The value of the first header named `lower_name` (lower case), if any.
  [[nodiscard]] std::optional<std::string_view> header(std::string_view lower_name) const noexcept;
  // `target` without its query string.
  [[nodiscard]] std::string_view path() const noexcept;
};

class http_parser {
 public:
  enum class state { need_more, complete, failed };

  explicit http_parser(size_t max_body) noexcept : max_body_(max_body) {}

  // Takes what belongs to the current request from `in` and says how many bytes it took; the
  // rest belongs to the next request (pipelining). Call until the state is no longer
  // need_more, then reset() before the next request.
  size_t feed(std::string_view in) noexcept;
  [[nodiscard]] state status() const noexcept { return state_; }
  // Part of a request's head has come, but not all of it.
  [[nodiscard]] bool reading_head() const noexcept {
    return state_ == state::need_more && phase_ == phase::head && !request_.head.empty();
  }
  // Why parsing failed: 400, 413 (a body too large even to read through), 431, 501, 505.
  [[nodiscard]] int error_status() const noexcept { return error_; }
  // True once, when the headers asked for `100 Continue` before the client sends its body.
  [[nodiscard]] bool take_continue() noexcept { return std::exchange(send_continue_, false); }
  [[nodiscard]] http_request& request() noexcept { return request_; }
  void reset() noexcept;

 private:
  enum class phase { head, body, chunk_size, chunk_data, chunk_end, trailers, done };

  size_t feed_head(std::string_view in) noexcept;
  void parse_head() noexcept;
  size_t take_body(std::string_view in, size_t wanted) noexcept;
  // Collects one CRLF-terminated line into line_; false while it is incomplete.
  bool take_line(std::string_view in, size_t& used) noexcept;
  void fail(int status) noexcept;

  size_t max_body_;
  http_request request_;
  state state_ = state::need_more;
  phase phase_ = phase::head;
  int error_ = 0;
  bool send_continue_ = false;
  size_t remaining_ = 0;  // body bytes (or chunk bytes) still to come
  size_t body_seen_ = 0;
  std::string line_;
};

}  // namespace sluice::gateway
