// Aggregates as select fields, groupBy and having, and $count.

const AGGREGATED = [
  ["posts", "views"],
  ["posts", "rating"],
  ["users", "age"],
  ["users", "score"],
  ["users", "balance"],
];

const overColumns = AGGREGATED.flatMap(([key, column]) =>
  ["count", "countDistinct", "sum", "sumDistinct", "avg", "avgDistinct", "min", "max"].map((fn) => ({
    name: `${fn}(${key}.${column})`,
    query: (db, t, o) => db.select({ value: o[fn](t[key][column]) }).from(t[key]),
  })),
);

const minMaxOfOtherTypes = [
  ["users", "name"],
  ["users", "createdAt"],
  ["users", "birthday"],
  ["posts", "createdAt"],
].flatMap(([key, column]) =>
  ["min", "max"].map((fn) => ({
    name: `${fn}(${key}.${column})`,
    query: (db, t, o) => db.select({ value: o[fn](t[key][column]) }).from(t[key]),
  })),
);

// Postgres has no min or max of a boolean.
const minMaxOfBoolean = ["min", "max"].map((fn) => ({
  name: `${fn}(posts.published)`,
  dialects: ["sqlite"],
  query: (db, t, o) => db.select({ value: o[fn](t.posts.published) }).from(t.posts),
}));

const counts = [
  { name: "count() of all users", query: (db, t, o) => db.select({ n: o.count() }).from(t.users) },
  {
    name: "count() with a where",
    query: (db, t, o) => db.select({ n: o.count() }).from(t.posts).where(o.eq(t.posts.published, true)),
  },
  { name: "count() of nothing", query: (db, t, o) => db.select({ n: o.count() }).from(t.posts).where(o.gt(t.posts.views, 1000)) },
  {
    name: "sum() of nothing is null",
    query: (db, t, o) =>
      db
        .select({ s: o.sum(t.posts.views), a: o.avg(t.posts.views), m: o.max(t.posts.views) })
        .from(t.posts)
        .where(o.gt(t.posts.views, 1000)),
  },
  {
    name: "several aggregates in one select",
    query: (db, t, o) =>
      db
        .select({
          n: o.count(),
          users: o.countDistinct(t.posts.authorId),
          views: o.sum(t.posts.views),
          top: o.max(t.posts.rating),
        })
        .from(t.posts),
  },
];

const grouped = [
  {
    name: "groupBy posts.authorId with count and sum",
    query: (db, t, o) =>
      db
        .select({ authorId: t.posts.authorId, n: o.count(), views: o.sum(t.posts.views) })
        .from(t.posts)
        .groupBy(t.posts.authorId)
        .orderBy(o.asc(t.posts.authorId)),
  },
  {
    name: "groupBy a boolean",
    query: (db, t, o) =>
      db
        .select({ published: t.posts.published, n: o.count(), maxViews: o.max(t.posts.views) })
        .from(t.posts)
        .groupBy(t.posts.published)
        .orderBy(t.posts.published),
  },
  {
    name: "groupBy a nullable column (nulls form one group)",
    query: (db, t, o) =>
      db.select({ age: t.users.age, n: o.count() }).from(t.users).groupBy(t.users.age).orderBy(o.asc(t.users.age)),
  },
  {
    name: "groupBy two columns",
    query: (db, t, o) =>
      db
        .select({ authorId: t.posts.authorId, published: t.posts.published, n: o.count() })
        .from(t.posts)
        .groupBy(t.posts.authorId, t.posts.published)
        .orderBy(t.posts.authorId, t.posts.published),
  },
  {
    name: "having count() > 1",
    query: (db, t, o) =>
      db
        .select({ authorId: t.posts.authorId, n: o.count() })
        .from(t.posts)
        .groupBy(t.posts.authorId)
        .having(o.gt(o.count(), 1))
        .orderBy(o.asc(t.posts.authorId)),
  },
  {
    name: "having on a sum, ordered by the aggregate",
    query: (db, t, o) =>
      db
        .select({ authorId: t.posts.authorId, views: o.sum(t.posts.views) })
        .from(t.posts)
        .groupBy(t.posts.authorId)
        .having(o.gte(o.sum(t.posts.views), 20))
        .orderBy(o.desc(o.sum(t.posts.views)), o.asc(t.posts.authorId)),
  },
  {
    name: "having callback over the selected fields",
    query: (db, t, o) =>
      db
        .select({ authorId: t.posts.authorId, n: o.count() })
        .from(t.posts)
        .groupBy(t.posts.authorId)
        .having((f) => o.eq(f.n, 2))
        .orderBy(o.asc(t.posts.authorId)),
  },
  {
    name: "groupBy with a join: posts per group member",
    query: (db, t, o) =>
      db
        .select({ group: t.groups.name, members: o.count(t.usersToGroups.id), posts: o.count(t.posts.id) })
        .from(t.groups)
        .leftJoin(t.usersToGroups, o.eq(t.usersToGroups.groupId, t.groups.id))
        .leftJoin(t.posts, o.eq(t.posts.authorId, t.usersToGroups.userId))
        .groupBy(t.groups.id, t.groups.name)
        .orderBy(o.asc(t.groups.id)),
  },
  {
    name: "groupBy with a where and limit",
    query: (db, t, o) =>
      db
        .select({ postId: t.comments.postId, n: o.count() })
        .from(t.comments)
        .where(o.isNull(t.comments.parentId))
        .groupBy(t.comments.postId)
        .orderBy(o.desc(o.count()), o.asc(t.comments.postId))
        .limit(2),
  },
  {
    name: "min and max of a timestamp per author",
    query: (db, t, o) =>
      db
        .select({ authorId: t.posts.authorId, first: o.min(t.posts.createdAt), last: o.max(t.posts.createdAt) })
        .from(t.posts)
        .groupBy(t.posts.authorId)
        .orderBy(o.asc(t.posts.authorId)),
  },
  {
    name: "avg of integers per author",
    dialects: ["postgres"],
    query: (db, t, o) =>
      db
        .select({ authorId: t.posts.authorId, avg: o.avg(t.posts.views) })
        .from(t.posts)
        .groupBy(t.posts.authorId)
        .orderBy(o.asc(t.posts.authorId)),
  },
  {
    name: "selectDistinct with an aggregate",
    unordered: true,
    query: (db, t, o) => db.selectDistinct({ n: o.count() }).from(t.posts).groupBy(t.posts.authorId),
  },
];

const dollarCount = [
  { name: "$count(users)", query: (db, t) => db.$count(t.users) },
  { name: "$count(posts, condition)", query: (db, t, o) => db.$count(t.posts, o.eq(t.posts.published, true)) },
  { name: "$count with no match", query: (db, t, o) => db.$count(t.comments, o.eq(t.comments.authorId, 999)) },
  { name: "$count(comments, isNull(parentId))", query: (db, t, o) => db.$count(t.comments, o.isNull(t.comments.parentId)) },
  {
    name: "$count with and()",
    query: (db, t, o) => db.$count(t.users, o.and(o.eq(t.users.isActive, true), o.isNotNull(t.users.age))),
  },
];

export const AGGREGATE_CASES = [...overColumns, ...minMaxOfOtherTypes, ...minMaxOfBoolean, ...counts, ...grouped, ...dollarCount];
