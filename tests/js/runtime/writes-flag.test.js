// Which statement shapes may write, as the core says in its compiled answer: a read's error
// never says a write happened.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import * as schema from "../../../worker/app/schema.js";
import { posts, users } from "../../../worker/app/schema.js";
import { SluiceError, createDb, eq, sql, union } from "../../../worker/index.js";
import { compiled } from "../../../worker/runtime/compile-cache.js";
import { recordingDriver } from "../helpers.js";

const db = createDb({ schema, driver: recordingDriver(), logger: false });
const writes = (builder) => compiled(db.schema.id, builder.toSpec().spec, db.dialect).writes;

describe("the compiled writes flag", () => {
  it("says selects, set operations, counts and relational queries write nothing", () => {
    assert.equal(writes(db.select().from(users).where(eq(users.id, 1))), false);
    assert.equal(writes(union(db.select({ id: users.id }).from(users), db.select({ id: posts.id }).from(posts))), false);
    assert.equal(writes(db.$count(posts)), false);
    assert.equal(writes(db.query.users.findMany({ with: { posts: true } })), false);
    assert.equal(writes(db.query.users.findFirst()), false);
  });

  it("says writes and raw statements may write", () => {
    assert.equal(writes(db.insert(users).values({ email: "a@x.org", name: "A" })), true);
    assert.equal(writes(db.update(users).set({ name: "B" })), true);
    assert.equal(writes(db.delete(posts).returning()), true);
    assert.equal(writes(db.execute(sql`select 1`)), true);
  });

  it("never runs a read holding a write, or a kind the core does not know", () => {
    const compile = (spec) => () => compiled(db.schema.id, spec, db.dialect);
    const refused = (e) => e instanceof SluiceError;
    assert.throws(compile(`{"schema":${db.schema.id},"dialect":"${db.dialect}","kind":"select","table":"posts","with":[{"kind":"delete","table":"posts"}]}`), refused);
    assert.throws(compile(`{"schema":${db.schema.id},"dialect":"${db.dialect}","kind":"merge","table":"posts"}`), refused);
  });
});
