// Values at the edges of what the operators and builders take: null operands, undefined
// members (left out, as drizzle leaves them out), empty logic and zero limits.

const users = (name, condition) => ({
  name,
  query: (db, t, o) => db.select({ id: t.users.id }).from(t.users).where(condition(t, o)).orderBy(o.asc(t.users.id)),
});

const reads = [
  users("eq(column, null) matches nothing", (t, o) => o.eq(t.users.age, null)),
  users("ne(column, null) matches nothing", (t, o) => o.ne(t.users.age, null)),
  users("inArray with a null member", (t, o) => o.inArray(t.users.age, [36, null])),
  users("notInArray with a null member", (t, o) => o.notInArray(t.users.age, [36, null])),
  users("or() of only undefined", (t, o) => o.or(undefined, undefined)),
  users("not(and(...))", (t, o) => o.not(o.and(o.gt(t.users.age, 20), o.lt(t.users.age, 40)))),
  {
    name: "like on a nullable column",
    query: (db, t, o) =>
      db.select({ id: t.posts.id }).from(t.posts).where(o.like(t.posts.body, "%e%")).orderBy(o.asc(t.posts.id)),
  },
  users("between reversed bounds matches nothing", (t, o) => o.between(t.users.age, 40, 20)),
  users("gt on text against a unicode value", (t, o) => o.gt(t.users.name, "Émile")),
  {
    name: "findMany with limit 0",
    query: (db) => db.query.users.findMany({ limit: 0 }),
  },
  {
    name: "findMany nested with limit 0",
    query: (db) =>
      db.query.users.findMany({ columns: { id: true }, with: { posts: { limit: 0 } }, orderBy: (u, { asc }) => [asc(u.id)] }),
  },
  {
    name: "findFirst with a where matching many, ordered",
    query: (db) =>
      db.query.posts.findFirst({
        where: (p, { gt }) => gt(p.views, 5),
        orderBy: (p, { desc, asc }) => [desc(p.views), asc(p.id)],
      }),
  },
];

const write = (name, query) => ({ name, write: true, query });

const writes = [
  write("update with an undefined member (left out)", (db, t, o) =>
    db.update(t.users).set({ name: "Zed", age: undefined }).where(o.eq(t.users.id, 2)).returning(),
  ),
  write("insert with undefined members (defaults and nulls)", (db, t) =>
    db
      .insert(t.users)
      .values({
        name: "Undef",
        email: "undef@example.com",
        createdAt: new Date(Date.UTC(2026, 4, 1)),
        age: undefined,
        isActive: undefined,
      })
      .returning(),
  ),
  write("delete with an and() of undefined and a condition", (db, t, o) =>
    db
      .delete(t.comments)
      .where(o.and(undefined, o.eq(t.comments.id, 11)))
      .returning(),
  ),
];

export const EDGE_CASES = [...reads, ...writes];
