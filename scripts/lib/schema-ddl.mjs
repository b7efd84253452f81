// The CREATE statements (idempotent) the core generates for a schema module, and a helper
// that applies them to a D1 binding in one atomic batch. Until migrations land, this is how
// the local database and the test databases get their tables.
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
