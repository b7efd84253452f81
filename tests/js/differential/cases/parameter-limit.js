// D1 refuses a statement with more than 100 bound parameters. drizzle sends one anyway; sluice
// binds a list as one parameter and splits a long multi-row insert into one atomic batch.
const TOO_MANY = "D1 allows 100 bound parameters per statement; drizzle binds one per value and D1 refuses it";

const ids = Array.from({ length: 150 }, (_, i) => i + 1);
const rows = Array.from({ length: 30 }, (_, i) => ({
  name: `Bulk ${i}`,
  email: `bulk${i}@example.com`,
  age: i,
  createdAt: new Date(Date.UTC(2026, 3, 1, i)),
}));

const chunks = (list, size) =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

export const PARAMETER_LIMIT_CASES = [
  {
    name: "inArray with 150 values",
    query: (db, t, o) => db.select({ id: t.users.id }).from(t.users).where(o.inArray(t.users.id, ids)).orderBy(o.asc(t.users.id)),
    drizzleWrong: {
      sqlite: {
        why: TOO_MANY,
        reference: (db, t, o) =>
          db
            .select({ id: t.users.id })
            .from(t.users)
            .where(o.between(t.users.id, 1, 150))
            .orderBy(o.asc(t.users.id)),
      },
    },
  },
  {
    name: "notInArray with 150 values",
    query: (db, t, o) =>
      db.select({ id: t.posts.id }).from(t.posts).where(o.notInArray(t.posts.views, ids)).orderBy(o.asc(t.posts.id)),
    drizzleWrong: {
      sqlite: {
        why: TOO_MANY,
        reference: (db, t, o) =>
          db
            .select({ id: t.posts.id })
            .from(t.posts)
            .where(o.notBetween(t.posts.views, 1, 150))
            .orderBy(o.asc(t.posts.id)),
      },
    },
  },
  {
    name: "insert 30 rows of 11 columns returning()",
    write: true,
    query: (db, t) => db.insert(t.users).values(rows).returning(),
    drizzleWrong: {
      sqlite: {
        why: TOO_MANY,
        reference: async (db, t) =>
          (await db.batch(chunks(rows, 5).map((chunk) => db.insert(t.users).values(chunk).returning()))).flat(),
      },
    },
  },
];
