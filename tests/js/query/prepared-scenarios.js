// Prepared statements and the transaction refusal on a real database (registered by
// db-scenarios.js for D1 and for Postgres).
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { Core } from "../../../bindings/loader.js";
import { posts, users } from "../../../worker/app/schema.js";
import { SluiceError, asc, eq, inArray, sql } from "../../../worker/index.js";

const text = (bytes) => new TextDecoder().decode(bytes);

/**
 * @param {() => object} getDb the scenario's db
 * @param {() => Promise<{ alice: object, bob: object, posts: object[] }>} seed
 */
export function preparedScenarios(getDb, seed) {
  describe("prepared statements", () => {
    it("compile once and run with new values each time", async () => {
      const db = getDb();
      const { alice, bob } = await seed();
      const compile = Core.prototype.compile;
      let compiles = 0;
      Core.prototype.compile = function (...args) {
        compiles++;
        return compile.apply(this, args);
      };
      try {
        const byAuthor = db
          .select({ title: posts.title })
          .from(posts)
          .where(eq(posts.authorId, sql.placeholder("author")))
          .orderBy(asc(posts.id))
          .limit(sql.placeholder("n"))
          .prepare("byAuthor");
        const before = compiles;
        assert.deepEqual(await byAuthor.execute({ author: alice.id, n: 2 }), [{ title: "Hello" }, { title: "Draft" }]);
        assert.deepEqual(await byAuthor.execute({ author: bob.id, n: 2 }), []);
        assert.equal(text(await byAuthor.bytes({ author: alice.id, n: 1 })), '[{"title":"Hello"}]');
        assert.equal(compiles, before, "running a prepared statement compiles nothing");
      } finally {
        Core.prototype.compile = compile;
      }
      const some = db.select({ id: users.id }).from(users).where(inArray(users.id, sql.placeholder("ids"))).orderBy(asc(users.id)).prepare();
      assert.deepEqual(await some.execute({ ids: [bob.id, alice.id] }), [{ id: alice.id }, { id: bob.id }]);
    });

    it("a missing or non-value placeholder is a SluiceError naming it", async () => {
      const db = getDb();
      const prepared = db.select().from(users).where(eq(users.id, sql.placeholder("id"))).prepare("one");
      await assert.rejects(prepared.execute({}), (e) => e instanceof SluiceError && /"one": placeholder "id" has no value/.test(e.message));
      await assert.rejects(prepared.execute({ id: () => 1 }), (e) => e instanceof SluiceError && /placeholder "id": expected a value, got a function/.test(e.message));
      await assert.rejects(db.select().from(users).where(eq(users.id, sql.placeholder("id"))), (e) => e instanceof SluiceError && /\.prepare\(\)/.test(e.message));
    });

    it("$dynamic() is the builder itself", () => {
      const db = getDb();
      const query = db.select().from(users).$dynamic();
      assert.equal(query.where(eq(users.id, 1)), query);
    });
  });

  describe("transactions", () => {
    it("db.transaction() rejects with what replaces it", async () => {
      const db = getDb();
      let ran = false;
      await assert.rejects(
        db.transaction(async () => {
          ran = true;
        }),
        (e) => e instanceof SluiceError && e.code === "unsupported_feature" && /db\.batch/.test(e.message),
      );
      assert.equal(ran, false);
    });
  });
}
