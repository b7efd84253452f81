#include "gateway/http_parser.h"

#include <algorithm>
#include <charconv>

namespace sluice::gateway {
namespace {

constexpr size_t max_head = 64 * 1024;
constexpr size_t max_line = 4096;
// A body is read through and dropped up to this many times the limit; a client that
// announces more is cut off rather than drained for minutes.
constexpr size_t drain_factor = 8;

char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equals_ignoring_case(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return lower(x) == lower(y);
         });
}

bool contains_token(std::string_view list, std::string_view token) noexcept {
  while (!list.empty()) {
    const auto comma = list.find(',');
    auto item = list.substr(0, comma);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
    if (equals_ignoring_case(item, token)) return true;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return false;
}

// RFC 9110 5.6.2: header names are tokens.
bool is_token_char(char c) noexcept {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

// RFC 9110 5.5: a field value is visible characters, spaces, tabs and obs-text; a NUL or
// another control character in one is an error, never passed on (a NUL would cut a value
// short where it becomes a C string).
bool is_field_value(std::string_view v) noexcept {
  return std::all_of(v.begin(), v.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u == '\t' || (u >= 0x20 && u != 0x7f);
  });
}

std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<std::string_view> http_request::header(std::string_view lower_name) const noexcept {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) return value;
  }
  return std::nullopt;
}

std::string_view http_request::path() const noexcept { return target.substr(0, target.find('?')); }

void http_parser::reset() noexcept {
  request_.head.clear();
  request_.method = {};
  request_.target = {};
  request_.headers.clear();
  request_.body.clear();
  request_.body_too_large = false;
  request_.keep_alive = true;
  state_ = state::need_more;
  phase_ = phase::head;
  error_ = 0;
  send_continue_ = false;
  remaining_ = 0;
  body_seen_ = 0;
  line_.clear();
}

void http_parser::fail(int status) noexcept {
  state_ = state::failed;
  error_ = status;
  request_.keep_alive = false;
}

size_t http_parser::feed(std::string_view in) noexcept {
  size_t used = 0;
  while (state_ == state::need_more && (used < in.size() || phase_ == phase::done)) {
    const auto rest = in.substr(used);
    switch (phase_) {
      case phase::head:
        used += feed_head(rest);
        break;
      case phase::body:
        used += take_body(rest, remaining_);
        if (remaining_ == 0) phase_ = phase::done;
        break;
      case phase::chunk_size: {
        size_t n = 0;
        if (!take_line(rest, n)) {
          used += n;
          break;
        }
        used += n;
        const auto size_text = trim(std::string_view(line_).substr(0, line_.find(';')));
        size_t size = 0;
        const auto [end, ec] = std::from_chars(size_text.data(), size_text.data() + size_text.size(), size, 16);
        if (size_text.empty() || ec != std::errc() || end != size_text.data() + size_text.size()) {
          fail(400);
          break;
        }
        line_.clear();
        remaining_ = size;
        phase_ = size == 0 ? phase::trailers : phase::chunk_data;
        break;
      }
      case phase::chunk_data:
        used += take_body(rest, remaining_);
        if (remaining_ == 0) phase_ = phase::chunk_end;
        break;
      case phase::chunk_end: {
        size_t n = 0;
        const bool whole = take_line(rest, n);
        used += n;
        if (!whole) break;
        if (!line_.empty()) {
          fail(400);
          break;
        }
        phase_ = phase::chunk_size;
        break;
      }
      case phase::trailers: {
        size_t n = 0;
        const bool whole = take_line(rest, n);
        used += n;
        if (!whole) break;
        if (line_.empty()) phase_ = phase::done;  // trailer fields are read and ignored
        line_.clear();
        break;
      }
      case phase::done:
        state_ = state::complete;
        break;
    }
  }
  return used;
}

size_t http_parser::feed_head(std::string_view in) noexcept {
  const size_t before = request_.head.size();
  const size_t room = max_head - before;
  request_.head.append(in.substr(0, room));
  const size_t from = before < 3 ? 0 : before - 3;
  const auto end = request_.head.find("\r\n\r\n", from);
  if (end == std::string::npos) {
    if (request_.head.size() >= max_head) fail(431);
    return std::min(in.size(), room);
  }
  request_.head.resize(end + 4);
  parse_head();
  return end + 4 - before;
}

void http_parser::parse_head() noexcept {
  std::string_view head(request_.head);
  head.remove_suffix(2);  // the blank line; every line below ends in CRLF
  auto next_line = [&head]() {
    const auto eol = head.find("\r\n");
    const auto line = head.substr(0, eol);
    head.remove_prefix(eol + 2);
    return line;
  };

  const auto request_line = next_line();
  const auto sp1 = request_line.find(' ');
  const auto sp2 = request_line.rfind(' ');
  if (sp1 == std::string_view::npos || sp2 == sp1) return fail(400);
  request_.method = request_line.substr(0, sp1);
  request_.target = request_line.substr(sp1 + 1, sp2 - sp1 - 1);
  const auto version = request_line.substr(sp2 + 1);
  if (request_.method.empty() || request_.target.empty()) return fail(400);
  if (!std::all_of(request_.method.begin(), request_.method.end(), is_token_char)) return fail(400);
  if (!std::all_of(request_.target.begin(), request_.target.end(),
                   [](char c) { return static_cast<unsigned char>(c) > 0x20 && c != 0x7f; })) {
    return fail(400);
  }
  if (version != "HTTP/1.1" && version != "HTTP/1.0") return fail(505);
  const bool http10 = version == "HTTP/1.0";

  while (!head.empty()) {
    const auto line = next_line();
    const auto colon = line.find(':');
    // No folded lines (obsolete) and no space before the colon (RFC 9112 5.1).
    // A name is a token, so no folded line (obsolete) and no space before the colon (RFC 9112 5.1).
    if (colon == std::string_view::npos || colon == 0) return fail(400);
    const auto name_part = line.substr(0, colon);
    if (!std::all_of(name_part.begin(), name_part.end(), is_token_char) || !is_field_value(line.substr(colon + 1))) {
      return fail(400);
    }
    // Lower-cased in place: the views point into our own copy of the head.
    char* name = request_.head.data() + (line.data() - request_.head.data());
    for (size_t i = 0; i < colon; ++i) name[i] = lower(name[i]);
    request_.headers.emplace_back(line.substr(0, colon), trim(line.substr(colon + 1)));
  }

  const auto connection = request_.header("connection");
  request_.keep_alive = http10 ? connection && contains_token(*connection, "keep-alive")
                               : !(connection && contains_token(*connection, "close"));

  size_t transfer_encodings = 0;
  size_t content_lengths = 0;
  for (const auto& [n, v] : request_.headers) {
    transfer_encodings += n == "transfer-encoding";
    content_lengths += n == "content-length";
  }
  bool has_body = false;
  if (const auto te = request_.header("transfer-encoding")) {
    // Framed two ways, the request could be read as another server reads it differently
    // (request smuggling): refused, and the connection closed (RFC 9112 6.3, item 3).
    if (content_lengths > 0) return fail(400);
    // Only chunked alone is understood; anything else (another coding, a list, a second
    // Transfer-Encoding header) cannot be framed (RFC 9112 6.1).
    if (transfer_encodings > 1 || !equals_ignoring_case(trim(*te), "chunked")) return fail(501);
    phase_ = phase::chunk_size;
    has_body = true;
  } else if (const auto cl = request_.header("content-length")) {
    size_t length = 0;
    const auto [end, ec] = std::from_chars(cl->data(), cl->data() + cl->size(), length);
    if (cl->empty() || ec != std::errc() || end != cl->data() + cl->size()) return fail(400);
    for (const auto& [n, v] : request_.headers) {
      if (n == "content-length" && v != *cl) return fail(400);
    }
    if (length > max_body_ * drain_factor) return fail(413);
    if (length > max_body_) request_.body_too_large = true;
    if (!request_.body_too_large) request_.body.reserve(length);
    remaining_ = length;
    phase_ = length == 0 ? phase::done : phase::body;
    has_body = length > 0;
  } else {
    phase_ = phase::done;
  }
  if (has_body) {
    const auto expect = request_.header("expect");
    send_continue_ = expect && equals_ignoring_case(*expect, "100-continue") && !request_.body_too_large;
  }
}

size_t http_parser::take_body(std::string_view in, size_t wanted) noexcept {
  const size_t n = std::min(in.size(), wanted);
  body_seen_ += n;
  remaining_ -= n;
  if (request_.body_too_large || body_seen_ > max_body_) {
    request_.body_too_large = true;
    request_.body.clear();
    if (body_seen_ > max_body_ * drain_factor) fail(413);
  } else {
    request_.body.append(in.substr(0, n));
  }
  return n;
}

bool http_parser::take_line(std::string_view in, size_t& used) noexcept {
  // A CR may end one read and its LF begin the next: line_ keeps the CR until then.
  const auto lf = in.find('\n');
  const auto part = in.substr(0, lf);
  line_.append(part);
  used = lf == std::string_view::npos ? in.size() : lf + 1;
  if (line_.size() > max_line) {
    fail(400);
    return false;
  }
  if (lf == std::string_view::npos) return false;
  if (line_.empty() || line_.back() != '\r') {
    fail(400);
    return false;
  }
  line_.pop_back();
  return true;
}

}  // namespace sluice::gateway
