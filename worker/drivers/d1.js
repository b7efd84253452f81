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
 * Both take an optional second argument `{ timeoutMs, signal }` bounding this call (it
 * replaces the driver's own timeout; both signals count); `batch`'s also carries the
 * transaction options of drivers that have them.
 * Every answer is checked against the shape `returns` promises before it becomes a payload.
 * Failures reject with a DatabaseError (the database refused the statement) or a
 * TransportError (anything else, with a `kind` and whether a write was `committed`).
 */
import { TransportError } from "../errors.js";
import { allPayload, batchPayloads, rawPayload, runPayload } from "./d1-answers.js";
import { d1Error } from "./d1-errors.js";
import { driverLimits, limitsOf, within } from "./deadline.js";
import { invalidAnswer, shown } from "./invalid-answer.js";

// Prepared statements per binding and SQL text: `prepare` is local, `bind` copies.
const preparedByBinding = new WeakMap();

const STATEMENT_METHODS = ["bind", "raw", "run", "all"];
const isStatement = (value) => STATEMENT_METHODS.every((method) => typeof value?.[method] === "function");

class D1Driver {
  constructor(binding, options) {
    if (typeof binding?.prepare !== "function" || typeof binding.batch !== "function") {
      throw new TransportError("d1() needs a D1 database binding (env.DB)", { kind: "configuration" });
    }
    this.dialect = "sqlite";
    this.format = 0;
    this.binding = binding;
    Object.assign(this, driverLimits(options, "d1()"));
    let prepared = preparedByBinding.get(binding);
    if (prepared === undefined) {
      prepared = new Map();
      preparedByBinding.set(binding, prepared);
    }
    this.prepared = prepared;
  }

  // Nothing has reached the database when prepare or bind fails: such errors say so.
  #bind(statement) {
    try {
      let prepared = this.prepared.get(statement.sql);
      if (prepared === undefined) {
        prepared = this.binding.prepare(statement.sql);
        if (!isStatement(prepared)) throw invalidAnswer(`a prepared statement that is ${shown(prepared)}`, statement.sql);
        this.prepared.set(statement.sql, prepared);
      }
      const bound = statement.params.length ? prepared.bind(...statement.params) : prepared;
      if (!isStatement(bound)) throw invalidAnswer(`a bound statement that is ${shown(bound)}`, statement.sql);
      return bound;
    } catch (e) {
      const error = d1Error(e, statement.sql);
      error.committed = false;
      throw error;
    }
  }

  /**
   * @param {{ sql: string, params: unknown[], returns: string }} statement
   * @param {{ timeoutMs?: number, signal?: AbortSignal }} [limits] this call's, over the driver's
   */
  run(statement, limits) {
    return within(() => this.#run(statement), limitsOf(this, limits), statement.sql);
  }

  async #run(statement) {
    const bound = this.#bind(statement);
    let answer;
    try {
      switch (statement.returns) {
        case "none":
          answer = await bound.run();
          break;
        case "objects":
          answer = await bound.all();
          break;
        default:
          answer = await bound.raw();
      }
    } catch (e) {
      throw d1Error(e, statement.sql);
    }
    switch (statement.returns) {
      case "none":
        return runPayload(answer, statement.sql);
      case "objects":
        return allPayload(answer, statement.sql);
      default:
        return rawPayload(statement.returns, answer, statement.sql);
    }
  }

  /**
   * @param {{ sql: string, params: unknown[], returns: string }[]} statements
   * @param {{ timeoutMs?: number, signal?: AbortSignal }} [limits]
   */
  batch(statements, limits) {
    const sql = statements.map((s) => s.sql).join(";\n");
    return within(() => this.#batch(statements, sql), limitsOf(this, limits), sql);
  }

  async #batch(statements, sql) {
    const bound = statements.map((s) => this.#bind(s));
    let results;
    try {
      results = await this.binding.batch(bound);
    } catch (e) {
      throw d1Error(e, sql);
    }
    return batchPayloads(statements, results, sql);
  }
}

/**
 * A driver for a D1 database binding.
 * @example
 * const db = createDb({ schema, driver: d1(env.DB, { timeoutMs: 5000 }) });
 * @param {object} binding the `D1Database` from the Worker's env
 * @param {{ timeoutMs?: number, signal?: AbortSignal }} [options] bounds on every call: a
 *   timeout, and a signal that abandons the call when it fires (D1 cannot cancel a statement
 *   once sent: the answer is no longer awaited)
 */
export function d1(binding, options) {
  return new D1Driver(binding, options);
}
