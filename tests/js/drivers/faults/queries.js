// The kinds of query a driver fault can meet, on a small seeded database: each builds its query
// on a db and says whether it writes (a write's error must say whether it was committed).
import { posts, users } from "../../../../worker/app/schema.js";
import { eq, sql } from "../../../../worker/index.js";

const AT = new Date("2026-01-02T03:04:05.678Z");

const seedUsers = [
  { id: 1, email: "ada@example.com", name: "Ada", createdAt: AT, updatedAt: AT },
  { id: 2, email: "bob@example.com", name: "Bob", createdAt: AT, updatedAt: AT },
];
const seedPosts = [{ id: 1, authorId: 1, title: "First", body: "Hello", createdAt: AT }];

/** Puts the database back to the seed: every case starts from the same rows. */
export async function reseed(db, clear) {
  await clear();
  await db.batch([db.insert(users).values(seedUsers), db.insert(posts).values(seedPosts)]);
}

const newUser = { id: 3, email: "cy@example.com", name: "Cy", createdAt: AT, updatedAt: AT };

/** name → { writes, run(db) }. */
export const QUERIES = {
  "select objects": { writes: false, run: (db) => db.select().from(users).where(eq(users.id, 1)) },
  "select .bytes()": { writes: false, run: (db) => db.select({ id: users.id, name: users.name }).from(users).bytes() },
  "findMany with posts": { writes: false, run: (db) => db.query.users.findMany({ with: { posts: true } }) },
  "findFirst .bytes()": { writes: false, run: (db) => db.query.users.findFirst({ where: eq(users.id, 2) }).bytes() },
  $count: { writes: false, run: (db) => db.$count(users) },
  "insert": { writes: true, run: (db) => db.insert(users).values(newUser) },
  "insert returning": { writes: true, run: (db) => db.insert(users).values(newUser).returning() },
  "update": { writes: true, run: (db) => db.update(users).set({ name: "Ada L." }).where(eq(users.id, 1)) },
  "update returning .bytes()": {
    writes: true,
    run: (db) => db.update(users).set({ name: "Ada L." }).where(eq(users.id, 1)).returning({ id: users.id, name: users.name }).bytes(),
  },
  "delete": { writes: true, run: (db) => db.delete(posts).where(eq(posts.id, 1)) },
  "delete returning": { writes: true, run: (db) => db.delete(posts).where(eq(posts.id, 1)).returning({ id: posts.id }) },
  execute: { writes: true, run: (db) => db.execute(sql`select ${users.id} as id, ${users.isActive} as active from ${users} where ${users.id} = ${1}`) },
  batch: {
    writes: true,
    run: (db) => db.batch([db.insert(users).values(newUser), db.select().from(users).where(eq(users.id, 2)), db.$count(posts)]),
  },
  "read-only batch": { writes: false, run: (db) => db.batch([db.select({ id: users.id }).from(users), db.$count(users)]) },
};
