// Plain selects: all columns, chosen fields, distinct, ordering with ties, limit and offset.

const TABLES = ["users", "groups", "usersToGroups", "posts", "comments"];

const allColumns = TABLES.map((key) => ({
  name: `select all columns of ${key}`,
  query: (db, t, o) => db.select().from(t[key]).orderBy(o.asc(t[key].id)),
}));

const unorderedAll = TABLES.map((key) => ({
  name: `select all columns of ${key} without orderBy`,
  unordered: true,
  query: (db, t) => db.select().from(t[key]),
}));

const fields = [
  ["id and name", (t) => ({ id: t.users.id, name: t.users.name })],
  ["nullable number columns", (t) => ({ id: t.users.id, age: t.users.age, score: t.users.score })],
  ["numeric and boolean", (t) => ({ id: t.users.id, balance: t.users.balance, active: t.users.isActive })],
  [
    "json, date and timestamp",
    (t) => ({ id: t.users.id, profile: t.users.profile, birthday: t.users.birthday, at: t.users.createdAt }),
  ],
  ["a column twice under two keys", (t) => ({ a: t.users.id, b: t.users.id, name: t.users.name })],
  ["keys in an order unlike the table's", (t) => ({ invitedBy: t.users.invitedBy, email: t.users.email, id: t.users.id })],
].map(([label, pick]) => ({
  name: `select fields: ${label}`,
  query: (db, t, o) => db.select(pick(t)).from(t.users).orderBy(o.asc(t.users.id)),
}));

const postFields = [
  ["title, views and rating", (t) => ({ id: t.posts.id, title: t.posts.title, views: t.posts.views, rating: t.posts.rating })],
  ["published and createdAt", (t) => ({ id: t.posts.id, published: t.posts.published, createdAt: t.posts.createdAt })],
  ["nullable body", (t) => ({ id: t.posts.id, body: t.posts.body })],
].map(([label, pick]) => ({
  name: `select posts fields: ${label}`,
  query: (db, t, o) => db.select(pick(t)).from(t.posts).orderBy(o.desc(t.posts.id)),
}));

const distinct = [
  ["users.age", (t) => ({ age: t.users.age }), "users"],
  ["users.isActive", (t) => ({ active: t.users.isActive }), "users"],
  ["users.balance", (t) => ({ balance: t.users.balance }), "users"],
  ["posts.authorId and published", (t) => ({ authorId: t.posts.authorId, published: t.posts.published }), "posts"],
  ["posts.views", (t) => ({ views: t.posts.views }), "posts"],
  ["usersToGroups.role", (t) => ({ role: t.usersToGroups.role }), "usersToGroups"],
].map(([label, pick, from]) => ({
  name: `selectDistinct ${label}`,
  unordered: true,
  query: (db, t) => db.selectDistinct(pick(t)).from(t[from]),
}));

const distinctOrdered = {
  name: "selectDistinct ordered by the distinct column",
  query: (db, t, o) => db.selectDistinct({ age: t.users.age }).from(t.users).orderBy(o.desc(t.users.age)),
};

const distinctOn = [
  {
    name: "selectDistinctOn the latest post per author",
    dialects: ["postgres"],
    query: (db, t, o) =>
      db
        .selectDistinctOn([t.posts.authorId], { authorId: t.posts.authorId, id: t.posts.id, title: t.posts.title })
        .from(t.posts)
        .orderBy(t.posts.authorId, o.desc(t.posts.createdAt), o.desc(t.posts.id)),
  },
  {
    name: "selectDistinctOn all columns, one user per age",
    dialects: ["postgres"],
    query: (db, t, o) => db.selectDistinctOn([t.users.age]).from(t.users).orderBy(t.users.age, o.asc(t.users.id)),
  },
];

// Each sortable column, both ways, ties broken by id so the order is total.
const ORDERABLE = {
  users: ["name", "email", "age", "score", "balance", "isActive", "birthday", "createdAt", "invitedBy"],
  posts: ["authorId", "title", "views", "rating", "published", "createdAt"],
};
const ordering = Object.entries(ORDERABLE).flatMap(([key, columns]) =>
  columns.flatMap((column) =>
    ["asc", "desc"].map((direction) => ({
      name: `orderBy ${key}.${column} ${direction}, then id`,
      query: (db, t, o) =>
        db.select({ id: t[key].id, value: t[key][column] }).from(t[key]).orderBy(o[direction](t[key][column]), o.asc(t[key].id)),
    })),
  ),
);

const orderingForms = [
  {
    name: "orderBy a bare column (ascending)",
    query: (db, t) => db.select({ id: t.users.id, name: t.users.name }).from(t.users).orderBy(t.users.name),
  },
  {
    name: "orderBy the callback form",
    query: (db, t, o) =>
      db
        .select()
        .from(t.posts)
        .orderBy((p) => [o.asc(p.authorId), o.desc(p.id)]),
  },
  {
    name: "orderBy a callback over selected fields",
    query: (db, t, o) =>
      db
        .select({ n: t.posts.views, id: t.posts.id })
        .from(t.posts)
        .orderBy((f) => [o.desc(f.n), o.asc(f.id)]),
  },
  {
    name: "orderBy called twice (the second replaces the first)",
    query: (db, t, o) => db.select({ id: t.users.id }).from(t.users).orderBy(o.asc(t.users.name)).orderBy(o.desc(t.users.id)),
  },
];

const paging = [
  [3, undefined],
  [3, 0],
  [3, 4],
  [5, 8],
  [0, undefined],
  [100, 2],
  [2, 100],
].map(([limit, offset]) => ({
  name: `limit ${limit}${offset === undefined ? "" : ` offset ${offset}`}`,
  query: (db, t, o) => {
    const q = db
      .select({ id: t.posts.id, title: t.posts.title })
      .from(t.posts)
      .orderBy(o.desc(t.posts.views), o.asc(t.posts.id))
      .limit(limit);
    return offset === undefined ? q : q.offset(offset);
  },
}));

const offsetOnly = {
  name: "offset without limit",
  query: (db, t, o) => db.select({ id: t.users.id }).from(t.users).orderBy(o.asc(t.users.id)).offset(7),
  drizzleWrong: {
    sqlite: {
      why: "SQLite needs a limit before offset; drizzle sends `offset ?` alone, a syntax error",
      reference: (db, t, o) => db.select({ id: t.users.id }).from(t.users).orderBy(o.asc(t.users.id)).limit(100).offset(7),
    },
  },
};

export const SELECT_CASES = [
  ...allColumns,
  ...unorderedAll,
  ...fields,
  ...postFields,
  ...distinct,
  distinctOrdered,
  ...distinctOn,
  ...ordering,
  ...orderingForms,
  ...paging,
  offsetOnly,
];
