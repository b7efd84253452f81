// Which statement shapes may write, read from their spec text: a read's error never says a
// write happened.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import * as schema from "../../../worker/app/schema.js";
import { posts, users } from "../../../worker/app/schema.js";
import { createDb, eq, sql } from "../../../worker/index.js";
import { mayWrite } from "../../../worker/runtime/may-write.js";
import { recordingDriver } from "../helpers.js";

const db = createDb({ schema, driver: recordingDriver(), logger: false });
const spec = (builder) => builder.toSpec().spec;

describe("mayWrite", () => {
  it("says selects, counts and relational queries write nothing", () => {
    assert.equal(mayWrite(spec(db.select().from(users).where(eq(users.id, 1)))), false);
    assert.equal(mayWrite(spec(db.$count(posts))), false);
    assert.equal(mayWrite(spec(db.query.users.findMany({ with: { posts: true } }))), false);
    assert.equal(mayWrite(spec(db.query.users.findFirst())), false);
  });

  it("says writes and raw statements may write", () => {
    assert.equal(mayWrite(spec(db.insert(users).values({ email: "a@x.org", name: "A" }))), true);
    assert.equal(mayWrite(spec(db.update(users).set({ name: "B" }))), true);
    assert.equal(mayWrite(spec(db.delete(posts).returning())), true);
    assert.equal(mayWrite(spec(db.execute(sql`select 1`))), true);
  });

  it("says a read holding a write, or a kind it does not know, may write", () => {
    assert.equal(mayWrite('{"schema":0,"dialect":"postgres","kind":"select","with":[{"kind":"delete","table":"posts"}]}'), true);
    assert.equal(mayWrite('{"schema":0,"dialect":"postgres","kind":"merge","table":"posts"}'), true);
  });
});
