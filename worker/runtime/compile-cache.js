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
 *
 * @typedef {object} CompiledEntry
 * @property {number} plan
 * @property {"rows"|"first"|"count"|"none"} result
 * @property {((key: string, value: unknown) => unknown) | undefined} reviver
 * @property {"json"|"rows"|"none"} expect what each statement sends back (see drivers)
 * @property {CompiledStatement[]} statements
 */

/**
 * The compiled form of `specText`.
 * @param {number} schemaId
 * @param {string} specText
 * @param {"sqlite"|"postgres"} dialect
 * @param {boolean} reads a select or relational query (SQLite wraps those into one JSON cell)
 * @returns {CompiledEntry}
 */
export function compiled(schemaId, specText, dialect, reads) {
  let entry = cache.get(specText);
  if (entry === undefined) {
    entry = compile(schemaId, specText, dialect, reads);
    cache.set(specText, entry);
  }
  return entry;
}

function compile(schemaId, specText, dialect, reads) {
  const answer = sharedCore().compile(schemaId, specText);
  if (answer.status !== STATUS_OK) throw coreError(answer.text);
  const out = JSON.parse(answer.text);
  let expect = "rows";
  if (out.result === "none") expect = "none";
  else if (reads && dialect === "sqlite") expect = "json";
  return {
    plan: out.plan,
    result: out.result,
    reviver: out.timestampKeys?.length ? dateReviver(new Set(out.timestampKeys)) : undefined,
    expect,
    statements: out.statements.map(({ sql, params }) => ({
      sql,
      refs: params.map((p) => (p.ref === undefined ? -1 : p.ref)),
      constants: params.map((p) => p.value),
      encoders: params.map((p) => encoderFor(dialect, p.type)),
    })),
  };
}

// Output timestamps are ISO text; callers awaiting objects get Date, as drizzle users expect.
function dateReviver(keys) {
  return (key, value) => (typeof value === "string" && keys.has(key) ? new Date(value) : value);
}
