#include "gateway/http_parser.h"

#include <gtest/gtest.h>

#include <string>

namespace sluice::gateway {
namespace {

constexpr std::string_view post =
    "POST /sql?x=1 HTTP/1.1\r\nHost: h\r\nNeon-Array-Mode: true\r\nContent-Length: 5\r\n\r\nhello";

TEST(HttpParser, ReadsOneRequest) {
  http_parser p(100);
  EXPECT_EQ(p.feed(post), post.size());
  ASSERT_EQ(p.status(), http_parser::state::complete);
  const auto& r = p.request();
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.target, "/sql?x=1");
  EXPECT_EQ(r.path(), "/sql");
  EXPECT_EQ(r.header("neon-array-mode"), std::optional<std::string_view>("true"));
  EXPECT_EQ(r.body, "hello");
  EXPECT_TRUE(r.keep_alive);
}

TEST(HttpParser, ReadsAByteAtATime) {
  http_parser p(100);
  for (size_t i = 0; i < post.size(); ++i) {
    ASSERT_EQ(p.status(), http_parser::state::need_more) << i;
    EXPECT_EQ(p.feed(post.substr(i, 1)), 1u);
  }
  ASSERT_EQ(p.status(), http_parser::state::complete);
  EXPECT_EQ(p.request().body, "hello");
}

TEST(HttpParser, StopsAtTheEndOfARequest) {
  http_parser p(100);
  const std::string two = std::string(post) + "OPTIONS /sql HTTP/1.1\r\n\r\n";
  EXPECT_EQ(p.feed(two), post.size());
  ASSERT_EQ(p.status(), http_parser::state::complete);
  p.reset();
  EXPECT_EQ(p.feed(std::string_view(two).substr(post.size())), two.size() - post.size());
  ASSERT_EQ(p.status(), http_parser::state::complete);
  EXPECT_EQ(p.request().method, "OPTIONS");
  EXPECT_TRUE(p.request().body.empty());
}

TEST(HttpParser, Chunked) {
  http_parser p(100);
  const std::string_view chunked =
      "POST /sql HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nhel\r\n2\r\nlo\r\n0\r\nTrailer: x\r\n\r\n";
  for (size_t i = 0; i < chunked.size(); ++i) p.feed(chunked.substr(i, 1));
  ASSERT_EQ(p.status(), http_parser::state::complete);
  EXPECT_EQ(p.request().body, "hello");
}

TEST(HttpParser, DropsABodyOverTheLimitButFinishesTheRequest) {
  http_parser p(4);
  EXPECT_EQ(p.feed(post), post.size());
  ASSERT_EQ(p.status(), http_parser::state::complete);
  EXPECT_TRUE(p.request().body_too_large);
  EXPECT_TRUE(p.request().body.empty());

  http_parser chunked(4);
  chunked.feed("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
  ASSERT_EQ(chunked.status(), http_parser::state::complete);
  EXPECT_TRUE(chunked.request().body_too_large);
}

TEST(HttpParser, Failures) {
  const struct {
    std::string_view input;
    int status;
  } cases[] = {
      {"GARBAGE\r\n\r\n", 400},
      {"GET / HTTP/2.0\r\n\r\n", 505},
      {"GET / HTTP/1.1\r\nNo-Colon\r\n\r\n", 400},
      {"GET / HTTP/1.1\r\nBad : x\r\n\r\n", 400},
      {"POST / HTTP/1.1\r\nContent-Length: x\r\n\r\n", 400},
      {"POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", 400},
      {"POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", 501},
      {"POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501},
      {"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n\r\n", 501},
      {"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n", 501},
      {"POST / HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400},
      {"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 0\r\n\r\n0\r\n\r\n", 400},
      {"POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 1 \r\nContent-Length: 2\r\n\r\n", 400},
      {"POST / HTTP/1.1\r\nContent-Length: 1000\r\n\r\n", 413},
      {"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400},
  };
  for (const auto& c : cases) {
    http_parser p(10);
    p.feed(c.input);
    ASSERT_EQ(p.status(), http_parser::state::failed) << c.input;
    EXPECT_EQ(p.error_status(), c.status) << c.input;
    EXPECT_FALSE(p.request().keep_alive);
  }
  using namespace std::string_view_literals;
  for (std::string_view head : {"GET / HTTP/1.1\r\nX: a\0b\r\n\r\n"sv, "GET / HTTP/1.1\r\nX: a\x01\r\n\r\n"sv,
                                "GET / HTTP/1.1\r\nX: a\x7f\r\n\r\n"sv, "GET / HTTP/1.1\r\nX: a\rb\r\n\r\n"sv,
                                "GET / HTTP/1.1\r\nX\0: a\r\n\r\n"sv, "GET / HTTP/1.1\r\n folded: a\r\n\r\n"sv,
                                "GET /a\0b HTTP/1.1\r\n\r\n"sv, "G\x01T / HTTP/1.1\r\n\r\n"sv}) {
    http_parser p(10);
    p.feed(head);
    ASSERT_EQ(p.status(), http_parser::state::failed) << head;
    EXPECT_EQ(p.error_status(), 400) << head;
  }
  http_parser tab_and_utf8(10);
  tab_and_utf8.feed("GET / HTTP/1.1\r\nX: a\tb \xc3\xa9\r\n\r\n");
  EXPECT_EQ(tab_and_utf8.status(), http_parser::state::complete);
  http_parser huge(10);
  huge.feed("GET / HTTP/1.1\r\nX: " + std::string(70000, 'a'));
  EXPECT_EQ(huge.error_status(), 431);
}

TEST(HttpParser, ConnectionPersistence) {
  http_parser p(10);
  p.feed("GET / HTTP/1.1\r\nConnection: keep-alive, Close\r\n\r\n");
  EXPECT_FALSE(p.request().keep_alive);
  p.reset();
  p.feed("GET / HTTP/1.0\r\n\r\n");
  EXPECT_FALSE(p.request().keep_alive);
  p.reset();
  p.feed("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n");
  EXPECT_TRUE(p.request().keep_alive);
}

TEST(HttpParser, ExpectContinue) {
  http_parser p(10);
  p.feed("POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
  EXPECT_EQ(p.status(), http_parser::state::need_more);
  EXPECT_TRUE(p.take_continue());
  EXPECT_FALSE(p.take_continue());
  p.feed("ok");
  EXPECT_EQ(p.status(), http_parser::state::complete);
}

}  // namespace
}  // namespace sluice::gateway
