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
  };
  for (const auto& c : cases) {
    auto t = parse_connection_string(c.url);
    ASSERT_FALSE(t.ok()) << c.url;
    EXPECT_EQ(t.fail().http_status, 400);
    EXPECT_NE(t.fail().body.find(std::string("\"message\":\"") + c.message + "\""), std::string::npos)
        << c.url << " -> " << t.fail().body;
  }
}

}  // namespace
}  // namespace sluice::gateway
