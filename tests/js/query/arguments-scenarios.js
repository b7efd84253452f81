// drizzle's callback forms and what builders refuse, on a real database (registered by
// db-scenarios.js for D1 and for Postgres). Each was a silently wrong answer once: a callback
// bound as a parameter, `columns: {}` selecting every column.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { posts, users } from "../../../worker/app/schema.js";
import { SluiceError, asc, desc, eq, gt } from "../../../worker/index.js";

const text = (bytes) => new TextDecoder().decode(bytes);

/**
 * @param {() => object} getDb the scenario's db
 * @param {() => Promise<{ alice: object, bob: object, posts: object[] }>} seed
 */
export function argumentScenarios(getDb, seed) {
  // Two authors with interleaved posts, so an unsorted answer cannot pass by chance.
  async function seedTwoAuthors() {
    const db = getDb();
    const { alice, bob } = await seed();
    await db.insert(posts).values([
      { authorId: bob.id, title: "B1", body: "b" },
      { authorId: alice.id, title: "A4", body: "a" },
    ]);
    return { alice, bob };
  }

  describe("callback forms", () => {
    it("orderBy((fields) => [...]) sorts by the fields it returns", async () => {
      const db = getDb();
      const { alice, bob } = await seedTwoAuthors();
      const query = db
        .select()
        .from(posts)
        .orderBy((t) => [desc(t.authorId), asc(t.id)]);
      assert.doesNotMatch(query.toSQL().sql, /order by [$?]/);
      const rows = await query;
      const expected = [bob.id, alice.id, alice.id, alice.id, alice.id];
      assert.deepEqual(rows.map((r) => r.authorId), expected);
      const aliceIds = rows.filter((r) => r.authorId === alice.id).map((r) => r.id);
      assert.deepEqual(aliceIds, [...aliceIds].sort((a, b) => a - b));
      assert.equal(text(await query.bytes()), JSON.stringify(rows));
    });

    it("orderBy and where callbacks receive a projection's fields", async () => {
      const db = getDb();
      await seedTwoAuthors();
      const all = (await db.select({ id: posts.id }).from(posts)).map((r) => r.id).sort((a, b) => a - b);
      const rows = await db
        .select({ postId: posts.id, author: posts.authorId })
        .from(posts)
        .where((f) => gt(f.postId, all[0]))
        .orderBy((f) => desc(f.postId));
      assert.deepEqual(rows.map((r) => r.postId), all.slice(1).reverse());
    });

    it("callbacks after a join receive one entry per table", async () => {
      const db = getDb();
      const { bob } = await seedTwoAuthors();
      const joined = await db
        .select()
        .from(posts)
        .innerJoin(users, eq(posts.authorId, users.id))
        .where((t) => eq(t.users.id, bob.id))
        .orderBy((t) => asc(t.posts.id));
      assert.deepEqual(joined.map((r) => r.posts.title), ["B1"]);
    });

    it("relational where and orderBy callbacks get the columns and the operators", async () => {
      const db = getDb();
      const { alice } = await seedTwoAuthors();
      const found = await db.query.users.findFirst({
        where: (u, { eq }) => eq(u.id, alice.id),
        with: { posts: { where: (p, { like }) => like(p.title, "%"), orderBy: (p, { desc }) => [desc(p.id)] } },
      });
      assert.deepEqual(found.posts.map((p) => p.title), ["A4", "Third", "Draft", "Hello"]);
    });
  });

  describe("relational columns", () => {
    it("columns: {} selects none of the table's own columns, only its relations", async () => {
      const db = getDb();
      const { alice } = await seed();
      const rows = await db.query.users.findMany({
        columns: {},
        where: eq(users.id, alice.id),
        with: { posts: { columns: { title: true }, orderBy: asc(posts.id) } },
      });
      assert.deepEqual(rows, [{ posts: [{ title: "Hello" }, { title: "Draft" }, { title: "Third" }] }]);
      const bare = await db.query.users.findMany({ columns: {}, orderBy: asc(users.id) });
      assert.deepEqual(bare, [{}, {}]);
    });

    it("columns keep the caller's order; false ones are left out in table order", async () => {
      const db = getDb();
      await seed();
      const picked = await db.query.users.findFirst({ columns: { name: true, id: true, email: true }, orderBy: asc(users.id) });
      assert.deepEqual(Object.keys(picked), ["name", "id", "email"]);
      const query = db.query.users.findFirst({ columns: { email: false, createdAt: false, updatedAt: false }, orderBy: asc(users.id) });
      assert.deepEqual(Object.keys(await query), ["id", "name", "role", "isActive"]);
      const nested = await db.query.posts.findFirst({
        columns: { title: true },
        with: { author: { columns: { name: true, role: true, id: true } } },
        orderBy: asc(posts.id),
      });
      assert.deepEqual(Object.keys(nested.author), ["name", "role", "id"]);
      assert.equal(text(await query.bytes()), JSON.stringify(await query));
    });
  });

  describe("arguments the API does not accept", () => {
    const refused = (call, pattern) =>
      assert.throws(call, (error) => error instanceof SluiceError && error.code === "invalid_value" && pattern.test(error.message));

    it("are refused where they are passed, naming the argument", () => {
      const db = getDb();
      refused(() => db.select().from(posts).orderBy((t) => t.nope), /orderBy\(\) callback's result item 1: .*got undefined/);
      refused(() => db.select().from(posts).orderBy(() => "id"), /orderBy\(\) callback's result item 1: .*the string "id"/);
      refused(() => db.select().from(posts).orderBy(posts.id, { expr: posts.id }), /orderBy\(\) item 2: .*an object/);
      refused(
        () => db.select({ title: posts.title }).from(posts).innerJoin(users, (f) => eq(f.authorId, users.id)),
        /eq\(\) argument 1 \(compared with users.id\): .*got undefined/,
      );
      refused(() => db.select().from(posts).where(posts.published), /where\(\): expected a condition.*got a column/);
      refused(() => db.select().from(posts).where(true), /where\(\): .*got boolean true/);
      refused(() => db.select().from(posts).limit("10"), /limit\(\): .*the string "10"/);
      refused(() => db.select().from(posts).offset(-1), /offset\(\): .*number -1/);
      refused(() => eq(posts.id, () => 1), /eq\(\) argument 2 \(compared with posts.id\): .*got a function/);
      refused(() => db.select().from(posts).orderBy(desc((t) => t.id)), /desc\(\) argument: .*got a function/);
      refused(() => eq(posts.id, asc(posts.id)), /eq\(\) argument 2 \(compared with posts.id\): .*asc\(\)\/desc\(\) ordering/);
      refused(() => eq(posts.id, users), /eq\(\) argument 2 \(compared with posts.id\): .*got a table/);
      refused(() => eq(posts.id, new Map()), /eq\(\) argument 2 \(compared with posts.id\): .*a Map object/);
      refused(() => db.select({ id: posts.id, n: 1 }), /select\(\): field "n" must be a column/);
      refused(() => db.delete(posts).where((t) => eq(t.id, 1)), /where\(\): .*got a function/);
      refused(() => db.$count(posts, "published"), /\$count\(\) argument 2/);
      refused(() => db.query.users.findMany({ where: users.id }), /where: expected a condition/);
      refused(() => db.query.users.findMany({ columns: { id: 1 } }), /columns.id: expected true or false/);
      refused(() => db.query.users.findMany({ limit: 2.5 }), /limit: .*number 2.5/);
      refused(() => db.query.users.findMany({ with: { posts: "all" } }), /with.posts: expected true or an object/);
      refused(() => db.query.users.findMany({ with: { posts: { orderBy: () => 3 } } }), /posts.orderBy callback's result item 1/);
    });

    it("misspelled options are named", () => {
      const db = getDb();
      assert.throws(
        () => db.query.users.findMany({ wehre: eq(users.id, 1) }),
        (error) => error instanceof SluiceError && error.code === "unsupported_feature" && error.path.join(".") === "wehre",
      );
      assert.throws(
        () => db.query.users.findMany({ with: { posts: { limt: 1 } } }),
        (error) => error instanceof SluiceError && error.path.join(".") === "posts.limt",
      );
    });
  });
}
