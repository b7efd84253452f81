/**
 * @module schema/table-meta
 * Where a table object keeps its own description. A symbol, because every string key of a
 * table object belongs to its columns (`users.name` is a column).
 */
export const TABLE = Symbol("sluice.table");

/** @param {unknown} value */
export function isTable(value) {
  return typeof value === "object" && value !== null && TABLE in value;
}
