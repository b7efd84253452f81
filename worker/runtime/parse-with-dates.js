/**
 * @module runtime/parse-with-dates
 * JSON.parse of the core's output with timestamp fields turned into Date, as drizzle users
 * expect. A plain parse plus a walk over objects is several times cheaper than a reviver,
 * which V8 calls for every value.
 */
import { isoDate } from "./iso-date.js";

/**
 * @param {string} text JSON written by the core or by the database's final-JSON statement
 * @param {Set<string> | undefined} dateKeys output keys that hold ISO timestamps
 */
export function parseWithDates(text, dateKeys) {
  const value = JSON.parse(text);
  if (dateKeys !== undefined && value !== null && typeof value === "object") revive(value, dateKeys);
  return value;
}

function revive(node, dateKeys) {
  if (Array.isArray(node)) {
    for (const item of node) if (item !== null && typeof item === "object") revive(item, dateKeys);
    return;
  }
  for (const key in node) {
    const value = node[key];
    if (typeof value === "string") {
      if (dateKeys.has(key)) node[key] = isoDate(value);
    } else if (value !== null && typeof value === "object") {
      revive(value, dateKeys);
    }
  }
}
