import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { d1Error } from "../../../worker/drivers/d1-errors.js";
import { DatabaseError, TransportError } from "../../../worker/index.js";

const d1 = (message) => Object.assign(new Error(message), { cause: new Error(message.replace("D1_ERROR: ", "")) });

describe("D1 error mapping", () => {
  it("unique violation", () => {
    const e = d1Error(
      d1("D1_ERROR: UNIQUE constraint failed: users.email: SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_UNIQUE)"),
      "insert ...",
    );
    assert.ok(e instanceof DatabaseError);
    assert.deepEqual(
      { kind: e.kind, code: e.code, table: e.table, column: e.column, sql: e.sql, detail: e.detail },
      {
        kind: "unique_violation",
        code: "SQLITE_CONSTRAINT_UNIQUE",
        table: "users",
        column: "email",
        sql: "insert ...",
        detail: "UNIQUE constraint failed: users.email",
      },
    );
  });

  it("composite unique names the table only", () => {
    const e = d1Error(d1("D1_ERROR: UNIQUE constraint failed: t.a, t.b: SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_UNIQUE)"), "");
    assert.equal(e.table, "t");
    assert.equal(e.column, undefined);
  });

  it("foreign key, not null, check, primary key", () => {
    const fk = d1Error(d1("D1_ERROR: FOREIGN KEY constraint failed: SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_FOREIGNKEY)"), "");
    assert.equal(fk.kind, "foreign_key_violation");
    const nn = d1Error(d1("D1_ERROR: NOT NULL constraint failed: users.name: SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_NOTNULL)"), "");
    assert.deepEqual([nn.kind, nn.table, nn.column], ["not_null_violation", "users", "name"]);
    const check = d1Error(d1("D1_ERROR: CHECK constraint failed: a > 0: SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_CHECK)"), "");
    assert.deepEqual([check.kind, check.constraint], ["check_violation", "a > 0"]);
    const pk = d1Error(d1("D1_ERROR: UNIQUE constraint failed: users.id: SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_PRIMARYKEY)"), "");
    assert.equal(pk.kind, "unique_violation");
  });

  it("other SQLite errors keep their code", () => {
    const e = d1Error(d1('D1_ERROR: near "SELEC": syntax error at offset 0: SQLITE_ERROR'), "SELEC 1");
    assert.deepEqual([e.kind, e.code, e.message], ["other", "SQLITE_ERROR", 'near "SELEC": syntax error at offset 0: SQLITE_ERROR']);
  });

  it("everything else is a TransportError", () => {
    for (const message of ["Network connection lost.", "D1_ERROR: Wrong number of parameter bindings for SQL query.", "D1_TYPE_ERROR: Type 'bigint' not supported for value '1'"]) {
      const e = d1Error(new Error(message), "select 1");
      assert.ok(e instanceof TransportError, message);
      assert.equal(e.sql, "select 1");
    }
  });
});
