/**
 * @module drivers/d1
 * The Cloudflare D1 driver: `createDb({ schema, driver: d1(env.DB) })`.
 *
 * A driver is any object with:
 * - `dialect`: "sqlite" | "postgres", the SQL the core compiles for it;
 * - `format`: 0 | 1, how the core decodes its payloads (0 rows as a JSON array of arrays,
 *   1 a Neon HTTP response body);
 * - `run(statement)`: runs one statement, resolves to its payload;
 * - `batch(statements)`: runs several atomically in one round trip, resolves to one
 *   payload per statement.
 * A statement is `{ sql, params, returns }`, params already encoded for the dialect, and
 * `returns` (from the core's compile answer) says what it hands back and so what its
 * payload is:
 * - "json": one row with one cell holding the caller's final JSON text (SQLite reads build
 *   it themselves); payload: that text;
 * - "json_rows": one cell per row holding that row's final JSON object text (SQLite writes
 *   with returning); payload: those texts, in row order;
 * - "rows": result rows; payload: the rows in `format` (D1: JSON text of arrays, Neon: the
 *   response body bytes);
 * - "none": no rows; payload: `{ rowsAffected }`;
 * - "objects": a raw statement; payload: the rows as objects keyed by column name.
 * Failures reject with a DatabaseError (the database refused the statement) or a
 * TransportError (anything else).
 */
import { TransportError } from "../errors.js";
import { d1Error } from "./d1-errors.js";

// Prepared statements per binding and SQL text: `prepare` is local, `bind` copies.
const preparedByBinding = new WeakMap();

class D1Driver {
  constructor(binding) {
    if (typeof binding?.prepare !== "function" || typeof binding.batch !== "function") {
      throw new TransportError("d1() needs a D1 database binding (env.DB)");
    }
    this.dialect = "sqlite";
    this.format = 0;
    this.binding = binding;
    let prepared = preparedByBinding.get(binding);
    if (prepared === undefined) {
      prepared = new Map();
      preparedByBinding.set(binding, prepared);
    }
    this.prepared = prepared;
  }

  #bind(statement) {
    let prepared = this.prepared.get(statement.sql);
    if (prepared === undefined) {
      prepared = this.binding.prepare(statement.sql);
      this.prepared.set(statement.sql, prepared);
    }
    return statement.params.length ? prepared.bind(...statement.params) : prepared;
  }

  async run(statement) {
    const bound = this.#bind(statement);
    try {
      switch (statement.returns) {
        case "json":
          return (await bound.raw())[0][0];
        case "json_rows":
          return (await bound.raw()).map(firstCell);
        case "rows":
          return JSON.stringify(await bound.raw());
        case "none":
          return { rowsAffected: (await bound.run()).meta.changes };
        default:
          return (await bound.all()).results;
      }
    } catch (e) {
      throw d1Error(e, statement.sql);
    }
  }

  async batch(statements) {
    let results;
    try {
      results = await this.binding.batch(statements.map((s) => this.#bind(s)));
    } catch (e) {
      throw d1Error(e, statements.map((s) => s.sql).join(";\n"));
    }
    return results.map((result, i) => batchPayload(statements[i].returns, result));
  }
}

// Batch results carry rows as objects; their values are in column order, which is all the
// decoder needs (returning lists come from one table, so their names do not collide).
function batchPayload(returns, result) {
  switch (returns) {
    case "json":
      return Object.values(result.results[0])[0];
    case "json_rows":
      return result.results.map((row) => Object.values(row)[0]);
    case "rows":
      return JSON.stringify(result.results.map((row) => Object.values(row)));
    case "none":
      return { rowsAffected: result.meta.changes };
    default:
      return result.results;
  }
}

const firstCell = (row) => row[0];

/**
 * A driver for a D1 database binding.
 * @example
 * const db = createDb({ schema, driver: d1(env.DB) });
 * @param {object} binding the `D1Database` from the Worker's env
 */
export function d1(binding) {
  return new D1Driver(binding);
}
