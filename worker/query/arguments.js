/**
 * @module query/arguments
 * What builder calls and operators accept, checked where they are called: a function where a
 * column belongs, an ordering used as a value or a table used as a condition is a SluiceError
 * naming the argument, never a parameter bound with whatever text the object turns into.
 */
import { SluiceError } from "../errors.js";
import { describeColumn, isColumn } from "../schema/column.js";
import { isTable } from "../schema/table-meta.js";
import { Order } from "./ordering.js";
import { Placeholder } from "./placeholder.js";
import { Expression } from "./spec-context.js";
import { isNestable } from "./subquery.js";

/**
 * What `value` is, when it cannot be bound as a parameter; undefined for a value. Values are
 * what a column can hold: null, strings, numbers, bigints, booleans, Dates, bytes, and plain
 * objects and arrays (json columns).
 * @param {unknown} value
 * @returns {string | undefined}
 */
export function nonValueKind(value) {
  switch (typeof value) {
    case "string":
    case "number":
    case "bigint":
    case "boolean":
      return undefined;
    case "undefined":
      return "undefined";
    case "function":
      return "a function";
    case "symbol":
      return "a symbol";
  }
  if (value === null || Array.isArray(value) || value instanceof Date || value instanceof Placeholder) return undefined;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return undefined;
  if (isTable(value)) return "a table";
  if (value instanceof Order) return "an asc()/desc() ordering";
  if (typeof value.writeSpec === "function") return "a query";
  const prototype = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === null) return undefined;
  return `a ${prototype.constructor?.name ?? "class"} object`;
}

/** What `value` is, for an error message. */
function describe(value) {
  if (isColumn(value)) return "a column";
  if (value instanceof Expression) return "an expression";
  const kind = nonValueKind(value);
  if (kind !== undefined) return kind;
  if (value === null) return "null";
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value !== "object") return `${typeof value} ${String(value)}`;
  if (Array.isArray(value)) return "an array";
  if (value instanceof Date) return "a Date";
  return "an object";
}

function refuse(where, expected, value, hint = "") {
  return new SluiceError("invalid_value", `${where}: expected ${expected}, got ${describe(value)}${hint}`, { path: [where] });
}

/**
 * Checks an operand of an operator: a column, an expression, a select (a subquery whose one
 * field is the value) or a value.
 * @param {unknown} value
 * @param {string} where names the argument, e.g. `eq() argument 2`
 * @param {unknown} [other] the operand on the other side, named when it is a column
 */
export function checkOperand(value, where, other) {
  if (isColumn(value) || value instanceof Expression || isNestable(value) || nonValueKind(value) === undefined) return value;
  const against = isColumn(other) ? ` (compared with ${describeColumn(other)})` : "";
  const hint = value === undefined ? " (use null, or isNull() for IS NULL)" : "";
  throw refuse(`${where}${against}`, "a column, an expression or a value", value, hint);
}

/**
 * Checks a condition: an expression (`eq(...)`, `and(...)`), or undefined for none where
 * none is allowed.
 * @param {unknown} value
 * @param {string} where
 * @param {boolean} [optional]
 */
export function checkCondition(value, where, optional = true) {
  if (value instanceof Expression || (optional && value === undefined)) return value;
  throw refuse(where, `a condition such as eq(...) or and(...)${optional ? ", or undefined" : ""}`, value);
}

/**
 * Checks one orderBy term: a column (ascending), asc()/desc(), or an expression.
 * @param {unknown} value
 * @param {string} where
 */
export function checkOrderTerm(value, where) {
  if (isColumn(value) || value instanceof Order || value instanceof Expression) return value;
  throw refuse(where, "a column, asc(column) or desc(column)", value);
}

/**
 * Checks an argument that must be a column or an expression (what asc() sorts by, what an
 * aggregate reads).
 * @param {unknown} value
 * @param {string} where
 */
export function checkExpression(value, where) {
  if (isColumn(value) || value instanceof Expression) return value;
  throw refuse(where, "a column or an expression", value);
}

/**
 * The terms of an orderBy: one term, or a list of them.
 * @param {unknown} terms
 * @param {string} where
 * @returns {unknown[]}
 */
export function checkOrderTerms(terms, where) {
  const list = Array.isArray(terms) ? terms : [terms];
  for (let i = 0; i < list.length; i++) checkOrderTerm(list[i], `${where} item ${i + 1}`);
  return list;
}

/**
 * Checks a row count for limit/offset: a whole number from 0 to 2^53-1, or a placeholder.
 * @param {unknown} value
 * @param {string} where
 */
export function checkCount(value, where) {
  if ((Number.isSafeInteger(value) && value >= 0) || value instanceof Placeholder) return value;
  throw refuse(where, "a whole number of rows (0 or more)", value);
}
