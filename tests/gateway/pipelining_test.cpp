#include "gateway/pipelining.h"

#include <gtest/gtest.h>

namespace sluice::gateway {
namespace {

TEST(Pipelining, StatementsThatLeaveNoSessionState) {
  for (const char* sql : {"SELECT 1", "select 1", "  \n\tWITH x AS (SELECT 1) SELECT * FROM x", "(SELECT 1) UNION (SELECT 2)",
                          "-- comment\nINSERT INTO t VALUES (1)", "/* a /* nested */ comment */ update t SET a = 1",
                          "DELETE FROM t", "VALUES (1)", "TABLE t"}) {
    EXPECT_TRUE(pipelinable(sql)) << sql;
  }
}

TEST(Pipelining, EverythingElseRunsAlone) {
  for (const char* sql : {"SET TimeZone = 'UTC'", "BEGIN", "COMMIT", "PREPARE p AS SELECT 1", "LISTEN x",
                          "CREATE TEMP TABLE t (a int)", "DISCARD ALL", "SHOW TimeZone", "EXPLAIN SELECT 1",
                          "selectx", "", "-- only a comment", "/* unterminated", "COPY t FROM STDIN"}) {
    EXPECT_FALSE(pipelinable(sql)) << sql;
  }
}

}  // namespace
}  // namespace sluice::gateway
