#include "gateway/connection_string.h"

#include <gtest/gtest.h>

namespace sluice::gateway {
namespace {

TEST(ConnectionString, ReadsWhatTheOfficialClientSends) {
  auto t = parse_connection_string(
      "postgresql://alice:s3cret@db.example.test:6543/app?sslmode=require&application_name="
      "pkg%3Anpm%2F%2540neondatabase%2Fserverless%401.2.0");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t.value().user, "alice");
  EXPECT_EQ(t.value().password, "s3cret");
  EXPECT_EQ(t.value().host, "db.example.test");
  EXPECT_EQ(t.value().port, "6543");
  EXPECT_EQ(t.value().database, "app");
  EXPECT_EQ(t.value().application_name, "pkg:npm/%40neondatabase/serverless@1.2.0");
}

TEST(ConnectionString, PercentDecodesCredentialsAndDatabase) {
  auto t = parse_connection_string("postgres://us%40er:p%3Aw%2Fd@[::1]/my%20db");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t.value().user, "us@er");
  EXPECT_EQ(t.value().password, "p:w/d");
  EXPECT_EQ(t.value().host, "::1");
  EXPECT_EQ(t.value().port, "");
  EXPECT_EQ(t.value().database, "my db");
}

TEST(ConnectionString, DropsNeonRoutingWordsFromOptions) {
  auto t = parse_connection_string("postgres://u:p@h/d?options=endpoint%3Dep-x%20-c%20search_path%3Da%5C%20b");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t.value().options, "-c search_path=a\\ b");
}

TEST(ConnectionString, RejectsWhatNeonRejects) {
  const struct {
    const char* url;
    const char* message;
  } cases[] = {
      {"mysql://u:p@h/d", "incorrect scheme"},
      {"not a url", "invalid header: neon-connection-string"},
      {"postgres://:p@h/d", "missing username"},
      {"postgres://u:p@/d", "missing hostname"},
      {"postgres://u:p@h/", "missing database name"},
      {"postgres://u:p@h", "missing database name"},
      {"postgres://u@h/d", "missing authentication credentials: required password"},
      {"postgres://u:p@h:99999/d", "invalid port"},
      {"postgres://u:p%00x@h/d", "invalid percent-encoding in connection string"},
      {"postgres://u:p%0Ax@h/d", "invalid percent-encoding in connection string"},
      {"postgres://u:p@h/d?application_name=a%7Fb", "invalid percent-encoding in connection string"},
  };
  for (const auto& c : cases) {
    auto t = parse_connection_string(c.url);
    ASSERT_FALSE(t.ok()) << c.url;
    EXPECT_EQ(t.fail().http_status, 400);
    EXPECT_NE(t.fail().body.find(std::string("\"message\":\"") + c.message + "\""), std::string::npos)
        << c.url << " -> " << t.fail().body;
  }
}

TEST(ConnectionString, RefusesControlCharactersAnywhere) {
  using namespace std::string_literals;
  for (const std::string& url : {"postgres://u:\0@h/d"s, "postgres://u\0:p@h/d"s, "postgres://u:p@h/d\0"s,
                                 "postgres://u:p@h\0/d"s, "postgres://u:p@h/d?application_name=\x01"s,
                                 "postgres://u:p\x1f@h/d"s, "postgres://u:p@h/d\x7f"s, "\0postgres://u:p@h/d"s}) {
    auto t = parse_connection_string(url);
    ASSERT_FALSE(t.ok()) << url;
    EXPECT_EQ(t.fail().http_status, 400);
    EXPECT_NE(t.fail().body.find("control character in connection string"), std::string::npos) << t.fail().body;
  }
}

TEST(ConnectionString, RefusesFieldsPostgresWouldCutShort) {
  const std::string name63(63, 'n');
  EXPECT_TRUE(parse_connection_string("postgres://" + name63 + ":p@h/" + name63).ok());
  const struct {
    std::string url;
    const char* message;
  } cases[] = {
      {"postgres://" + name63 + "x:p@h/d", "username in connection string is longer than 63 bytes"},
      {"postgres://u:p@h/" + name63 + "x", "database name in connection string is longer than 63 bytes"},
      {"postgres://u:p@h/d?application_name=" + std::string(60000, 'a'),
       "application_name in connection string is longer than 1024 bytes"},
      {"postgres://u:" + std::string(1025, 'p') + "@h/d", "password in connection string is longer than 1024 bytes"},
      {"postgres://u:p@" + std::string(254, 'h') + "/d", "hostname in connection string is longer than 253 bytes"},
      {"postgres://u:p@h/d?options=" + std::string(4097, 'o'), "options in connection string is longer than 4096 bytes"},
  };
  for (const auto& c : cases) {
    auto t = parse_connection_string(c.url);
    ASSERT_FALSE(t.ok()) << c.message;
    EXPECT_EQ(t.fail().http_status, 400);
    EXPECT_NE(t.fail().body.find(c.message), std::string::npos) << t.fail().body;
  }
}

}  // namespace
}  // namespace sluice::gateway
