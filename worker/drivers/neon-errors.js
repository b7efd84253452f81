/**
 * @module drivers/neon-errors
 * Neon answers an SQL error with HTTP 400 and a JSON body carrying the Postgres error fields
 * (`message`, `code` = SQLSTATE, `detail`, `table`, `column`, `constraint`, ...). That is the
 * database refusing the statement (DatabaseError). Any other status, or a 400 without such a
 * body (bad header, unparsable request), is a TransportError carrying the status.
 */
import { DatabaseError, TransportError } from "../errors.js";

const KINDS = {
  23505: "unique_violation",
  23503: "foreign_key_violation",
  23502: "not_null_violation",
  23514: "check_violation",
};

// `Key (email)=(a@x.org) already exists.` / `Key (author_id)=(9) is not present in table "users".`
// Postgres names the key's columns only in the detail; D1 names them in the message, so the
// portable `column` comes from here when the key is a single column.
const KEY_COLUMNS = /^Key \(([^)]+)\)=/;

function keyColumn(detail) {
  const m = KEY_COLUMNS.exec(detail ?? "");
  if (m === null) return undefined;
  const columns = m[1].split(", ");
  return columns.length === 1 ? columns[0].replace(/^"(.*)"$/, "$1") : undefined;
}

// JSON null means "not given": leave the field out, as the D1 mapping does.
const given = (value) => (typeof value === "string" && value !== "" ? value : undefined);

/**
 * Maps a failed Neon response to a sluice error.
 * @param {number} status the HTTP status
 * @param {string} body the response text
 * @param {string} sql the statement (or, for a batch, the statements joined) that failed
 */
export function neonError(status, body, sql) {
  let parsed;
  if (status === 400) {
    try {
      parsed = JSON.parse(body);
    } catch {
      // not the error shape: reported as a transport failure below
    }
  }
  const code = given(parsed?.code);
  if (code === undefined) {
    const message = given(parsed?.message) ?? body.slice(0, 500);
    // A server error may come after the statement ran; a client error before anything ran.
    const committed = status >= 500 ? "unknown" : false;
    return new TransportError(`Neon answered HTTP ${status}: ${message}`, { kind: "http", committed, sql, status });
  }
  const kind = KINDS[code] ?? "other";
  const detail = given(parsed.detail);
  return new DatabaseError({
    kind,
    code,
    message: given(parsed.message) ?? `SQLSTATE ${code}`,
    sql,
    detail,
    table: given(parsed.table),
    column: given(parsed.column) ?? (kind === "other" ? undefined : keyColumn(detail)),
    constraint: given(parsed.constraint),
  });
}

/**
 * A fetch that failed before a whole answer (DNS, refused connection, a body cut off): the
 * request may have run.
 * @param {unknown} cause
 * @param {string} sql
 */
export function unreachable(cause, sql) {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new TransportError(`could not reach Neon: ${reason}`, { kind: "network", committed: "unknown", sql, cause });
}
