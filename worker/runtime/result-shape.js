/**
 * @module runtime/result-shape
 * Checks of payloads the core's decoder does not see: final JSON texts the database built
 * (SQLite), which `.bytes()` would otherwise pass on unread. A failure throws; the runtime
 * reports it as an invalid answer.
 */
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
