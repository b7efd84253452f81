/**
 * @module cli/core-plan
 * The two core calls migrations need: the snapshot of a schema module and a migration plan
 * between two snapshots (docs/internals.md §6).
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

import { STATUS_OK } from "../bindings/loader.js";
import { preferModule, sharedCore } from "../worker/runtime/core.js";
import { loadedSchema } from "../worker/runtime/schema-registry.js";
import { CliError } from "./errors.js";

// Worker bundles carry a module without the migration planner; the CLI loads the full build.
preferModule(new WebAssembly.Module(readFileSync(new URL("../bindings/sluice-cli.wasm", import.meta.url))));

/** The canonical snapshot (parsed) of the schema module at `path`. */
export async function schemaSnapshot(path) {
  const namespace = await import(pathToFileURL(path).href);
  const answer = sharedCore().snapshot(loadedSchema(namespace).id);
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
