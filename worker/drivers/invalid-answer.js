/**
 * @module drivers/invalid-answer
 * The error for an answer that is not the statement's result: a TransportError of kind
 * "invalid_answer" naming the statement. The database did answer, so whatever the statement
 * wrote is committed (`committed: true`); the runtime says `false` for statements that write
 * nothing.
 */
import { TransportError } from "../errors.js";

// Enough of the SQL to recognise the statement in a log line; `sql` keeps all of it.
const SQL_IN_MESSAGE = 200;

/**
 * @param {string} what what was wrong, e.g. `meta.changes "3" (not an integer)`
 * @param {string} sql the statement (a batch's statements joined by `;\n`)
 * @param {unknown} [cause]
 */
export function invalidAnswer(what, sql, cause) {
  const shown = sql.length > SQL_IN_MESSAGE ? `${sql.slice(0, SQL_IN_MESSAGE)}…` : sql;
  return new TransportError(`the database answered ${what} for: ${shown}`, { kind: "invalid_answer", committed: true, sql, cause });
}

/** A short description of a value for messages: its type, and the value if it is short. */
export function shown(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === "string") return value.length <= 40 ? JSON.stringify(value) : "a long string";
  if (typeof value === "object") return "an object";
  return typeof value === "number" || typeof value === "boolean" ? `${typeof value} ${value}` : typeof value;
}
