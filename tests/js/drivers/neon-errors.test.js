// Neon's failure answers mapped to sluice errors: SQL errors (HTTP 400 with Postgres' fields)
// are DatabaseErrors with a portable kind; everything else is a TransportError with the status.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { neonError } from "../../../worker/drivers/neon-errors.js";
import { neonHttp } from "../../../worker/drivers/neon-http.js";
import { DatabaseError, TransportError } from "../../../worker/index.js";

const FIELDS = ["message", "code", "detail", "hint", "position", "internalPosition", "internalQuery", "severity", "where",
  "table", "column", "schema", "dataType", "constraint", "file", "line", "routine"];

// Neon's error body: always all seventeen keys, null where Postgres said nothing.
function pgError(fields) {
  return JSON.stringify(Object.fromEntries(FIELDS.map((k) => [k, fields[k] ?? null])));
}

describe("neonError", () => {
  it("a unique violation names table, column (from the key detail) and constraint", () => {
    const error = neonError(400, pgError({
      message: 'duplicate key value violates unique constraint "users_email_idx"', code: "23505", severity: "ERROR",
      detail: "Key (email)=(a@x.org) already exists.", table: "users", schema: "public", constraint: "users_email_idx",
    }), "insert ...");
    assert.ok(error instanceof DatabaseError);
    assert.equal(error.kind, "unique_violation");
    assert.equal(error.code, "23505");
    assert.equal(error.table, "users");
    assert.equal(error.column, "email");
    assert.equal(error.constraint, "users_email_idx");
    assert.equal(error.detail, "Key (email)=(a@x.org) already exists.");
    assert.equal(error.sql, "insert ...");
    assert.equal(error.message, 'duplicate key value violates unique constraint "users_email_idx"');
  });

  it("maps the SQLSTATEs with a portable kind, the rest to other", () => {
    const kind = (code, extra = {}) => neonError(400, pgError({ message: "m", code, ...extra }), "s");
    assert.equal(kind("23503", { detail: 'Key (author_id)=(9) is not present in table "users".' }).kind, "foreign_key_violation");
    assert.equal(kind("23503", { detail: 'Key (author_id)=(9) is not present in table "users".' }).column, "author_id");
    assert.equal(kind("23502", { table: "users", column: "name" }).column, "name");
    assert.equal(kind("23502").kind, "not_null_violation");
    assert.equal(kind("23514", { constraint: "age_positive" }).constraint, "age_positive");
    assert.equal(kind("23514").kind, "check_violation");
    assert.equal(kind("42601").kind, "other");
    assert.equal(kind("23505", { detail: "Key (a, b)=(1, 2) already exists." }).column, undefined, "a composite key names no single column");
    assert.equal(kind("42601").detail, undefined, "null fields are left out");
  });

  it("anything but a 400 with an SQLSTATE is a TransportError carrying the status", () => {
    for (const [status, body] of [
      [400, pgError({ message: "invalid header: neon-connection-string", code: "" })],
      [400, "not json"],
      [413, '{"message":"request is too large (max is 10485760 bytes)"}'],
      [500, "upstream down"],
      [507, pgError({ message: "response is too large (max is 10485760 bytes)" })],
    ]) {
      const error = neonError(status, body, "select 1");
      assert.ok(error instanceof TransportError, `${status} ${body}`);
      assert.equal(error.status, status);
      assert.equal(error.sql, "select 1");
      assert.match(error.message, new RegExp(`HTTP ${status}`));
    }
  });
});

describe("neonHttp failures", () => {
  const statement = { sql: "select 1", params: [], returns: "rows" };

  it("a 400 rejects with a DatabaseError, a 500 with a TransportError", async () => {
    let answer;
    const driver = neonHttp({ connectionString: "postgres://u:p@ep-x.example.test/db", fetch: async () => answer });
    answer = new Response(pgError({ message: "syntax error", code: "42601" }), { status: 400 });
    await assert.rejects(driver.run(statement), { name: "DatabaseError", kind: "other", code: "42601", sql: "select 1" });
    answer = new Response("boom", { status: 500 });
    await assert.rejects(driver.batch([statement, statement]), { name: "TransportError", status: 500, sql: "select 1;\nselect 1" });
  });

  it("a network failure is a TransportError with the cause", async () => {
    const cause = new TypeError("fetch failed");
    const driver = neonHttp({ connectionString: "postgres://u:p@ep-x.example.test/db", fetch: async () => Promise.reject(cause) });
    await assert.rejects(driver.run(statement), (e) => e instanceof TransportError && e.cause === cause && e.status === undefined);
  });

  it("needs a connection string", () => {
    assert.throws(() => neonHttp({}), TransportError);
  });
});
