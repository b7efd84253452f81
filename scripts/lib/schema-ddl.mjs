// The CREATE statements (idempotent) the core generates for a schema module, and a helper
// that applies them to a D1 binding in one atomic batch. The local databases and the route
// tests' get their tables from the migrations (sluice.config.js, sluice.pg.config.js); this
// serves tests and benchmarks that need a schema without a migrations folder, and recreates in
// a test the pre-migration local D1 that scripts/local-db.mjs adopts.
import { STATUS_OK } from "../../bindings/loader.js";
import { sharedCore } from "../../worker/runtime/core.js";
import { loadedSchema } from "../../worker/runtime/schema-registry.js";

export function schemaStatements(schema, dialect) {
  const answer = sharedCore().schemaDdl(loadedSchema(schema).id, dialect);
  if (answer.status !== STATUS_OK) throw new Error(`schema DDL failed: ${answer.text}`);
  return JSON.parse(answer.text).statements;
}

export async function applySchemaToD1(binding, schema) {
  await binding.batch(schemaStatements(schema, "sqlite").map((sql) => binding.prepare(sql)));
}
