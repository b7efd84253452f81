// SQLite writes with `returning` hand back each row's final JSON object, built by SQLite: the
// bytes are those objects joined into an array, awaiting parses them. Checked on a real local
// D1 against hand-written JSON in the shape the decoder wrote before (key order, booleans,
// ISO millisecond timestamps) and against JSON.stringify of the awaited objects.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { posts, users } from "../../worker/app/schema.js";
import { eq } from "../../worker/index.js";
import { startD1 } from "./d1-database.js";

const text = (bytes) => new TextDecoder().decode(bytes);

let d1;
let db;

before(async () => {
  d1 = await startD1();
  db = d1.db();
});

after(() => d1?.mf.dispose());

const carol = {
  id: 5,
  email: "c@x",
  name: 'Carol "C" \\ é😀\n',
  role: "editor",
  isActive: false,
  createdAt: new Date(1767225661500),
  updatedAt: new Date(-1),
};
const carolJson =
  `{"id":5,"email":"c@x","name":${JSON.stringify(carol.name)},"role":"editor","isActive":false,` +
  '"createdAt":"2026-01-01T00:01:01.500Z","updatedAt":"1969-12-31T23:59:59.999Z"}';

async function bytesText(query) {
  const bytes = await query.bytes();
  assert.ok(bytes instanceof Uint8Array);
  return text(bytes);
}

describe("final JSON from SQLite writes with returning", () => {
  it("insert and delete: bytes, objects and Dates agree", async () => {
    assert.equal(await bytesText(db.insert(users).values(carol).returning()), `[${carolJson}]`);
    const removed = await db.delete(users).where(eq(users.id, 5)).returning();
    assert.equal(JSON.stringify(removed), `[${carolJson}]`);
    assert.deepEqual(Object.keys(removed[0]), ["id", "email", "name", "role", "isActive", "createdAt", "updatedAt"]);
    assert.ok(removed[0].createdAt instanceof Date);
    assert.equal(removed[0].updatedAt.getTime(), -1);

    const inserted = await db.insert(users).values(carol).returning();
    assert.equal(JSON.stringify(inserted), `[${carolJson}]`);
    assert.equal(await bytesText(db.delete(users).where(eq(users.id, 5)).returning()), `[${carolJson}]`);
  });

  it("update: a projection under its own keys, bytes equal the objects", async () => {
    await db.insert(users).values(carol);
    const query = db
      .update(users)
      .set({ isActive: true, updatedAt: new Date(1704103200123) })
      .where(eq(users.id, 5))
      .returning({ key: users.id, active: users.isActive, at: users.updatedAt });
    const expected = '[{"key":5,"active":true,"at":"2024-01-01T10:00:00.123Z"}]';
    assert.equal(await bytesText(query), expected);
    const rows = await query;
    assert.equal(JSON.stringify(rows), expected);
    assert.ok(rows[0].at instanceof Date);
    await db.delete(users).where(eq(users.id, 5));
  });

  it("concatenates the rows of a multi-row insert split over several statements", async () => {
    await db.insert(users).values(carol);
    // Four bound parameters a posts row on D1 (100 per statement): 30 rows take two statements.
    const rows = Array.from({ length: 30 }, (_, i) => ({
      id: 100 + i,
      authorId: 5,
      title: `t${i}`,
      body: "b",
      published: i % 2 === 0,
      createdAt: new Date(1704103200000 + i),
    }));
    const expected = `[${rows
      .map((r) => `{"id":${r.id},"published":${r.published},"createdAt":"${r.createdAt.toISOString()}"}`)
      .join(",")}]`;
    const returning = { id: posts.id, published: posts.published, createdAt: posts.createdAt };
    assert.ok(db.insert(posts).values(rows).returning(returning).toSQL().sql.includes("returning json_object("));
    assert.equal(await bytesText(db.insert(posts).values(rows).returning(returning)), expected);
    const removed = await db.delete(posts).where(eq(posts.authorId, 5)).returning(returning);
    assert.equal(JSON.stringify(removed), expected);
    const inserted = await db.insert(posts).values(rows).returning(returning);
    assert.equal(JSON.stringify(inserted), expected);
    await db.delete(users).where(eq(users.id, 5));
  });

  it("on conflict do nothing returns an empty array", async () => {
    await db.insert(users).values(carol);
    const query = db.insert(users).values({ email: "c@x", name: "Other" }).onConflictDoNothing({ target: users.email }).returning();
    assert.equal(await bytesText(query), "[]");
    assert.deepEqual(await query, []);
    await db.delete(users).where(eq(users.id, 5));
  });

  it("returns each builder's rows from a batch", async () => {
    const [inserted, updated, removed] = await db.batch([
      db.insert(users).values(carol).returning(),
      db.update(users).set({ name: "C2", updatedAt: new Date(-1) }).where(eq(users.id, 5)).returning({ name: users.name, isActive: users.isActive }),
      db.delete(users).where(eq(users.id, 5)).returning({ id: users.id, createdAt: users.createdAt }),
    ]);
    assert.equal(JSON.stringify(inserted), `[${carolJson}]`);
    assert.deepEqual(updated, [{ name: "C2", isActive: false }]);
    assert.equal(JSON.stringify(removed), '[{"id":5,"createdAt":"2026-01-01T00:01:01.500Z"}]');
    assert.ok(removed[0].createdAt instanceof Date);
  });
});
