/**
 * @module logger
 * `logger: true` prints each statement as drizzle's DefaultLogger does; an object with
 * `logQuery(sql, params)` receives them instead. Batch items are logged one by one too.
 */
import { SluiceError } from "./errors.js";

function stringify(value) {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** Writes `Query: <sql> -- params: [<json>, ...]` with console.log. */
export const consoleLogger = {
  logQuery(sql, params) {
    const shown = params.length ? ` -- params: [${params.map(stringify).join(", ")}]` : "";
    console.log(`Query: ${sql}${shown}`);
  },
};

/**
 * @param {boolean | { logQuery(sql: string, params: unknown[]): void } | undefined} option
 * @returns {{ logQuery(sql: string, params: unknown[]): void } | undefined}
 */
export function resolveLogger(option) {
  if (option === undefined || option === false || option === null) return undefined;
  if (option === true) return consoleLogger;
  if (typeof option.logQuery !== "function") throw new SluiceError("invalid_value", "logger needs a logQuery(sql, params) method");
  return option;
}
