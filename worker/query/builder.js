/**
 * @module query/builder
 * What every statement builder shares: it is a thenable (await it for JS objects), and has
 * `.bytes()` for the JSON as bytes, `.toSQL()` and `.toSpec()`. Nothing runs until one of
 * those is called, and each call runs anew: values computed in JS ($defaultFn, $onUpdate)
 * are computed again for every execution.
 */
import { timeoutProblem } from "../drivers/deadline.js";
import { SluiceError } from "../errors.js";
import { execute, toSQL } from "../runtime/execute.js";
import { isColumn } from "../schema/column.js";
import { PreparedQuery } from "./prepared.js";
import { Expression, SpecContext } from "./spec-context.js";
import { isNestable } from "./subquery.js";

export class QueryBuilder {
  /** @param {import("../db.js").Database} db */
  constructor(db) {
    this.db = db;
    /** `{ timeoutMs }` from timeout(), handed to the driver. */
    this.runLimits = undefined;
  }

  /** Runs the statement; resolves to JS objects (timestamps as Date). */
  then(onFulfilled, onRejected) {
    return execute(this.db, this, false).then(onFulfilled, onRejected);
  }

  catch(onRejected) {
    return this.then(undefined, onRejected);
  }

  finally(onFinally) {
    return execute(this.db, this, false).finally(onFinally);
  }

  /**
   * Runs the statement; resolves to the result as JSON bytes, ready to be a response body.
   * No JS objects are built for the rows.
   * @returns {Promise<Uint8Array>}
   */
  bytes() {
    return execute(this.db, this, true);
  }

  /**
   * Bounds this query's round trip: past `ms` milliseconds it rejects with a TransportError
   * of kind "timeout". Replaces the driver's `timeoutMs`; in a batch, the shortest applies.
   * @param {number} ms a whole number of milliseconds
   */
  timeout(ms) {
    const problem = timeoutProblem(ms);
    if (problem !== undefined) throw new SluiceError("invalid_value", `timeout(): ${problem}`, { path: ["timeout"] });
    this.runLimits = { timeoutMs: ms };
    return this;
  }

  /**
   * The SQL and encoded parameters of the (first) statement, without running it.
   * @returns {{ sql: string, params: unknown[] }}
   */
  toSQL() {
    return toSQL(this.db, this);
  }

  /**
   * The statement compiled once, for `execute({ ... })` with values for its
   * `sql.placeholder()`s.
   * @param {string} [name] names the statement in errors
   * @returns {PreparedQuery}
   */
  prepare(name) {
    return new PreparedQuery(this, name);
  }

  /** drizzle's marker for builders composed in functions: the builder itself. */
  $dynamic() {
    return this;
  }

  /**
   * The query spec handed to the core, and the values its `{"param":N}` refer to.
   * @returns {{ spec: string, values: unknown[] }}
   */
  toSpec() {
    const ctx = new SpecContext();
    return { spec: this.writeSpec(ctx), values: ctx.values };
  }
}

/**
 * Checks a projection or a partial returning where it is given: an object of columns or
 * expressions, at least one.
 * @param {unknown} fields
 * @param {string} where names the call, e.g. `select()`
 */
export function checkFields(fields, where) {
  if (typeof fields !== "object" || fields === null || Array.isArray(fields) || isColumn(fields)) {
    throw new SluiceError("invalid_value", `${where}: expected an object of fields ({ id: users.id })`, { path: [where] });
  }
  let count = 0;
  for (const key in fields) {
    const value = fields[key];
    if (!isColumn(value) && !(value instanceof Expression) && !isNestable(value)) {
      throw new SluiceError("invalid_value", `${where}: field "${key}" must be a column, an expression or a select`, {
        path: [where, key],
      });
    }
    count++;
  }
  if (count === 0) throw new SluiceError("invalid_value", `${where}: a projection needs at least one field`, { path: [where] });
  return fields;
}

/** `[{"key":"id","expr":E},...]` for a projection or a partial returning checked by checkFields. */
export function writeFields(ctx, fields) {
  let out = "";
  for (const key in fields) {
    out += `${out ? "," : ""}{"key":${JSON.stringify(key)},"expr":${ctx.operand(fields[key])}}`;
  }
  return `[${out}]`;
}

/** `,"returning":...` or nothing. */
export function writeReturning(ctx, returning) {
  if (returning === undefined) return "";
  return returning === true ? `,"returning":"all"` : `,"returning":${writeFields(ctx, returning)}`;
}

/** `,"where":E` or nothing. */
export function writeWhere(ctx, where) {
  return where === undefined ? "" : `,"where":${ctx.operand(where)}`;
}
