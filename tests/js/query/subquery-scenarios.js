// Subqueries, set operations and CTEs on a real database (registered by db-scenarios.js for
// D1 and for Postgres): the rows drizzle-orm 0.45 returns for the same queries.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { posts, users } from "../../../worker/app/schema.js";
import {
  SluiceError,
  and,
  asc,
  count,
  desc,
  eq,
  except,
  exists,
  gt,
  inArray,
  intersect,
  notExists,
  notInArray,
  sql,
  union,
  unionAll,
} from "../../../worker/index.js";

const text = (bytes) => new TextDecoder().decode(bytes);

/**
 * @param {() => object} getDb the scenario's db
 * @param {() => Promise<{ alice: object, bob: object, posts: object[] }>} seed Alice's three posts
 * @param {"sqlite" | "postgres"} dialect
 */
export function subqueryScenarios(getDb, seed, dialect) {
  describe("subqueries", () => {
    it("selects from a subquery, every field and a projection, values converted once", async () => {
      const db = getDb();
      const { alice } = await seed();
      const sq = db.select({ id: posts.id, published: posts.published, createdAt: posts.createdAt })
        .from(posts).where(eq(posts.authorId, alice.id)).as("sq");
      const rows = await db.select().from(sq).where(eq(sq.published, true)).orderBy(desc(sq.createdAt));
      assert.deepEqual(rows.map((r) => [r.published, r.createdAt.toISOString()]), [
        [true, "2024-01-03T10:00:00.000Z"],
        [true, "2024-01-01T10:00:00.000Z"],
      ]);
      const everyColumn = db.select().from(users).as("u");
      const emails = await db.select({ email: everyColumn.email, active: everyColumn.isActive }).from(everyColumn).orderBy(everyColumn.id);
      assert.deepEqual(emails, [
        { email: "alice@example.com", active: true },
        { email: "bob@example.com", active: false },
      ]);
      assert.equal(text(await db.select({ active: everyColumn.isActive }).from(everyColumn).orderBy(everyColumn.id).bytes()),
        '[{"active":true},{"active":false}]');
    });

    it("joins a grouped subquery", async () => {
      const db = getDb();
      await seed();
      const sq = db.select({ authorId: posts.authorId, n: count() }).from(posts).groupBy(posts.authorId).as("sq");
      const rows = await db.select({ name: users.name, n: sq.n }).from(users).leftJoin(sq, eq(sq.authorId, users.id)).orderBy(users.id);
      assert.deepEqual(rows, [{ name: "Alice", n: 3 }, { name: "Bob", n: null }]);
      const everyColumn = await db.select().from(users).leftJoin(sq, eq(sq.authorId, users.id)).orderBy(users.id);
      assert.deepEqual(everyColumn.map((r) => [r.users.name, r.sq]), [["Alice", { authorId: everyColumn[0].users.id, n: 3 }], ["Bob", null]]);
    });

    it("$count and a one-field select as values and fields", async () => {
      const db = getDb();
      const { alice, bob } = await seed();
      const rows = await db
        .select({ id: users.id, posts: db.$count(posts, eq(posts.authorId, users.id)) })
        .from(users)
        .orderBy(users.id);
      assert.deepEqual(rows, [{ id: alice.id, posts: 3 }, { id: bob.id, posts: 0 }]);
      const latest = db.select({ t: sql`max(${posts.createdAt})`.mapWith(posts.createdAt) }).from(posts);
      const [row] = await db.select({ title: posts.title }).from(posts).where(eq(posts.createdAt, latest));
      assert.deepEqual(row, { title: "Third" });
      const inFragment = await db
        .select({ id: users.id, n: sql`(${db.select({ n: count().as("n") }).from(posts).where(eq(posts.authorId, users.id))})`.mapWith(Number) })
        .from(users)
        .orderBy(users.id);
      assert.deepEqual(inFragment, [{ id: alice.id, n: 3 }, { id: bob.id, n: 0 }]);
    });

    it("inArray, notInArray, exists and notExists with subqueries", async () => {
      const db = getDb();
      const { alice, bob } = await seed();
      const authors = db.select({ id: posts.authorId }).from(posts).where(eq(posts.published, true));
      assert.deepEqual(await db.select({ id: users.id }).from(users).where(inArray(users.id, authors)), [{ id: alice.id }]);
      assert.deepEqual(await db.select({ id: users.id }).from(users).where(notInArray(users.id, authors)), [{ id: bob.id }]);
      const ownPosts = db.select().from(posts).where(eq(posts.authorId, users.id));
      assert.deepEqual(await db.select({ id: users.id }).from(users).where(exists(ownPosts)), [{ id: alice.id }]);
      assert.deepEqual(await db.select({ id: users.id }).from(users).where(notExists(ownPosts)), [{ id: bob.id }]);
    });

    it("update and delete with subquery conditions", async () => {
      const db = getDb();
      const { bob } = await seed();
      const bobId = db.select({ id: users.id }).from(users).where(eq(users.email, "bob@example.com"));
      const drafts = db.select({ id: posts.id }).from(posts).where(eq(posts.published, false));
      const moved = await db.update(posts).set({ authorId: bobId }).where(inArray(posts.id, drafts)).returning({ title: posts.title, authorId: posts.authorId });
      assert.deepEqual(moved, [{ title: "Draft", authorId: bob.id }]);
      const deleted = await db.delete(posts).where(eq(posts.authorId, bobId)).returning({ title: posts.title });
      assert.deepEqual(deleted, [{ title: "Draft" }]);
    });

    it("a subquery selecting two fields is refused as a value", async () => {
      const db = getDb();
      await assert.rejects(
        db.select().from(users).where(inArray(users.id, db.select({ id: posts.id, a: posts.authorId }).from(posts))),
        (e) => e instanceof SluiceError && e.code === "invalid_value",
      );
    });
  });

  describe("set operations", () => {
    it("union as a method and a function, ordered and paged on the combined rows", async () => {
      const db = getDb();
      const { alice, bob } = await seed();
      const labels = await db
        .select({ id: users.id, label: users.name })
        .from(users)
        .union(db.select({ id: posts.authorId, label: posts.title }).from(posts))
        .orderBy(desc(users.name))
        .limit(3)
        .offset(1);
      assert.deepEqual(labels, [
        { id: alice.id, label: "Hello" },
        { id: alice.id, label: "Draft" },
        { id: bob.id, label: "Bob" },
      ]);
      const authorIds = await union(db.select({ id: posts.authorId }).from(posts), db.select({ id: users.id }).from(users)).orderBy(asc(posts.authorId));
      assert.deepEqual(authorIds, [{ id: alice.id }, { id: bob.id }]);
      const all = await unionAll(db.select({ id: posts.authorId }).from(posts), db.select({ id: users.id }).from(users));
      assert.equal(all.length, 5);
    });

    it("intersect and except", async () => {
      const db = getDb();
      const { alice, bob } = await seed();
      const everyone = () => db.select({ id: users.id }).from(users);
      const authors = () => db.select({ id: posts.authorId }).from(posts);
      assert.deepEqual(await intersect(everyone(), authors()), [{ id: alice.id }]);
      assert.deepEqual(await except(everyone(), authors()), [{ id: bob.id }]);
    });

    it("intersectAll and exceptAll: Postgres runs them, SQLite has none", async () => {
      const db = getDb();
      const { alice } = await seed();
      const query = db.select({ id: posts.authorId }).from(posts).intersectAll(db.select({ id: posts.authorId }).from(posts).where(eq(posts.published, true)));
      if (dialect === "postgres") {
        assert.deepEqual(await query, [{ id: alice.id }, { id: alice.id }]);
      } else {
        await assert.rejects(query, (e) => e instanceof SluiceError && e.code === "unsupported_feature" && /intersectAll/.test(e.message));
      }
    });

    it("selects of different fields are refused", async () => {
      const db = getDb();
      await assert.rejects(
        db.select({ id: users.id }).from(users).union(db.select({ title: posts.title }).from(posts)),
        (e) => e instanceof SluiceError && e.code === "invalid_value",
      );
    });
  });

  describe("insert ... select", () => {
    it("inserts the selected rows, as a select or a callback, with returning and an upsert", async () => {
      const db = getDb();
      const { alice, bob } = await seed();
      const copied = await db
        .insert(posts)
        .select(db.select({ authorId: users.id, title: users.name, body: users.email }).from(users).where(eq(users.isActive, false)))
        .returning({ authorId: posts.authorId, title: posts.title, published: posts.published });
      assert.deepEqual(copied, [{ authorId: bob.id, title: "Bob", published: false }]);
      const result = await db.insert(posts).select((qb) => qb.select({ authorId: posts.authorId, title: posts.title, body: posts.body }).from(posts).where(eq(posts.title, "Hello")));
      assert.deepEqual(result, { rowsAffected: 1 });
      assert.equal(await db.$count(posts, eq(posts.authorId, alice.id)), 4);
      const again = await db.insert(users).select(db.select({ email: users.email, name: users.name }).from(users)).onConflictDoNothing({ target: users.email }).returning();
      assert.deepEqual(again, []);
    });

    it("a column that needs a value must be selected", async () => {
      const db = getDb();
      await assert.rejects(
        db.insert(posts).select(db.select({ authorId: users.id }).from(users)),
        (e) => e instanceof SluiceError && e.code === "invalid_value" && /posts\.title/.test(e.message),
      );
    });
  });

  describe("CTEs", () => {
    it("a select reads CTEs like tables, a CTE reads an earlier one", async () => {
      const db = getDb();
      const { alice } = await seed();
      const published = db.$with("published").as(db.select({ authorId: posts.authorId, title: posts.title, at: posts.createdAt }).from(posts).where(eq(posts.published, true)));
      const rows = await db
        .with(published)
        .select({ name: users.name, title: published.title, at: published.at })
        .from(users)
        .innerJoin(published, eq(published.authorId, users.id))
        .orderBy(published.at);
      assert.deepEqual(rows, [
        { name: "Alice", title: "Hello", at: new Date("2024-01-01T10:00:00Z") },
        { name: "Alice", title: "Third", at: new Date("2024-01-03T10:00:00Z") },
      ]);
      const counted = db.$with("counted").as((qb) => qb.select({ authorId: posts.authorId, n: count() }).from(posts).groupBy(posts.authorId));
      assert.deepEqual(await db.with(counted).select().from(counted).where(gt(counted.n, 1)), [{ authorId: alice.id, n: 3 }]);
      assert.deepEqual(
        await db.with(published, counted).select({ title: published.title }).from(published)
          .innerJoin(counted, and(eq(counted.authorId, published.authorId), gt(counted.n, 2))).orderBy(published.title),
        [{ title: "Hello" }, { title: "Third" }],
      );
    });

    it("update, insert and delete read CTEs", async () => {
      const db = getDb();
      await seed();
      const actives = db.$with("actives").as(db.select({ id: users.id, name: users.name }).from(users).where(eq(users.isActive, true)));
      const hidden = await db.with(actives).update(posts).set({ published: false })
        .where(inArray(posts.authorId, db.select({ id: actives.id }).from(actives))).returning({ id: posts.id });
      assert.equal(hidden.length, 3);
      await db.with(actives).insert(posts).select(db.select({ authorId: actives.id, title: actives.name, body: actives.name }).from(actives));
      assert.deepEqual(await db.select({ title: posts.title }).from(posts).where(eq(posts.body, "Alice")), [{ title: "Alice" }]);
      const removed = await db.with(actives).delete(posts).where(exists(db.select().from(actives).where(eq(actives.name, posts.title))));
      assert.deepEqual(removed, { rowsAffected: 1 });
    });
  });
}
