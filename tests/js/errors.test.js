import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { coreError } from "../../worker/errors.js";
import { DatabaseError, SluiceError, TransportError, ValidationError } from "../../worker/index.js";

describe("errors", () => {
  it("core answers become SluiceErrors with code, message and path", () => {
    const e = coreError('{"code":"unknown_column","message":"no column","path":["where","left"]}');
    assert.ok(e instanceof SluiceError);
    assert.deepEqual([e.code, e.message, e.path], ["unknown_column", "no column", ["where", "left"]]);
    assert.equal(coreError("garbage").code, "invalid_result");
  });

  it("subclasses keep the SluiceError contract", () => {
    const db = new DatabaseError({ kind: "other", code: "SQLITE_ERROR", message: "m", sql: "s" });
    assert.ok(db instanceof SluiceError);
    assert.deepEqual([db.name, db.code, db.kind, db.sql, "table" in db], ["DatabaseError", "SQLITE_ERROR", "other", "s", false]);
    const t = new TransportError("down", { sql: "s" });
    assert.deepEqual([t.name, t.code, t.sql], ["TransportError", "transport", "s"]);
    const late = new TransportError("late", { kind: "timeout", committed: "unknown" });
    assert.deepEqual([late.kind, late.committed], ["timeout", "unknown"]);
    assert.equal(t.committed, false, "a write is not said to have happened unless the driver knows it may have");
  });

  it("ValidationError flattens and says what failed", () => {
    const flat = { formErrors: [], fieldErrors: { email: ["Invalid email"] } };
    const e = new ValidationError(flat);
    assert.equal(e.flatten(), flat);
    assert.match(e.message, /email: Invalid email/);
  });
});
