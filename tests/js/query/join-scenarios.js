// right, full and cross joins on a real database (registered by db-scenarios.js for D1 and for
// Postgres): a side with no matching row is null, as drizzle returns it.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { posts, users } from "../../../worker/app/schema.js";
import { asc, eq } from "../../../worker/index.js";

/**
 * @param {() => object} getDb the scenario's db
 * @param {() => Promise<{ alice: object, bob: object, posts: object[] }>} seed Alice's three posts
 */
export function joinScenarios(getDb, seed) {
  describe("right, full and cross joins", () => {
    it("rightJoin keeps every row of the joined table, the other side null", async () => {
      const db = getDb();
      const { bob } = await seed();
      const rows = await db
        .select()
        .from(posts)
        .rightJoin(users, eq(posts.authorId, users.id))
        .where(eq(users.id, bob.id));
      assert.deepEqual(rows, [{ posts: null, users: bob }]);
      const projected = await db
        .select({ title: posts.title, name: users.name })
        .from(posts)
        .rightJoin(users, eq(posts.authorId, users.id))
        .orderBy(asc(users.id), asc(posts.id));
      assert.deepEqual(projected.map((r) => [r.name, r.title]), [
        ["Alice", "Hello"],
        ["Alice", "Draft"],
        ["Alice", "Third"],
        ["Bob", null],
      ]);
    });

    it("fullJoin keeps both sides", async () => {
      const db = getDb();
      const { bob } = await seed();
      const rows = await db
        .select({ title: posts.title, name: users.name })
        .from(posts)
        .fullJoin(users, eq(posts.authorId, users.id))
        .where(eq(users.id, bob.id));
      assert.deepEqual(rows, [{ title: null, name: "Bob" }]);
    });

    it("crossJoin pairs every row with every row", async () => {
      const db = getDb();
      await seed();
      const rows = await db.select({ name: users.name, title: posts.title }).from(users).crossJoin(posts);
      assert.equal(rows.length, 2 * 3);
    });
  });
}
