/**
 * @module runtime/result-shape
 * Checks of payloads the core's decoder does not see whole: final JSON texts the database
 * built (SQLite), which `.bytes()` would otherwise pass on unread, and counts, whose decoder
 * reads the first cell of the first row. A failure throws; the runtime reports it as an
 * invalid answer.
 */
const utf8 = new TextDecoder("utf-8", { fatal: true });

const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Checks a parsed final JSON value against the entry's result: an array of objects for rows
 * (`rowCount` of them when each row came as its own text), an object or null for a first row.
 * @param {{ result: string }} entry
 * @param {unknown} value
 * @param {number} [rowCount]
 */
export function checkFinalValue(entry, value, rowCount) {
  if (entry.result === "first") {
    if (value !== null && !isObject(value)) throw new Error("a first row that is not an object");
    return;
  }
  if (!Array.isArray(value)) throw new Error("rows that are not an array");
  if (!value.every(isObject)) throw new Error("rows that are not all objects");
  if (rowCount !== undefined && value.length !== rowCount) throw new Error(`${rowCount} rows that read as ${value.length}`);
}

/**
 * Checks a final JSON text that goes on as bytes without being parsed for the caller.
 * @param {{ result: string }} entry
 * @param {string} text
 * @param {number} [rowCount]
 */
export function checkFinalText(entry, text, rowCount) {
  checkFinalValue(entry, JSON.parse(text), rowCount);
}

/**
 * Checks that each count payload is one row of one cell (D1: JSON text of rows as arrays;
 * Neon: a response body).
 * @param {0|1} format
 * @param {unknown[]} payloads
 */
export function checkCount(format, payloads) {
  for (const payload of payloads) {
    const parsed = JSON.parse(format === 0 ? payload : utf8.decode(payload));
    const rows = format === 0 ? parsed : parsed?.rows;
    if (format === 1 && parsed?.fields?.length !== 1) throw new Error("a count of more than one field");
    if (!Array.isArray(rows) || rows.length !== 1 || !Array.isArray(rows[0]) || rows[0].length !== 1) {
      throw new Error("a count that is not one row of one cell");
    }
  }
}
