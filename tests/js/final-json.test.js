// SQLite reads return the caller's final JSON built by SQLite itself: `.bytes()` hands that
// text through, awaiting parses it. Checked on a real local D1 against hand-written JSON (the
// bytes the decoder wrote for the same rows) and against JSON.stringify of the objects.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { posts, users } from "../../worker/app/schema.js";
import { asc, desc, eq } from "../../worker/index.js";
import { startD1 } from "./d1-database.js";

const text = (bytes) => new TextDecoder().decode(bytes);

let d1;
let db;

// Text JSON must escape exactly as JSON.stringify does: controls as \uXXXX or short escapes,
// DEL and the line separators raw, astral characters raw.
const TRICKY = 'q"b\\s/n\nt\tb\bf\fr\ru\u001fd\u007fls\u2028ps\u2029é😀\u0001';

before(async () => {
  d1 = await startD1();
  db = d1.db();
  // Stored the way the Worker stores them: booleans 0/1, timestamps epoch milliseconds.
  await d1.binding.batch([
    d1.binding
      .prepare("insert into users (id, email, name, role, is_active, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)")
      .bind(1, "a@x", TRICKY, "admin", 1, 1767225661500, 0),
    d1.binding
      .prepare("insert into users (id, email, name, role, is_active, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)")
      .bind(2, "b@x", "Bob", "viewer", 0, -1, 253402300799999),
    d1.binding
      .prepare("insert into posts (id, author_id, title, body, published, created_at) values (?, ?, ?, ?, ?, ?)")
      .bind(10, 1, "T'1", "b", 1, 1704103200123),
    d1.binding
      .prepare("insert into posts (id, author_id, title, body, published, created_at) values (?, ?, ?, ?, ?, ?)")
      .bind(11, 1, "T2", "b", 0, 1704189600000),
  ]);
});

after(() => d1?.mf.dispose());

async function same(query, expected) {
  const bytes = await query.bytes();
  assert.ok(bytes instanceof Uint8Array);
  assert.equal(text(bytes), expected);
  assert.equal(JSON.stringify(await query), expected);
}

const alice = `{"id":1,"email":"a@x","name":${JSON.stringify(TRICKY)},"role":"admin","isActive":true,"createdAt":"2026-01-01T00:01:01.500Z","updatedAt":"1970-01-01T00:00:00.000Z"}`;
const bob =
  '{"id":2,"email":"b@x","name":"Bob","role":"viewer","isActive":false,"createdAt":"1969-12-31T23:59:59.999Z","updatedAt":"9999-12-31T23:59:59.999Z"}';

describe("final JSON from SQLite", () => {
  it("selects booleans, millisecond timestamps and escaped text", async () => {
    await same(db.select().from(users).orderBy(asc(users.id)), `[${alice},${bob}]`);
    const [row] = await db.select().from(users).where(eq(users.id, 1));
    assert.equal(row.name, TRICKY);
    assert.ok(row.createdAt instanceof Date);
    assert.equal(row.createdAt.getTime(), 1767225661500);
  });

  it("nests a left join's tables and makes a missing row null", async () => {
    await same(
      db.select().from(users).leftJoin(posts, eq(posts.authorId, users.id)).where(eq(users.id, 2)),
      `[{"users":${bob},"posts":null}]`,
    );
    await same(
      db
        .select({ id: users.id, title: posts.title, published: posts.published })
        .from(users)
        .leftJoin(posts, eq(posts.authorId, users.id))
        .orderBy(asc(users.id), asc(posts.id)),
      '[{"id":1,"title":"T\'1","published":true},{"id":1,"title":"T2","published":false},{"id":2,"title":null,"published":null}]',
    );
  });

  it("nests relations two levels deep, in order", async () => {
    await same(
      db.query.users.findMany({
        columns: { id: true, isActive: true },
        orderBy: [asc(users.id)],
        with: { posts: { columns: { title: true, createdAt: true }, orderBy: [desc(posts.id)], with: { author: { columns: { id: true, updatedAt: true } } } } },
      }),
      '[{"id":1,"isActive":true,"posts":[' +
        '{"title":"T2","createdAt":"2024-01-02T10:00:00.000Z","author":{"id":1,"updatedAt":"1970-01-01T00:00:00.000Z"}},' +
        '{"title":"T\'1","createdAt":"2024-01-01T10:00:00.123Z","author":{"id":1,"updatedAt":"1970-01-01T00:00:00.000Z"}}]},' +
        '{"id":2,"isActive":false,"posts":[]}]',
    );
  });

  it("gives findFirst an object, or null bytes and undefined", async () => {
    await same(db.query.posts.findFirst({ columns: { id: true }, where: eq(posts.id, 11), with: { author: { columns: { name: true } } } }),
      `{"id":11,"author":{"name":${JSON.stringify(TRICKY)}}}`);
    const none = db.query.users.findFirst({ where: eq(users.id, 99) });
    assert.equal(text(await none.bytes()), "null");
    assert.equal(await none, undefined);
  });

  it("passes final JSON through a batch next to writes", async () => {
    const [list, updated, first] = await db.batch([
      db.select({ id: users.id }).from(users).orderBy(asc(users.id)),
      db.update(posts).set({ title: "T2" }).where(eq(posts.id, 11)),
      db.query.users.findFirst({ columns: { isActive: true }, where: eq(users.id, 2) }),
    ]);
    assert.deepEqual(list, [{ id: 1 }, { id: 2 }]);
    assert.deepEqual(updated, { rowsAffected: 1 });
    assert.deepEqual(first, { isActive: false });
    const [none] = await db.batch([db.query.users.findFirst({ columns: { id: true }, where: eq(users.id, 99) })]);
    assert.equal(none, undefined);
  });
});
