// The public API of docs/api.md end to end: one set of scenarios, run against a real local D1
// (db.test.js) and a real Postgres behind sluice-gateway (neon/db.test.js), with the same
// expected values; only what the databases name differently comes from the backend.
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";

import { Core } from "../../bindings/loader.js";
import { aggregateScenarios } from "./query/aggregate-scenarios.js";
import { argumentScenarios } from "./query/arguments-scenarios.js";
import { joinScenarios } from "./query/join-scenarios.js";
import { preparedScenarios } from "./query/prepared-scenarios.js";
import { sqlScenarios } from "./query/sql-scenarios.js";
import { subqueryScenarios } from "./query/subquery-scenarios.js";
import { posts, users } from "../../worker/app/schema.js";
import {
  DatabaseError,
  SluiceError,
  and,
  asc,
  desc,
  eq,
  gt,
  inArray,
  isNull,
  like,
  ne,
  or,
  sql,
} from "../../worker/index.js";

const text = (bytes) => new TextDecoder().decode(bytes);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Registers the scenarios with their hooks: the backend starts once for the file, its tables
 * are emptied before each test, and it stops at the end.
 * @param {{ dialect: "sqlite" | "postgres", start(): Promise<{ db(options?: object): object, clear(): Promise<void>, stop(): Promise<void> }>,
 *   placeholder(n: number): string, encoded(value: unknown): unknown,
 *   codes: { unique: string, foreignKey: string }, invalidEnum: object }} backend
 *   `start` resolves to a running database (`db()` binds it with createDb options),
 *   `placeholder` is the dialect's n-th parameter, `encoded` a value as the driver receives
 *   it, `codes` the database's error codes, `invalidEnum` what an enum value outside the
 *   list is rejected with
 */
export function dbScenarios(backend) {
  let running;
  let db;

  before(async () => {
    running = await backend.start();
    db = running.db();
  });

  after(() => running?.stop());

  beforeEach(() => running.clear());

  async function seed() {
    const [alice, bob] = await db
      .insert(users)
      .values([
        { email: "alice@example.com", name: "Alice", role: "admin" },
        { email: "bob@example.com", name: "Bob", isActive: false },
      ])
      .returning();
    const written = await db
      .insert(posts)
      .values([
        { authorId: alice.id, title: "Hello", body: "First post", published: true, createdAt: new Date("2024-01-01T10:00:00Z") },
        { authorId: alice.id, title: "Draft", body: "Second", createdAt: new Date("2024-01-02T10:00:00Z") },
        { authorId: alice.id, title: "Third", body: "Third post", published: true, createdAt: new Date("2024-01-03T10:00:00Z") },
      ])
      .returning();
    return { alice, bob, posts: written };
  }

  describe("insert", () => {
    it("returns full rows with defaults, booleans and Dates", async () => {
      const before = Date.now();
      const [row] = await db.insert(users).values({ email: "a@x.org", name: "A" }).returning();
      assert.equal(typeof row.id, "number");
      assert.equal(row.role, "viewer");
      assert.equal(row.isActive, true);
      assert.ok(row.createdAt instanceof Date);
      assert.ok(row.updatedAt instanceof Date);
      assert.ok(Math.abs(row.createdAt.getTime() - before) < 60_000);
      assert.deepEqual(Object.keys(row), ["id", "email", "name", "role", "isActive", "createdAt", "updatedAt"]);
    });

    it("returns partial rows and rowsAffected without returning", async () => {
      const ids = await db
        .insert(users)
        .values([
          { email: "a@x.org", name: "A" },
          { email: "b@x.org", name: "B" },
        ])
        .returning({ id: users.id });
      assert.equal(ids.length, 2);
      assert.deepEqual(Object.keys(ids[0]), ["id"]);
      assert.deepEqual(await db.insert(users).values({ email: "c@x.org", name: "C" }), { rowsAffected: 1 });
    });

    it("on conflict do nothing returns no row", async () => {
      await db.insert(users).values({ email: "a@x.org", name: "A" });
      const rows = await db.insert(users).values({ email: "a@x.org", name: "Other" }).onConflictDoNothing({ target: users.email }).returning();
      assert.deepEqual(rows, []);
    });

    it("on conflict do update sets the values and bumps $onUpdate columns", async () => {
      const [first] = await db.insert(users).values({ email: "a@x.org", name: "A", updatedAt: new Date("2020-01-01T00:00:00Z") }).returning();
      const [upserted] = await db
        .insert(users)
        .values({ email: "a@x.org", name: "A2" })
        .onConflictDoUpdate({ target: users.email, set: { name: "A3" } })
        .returning();
      assert.equal(upserted.id, first.id);
      assert.equal(upserted.name, "A3");
      assert.ok(upserted.updatedAt > first.updatedAt);
    });

    it("rejects empty values", () => {
      assert.throws(() => db.insert(users).values([]), SluiceError);
    });
  });

  describe("select", () => {
    it("filters, orders and pages; bytes() is the JSON of the objects", async () => {
      await seed();
      const query = db.select().from(posts).where(eq(posts.published, true)).orderBy(desc(posts.createdAt)).limit(10).offset(0);
      const rows = await query;
      assert.deepEqual(rows.map((r) => r.title), ["Third", "Hello"]);
      assert.equal(rows[0].published, true);
      assert.ok(rows[0].createdAt instanceof Date);
      assert.equal(rows[1].createdAt.toISOString(), "2024-01-01T10:00:00.000Z");
      const bytes = await query.bytes();
      assert.ok(bytes instanceof Uint8Array);
      assert.equal(text(bytes), JSON.stringify(rows));
    });

    it("projects across an inner join", async () => {
      await seed();
      const rows = await db
        .select({ id: posts.id, title: posts.title, authorName: users.name })
        .from(posts)
        .innerJoin(users, eq(posts.authorId, users.id))
        .where(and(eq(posts.published, true), eq(users.role, "admin")))
        .orderBy(asc(posts.id));
      assert.deepEqual(
        rows.map(({ title, authorName }) => ({ title, authorName })),
        [
          { title: "Hello", authorName: "Alice" },
          { title: "Third", authorName: "Alice" },
        ],
      );
      assert.deepEqual(Object.keys(rows[0]), ["id", "title", "authorName"]);
    });

    it("groups a left join per table, null when nothing matched", async () => {
      await seed();
      const rows = await db.select().from(users).leftJoin(posts, eq(posts.authorId, users.id)).where(eq(users.name, "Bob"));
      assert.equal(rows.length, 1);
      assert.equal(rows[0].users.name, "Bob");
      assert.equal(rows[0].users.isActive, false);
      assert.equal(rows[0].posts, null);
    });

    it("supports the other operators", async () => {
      await seed();
      const rows = await db
        .select({ name: users.name })
        .from(users)
        .where(or(inArray(users.email, ["bob@example.com"]), and(like(users.name, "Al%"), ne(users.role, "viewer"))))
        .orderBy(users.name);
      assert.deepEqual(rows, [{ name: "Alice" }, { name: "Bob" }]);
      assert.deepEqual(await db.select().from(users).where(inArray(users.id, [])), []);
      assert.deepEqual(await db.select().from(users).where(isNull(users.name)), []);
    });
  });

  describe("update and delete", () => {
    it("update returns rows; $onUpdate runs at every execution", async () => {
      const { alice } = await seed();
      const update = db.update(users).set({ name: "Alicia" }).where(eq(users.id, alice.id)).returning();
      const [once] = await update;
      assert.equal(once.name, "Alicia");
      assert.ok(once.updatedAt >= alice.updatedAt);
      await new Promise((r) => setTimeout(r, 5));
      const [twice] = await update;
      assert.ok(twice.updatedAt > once.updatedAt, "the second execution computed a new updatedAt");
    });

    it("update keeps a caller's value over $onUpdate; without returning gives rowsAffected", async () => {
      const { alice } = await seed();
      const pinned = new Date("2030-05-05T05:05:05.005Z");
      const [row] = await db.update(users).set({ name: "A", updatedAt: pinned }).where(eq(users.id, alice.id)).returning();
      assert.equal(row.updatedAt.toISOString(), pinned.toISOString());
      assert.deepEqual(await db.update(posts).set({ published: true }).where(eq(posts.authorId, alice.id)), { rowsAffected: 3 });
    });

    it("update with nothing to set is an error", async () => {
      await assert.rejects(db.update(users).set({}).where(eq(users.id, 1)), { code: "invalid_value" });
    });

    it("delete returns what it removed and cascades", async () => {
      const { alice, bob } = await seed();
      const removed = await db.delete(users).where(eq(users.id, alice.id)).returning({ id: users.id });
      assert.deepEqual(removed, [{ id: alice.id }]);
      assert.equal(await db.$count(posts), 0);
      assert.deepEqual(await db.delete(users).where(eq(users.id, bob.id)), { rowsAffected: 1 });
    });
  });

  describe("$count", () => {
    it("is a number, with or without a condition", async () => {
      await seed();
      assert.equal(await db.$count(posts), 3);
      assert.equal(await db.$count(posts, eq(posts.published, true)), 2);
      assert.equal(await db.$count(users, gt(users.id, 1_000_000)), 0);
    });
  });

  describe("relational queries", () => {
    it("findMany nests relations with their own where, order and limit", async () => {
      const { alice } = await seed();
      const rows = await db.query.users.findMany({
        columns: { id: true, email: true },
        where: eq(users.isActive, true),
        orderBy: [desc(users.id)],
        limit: 10,
        offset: 0,
        with: { posts: { where: (p, { eq }) => eq(p.published, true), orderBy: (p, { desc }) => desc(p.createdAt), limit: 5 } },
      });
      assert.equal(rows.length, 1);
      assert.deepEqual(Object.keys(rows[0]), ["id", "email", "posts"]);
      assert.equal(rows[0].id, alice.id);
      assert.deepEqual(rows[0].posts.map((p) => p.title), ["Third", "Hello"]);
      assert.ok(rows[0].posts[0].createdAt instanceof Date);
      assert.equal(rows[0].posts[0].published, true);
    });

    it("findFirst returns an object, undefined when nothing matches; bytes agree", async () => {
      const { alice } = await seed();
      const query = db.query.users.findFirst({ where: eq(users.id, alice.id), with: { posts: true } });
      const user = await query;
      assert.equal(user.name, "Alice");
      assert.equal(user.posts.length, 3);
      assert.ok(user.createdAt instanceof Date);
      assert.equal(text(await query.bytes()), JSON.stringify(user));
      assert.match(JSON.parse(text(await query.bytes())).posts[0].createdAt, ISO);

      const missing = db.query.users.findFirst({ where: eq(users.id, -1), with: { posts: true } });
      assert.equal(await missing, undefined);
      assert.equal(text(await missing.bytes()), "null");
    });

    it("follows one() relations", async () => {
      const { posts: written } = await seed();
      const post = await db.query.posts.findFirst({ where: eq(posts.id, written[0].id), with: { author: true } });
      assert.equal(post.author.name, "Alice");
      assert.equal(post.author.isActive, true);
      assert.ok(post.author.updatedAt instanceof Date);
    });
  });

  describe("batch", () => {
    it("runs builders in one round trip and returns one result per builder", async () => {
      const logged = [];
      const logging = running.db({ logger: { logQuery: (q, p) => logged.push([q, p]) } });
      const [inserted, all, count, raw] = await logging.batch([
        logging.insert(users).values({ email: "a@x.org", name: "A" }).returning({ id: users.id, email: users.email }),
        logging.select({ email: users.email }).from(users),
        logging.$count(users),
        logging.execute(sql`select ${users.email} as e from ${users}`),
      ]);
      assert.deepEqual(inserted.map((r) => r.email), ["a@x.org"]);
      assert.deepEqual(all, [{ email: "a@x.org" }]);
      assert.equal(count, 1);
      assert.deepEqual(raw, [{ e: "a@x.org" }]);
      assert.equal(logged.length, 4, "batch items are logged");
    });

    it("is atomic: a failing statement undoes the others", async () => {
      await db.insert(users).values({ email: "taken@x.org", name: "T" });
      await assert.rejects(
        db.batch([db.insert(users).values({ email: "new@x.org", name: "N" }), db.insert(users).values({ email: "taken@x.org", name: "T2" })]),
        (e) => e instanceof DatabaseError && e.kind === "unique_violation",
      );
      assert.equal(await db.$count(users), 1);
    });
  });

  describe("execute", () => {
    it("binds values, never splices them", async () => {
      await seed();
      const evil = "x' or '1'='1";
      assert.deepEqual(await db.execute(sql`select ${users.name} as name from ${users} where ${users.name} = ${evil}`), []);
      // Casts: Postgres cannot add two parameters of unknown type.
      const rows = await db.execute(sql`select cast(${1} as integer) + cast(${2} as integer) as three, ${"it's"} as s`);
      assert.deepEqual(rows, [{ three: 3, s: "it's" }]);
      assert.deepEqual(db.execute(sql`select ${5} as n`).toSQL(), { sql: `select ${backend.placeholder(1)} as n`, params: [backend.encoded(5)] });
    });
  });

  describe("multi-row inserts over D1's parameter limit", () => {
    it("are split into statements sent as one batch", async () => {
      const { alice } = await seed();
      const rows = Array.from({ length: 30 }, (_, i) => ({
        authorId: alice.id,
        title: `Post ${i}`,
        body: "b",
        published: i % 2 === 0,
        createdAt: new Date(Date.UTC(2024, 0, 1, 0, i)),
      }));
      const inserted = await db.insert(posts).values(rows).returning({ id: posts.id, title: posts.title });
      assert.deepEqual(inserted.map((r) => r.title), rows.map((r) => r.title));
      assert.equal(await db.$count(posts), 33);
      const bytes = await db.insert(posts).values(rows).returning({ title: posts.title }).bytes();
      assert.deepEqual(JSON.parse(text(bytes)).map((r) => r.title), rows.map((r) => r.title));
      assert.deepEqual(await db.insert(posts).values(rows), { rowsAffected: 30 });
    });

    it("stay atomic: a duplicate in the last chunk leaves nothing inserted", async () => {
      const rows = Array.from({ length: 60 }, (_, i) => ({ email: `u${i}@x.org`, name: `U${i}` }));
      rows.push({ email: "u0@x.org", name: "dup" });
      await assert.rejects(db.insert(users).values(rows), { kind: "unique_violation" });
      assert.equal(await db.$count(users), 0);
    });
  });

  describe("errors", () => {
    it("a unique violation is a DatabaseError naming table, column and index", async () => {
      await db.insert(users).values({ email: "a@x.org", name: "A" });
      const error = await db
        .insert(users)
        .values({ email: "a@x.org", name: "B" })
        .then(
          () => assert.fail("inserted a duplicate"),
          (e) => e,
        );
      assert.ok(error instanceof DatabaseError);
      assert.equal(error.kind, "unique_violation");
      assert.equal(error.code, backend.codes.unique);
      assert.equal(error.table, "users");
      assert.equal(error.column, "email");
      assert.equal(error.constraint, "users_email_idx");
      assert.match(error.sql, /^insert into "users"/);
    });

    it("a foreign key violation is a DatabaseError", async () => {
      await assert.rejects(db.insert(posts).values({ authorId: 999_999, title: "t", body: "b" }), {
        name: "DatabaseError",
        kind: "foreign_key_violation",
        code: backend.codes.foreignKey,
      });
    });

    it("not null and check violations are DatabaseErrors", async () => {
      await assert.rejects(db.insert(users).values({ email: "n@x.org", name: null }), {
        kind: "not_null_violation",
        table: "users",
        column: "name",
      });
      await assert.rejects(db.insert(users).values({ email: "r@x.org", name: "R", role: "root" }), backend.invalidEnum);
    });

    it("core errors are SluiceErrors with code and path", async () => {
      await assert.rejects(db.select().from(users).innerJoin(users, eq(users.id, users.id)), (e) => {
        assert.ok(e instanceof SluiceError);
        assert.equal(e.code, "unsupported_feature");
        assert.ok(Array.isArray(e.path));
        return true;
      });
    });

    it("undefined values are typed errors naming the column", () => {
      assert.throws(() => db.select().from(users).where(eq(users.email, undefined)), {
        code: "invalid_value",
        message: /users\.email/,
      });
    });
  });

  describe("compile cache", () => {
    it("compiles one shape once per isolate", async () => {
      const compile = Core.prototype.compile;
      let calls = 0;
      Core.prototype.compile = function (...args) {
        calls++;
        return compile.apply(this, args);
      };
      try {
        await db.select().from(users).where(eq(users.email, "cache-1@x.org")).limit(7);
        await db.select().from(users).where(eq(users.email, "cache-2@x.org")).limit(8);
        assert.equal(calls, 1);
      } finally {
        Core.prototype.compile = compile;
      }
    });
  });

  describe("toSQL and logger", () => {
    it("toSQL shows the first statement with encoded parameters", () => {
      const { sql: text, params } = db.select().from(users).where(eq(users.isActive, true)).limit(3).toSQL();
      assert.ok(text.includes(`"users"."is_active" = ${backend.placeholder(1)}`), text);
      assert.deepEqual(params.slice(0, 1), [backend.encoded(true)]);
    });

    it("logger: true prints drizzle's line", async (t) => {
      const lines = [];
      t.mock.method(console, "log", (line) => lines.push(line));
      await running.db({ logger: true }).$count(users, eq(users.email, "x@y.z"));
      assert.equal(lines.length, 1);
      assert.match(lines[0], /^Query: select count\(\*\) from "users" where .* -- params: \["x@y\.z"\]$/);
    });
  });

  argumentScenarios(() => db, seed);
  aggregateScenarios(() => db, seed, backend.dialect);
  sqlScenarios(() => db, seed);
  joinScenarios(() => db, seed);
  preparedScenarios(() => db, seed);
  subqueryScenarios(() => db, seed, backend.dialect);
}
