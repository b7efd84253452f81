/**
 * @module drivers/d1-answers
 * Each D1 answer checked against the shape its statement's `returns` promises before it
 * becomes a payload (see ./d1.js). `run` answers come from `raw()` (rows as arrays),
 * `run()` (meta) or `all()` (rows as objects); batch answers are D1Results whose rows are
 * objects. Anything else is an invalid_answer TransportError naming the statement.
 */
import { invalidAnswer, shown } from "./invalid-answer.js";

const isRecord = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

function rowsOf(raw, sql) {
  if (!Array.isArray(raw)) throw invalidAnswer(`rows that are ${shown(raw)}, not an array`, sql);
  for (const row of raw) {
    if (!Array.isArray(row)) throw invalidAnswer(`a row that is ${shown(row)}, not an array of cells`, sql);
  }
  return raw;
}

// A statement that builds its JSON in SQL answers a single text cell per row.
function textCell(cells, sql) {
  if (cells.length !== 1) throw invalidAnswer(`a row of ${cells.length} cells where one JSON text was expected`, sql);
  if (typeof cells[0] !== "string") throw invalidAnswer(`a JSON cell that is ${shown(cells[0])}, not text`, sql);
  return cells[0];
}

function finalJson(rows, cellsOf, sql) {
  if (rows.length !== 1) throw invalidAnswer(`${rows.length} rows where one row of JSON text was expected`, sql);
  return textCell(cellsOf(rows[0]), sql);
}

function changes(result, sql) {
  const count = isRecord(result) && isRecord(result.meta) ? result.meta.changes : undefined;
  if (!Number.isSafeInteger(count) || count < 0) {
    throw invalidAnswer(`meta.changes ${count === undefined ? "missing" : `${shown(count)} (not a count)`}`, sql);
  }
  return { rowsAffected: count };
}

function objectRows(result, sql) {
  const rows = isRecord(result) ? result.results : undefined;
  if (!Array.isArray(rows)) throw invalidAnswer(`results that are ${shown(rows)}, not an array of rows`, sql);
  for (const row of rows) {
    if (!isRecord(row)) throw invalidAnswer(`a row that is ${shown(row)}, not an object`, sql);
  }
  return rows;
}

const asArray = (row) => row;

/** The payload of a `raw()` answer for "json", "json_rows" or "rows". */
export function rawPayload(returns, raw, sql) {
  const rows = rowsOf(raw, sql);
  if (returns === "json") return finalJson(rows, asArray, sql);
  if (returns === "json_rows") return rows.map((row) => textCell(row, sql));
  return JSON.stringify(rows);
}

/** The payload of a `run()` answer ("none"). */
export function runPayload(result, sql) {
  return changes(result, sql);
}

/** The payload of an `all()` answer ("objects"). */
export function allPayload(result, sql) {
  return objectRows(result, sql);
}

/**
 * The payloads of a batch answer, one per statement. Batch rows are objects: their values
 * are in column order, which is all the decoder needs (returning lists come from one table,
 * so their names do not collide).
 * @param {{ sql: string, returns: string }[]} statements
 * @param {unknown} results what `batch()` resolved to
 * @param {string} sql the statements joined, for a wrong count
 */
export function batchPayloads(statements, results, sql) {
  if (!Array.isArray(results) || results.length !== statements.length) {
    throw invalidAnswer(`${shown(results)} results to a batch of ${statements.length} statements`, sql);
  }
  return statements.map((statement, i) => batchPayload(statement, results[i]));
}

// A statement without rows answers none: rows where none belong are another statement's.
function batchPayload({ returns, sql }, result) {
  if (returns === "none") {
    const rows = isRecord(result) ? result.results : undefined;
    if (rows !== undefined && !(Array.isArray(rows) && rows.length === 0)) {
      throw invalidAnswer(`rows (${shown(rows)}) to a statement that returns none`, sql);
    }
    return changes(result, sql);
  }
  const rows = objectRows(result, sql);
  switch (returns) {
    case "json":
      return finalJson(rows, Object.values, sql);
    case "json_rows":
      return rows.map((row) => textCell(Object.values(row), sql));
    case "rows":
      return JSON.stringify(rows.map((row) => Object.values(row)));
    default:
      return rows;
  }
}
