// The other half of the hostile suite: hostile text in a free-text field is data. It is
// stored and answered back exactly as sent, on both backends, and nothing else changes.
import assert from "node:assert/strict";
import { test } from "node:test";

import { describeBackends } from "../support/reference-worker.js";
import { INJECTIONS } from "./cases/hostile-strings.js";

// Text that looks like an escape or a terminator but is valid: stored as these characters.
const LOOKALIKES = [String.raw`a\u0000b`, "\\", '"', "\u2028\u2029", "\u202eevil", "\ufeff", "😀", "e\u0301", "\uffff"];

// Where each free-text field lands: the route, the body, and the row to find it in.
const WRITES = [
  { field: "name", table: "users", send: (w, value, i) => w.postJson("/users", { email: `verbatim${i}@example.com`, name: value }) },
  { field: "title", table: "posts", send: (w, value) => w.postJson("/posts", { authorId: 2, title: `t: ${value}`, body: "b" }), stored: (v) => `t: ${v}` },
  { field: "body", table: "posts", send: (w, value) => w.postJson("/posts", { authorId: 2, title: "Verbatim", body: value }) },
  { field: "name", table: "users", send: (w, value) => w.postJson("/users/2", { name: value }, "PATCH"), updates: 2 },
];

const withoutRow = (rows, id) => rows.filter((row) => row.id !== id);

describeBackends((worker) => {
  let serial = 0;
  for (const write of WRITES) {
    for (const value of [...INJECTIONS, ...LOOKALIKES]) {
      test(`${write.table}.${write.field} stores ${JSON.stringify(value)} verbatim`, async () => {
        const expected = write.stored?.(value) ?? value;
        const before = await worker.snapshot();
        const res = await write.send(worker, value, serial++);
        assert.equal(res.status, write.updates ? 200 : 201);
        const row = await res.json();
        assert.equal(row[write.field], expected);
        const after = await worker.snapshot();
        assert.equal(after[write.table].find((r) => r.id === row.id)[write.field], expected);
        const other = write.table === "users" ? "posts" : "users";
        assert.deepEqual(after[other], before[other], `${other} is unchanged`);
        assert.deepEqual(withoutRow(after[write.table], row.id), withoutRow(before[write.table], row.id));
      });
    }
  }

  // A duplicate key whose first value is invalid: refused, or the last (valid) value stored,
  // never the refused one and never a mix.
  test("a duplicate key is refused or read as its last value", async () => {
    const before = await worker.snapshot();
    const res = await worker.postJson("/users", '{"email":"dup@example.com","name":"","role":"root","name":"Dup","role":"admin"}');
    const body = await res.json();
    if (res.status === 400) {
      assert.ok(body.fieldErrors.name || body.formErrors.length > 0);
      assert.deepEqual(await worker.snapshot(), before);
    } else {
      assert.equal(res.status, 201);
      assert.deepEqual([body.name, body.role], ["Dup", "admin"]);
      const stored = (await worker.snapshot()).users.find((r) => r.id === body.id);
      assert.deepEqual([stored.name, stored.role], ["Dup", "admin"]);
    }
  });
});
