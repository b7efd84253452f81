// The relational API (drizzle's RQB v1): findMany and findFirst with columns, with, where,
// orderBy, limit and offset, nested, over one-to-many, many-to-many and both self relations.
// Every many relation is ordered: an unordered aggregate has no defined order to compare.

const byId = (t, { asc }) => [asc(t.id)];

const findMany = [
  ["every user", { orderBy: byId }],
  ["users with chosen columns", { columns: { id: true, name: true, score: true }, orderBy: byId }],
  ["users with columns in an order unlike the table's", { columns: { profile: true, id: true, birthday: true }, orderBy: byId }],
  ["users with columns excluded", { columns: { profile: false, email: false }, orderBy: byId }],
  ["users with columns mixing true and false", { columns: { id: true, name: true, email: false }, orderBy: byId }],
  ["users with columns: {} and a relation", { columns: {}, with: { inviter: { columns: { name: true } } }, orderBy: byId }],
  ["users where a callback", { where: (t, { eq }) => eq(t.isActive, false), orderBy: byId }],
  [
    "users where and() in a callback",
    { where: (t, { and, gt, isNotNull }) => and(gt(t.age, 20), isNotNull(t.balance)), orderBy: byId },
  ],
  ["users ordered by a callback with two keys", { orderBy: (t, { desc, asc }) => [desc(t.age), asc(t.id)] }],
  ["users with limit", { orderBy: byId, limit: 3 }],
  ["users with limit and offset", { orderBy: byId, limit: 3, offset: 4 }],
  ["users with their inviter (a self relation)", { with: { inviter: { columns: { score: false } } }, orderBy: byId }],
  ["users with their invitees", { with: { invitees: { columns: { id: true, name: true }, orderBy: byId } }, orderBy: byId }],
  [
    "users with posts and each post's comments",
    { with: { posts: { columns: { rating: false }, orderBy: byId, with: { comments: { orderBy: byId } } } }, orderBy: byId },
  ],
  [
    "users with groups through memberships (many-to-many)",
    {
      columns: { id: true, name: true },
      with: { memberships: { columns: { role: true }, orderBy: byId, with: { group: true } } },
      orderBy: byId,
    },
  ],
  [
    "users with filtered, limited posts",
    {
      with: {
        posts: {
          columns: { id: true, title: true, views: true },
          where: (p, { eq }) => eq(p.published, true),
          orderBy: (p, { desc }) => [desc(p.views), desc(p.id)],
          limit: 1,
        },
      },
      orderBy: byId,
    },
  ],
  [
    "users with posts offset within each user",
    { columns: { id: true }, with: { posts: { columns: { id: true }, orderBy: byId, limit: 5, offset: 1 } }, orderBy: byId },
  ],
  [
    "users with inviter's inviter (two self levels)",
    {
      columns: { id: true, name: true },
      with: { inviter: { columns: { id: true, name: true }, with: { inviter: { columns: { name: true } } } } },
      orderBy: byId,
    },
  ],
  [
    "users with every relation at once",
    {
      with: {
        inviter: { columns: { id: true } },
        invitees: { columns: { id: true }, orderBy: byId },
        posts: { columns: { id: true, title: true }, orderBy: byId },
        memberships: { columns: { groupId: true }, orderBy: byId },
        comments: { columns: { text: true }, orderBy: byId },
      },
      orderBy: byId,
    },
  ],
].map(([label, config]) => ({ name: `findMany ${label}`, query: (db) => db.query.users.findMany(config) }));

const fromOtherTables = [
  [
    "posts",
    "posts with their author's name and age",
    { with: { author: { columns: { name: true, age: true } } }, orderBy: byId },
  ],
  [
    "posts",
    "posts with author columns and comments with replies",
    {
      columns: { id: true, title: true },
      with: { author: { columns: { name: true } }, comments: { orderBy: byId, with: { replies: { orderBy: byId } } } },
      orderBy: byId,
    },
  ],
  [
    "posts",
    "posts where views over 10, newest first",
    { where: (p, { gt }) => gt(p.views, 10), orderBy: (p, { desc }) => [desc(p.createdAt), desc(p.id)] },
  ],
  [
    "comments",
    "comments with their parent and post",
    { with: { parent: true, post: { columns: { title: true } } }, orderBy: byId },
  ],
  [
    "comments",
    "top-level comments with replies of replies",
    {
      where: (c, { isNull }) => isNull(c.parentId),
      with: { replies: { orderBy: byId, with: { replies: { orderBy: byId } } } },
      orderBy: byId,
    },
  ],
  [
    "groups",
    "groups with members through memberships",
    {
      with: { memberships: { orderBy: byId, with: { user: { columns: { id: true, name: true, profile: true } } } } },
      orderBy: byId,
    },
  ],
  ["groups", "groups with no description", { where: (g, { isNull }) => isNull(g.description), orderBy: byId }],
  [
    "usersToGroups",
    "memberships with user and group",
    { with: { user: { columns: { name: true } }, group: { columns: { name: true } } }, orderBy: byId },
  ],
].map(([key, label, config]) => ({ name: `findMany ${label}`, query: (db) => db.query[key].findMany(config) }));

const whereForms = [
  {
    name: "findMany where as an expression on the schema's columns",
    query: (db, t, o) => db.query.users.findMany({ where: o.inArray(t.users.id, [2, 4, 6]), orderBy: [o.asc(t.users.id)] }),
  },
  {
    name: "findMany orderBy as a list of columns",
    query: (db, t, o) =>
      db.query.posts.findMany({ columns: { id: true, authorId: true }, orderBy: [o.desc(t.posts.authorId), o.asc(t.posts.id)] }),
  },
  {
    name: "findMany orderBy as a single column",
    query: (db, t) => db.query.groups.findMany({ orderBy: t.groups.name }),
  },
];

const findFirst = [
  ["users", "the first user", { orderBy: byId }],
  ["users", "a user by id with posts", { where: (u, { eq }) => eq(u.id, 2), with: { posts: { orderBy: byId } } }],
  ["users", "no user (undefined)", { where: (u, { eq }) => eq(u.id, 999) }],
  ["users", "the oldest user with inviter", { orderBy: (u, { desc, asc }) => [desc(u.age), asc(u.id)], with: { inviter: true } }],
  ["users", "a user with offset", { orderBy: byId, offset: 2, columns: { id: true, name: true } }],
  [
    "posts",
    "a post with its author's memberships",
    { where: (p, { eq }) => eq(p.id, 6), with: { author: { with: { memberships: { orderBy: byId } } } } },
  ],
  ["comments", "a reply with its parent", { where: (c, { eq }) => eq(c.id, 3), with: { parent: { with: { parent: true } } } }],
  [
    "groups",
    "a group with columns: {} and memberships",
    { where: (g, { eq }) => eq(g.id, 4), columns: {}, with: { memberships: { orderBy: byId } } },
  ],
].map(([key, label, config]) => ({ name: `findFirst ${label}`, query: (db) => db.query[key].findFirst(config) }));

// drizzle builds nested rows with SQLite's JSON functions, which keep 15 significant digits of
// a real (0.30000000000000004 comes back as 0.3); the reference assembles the same rows from
// flat selects, which read every real exactly.
const ROUNDED = "drizzle nests rows with SQLite's json functions, which round reals to 15 digits";

const nestedReals = [
  {
    name: "findMany posts with their author (nested reals)",
    query: (db) => db.query.posts.findMany({ with: { author: true }, orderBy: byId }),
    drizzleWrong: {
      sqlite: {
        why: ROUNDED,
        reference: async (db, t, o) => {
          const rows = await db
            .select()
            .from(t.posts)
            .innerJoin(t.users, o.eq(t.posts.authorId, t.users.id))
            .orderBy(o.asc(t.posts.id));
          return rows.map((row) => ({ ...row.posts, author: row.users }));
        },
      },
    },
  },
  {
    name: "findMany users with their inviter (nested reals)",
    query: (db) =>
      db.query.users.findMany({
        columns: { id: true },
        with: { inviter: { columns: { id: true, score: true } } },
        orderBy: byId,
      }),
    drizzleWrong: {
      sqlite: {
        why: ROUNDED,
        reference: async (db, t, o) => {
          const inviter = o.alias(t.users, "inviter");
          const rows = await db
            .select({ id: t.users.id, inviterId: inviter.id, score: inviter.score })
            .from(t.users)
            .leftJoin(inviter, o.eq(t.users.invitedBy, inviter.id))
            .orderBy(o.asc(t.users.id));
          return rows.map(({ id, inviterId, score }) => ({ id, inviter: inviterId === null ? null : { id: inviterId, score } }));
        },
      },
    },
  },
  {
    name: "findMany users with their posts' ratings (nested reals)",
    query: (db) =>
      db.query.users.findMany({
        columns: { id: true },
        with: { posts: { columns: { id: true, rating: true }, orderBy: byId } },
        orderBy: byId,
      }),
    drizzleWrong: {
      sqlite: {
        why: ROUNDED,
        reference: async (db, t, o) => {
          const users = await db.select({ id: t.users.id }).from(t.users).orderBy(o.asc(t.users.id));
          const posts = await db
            .select({ id: t.posts.id, authorId: t.posts.authorId, rating: t.posts.rating })
            .from(t.posts)
            .orderBy(o.asc(t.posts.id));
          return users.map(({ id }) => ({
            id,
            posts: posts.filter((p) => p.authorId === id).map((p) => ({ id: p.id, rating: p.rating })),
          }));
        },
      },
    },
  },
  {
    name: "findFirst a user with posts (nested reals)",
    query: (db) => db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, 6), with: { posts: { orderBy: byId } } }),
    drizzleWrong: {
      sqlite: {
        why: ROUNDED,
        reference: async (db, t, o) => {
          const [user] = await db.select().from(t.users).where(o.eq(t.users.id, 6));
          return { ...user, posts: await db.select().from(t.posts).where(o.eq(t.posts.authorId, 6)).orderBy(o.asc(t.posts.id)) };
        },
      },
    },
  },
];

export const RELATIONAL_CASES = [...findMany, ...fromOtherTables, ...whereForms, ...findFirst, ...nestedReals];
