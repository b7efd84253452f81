/**
 * @module drivers/d1-errors
 * D1 reports every failure as a plain Error whose message carries the SQLite text and code:
 * `D1_ERROR: UNIQUE constraint failed: users.email: SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_UNIQUE)`.
 * Messages with an SQLite code are the database refusing the statement (DatabaseError);
 * anything else (network, overload, reset, binding type errors) is a TransportError.
 */
import { DatabaseError, SluiceError, TransportError } from "../errors.js";

const CODE = /:\s*(SQLITE_[A-Z_]+)(?:\s*\(extended:\s*(SQLITE_[A-Z_]+)\))?\s*$/;

const KINDS = {
  SQLITE_CONSTRAINT_UNIQUE: "unique_violation",
  SQLITE_CONSTRAINT_PRIMARYKEY: "unique_violation",
  SQLITE_CONSTRAINT_FOREIGNKEY: "foreign_key_violation",
  SQLITE_CONSTRAINT_NOTNULL: "not_null_violation",
  SQLITE_CONSTRAINT_CHECK: "check_violation",
};

// `UNIQUE constraint failed: users.email` / `NOT NULL constraint failed: users.email`.
const ON_COLUMNS = /^(?:UNIQUE|NOT NULL) constraint failed: (.+)$/;
// `CHECK constraint failed: <name or expression>`.
const ON_CHECK = /^CHECK constraint failed: (.+)$/;

function located(kind, detail) {
  if (kind === "check_violation") {
    const m = ON_CHECK.exec(detail);
    return m ? { constraint: m[1] } : {};
  }
  const m = ON_COLUMNS.exec(detail);
  if (m === null) return {};
  const columns = m[1].split(", ").map((qualified) => qualified.split("."));
  const table = columns[0].length === 2 ? columns[0][0] : undefined;
  return columns.length === 1 && table !== undefined ? { table, column: columns[0][1] } : { table };
}

/**
 * Maps what a D1 call threw to a sluice error.
 * @param {unknown} error
 * @param {string} sql the statement (or, for a batch, the statements joined) that failed
 */
export function d1Error(error, sql) {
  if (error instanceof SluiceError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const text = message.replace(/^D1_ERROR:\s*/, "");
  const m = CODE.exec(text);
  if (m === null) return new TransportError(message, { kind: "network", committed: "unknown", sql, cause: error });
  const code = m[2] ?? m[1];
  const detail = text.slice(0, m.index);
  const kind = KINDS[code] ?? "other";
  return new DatabaseError({ kind, code, message: text, sql, detail, cause: error, ...located(kind, detail) });
}
