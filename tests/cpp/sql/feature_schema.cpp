#include "feature_schema.h"

#include <gtest/gtest.h>

#include "schema/load_schema.h"

namespace sluice::testing {

const schema::catalog& feature_catalog() {
  static const schema::catalog cat = [] {
    auto loaded = schema::load_schema(R"({"version":1,
 "enums":[{"name":"status","values":["draft","live","won't"]}],
 "tables":[
  {"key":"members","name":"members",
   "columns":[
    {"key":"orgId","name":"org_id","type":"uuid","notNull":true},
    {"key":"userId","name":"user_id","type":"bigint","notNull":true},
    {"key":"status","name":"status","type":"enum","enum":"status","notNull":true,"default":{"kind":"value","value":"won't"}},
    {"key":"score","name":"score","type":"real","default":{"kind":"value","value":1.5}},
    {"key":"meta","name":"meta","type":"json"},
    {"key":"joinedOn","name":"joined_on","type":"date","notNull":true,"default":{"kind":"now"}},
    {"key":"seenAt","name":"seen_at","type":"timestamp"}],
   "primaryKey":["orgId","userId"],
   "foreignKeys":[{"name":"members_org_id_fk","columns":["orgId"],"table":"orgs","references":["id"],"onDelete":"cascade","onUpdate":"cascade"}],
   "indexes":[{"name":"members_user_idx","columns":["userId"],"unique":false}],
   "relations":[{"key":"org","kind":"one","table":"orgs","fields":["orgId"],"references":["id"]}]},
  {"key":"orgs","name":"orgs",
   "columns":[
    {"key":"id","name":"id","type":"uuid","primaryKey":true,"notNull":true,"default":{"kind":"random_uuid"}},
    {"key":"name","name":"name","type":"text","notNull":true},
    {"key":"settings","name":"settings","type":"jsonb","notNull":true,"default":{"kind":"value","value":{"theme":"dark"}}},
    {"key":"budget","name":"budget","type":"numeric","precision":12,"scale":2},
    {"key":"slug","name":"slug","type":"varchar","length":64,"notNull":true,"default":{"kind":"fn"}},
    {"key":"active","name":"active","type":"boolean","notNull":true,"default":{"kind":"value","value":true}},
    {"key":"createdAt","name":"created_at","type":"timestamp","notNull":true,"default":{"kind":"now"}}],
   "uniques":[{"name":"orgs_name_unique","columns":["name"]}],
   "checks":[{"name":"orgs_budget_positive","sql":"\"budget\" >= 0"}],
   "relations":[{"key":"members","kind":"many","table":"members","fields":["id"],"references":["orgId"]}]},
  {"key":"counters","name":"counters",
   "columns":[
    {"key":"id","name":"id","type":"bigserial","primaryKey":true},
    {"key":"n","name":"n","type":"integer","default":{"kind":"value","value":-1}}]},
  {"key":"odd","name":"odd\"name",
   "columns":[{"key":"quote","name":"it's \"q\"","type":"text"}]}]})");
    if (!loaded.ok()) {
      ADD_FAILURE() << error_to_json(loaded.err());
      return schema::catalog{};
    }
    return std::move(loaded.value());
  }();
  return cat;
}

}  // namespace sluice::testing
