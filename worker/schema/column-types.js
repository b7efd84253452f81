/**
 * @module schema/column-types
 * Column helpers, one per §1 column type. Each takes an optional SQL name (the property key
 * is used when it is left out) and, where the type has any, an options object:
 * `varchar("email", { length: 320 })`, `varchar({ length: 320 })`, `serial()`.
 */
import { Column } from "./column.js";

function nameAndOptions(nameOrOptions, options) {
  return typeof nameOrOptions === "string" ? [nameOrOptions, options ?? {}] : [undefined, nameOrOptions ?? {}];
}

function plain(type) {
  return (name) => new Column(type, typeof name === "string" ? name : undefined);
}

/** Auto-incrementing integer (`serial` on Postgres, `integer primary key` rowid alias on SQLite). */
export const serial = plain("serial");
/** Auto-incrementing 64-bit integer. */
export const bigserial = plain("bigserial");
/** 32-bit integer. */
export const integer = plain("integer");
/** 64-bit integer; results beyond 2^53 come back as strings, parameters may be JS BigInt. */
export const bigint = plain("bigint");
/** Double precision float. */
export const real = plain("real");
/** Unbounded text. */
export const text = plain("text");
/** true/false (1/0 on SQLite, results are always booleans). */
export const boolean = plain("boolean");
/** Calendar date, `YYYY-MM-DD` in results. */
export const date = plain("date");
/** JSON value (text on SQLite). */
export const json = plain("json");
/** Binary JSON on Postgres (text on SQLite). */
export const jsonb = plain("jsonb");
/** UUID (text on SQLite). */
export const uuid = plain("uuid");

/**
 * Exact decimal; results are strings so no digit is lost.
 * @param {string | { precision?: number, scale?: number }} [nameOrOptions]
 * @param {{ precision?: number, scale?: number }} [options]
 */
export function numeric(nameOrOptions, options) {
  const [name, { precision, scale }] = nameAndOptions(nameOrOptions, options);
  const typeOptions = {};
  if (precision !== undefined) typeOptions.precision = precision;
  if (scale !== undefined) typeOptions.scale = scale;
  return new Column("numeric", name, typeOptions);
}

/**
 * Text with a maximum length (validators enforce it on both databases).
 * @param {string | { length?: number }} [nameOrOptions]
 * @param {{ length?: number }} [options]
 */
export function varchar(nameOrOptions, options) {
  const [name, { length }] = nameAndOptions(nameOrOptions, options);
  return new Column("varchar", name, length === undefined ? {} : { length });
}

/**
 * Point in time; `Date` in JS results, ISO-8601 with milliseconds in JSON output.
 * @param {string | { withTimezone?: boolean }} [nameOrOptions]
 * @param {{ withTimezone?: boolean }} [options]
 */
export function timestamp(nameOrOptions, options) {
  const [name, { withTimezone = false }] = nameAndOptions(nameOrOptions, options);
  return new Column("timestamp", name, { withTimezone });
}
