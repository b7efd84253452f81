/**
 * @module runtime/execute
 * The hot path of every query: write the spec text, find its compiled form (one Map
 * lookup), encode the parameters, make one driver call, decode once.
 */
import { DatabaseError, SluiceError, TransportError } from "../errors.js";
import { Placeholder } from "../query/placeholder.js";
import { SpecContext } from "../query/spec-context.js";
import { answerError } from "./answer-error.js";
import { compiled, pin, unpin } from "./compile-cache.js";
import { finish, finishRaw } from "./decode.js";
import { encodeParams } from "./params.js";

/**
 * Compiles (or finds) the builder's statement shape and binds this call's values. The entry
 * comes back pinned (a later compile cannot release its plan): the caller unpins it.
 * @returns {{ entry: import("./compile-cache.js").CompiledEntry,
 *   statements: { sql: string, params: unknown[], returns: string }[] }}
 */
export function prepare(db, builder) {
  const ctx = new SpecContext();
  const specText = builder.writeSpec(ctx);
  for (const value of ctx.values) {
    if (value instanceof Placeholder) {
      throw new SluiceError("invalid_value", `placeholder "${value.name}" has no value: run it with .prepare().execute({ ... })`, {
        path: [value.name],
      });
    }
  }
  return bind(db, specText, ctx.values, ctx.sources);
}

/**
 * Finds (or compiles) the shape `specText` and binds `values`; the entry comes back pinned.
 * @param {string} specText
 * @param {unknown[]} values
 * @param {unknown[]} sources
 */
export function bind(db, specText, values, sources) {
  const entry = compiled(db.schema.id, specText, db.dialect);
  const statements = new Array(entry.statements.length);
  for (let i = 0; i < statements.length; i++) {
    const s = entry.statements[i];
    statements[i] = { sql: s.sql, params: encodeParams(s, values, sources), returns: s.returns };
  }
  // Nothing can evict the entry before this line: only a compile evicts.
  pin(entry);
  return { entry, statements };
}

function log(db, statements) {
  if (db.logger === undefined) return;
  for (const s of statements) db.logger.logQuery(s.sql, s.params);
}

function result(db, entry, payloads, asBytes) {
  return entry.objects ? finishRaw(payloads[0], asBytes) : finish(entry, db.driver.format, payloads, asBytes);
}

/**
 * Runs one builder.
 * @param {boolean} asBytes JSON bytes instead of JS objects
 */
export async function execute(db, builder, asBytes) {
  return run(db, prepare(db, builder), asBytes, builder.runLimits);
}

/**
 * Runs a statement already bound (bind or prepare).
 * @param {{ entry: object, statements: object[] }} bound
 * @param {boolean} asBytes
 * @param {{ timeoutMs: number } | undefined} limits the query's own, handed to the driver
 */
export async function run(db, { entry, statements }, asBytes, limits) {
  log(db, statements);
  try {
    let payloads;
    try {
      payloads = statements.length === 1 ? [await db.driver.run(statements[0], limits)] : await db.driver.batch(statements, limits);
    } catch (e) {
      throw explain(db, e, [entry]);
    }
    try {
      return result(db, entry, payloads, asBytes);
    } catch (e) {
      throw answerError(e, statements, [entry]);
    }
  } finally {
    unpin(entry);
  }
}

/**
 * Runs several builders in one atomic driver batch; one result per builder.
 * @param {object[]} builders
 * @param {object} [options] passed to the driver's batch (e.g. an isolation level)
 */
export async function executeBatch(db, builders, asBytes, options) {
  const prepared = [];
  try {
    for (const b of builders) prepared.push(prepare(db, b));
    const all = prepared.flatMap((p) => p.statements);
    if (all.length === 0) return [];
    log(db, all);
    const entries = prepared.map((p) => p.entry);
    let payloads;
    try {
      payloads = await db.driver.batch(all, batchOptions(builders, options));
    } catch (e) {
      throw explain(db, e, entries);
    }
    let at = 0;
    return prepared.map(({ entry, statements }) => {
      const mine = payloads.slice(at, (at += statements.length));
      try {
        return result(db, entry, mine, asBytes);
      } catch (e) {
        throw answerError(e, statements, entries);
      }
    });
  } finally {
    for (const { entry } of prepared) unpin(entry);
  }
}

/** The first statement and its encoded parameters, as the driver would receive them. */
export function toSQL(db, builder) {
  const { entry, statements } = prepare(db, builder);
  unpin(entry);
  const { sql, params } = statements[0];
  return { sql, params };
}

// A batch is bounded by its own timeout, else by the shortest of its queries' `.timeout()`.
function batchOptions(builders, options) {
  if (options?.timeoutMs !== undefined) return options;
  let timeoutMs;
  for (const b of builders) {
    const own = b.runLimits?.timeoutMs;
    if (own !== undefined && !(own >= timeoutMs)) timeoutMs = own;
  }
  return timeoutMs === undefined ? options : { ...options, timeoutMs };
}

// Drivers say what they know of a failed call: whether the database answered. Statements
// that write nothing cannot have written whatever happened.
function explain(db, error, entries) {
  if (error instanceof TransportError) {
    if (error.committed !== false && !entries.some((e) => e.writes)) error.committed = false;
    return error;
  }
  return nameKey(db, error);
}

// Databases name only one side of a broken unique key: SQLite its column, Postgres its
// constraint (and the column only in a detail it may withhold). The schema gives the other,
// so both report the same `constraint` and `column`.
function nameKey(db, error) {
  if (!(error instanceof DatabaseError) || error.kind !== "unique_violation") return error;
  if ((error.constraint === undefined) === (error.column === undefined)) return error;
  const table = db.schema.document.tables.find((t) => t.name === error.table);
  if (table === undefined) return error;
  const keys = [...table.uniques, ...table.indexes.filter((i) => i.unique)].filter((k) => k.columns.length === 1);
  if (error.constraint === undefined) {
    const column = table.columns.find((c) => c.name === error.column);
    const unique = column && keys.find((k) => k.columns[0] === column.key);
    if (unique !== undefined) error.constraint = unique.name;
  } else {
    const unique = keys.find((k) => k.name === error.constraint);
    const column = unique && table.columns.find((c) => c.key === unique.columns[0]);
    if (column !== undefined) error.column = column.name;
  }
  return error;
}
