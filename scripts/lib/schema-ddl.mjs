// The CREATE statements (idempotent) the core generates for a schema module, and helpers that
// apply them in one atomic batch to a D1 binding or to Postgres through neonHttp. The local databases and the route
// tests' get their tables from the migrations (sluice.config.js, sluice.pg.config.js); this
// serves tests and benchmarks that need a schema without a migrations folder, and recreates in
// a test the pre-migration local D1 that scripts/local-db.mjs adopts.
//
// The DDL generator is left out of the Worker's module (it ships in every bundle and no request
// needs it), so this runs on a core of its own over the CLI's build, which has it.
import { readFileSync } from "node:fs";

import { Core, STATUS_OK } from "../../bindings/loader.js";
import { schemaDocument } from "../../worker/schema/schema-document.js";

let ddlCore;
const schemaIds = new WeakMap();

function cliCore() {
  ddlCore ??= new Core(new WebAssembly.Module(readFileSync(new URL("../../bindings/sluice-cli.wasm", import.meta.url))));
  return ddlCore;
}

function schemaId(core, schema) {
  let id = schemaIds.get(schema);
  if (id === undefined) {
    const answer = core.loadSchema(JSON.stringify(schemaDocument(schema).document));
    if (answer.status !== STATUS_OK) throw new Error(`schema load failed: ${answer.text}`);
    id = JSON.parse(answer.text).schema;
    schemaIds.set(schema, id);
  }
  return id;
}

export function schemaStatements(schema, dialect) {
  const core = cliCore();
  const answer = core.schemaDdl(schemaId(core, schema), dialect);
  if (answer.status !== STATUS_OK) throw new Error(`schema DDL failed: ${answer.text}`);
  return JSON.parse(answer.text).statements;
}

export async function applySchemaToD1(binding, schema) {
  await binding.batch(schemaStatements(schema, "sqlite").map((sql) => binding.prepare(sql)));
}

/** The same for Postgres, through a neonHttp driver: one batch, so one transaction. */
export async function applySchemaToPostgres(driver, schema) {
  await driver.batch(schemaStatements(schema, "postgres").map((sql) => ({ sql, params: [], returns: "none" })));
}
