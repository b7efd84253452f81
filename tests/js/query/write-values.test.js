import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { createDb, integer, serial, table, text, timestamp } from "../../../worker/index.js";
import { recordingDriver } from "../helpers.js";

let stamp = 0;
let token = 0;
export const notes = table("notes", {
  id: serial().primaryKey(),
  body: text().notNull(),
  token: text().notNull().$defaultFn(() => `t${++token}`),
  revision: integer().$onUpdate(() => ++stamp),
  editedAt: timestamp().defaultNow().$onUpdate(() => new Date(1000 * ++stamp)),
});

const db = createDb({ schema: { notes }, driver: recordingDriver() });

describe("JS-computed values", () => {
  it("$defaultFn runs at every execution of the same builder", () => {
    const insert = db.insert(notes).values({ body: "x" });
    const first = insert.toSpec();
    const second = insert.toSpec();
    assert.equal(first.spec, second.spec);
    assert.notEqual(first.values[1], second.values[1]);
  });

  it("$onUpdate runs at every execution of the same builder", () => {
    const update = db.update(notes).set({ body: "y" });
    const [, r1, e1] = update.toSpec().values;
    const [, r2, e2] = update.toSpec().values;
    assert.notEqual(r1, r2);
    assert.notEqual(e1.getTime(), e2.getTime());
  });

  it("$onUpdate fills inserts only for columns without another default", () => {
    const { spec } = db.insert(notes).values({ body: "x" }).toSpec();
    assert.match(spec, /"rows":\[\{"body":\{"param":0\},"token":\{"param":1\},"revision":\{"param":2\}\}\]/);
  });

  it("never overrides a value the caller set, null included", () => {
    const explicitTime = new Date(5);
    const insert = db.insert(notes).values({ body: "x", token: "mine", revision: null }).toSpec();
    assert.deepEqual(insert.values, ["x", "mine", null]);
    const update = db.update(notes).set({ body: "y", editedAt: explicitTime }).toSpec();
    assert.equal(update.values[2], explicitTime);
    const upsert = db
      .insert(notes)
      .values({ body: "x", token: "k" })
      .onConflictDoUpdate({ target: notes.token, set: { revision: 9 } })
      .toSpec();
    assert.match(upsert.spec, /"set":\{"revision":\{"param":3\},"editedAt":\{"param":4\}\}/);
    assert.equal(upsert.values[3], 9);
  });
});
