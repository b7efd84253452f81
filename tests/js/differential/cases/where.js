// Every where operator both libraries offer, over columns of every type, with values that hit
// ties, nulls and unicode.

const at = (day, hour = 0) => new Date(Date.UTC(2026, 0, day, hour));

const usersWhere = (name, condition) => ({
  name: `where ${name}`,
  query: (db, t, o) =>
    db.select({ id: t.users.id, name: t.users.name }).from(t.users).where(condition(t, o)).orderBy(o.asc(t.users.id)),
});

const postsWhere = (name, condition) => ({
  name: `where ${name}`,
  query: (db, t, o) =>
    db.select({ id: t.posts.id, title: t.posts.title }).from(t.posts).where(condition(t, o)).orderBy(o.asc(t.posts.id)),
});

// [table, column, a value it holds (with ties where the seed has them)]
const COMPARED = [
  ["users", "id", 5],
  ["users", "name", "Ada"],
  ["users", "email", "jose@example.com"],
  ["users", "age", 36],
  ["users", "score", 1.5],
  ["users", "score", 0.1 + 0.2],
  ["users", "balance", "100.00"],
  ["users", "isActive", true],
  ["users", "birthday", "1995-05-05"],
  ["users", "createdAt", at(3)],
  ["users", "invitedBy", 3],
  ["posts", "views", 10],
  ["posts", "rating", 3.3],
  ["posts", "published", false],
  ["posts", "createdAt", at(3, 8)],
  ["posts", "title", "Zoë's notes"],
];

const byTable = { users: usersWhere, posts: postsWhere };

const comparisons = COMPARED.flatMap(([key, column, value]) =>
  ["eq", "ne", "gt", "gte", "lt", "lte"].map((op) =>
    byTable[key](`${op}(${key}.${column}, ${JSON.stringify(value)})`, (t, o) => o[op](t[key][column], value)),
  ),
);

const columnToColumn = [
  ["eq", "users.id", "users.invitedBy"],
  ["ne", "users.id", "users.invitedBy"],
  ["gt", "users.id", "users.invitedBy"],
  ["lt", "users.age", "users.id"],
].map(([op, a, b]) =>
  usersWhere(`${op}(${a}, ${b}) (column against column)`, (t, o) => o[op](t.users[a.split(".")[1]], t.users[b.split(".")[1]])),
);

const PATTERNS = ["Ada", "ada", "A%", "%a%", "%ö%", "_d_", "%\\_%", "100%", "%", "Z%", "%é%", "李%"];
const likes = PATTERNS.flatMap((pattern) =>
  ["like", "notLike"].map((op) =>
    usersWhere(`${op}(users.name, ${JSON.stringify(pattern)})`, (t, o) => o[op](t.users.name, pattern)),
  ),
);
const postLikes = ["%hello%", "Hello%", "%done", "under\\_score", "%ä%"].map((pattern) =>
  postsWhere(`like(posts.title, ${JSON.stringify(pattern)})`, (t, o) => o.like(t.posts.title, pattern)),
);

// SQLite has no ilike: drizzle sends the keyword, which SQLite refuses; sluice sends `like`,
// which SQLite already runs without regard to ASCII case.
const ILIKE_PATTERNS = ["ada", "ADA", "a%", "%A%", "%bob", "%o%"];
const ilikes = ILIKE_PATTERNS.flatMap((pattern) =>
  [
    ["ilike", "like"],
    ["notIlike", "notLike"],
  ].map(([op, sqliteEquivalent]) => ({
    ...usersWhere(`${op}(users.name, ${JSON.stringify(pattern)})`, (t, o) => o[op](t.users.name, pattern)),
    drizzleWrong: {
      sqlite: {
        why: "SQLite has no ilike; drizzle sends it anyway (a syntax error), SQLite's like is already case-blind",
        reference: (db, t, o) =>
          db
            .select({ id: t.users.id, name: t.users.name })
            .from(t.users)
            .where(o[sqliteEquivalent](t.users.name, pattern))
            .orderBy(o.asc(t.users.id)),
      },
    },
  })),
);

const LISTS = [
  ["users", "id", [1, 3, 5]],
  ["users", "id", [999]],
  ["users", "name", ["Ada", "Zoë", "nobody"]],
  ["users", "age", [36, 28]],
  ["users", "score", [1.5, 0.1 + 0.2, 1e-7]],
  ["users", "balance", ["100.00", "7.25"]],
  ["users", "createdAt", [at(3), at(1, 9)]],
  ["posts", "authorId", [1, 2, 8]],
  ["posts", "rating", [3.3, 5, -1]],
  ["posts", "title", ["你好", "Sauna", "Café crème"]],
];
const lists = LISTS.flatMap(([key, column, values]) =>
  ["inArray", "notInArray"].map((op) =>
    byTable[key](`${op}(${key}.${column}, ${JSON.stringify(values)})`, (t, o) => o[op](t[key][column], values)),
  ),
);
const emptyLists = ["inArray", "notInArray"].map((op) => usersWhere(`${op}(users.id, [])`, (t, o) => o[op](t.users.id, [])));

const NULLABLE = [
  ["users", "age"],
  ["users", "score"],
  ["users", "balance"],
  ["users", "profile"],
  ["users", "birthday"],
  ["users", "invitedBy"],
  ["posts", "body"],
  ["posts", "rating"],
];
const nulls = NULLABLE.flatMap(([key, column]) =>
  ["isNull", "isNotNull"].map((op) => byTable[key](`${op}(${key}.${column})`, (t, o) => o[op](t[key][column]))),
);
const groupsNulls = ["isNull", "isNotNull"].map((op) => ({
  name: `where ${op}(groups.description)`,
  query: (db, t, o) => db.select().from(t.groups).where(o[op](t.groups.description)).orderBy(o.asc(t.groups.id)),
}));

const RANGES = [
  ["users", "age", 20, 36],
  ["users", "score", -1, 2],
  ["users", "balance", "0.00", "50"],
  ["users", "name", "A", "M"],
  ["users", "birthday", "1990-01-01", "2000-12-31"],
  ["users", "createdAt", at(2), at(5)],
  ["posts", "views", 5, 42],
  ["posts", "rating", 0.1, 3.3],
];
const ranges = RANGES.flatMap(([key, column, low, high]) =>
  ["between", "notBetween"].map((op) =>
    byTable[key](`${op}(${key}.${column}, ${JSON.stringify(low)}, ${JSON.stringify(high)})`, (t, o) =>
      o[op](t[key][column], low, high),
    ),
  ),
);

const logic = [
  ["and of two", (t, o) => o.and(o.eq(t.users.isActive, true), o.gt(t.users.age, 25))],
  ["or of two", (t, o) => o.or(o.isNull(t.users.age), o.lt(t.users.score, 0))],
  ["not of eq", (t, o) => o.not(o.eq(t.users.isActive, true))],
  ["not of isNull", (t, o) => o.not(o.isNull(t.users.birthday))],
  ["and inside or", (t, o) => o.or(o.and(o.eq(t.users.age, 36), o.eq(t.users.isActive, true)), o.like(t.users.name, "%ö%"))],
  ["or inside and", (t, o) => o.and(o.or(o.eq(t.users.age, 28), o.eq(t.users.age, 36)), o.isNotNull(t.users.score))],
  ["not of or", (t, o) => o.not(o.or(o.eq(t.users.id, 1), o.eq(t.users.id, 2)))],
  ["and with undefined members", (t, o) => o.and(undefined, o.eq(t.users.id, 2), undefined)],
  ["or with one member", (t, o) => o.or(o.eq(t.users.id, 4))],
  [
    "and of three mixed operators",
    (t, o) => o.and(o.inArray(t.users.id, [1, 2, 3, 4, 5, 6]), o.between(t.users.age, 19, 40), o.notLike(t.users.name, "Z%")),
  ],
  ["and()", (t, o) => o.and()],
].map(([label, condition]) => usersWhere(label, condition));

const whereForms = [
  {
    name: "where undefined (no condition)",
    query: (db, t, o) => db.select({ id: t.users.id }).from(t.users).where(undefined).orderBy(o.asc(t.users.id)),
  },
  {
    name: "where callback over selected fields",
    query: (db, t, o) =>
      db
        .select({ postId: t.posts.id, views: t.posts.views })
        .from(t.posts)
        .where((f) => o.gt(f.views, 10))
        .orderBy(o.asc(t.posts.id)),
  },
  {
    name: "where on a boolean column against false",
    query: (db, t, o) =>
      db.select({ id: t.posts.id }).from(t.posts).where(o.eq(t.posts.published, false)).orderBy(o.asc(t.posts.id)),
  },
];

export const WHERE_CASES = [
  ...comparisons,
  ...columnToColumn,
  ...likes,
  ...postLikes,
  ...ilikes,
  ...lists,
  ...emptyLists,
  ...nulls,
  ...groupsNulls,
  ...ranges,
  ...logic,
  ...whereForms,
];
