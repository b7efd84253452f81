// A Worker meets statement shapes built from data: projections named by the caller, lists of
// any length, inserts of any row count. The compile cache must keep the isolate's memory flat
// however many it meets, and never free a plan a running statement still decodes with.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import * as schema from "../../../worker/app/schema.js";
import { posts, users } from "../../../worker/app/schema.js";
import { createDb, eq, inArray } from "../../../worker/index.js";
import { CAPACITY, cachedShapes } from "../../../worker/runtime/compile-cache.js";
import { sharedCore } from "../../../worker/runtime/core.js";
import { recordingDriver } from "../helpers.js";

const SHAPES = 100_000;

// The i-th of SHAPES distinct statement shapes, cycling through three families.
function shape(db, i) {
  switch (i % 3) {
    case 0:
      return db.select({ [`k${i}`]: users.id }).from(users).where(eq(users.id, i));
    case 1:
      return db.select({ id: posts.id, [`t${i}`]: posts.title }).from(posts).where(inArray(posts.id, [i, i + 1]));
    default:
      return db.insert(posts).values(Array.from({ length: 1 + (i % 10) }, () => ({ authorId: 1, title: `${i}`, body: "b" }))).returning({ [`r${i}`]: posts.id });
  }
}

describe("statement shapes", () => {
  it(`${SHAPES} distinct shapes keep the cache and the module's memory flat`, () => {
    const db = createDb({ schema, driver: recordingDriver("postgres") });
    const core = sharedCore();
    for (let i = 0; i < 2 * CAPACITY; i++) shape(db, i).toSQL();
    const settled = core.memoryBytes();
    const samples = [];
    for (let i = 2 * CAPACITY; i < SHAPES; i++) {
      shape(db, i).toSQL();
      if (i % 10_000 === 0) samples.push(core.memoryBytes());
    }
    assert.ok(cachedShapes() <= CAPACITY, `${cachedShapes()} shapes cached`);
    assert.deepEqual(samples, samples.map(() => settled), "the module's memory grew");
  });

  it("a list of any length is one shape", () => {
    const db = createDb({ schema, driver: recordingDriver("sqlite") });
    const sql = new Set();
    for (let n = 0; n < 1000; n++) sql.add(db.select().from(users).where(inArray(users.id, Array.from({ length: n }, (_, i) => i))).toSQL().sql);
    assert.equal(sql.size, 1);
  });

  it("a statement keeps its plan while it runs, even when its shape is evicted meanwhile", async () => {
    let release;
    const answer = JSON.stringify({ fields: [{ name: "id", dataTypeID: 23 }], rows: [["41"]] });
    const gate = new Promise((resolve) => (release = resolve));
    const slow = {
      dialect: "postgres",
      format: 1,
      async run() {
        await gate;
        return answer;
      },
      async batch(statements) {
        await gate;
        return statements.map(() => answer);
      },
    };
    const db = createDb({ schema, driver: slow });
    const running = db.select({ held: users.id }).from(users);
    const result = running.then((rows) => rows);
    const other = createDb({ schema, driver: recordingDriver("postgres") });
    for (let i = 0; i < 3 * CAPACITY; i++) other.select({ [`e${i}`]: posts.title, n: posts.id }).from(posts).toSQL();
    release();
    assert.deepEqual(await result, [{ held: 41 }]);
  });
});
