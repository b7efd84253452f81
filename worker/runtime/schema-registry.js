/**
 * @module runtime/schema-registry
 * Loads schema documents into the core once per schema object.
 */
import { STATUS_OK } from "../../bindings/loader.js";
import { coreError } from "../errors.js";
import { schemaDocument, tableDocument } from "../schema/schema-document.js";
import { sharedCore } from "./core.js";

const bySchema = new WeakMap();
const byTable = new WeakMap();

/**
 * @typedef {import("../schema/schema-document.js").SchemaInfo & { id: number }} LoadedSchema
 */

function load(info) {
  const answer = sharedCore().loadSchema(JSON.stringify(info.document));
  if (answer.status !== STATUS_OK) throw coreError(answer.text);
  return { ...info, id: JSON.parse(answer.text).schema };
}

/**
 * The loaded schema of a module namespace (`import * as schema`); loaded on first use.
 * @param {object} namespace
 * @returns {LoadedSchema}
 */
export function loadedSchema(namespace) {
  let loaded = bySchema.get(namespace);
  if (loaded === undefined) {
    loaded = load(schemaDocument(namespace));
    bySchema.set(namespace, loaded);
    for (const [key, table] of loaded.tables) if (!byTable.has(table)) byTable.set(table, { id: loaded.id, key });
  }
  return loaded;
}

/**
 * The schema id and table key a validator of `table` uses: those of a schema that holds it,
 * or of a document of just that table (and what its foreign keys reach) when none was loaded.
 * @param {object} table
 * @returns {{ id: number, key: string }}
 */
export function schemaOfTable(table) {
  let found = byTable.get(table);
  if (found === undefined) {
    const loaded = load(tableDocument(table));
    found = { id: loaded.id, key: loaded.document.tables[0].key };
    byTable.set(table, found);
  }
  return found;
}
