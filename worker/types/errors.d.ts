// The errors sluice throws. Applications catch and inspect them (`instanceof`, `kind`, `code`);
// sluice creates them, so their constructors are not part of the API.
import type { FlattenedErrors } from "./validation.js";

export declare class SluiceError extends Error {
  protected constructor();
  /** A stable code: one of the core's (`unknown_column`, `invalid_value`, ...) or a subclass's. */
  readonly code: string;
  /** The offending key, when there is one. */
  readonly path?: readonly (string | number)[];
}

/** What a refused statement broke, the same on Postgres and SQLite. */
export type DatabaseErrorKind =
  | "unique_violation"
  | "foreign_key_violation"
  | "not_null_violation"
  | "check_violation"
  | "other";

/** The database refused a statement. `code` is the database's own (SQLSTATE, SQLite code). */
export declare class DatabaseError extends SluiceError {
  private constructor();
  readonly kind: DatabaseErrorKind;
  readonly constraint?: string;
  readonly table?: string;
  readonly column?: string;
  readonly detail?: string;
  /** The statement that was refused. */
  readonly sql: string;
}

/**
 * Why a TransportError: no answer (`network`), an HTTP status that is neither a result nor an
 * SQL error (`http`), no answer in time (`timeout`), the caller's AbortSignal (`aborted`), an
 * answer that is not the statement's result (`invalid_answer`), driver options it cannot use
 * (`configuration`).
 */
export type TransportErrorKind = "network" | "http" | "timeout" | "aborted" | "invalid_answer" | "configuration";

/**
 * Whether the statement's writes are in the database: `true` they are (the database answered),
 * `false` they are not (nothing was sent, or the statement writes nothing), `"unknown"` the
 * request may or may not have run (a timeout, an abort or a lost connection after sending).
 * Retrying is safe only when it is `false`.
 */
export type Committed = boolean | "unknown";

/** The database could not be reached, did not answer in time, or answered something that is not a result. */
export declare class TransportError extends SluiceError {
  readonly kind: TransportErrorKind;
  readonly committed: Committed;
  /** The HTTP status, when an HTTP driver got an answer. */
  readonly status?: number;
  /** The statement (a batch's statements joined by `;\n`). */
  readonly sql?: string;
  private constructor();
}

/** Input rejected by a validator; every issue is collected, not only the first. */
export declare class ValidationError extends SluiceError {
  private constructor();
  flatten(): FlattenedErrors;
}
