/**
 * @module cli/core-plan
 * The two core calls migrations need: the snapshot of a schema module and a migration plan
 * between two snapshots (docs/internals.md §6).
 */
import { existsSync, readFileSync } from "node:fs";
import { relative } from "node:path";

import { STATUS_OK } from "../bindings/loader.js";
import { preferModule, sharedCore } from "../worker/runtime/core.js";
import { loadedSchema } from "../worker/runtime/schema-registry.js";
import { CliError } from "./errors.js";
import { importModule } from "./load-module.js";

// Worker bundles carry a module without the migration planner; the CLI loads the full build.
preferModule(new WebAssembly.Module(readFileSync(new URL("../bindings/sluice-cli.wasm", import.meta.url))));

/** The canonical snapshot (parsed) of the schema module at `path`. */
export async function schemaSnapshot(path) {
  const label = `schema ${relative(process.cwd(), path) || path}`;
  if (!existsSync(path)) throw new CliError(`${label}: no such file (the config's "schema" names it)`);
  const namespace = await importModule(path, label);
  let schema;
  try {
    schema = loadedSchema(namespace);
  } catch (error) {
    throw new CliError(`${label}: ${error.message}`, 1, error);
  }
  const answer = sharedCore().snapshot(schema.id);
  if (answer.status !== STATUS_OK) throw new CliError(`snapshot failed: ${answer.text}`);
  return JSON.parse(answer.text);
}

/**
 * @returns {{ statements: { sql: string, outsideTransaction: boolean }[], dataLoss: string[],
 *   ambiguities: { table: string, dropped: string[], added: string[] }[] }}
 */
export function migrationPlan({ dialect, previous, next, renames = [], noRenames = false }) {
  const answer = sharedCore().migrationPlan(JSON.stringify({ dialect, previous: previous ?? null, next, renames, noRenames }));
  if (answer.status !== STATUS_OK) throw new CliError(`cannot plan the migration: ${JSON.parse(answer.text).message}`);
  return JSON.parse(answer.text);
}
