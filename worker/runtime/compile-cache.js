/**
 * @module runtime/compile-cache
 * One `sluice_compile` per statement shape per isolate. The spec text holds no values, so it
 * is the cache key; a hit costs one Map lookup and a move to the recent end.
 *
 * The cache is bounded: shapes built from data (sql fragments, multi-row inserts of any row
 * count) must not grow an isolate until it dies. The least recently used entry goes, and its
 * plan is released in the core; a statement still running with that entry keeps the plan
 * until it finishes (pin/unpin), so a decode never meets a plan that was freed under it.
 * CAPACITY: an app's own shapes are counted in tens; 256 holds them all with room. Measured
 * for a three-column select: about 1.2 KB of JS heap per entry, and 256 plans fit in the
 * core's memory without growing it, so a full cache costs well under 1 MB.
 */
import { STATUS_OK } from "../../bindings/loader.js";
import { coreError } from "../errors.js";
import { sharedCore } from "./core.js";
import { encoderFor, listEncoderFor } from "./params.js";

export const CAPACITY = 256;

const cache = new Map();

/** The number of shapes cached now. */
export function cachedShapes() {
  return cache.size;
}

function release(entry) {
  const answer = sharedCore().release(entry.plan);
  if (answer.status !== STATUS_OK) throw coreError(answer.text);
}

/** Keeps `entry`'s plan alive while a statement that uses it runs. */
export function pin(entry) {
  entry.users++;
}

/** Ends one pin(); an entry evicted meanwhile releases its plan with the last one. */
export function unpin(entry) {
  if (--entry.users === 0 && entry.evicted) release(entry);
}

function evictOldest() {
  const [key, entry] = cache.entries().next().value;
  cache.delete(key);
  entry.evicted = true;
  if (entry.users === 0) release(entry);
}

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
 * @property {boolean} objects a raw statement: the driver's row objects are the result
 * @property {boolean} respell that final JSON holds reals in SQLite's exact form of them:
 *   one `sluice_decode` writes the caller's JSON from it
 * @property {boolean} writes running the statements may change rows (the core says which)
 * @property {CompiledStatement[]} statements
 * @property {number} users statements running with this entry now
 * @property {boolean} evicted out of the cache: its plan goes when `users` reaches 0
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
    if (cache.size >= CAPACITY) evictOldest();
  } else {
    cache.delete(specText);
  }
  cache.set(specText, entry);
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
    objects: out.statements.length === 1 && out.statements[0].returns === "objects",
    respell: out.respell === true,
    writes: out.writes === true,
    statements: out.statements.map(({ sql, params, returns }) => ({
      sql,
      returns,
      refs: params.map((p) => (p.ref === undefined ? -1 : p.ref)),
      constants: params.map((p) => p.value),
      encoders: params.map((p) => (p.list ? listEncoderFor(dialect, p.type) : encoderFor(dialect, p.type))),
    })),
    users: 0,
    evicted: false,
  };
}
