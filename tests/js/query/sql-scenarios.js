// sql`...` fragments wherever an expression goes, on a real database (registered by
// db-scenarios.js for D1 and for Postgres): the same answers on both.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { posts, users } from "../../../worker/app/schema.js";
import { SluiceError, and, asc, eq, sql } from "../../../worker/index.js";

const text = (bytes) => new TextDecoder().decode(bytes);

/**
 * @param {() => object} getDb the scenario's db
 * @param {() => Promise<{ alice: object, bob: object, posts: object[] }>} seed
 */
export function sqlScenarios(getDb, seed) {
  describe("sql fragments", () => {
    it("as select fields: the database's own value, or mapped", async () => {
      const db = getDb();
      const { alice } = await seed();
      const query = db
        .select({
          lower: sql`lower(${users.name})`,
          idPlusOne: sql`${users.id} + 1`,
          label: sql`'#' || ${users.id}`.mapWith(String),
          tenth: sql`${users.id} / 10.0`.mapWith(Number),
          active: sql`${users.isActive}`.mapWith(users.isActive),
          joined: sql`${users.createdAt}`.mapWith(users.createdAt),
        })
        .from(users)
        .where(eq(users.id, alice.id));
      const [row] = await query;
      assert.deepEqual(row, {
        lower: "alice",
        idPlusOne: alice.id + 1,
        label: `#${alice.id}`,
        tenth: alice.id / 10,
        active: true,
        joined: alice.createdAt,
      });
      assert.equal(text(await query.bytes()), JSON.stringify([row]));
    });

    it("in where, orderBy, groupBy and having, with bound values", async () => {
      const db = getDb();
      const { alice } = await seed();
      const rows = await db
        .select({ title: posts.title })
        .from(posts)
        .where(sql`${posts.authorId} = ${alice.id} and ${posts.title} <> ${"Draft"}`)
        .orderBy(sql`length(${posts.title}) desc, ${posts.id}`);
      // Both titles are five letters long: the id breaks the tie.
      assert.deepEqual(rows.map((r) => r.title), ["Hello", "Third"]);
      const grouped = await db
        .select({ initial: sql`substr(${posts.title}, 1, 1)`, n: sql`count(*)`.mapWith(Number) })
        .from(posts)
        .groupBy(sql`substr(${posts.title}, 1, 1)`)
        .having(sql`count(*) >= ${1}`)
        .orderBy(sql`substr(${posts.title}, 1, 1)`);
      assert.deepEqual(grouped, [
        { initial: "D", n: 1 },
        { initial: "H", n: 1 },
        { initial: "T", n: 1 },
      ]);
    });

    it("an or inside a fragment stays one condition under and()", async () => {
      const db = getDb();
      const { alice, bob } = await seed();
      const rows = await db
        .select({ id: users.id })
        .from(users)
        .where(and(sql`${users.id} = ${alice.id} or ${users.id} = ${bob.id}`, eq(users.id, bob.id)));
      assert.deepEqual(rows, [{ id: bob.id }]);
    });

    it("in update set: computed from the row itself", async () => {
      const db = getDb();
      const { posts: written } = await seed();
      const [updated] = await db
        .update(posts)
        .set({ title: sql`${posts.title} || ${"!"}` })
        .where(eq(posts.id, written[0].id))
        .returning({ title: posts.title });
      assert.deepEqual(updated, { title: "Hello!" });
    });

    it("db.execute quotes tables and identifiers and binds values", async () => {
      const db = getDb();
      const { alice } = await seed();
      const rows = await db.execute(
        sql`select ${users.name} as ${sql.identifier("the name")} from ${users} where ${sql.join([sql`${users.id} = ${alice.id}`, sql.raw("1 = 1")], sql` and `)}${sql.empty()}`,
      );
      assert.deepEqual(rows, [{ "the name": "Alice" }]);
      assert.match(db.execute(sql`select ${users.name} from ${users}`).toSQL().sql, /^select "users"\."name" from "users"$/);
    });

    it("refuses what is not a value and mapWith decoders it cannot apply", () => {
      assert.throws(() => sql`select ${() => 1}`, (e) => e instanceof SluiceError && /sql`` value 1: .*a function/.test(e.message));
      assert.throws(() => sql`1`.mapWith(Date), (e) => e instanceof SluiceError && /mapWith\(\) takes/.test(e.message));
      assert.ok(asc(sql`1`));
    });
  });
}
