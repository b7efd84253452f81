/**
 * @module runtime/compile-cache
 * One `sluice_compile` per statement shape per isolate. The spec text holds no values, so it
 * is the cache key; a hit costs one Map lookup. The core keeps every plan it compiled, so
 * the cache never evicts (an evicted shape would only add a second plan to the module).
 * Shapes are few in practice; the one open-ended case is inArray, one shape per list length.
 */
import { STATUS_OK } from "../../bindings/loader.js";
import { coreError } from "../errors.js";
import { sharedCore } from "./core.js";
import { encoderFor } from "./params.js";

const cache = new Map();

/**
 * @typedef {object} CompiledStatement
 * @property {string} sql
 * @property {number[]} refs index into the caller's values, or -1 for a constant
 * @property {unknown[]} constants
 * @property {Function[]} encoders
 * @property {"json"|"json_rows"|"rows"|"none"} returns what the statement hands back (see drivers)
 *
 * @typedef {object} CompiledEntry
 * @property {number} plan
 * @property {"rows"|"first"|"count"|"none"} result
 * @property {Set<string> | undefined} dateKeys output keys revived as Date when parsing
 * @property {boolean} finalJson the statement returns the caller's final JSON text (no decode)
 * @property {boolean} jsonRows every statement returns its rows' final JSON objects (no decode)
 * @property {CompiledStatement[]} statements
 */

/**
 * The compiled form of `specText`.
 * @param {number} schemaId
 * @param {string} specText
 * @param {"sqlite"|"postgres"} dialect
 * @returns {CompiledEntry}
 */
export function compiled(schemaId, specText, dialect) {
  let entry = cache.get(specText);
  if (entry === undefined) {
    entry = compile(schemaId, specText, dialect);
    cache.set(specText, entry);
  }
  return entry;
}

function compile(schemaId, specText, dialect) {
  const answer = sharedCore().compile(schemaId, specText);
  if (answer.status !== STATUS_OK) throw coreError(answer.text);
  const out = JSON.parse(answer.text);
  return {
    plan: out.plan,
    result: out.result,
    dateKeys: out.timestampKeys?.length ? new Set(out.timestampKeys) : undefined,
    finalJson: out.statements.length === 1 && out.statements[0].returns === "json",
    jsonRows: out.statements.length > 0 && out.statements.every((s) => s.returns === "json_rows"),
    statements: out.statements.map(({ sql, params, returns }) => ({
      sql,
      returns,
      refs: params.map((p) => (p.ref === undefined ? -1 : p.ref)),
      constants: params.map((p) => p.value),
      encoders: params.map((p) => encoderFor(dialect, p.type)),
    })),
  };
}
