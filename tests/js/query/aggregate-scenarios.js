// Aggregates, groupBy, having and distinct on a real database (registered by db-scenarios.js
// for D1 and for Postgres): the same answers on both, with drizzle's result types.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { posts, users } from "../../../worker/app/schema.js";
import {
  SluiceError,
  asc,
  avg,
  count,
  countDistinct,
  desc,
  eq,
  gt,
  max,
  min,
  sum,
  sumDistinct,
} from "../../../worker/index.js";

const text = (bytes) => new TextDecoder().decode(bytes);

/**
 * @param {() => object} getDb the scenario's db
 * @param {() => Promise<{ alice: object, bob: object, posts: object[] }>} seed Alice's three posts
 * @param {"sqlite" | "postgres"} dialect
 */
export function aggregateScenarios(getDb, seed, dialect) {
  describe("aggregates", () => {
    it("count, sum, avg, min and max per group, filtered by having", async () => {
      const db = getDb();
      const { alice, bob } = await seed();
      await db.insert(posts).values({ authorId: bob.id, title: "Hello", body: "b", createdAt: new Date("2023-05-01T00:00:00Z") });
      const query = db
        .select({
          authorId: posts.authorId,
          posts: count(),
          titled: count(posts.title),
          titles: countDistinct(posts.title),
          published: sum(posts.authorId),
          first: min(posts.createdAt),
          lastTitle: max(posts.title),
        })
        .from(posts)
        .groupBy(posts.authorId)
        .having(gt(count(), 0))
        .orderBy(desc(count()));
      const rows = await query;
      assert.deepEqual(rows, [
        {
          authorId: alice.id,
          posts: 3,
          titled: 3,
          titles: 3,
          published: String(3 * alice.id),
          first: new Date("2024-01-01T10:00:00Z"),
          lastTitle: "Third",
        },
        { authorId: bob.id, posts: 1, titled: 1, titles: 1, published: String(bob.id), first: new Date("2023-05-01T00:00:00Z"), lastTitle: "Hello" },
      ]);
      assert.equal(text(await query.bytes()), JSON.stringify(rows));
      const busy = await db.select({ authorId: posts.authorId }).from(posts).groupBy(posts.authorId).having(gt(count(), 1));
      assert.deepEqual(busy, [{ authorId: alice.id }]);
    });

    it("aggregates over no rows: count 0, the others null", async () => {
      const db = getDb();
      const [row] = await db
        .select({ n: count(), total: sum(posts.id), mean: avg(posts.id), distinctTotal: sumDistinct(posts.id), first: min(posts.createdAt) })
        .from(posts);
      assert.deepEqual(row, { n: 0, total: null, mean: null, distinctTotal: null, first: null });
    });

    it("avg is a string, as drizzle returns it", async () => {
      const db = getDb();
      const { alice } = await seed();
      const [{ mean }] = await db.select({ mean: avg(posts.authorId) }).from(posts);
      assert.equal(typeof mean, "string");
      assert.equal(Number(mean), alice.id);
    });

    it("counts through a left join per group", async () => {
      const db = getDb();
      const { alice, bob } = await seed();
      const rows = await db
        .select({ name: users.name, posts: count(posts.id) })
        .from(users)
        .leftJoin(posts, eq(posts.authorId, users.id))
        .groupBy(users.id, users.name)
        .orderBy(asc(users.id));
      assert.deepEqual(rows, [
        { name: alice.name, posts: 3 },
        { name: bob.name, posts: 0 },
      ]);
    });
  });

  describe("distinct", () => {
    it("selectDistinct gives each row once", async () => {
      const db = getDb();
      const { alice } = await seed();
      const rows = await db.selectDistinct({ authorId: posts.authorId }).from(posts);
      assert.deepEqual(rows, [{ authorId: alice.id }]);
    });

    it("selectDistinctOn keeps the first row of each group on Postgres and is refused on SQLite", async () => {
      const db = getDb();
      const { bob } = await seed();
      await db.insert(posts).values({ authorId: bob.id, title: "Bob's", body: "b" });
      const query = db
        .selectDistinctOn([posts.authorId], { authorId: posts.authorId, title: posts.title })
        .from(posts)
        .orderBy(posts.authorId, desc(posts.createdAt));
      if (dialect === "sqlite") {
        await assert.rejects(query, (e) => e instanceof SluiceError && e.code === "unsupported_feature" && /Postgres only/.test(e.message));
        return;
      }
      assert.deepEqual((await query).map((r) => r.title), ["Third", "Bob's"]);
    });
  });
}
