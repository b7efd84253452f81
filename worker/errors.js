/**
 * @module errors
 * Every error sluice throws is a SluiceError: a stable `code`, a message for people and,
 * where it helps, a `path` to the offending key. Subclasses say who refused: the database
 * (DatabaseError), the network or driver (TransportError), or the input (ValidationError).
 */

/** Base class. `code` is one of the core's closed list (docs/internals.md) or a subclass's. */
export class SluiceError extends Error {
  /**
   * @param {string} code
   * @param {string} message
   * @param {{ path?: string[], cause?: unknown }} [options]
   */
  constructor(code, message, options = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "SluiceError";
    this.code = code;
    if (options.path !== undefined) this.path = options.path;
  }
}

/**
 * The database refused a statement. `kind` is portable across databases; `code` is the
 * database's own (SQLite extended code on D1, SQLSTATE on Postgres).
 */
export class DatabaseError extends SluiceError {
  /**
   * @param {{ kind: "unique_violation"|"foreign_key_violation"|"not_null_violation"|"check_violation"|"other",
   *   code: string, message: string, sql: string, constraint?: string, table?: string,
   *   column?: string, detail?: string, cause?: unknown }} fields
   */
  constructor({ kind, code, message, sql, constraint, table, column, detail, cause }) {
    super(code, message, { cause });
    this.name = "DatabaseError";
    this.kind = kind;
    this.sql = sql;
    if (constraint !== undefined) this.constraint = constraint;
    if (table !== undefined) this.table = table;
    if (column !== undefined) this.column = column;
    if (detail !== undefined) this.detail = detail;
  }
}

/**
 * The database could not be reached, did not answer in time, or answered something that is
 * not a result. `kind` says which:
 * - "network": the request failed before an answer (fetch rejected, the D1 binding threw);
 * - "http": an HTTP driver got a status that is not a result nor an SQL error (`status`);
 * - "timeout": no answer within `timeoutMs`;
 * - "aborted": the caller's `AbortSignal` fired first;
 * - "invalid_answer": an answer came back in a shape that is not the statement's result;
 * - "configuration": the driver was given options it cannot use.
 * `committed` says whether the statement's writes are in the database, so a caller knows
 * whether a retry could write twice: `true` they are (the database answered), `false` they
 * are not (nothing was sent, or the statement writes nothing), `"unknown"` the request may
 * or may not have run (a timeout, an abort or a lost connection after it was sent).
 */
export class TransportError extends SluiceError {
  /**
   * @param {string} message
   * @param {{ kind: "network"|"http"|"timeout"|"aborted"|"invalid_answer"|"configuration",
   *   committed?: boolean|"unknown", sql?: string, status?: number, cause?: unknown }} [options]
   */
  constructor(message, options = {}) {
    super("transport", message, { cause: options.cause });
    this.name = "TransportError";
    this.kind = options.kind;
    this.committed = options.committed ?? false;
    if (options.sql !== undefined) this.sql = options.sql;
    if (options.status !== undefined) this.status = options.status;
  }
}

/** Input rejected by a validator; `flatten()` gives zod's `{ formErrors, fieldErrors }`. */
export class ValidationError extends SluiceError {
  #flat;

  /** @param {{ formErrors: string[], fieldErrors: Record<string, string[]> }} flat */
  constructor(flat) {
    super("validation", describe(flat));
    this.name = "ValidationError";
    this.#flat = flat;
  }

  /** @returns {{ formErrors: string[], fieldErrors: Record<string, string[]> }} */
  flatten() {
    return this.#flat;
  }
}

function describe(flat) {
  const parts = [...flat.formErrors];
  for (const [key, messages] of Object.entries(flat.fieldErrors)) parts.push(`${key}: ${messages.join(", ")}`);
  return parts.length ? `invalid input: ${parts.join("; ")}` : "invalid input";
}

/** Turns a core status-1 answer (`{code, message, path?}` text) into a SluiceError. */
export function coreError(text) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    return new SluiceError("invalid_result", `the core answered an unreadable error: ${text}`);
  }
  return new SluiceError(parsed.code, parsed.message, parsed.path === undefined ? {} : { path: parsed.path });
}
