// A snapshot reads back into the catalog it came from: same text again, and no changes.
#include "migrate/snapshot.h"

#include <gtest/gtest.h>

#include "fixtures.h"
#include "migrate/plan.h"
#include "schema/load_schema.h"
#include "sql/feature_schema.h"

namespace sluice::migrate {
namespace {

void expect_round_trip(const schema::catalog& cat) {
  const std::string text = snapshot_json(cat);
  auto loaded = schema::load_schema(text);
  ASSERT_TRUE(loaded.ok()) << loaded.err().message;
  EXPECT_EQ(snapshot_json(loaded.value()), text);
  for (auto dialect : {sql::dialect_id::postgres, sql::dialect_id::sqlite}) {
    auto plan = plan_migration(cat, loaded.value(), dialect, {});
    ASSERT_TRUE(plan.ok());
    EXPECT_TRUE(plan.value().statements.empty());
  }
}

TEST(Snapshot, RoundTrips) {
  expect_round_trip(testing::tutorial_catalog());
  expect_round_trip(testing::feature_catalog());
}

TEST(Snapshot, CanonicalText) {
  auto cat = schema::load_schema(R"({"tables":[{"key":"t","columns":[{"key":"id","type":"integer","primaryKey":true},
    {"key":"n","type":"numeric","precision":10,"scale":2,"default":{"kind":"value","value":1.5}}],
    "indexes":[{"name":"t_n","columns":["n"]}]}]})");
  ASSERT_TRUE(cat.ok());
  EXPECT_EQ(snapshot_json(cat.value()),
            R"({"version":1,"enums":[],"tables":[{"key":"t","name":"t","columns":[{"key":"id","name":"id","type":"integer","notNull":true},)"
            R"({"key":"n","name":"n","type":"numeric","precision":10,"scale":2,"notNull":false,"default":{"kind":"value","value":1.5}}],)"
            R"("primaryKey":["id"],"uniques":[],"indexes":[{"name":"t_n","columns":["n"],"unique":false}],"foreignKeys":[],"checks":[]}]})");
}

}  // namespace
}  // namespace sluice::migrate
