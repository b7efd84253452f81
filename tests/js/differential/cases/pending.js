// Cases for features other branches are building; each names what it waits for. Moving a case
// into its family's file (and out of here) is all it takes to run it once the feature lands:
// the sluice side reads the helpers it needs (alias, union, exists, ...) from sluice's exports.

const SUBQUERIES =
  "subqueries: from/join a subquery, inArray/exists with a subquery, scalar subqueries, $count as a field, insert().select()";
const CTES = "CTEs: db.$with(name).as(query) and db.with(...)";
const SET_OPERATIONS = "set operations: union, unionAll, intersect, intersectAll, except, exceptAll";
const ALIAS = "alias(table, name) for self-joins and a table joined twice";
const NESTED = "nested selection objects in select({ user: { ... } })";
const CONFLICT_WHERE = "onConflictDoUpdate where/setWhere/targetWhere and onConflictDoNothing where";
const UPDATE_FROM = "update ... from";
const EXTRAS = "relational extras";

const at = (day) => new Date(Date.UTC(2026, 2, day));

const subqueries = [
  {
    name: "select all from a subquery",
    query: (db, t, o) => {
      const sq = db.select({ id: t.users.id, name: t.users.name }).from(t.users).where(o.gt(t.users.age, 25)).as("sq");
      return db.select().from(sq).orderBy(o.asc(sq.id));
    },
  },
  {
    name: "filter a grouped subquery on its aggregate",
    query: (db, t, o) => {
      const sq = db
        .select({ authorId: t.posts.authorId, n: o.count().as("n") })
        .from(t.posts)
        .groupBy(t.posts.authorId)
        .as("per_author");
      return db.select({ authorId: sq.authorId, n: sq.n }).from(sq).where(o.gt(sq.n, 1)).orderBy(o.asc(sq.authorId));
    },
  },
  {
    name: "join a subquery",
    query: (db, t, o) => {
      const sq = db
        .select({ authorId: t.posts.authorId, views: o.sum(t.posts.views).as("views") })
        .from(t.posts)
        .groupBy(t.posts.authorId)
        .as("totals");
      return db
        .select({ name: t.users.name, views: sq.views })
        .from(t.users)
        .innerJoin(sq, o.eq(t.users.id, sq.authorId))
        .orderBy(o.asc(t.users.id));
    },
  },
  {
    name: "leftJoin a subquery, all columns",
    query: (db, t, o) => {
      const sq = db
        .select({ userId: t.usersToGroups.userId, role: t.usersToGroups.role })
        .from(t.usersToGroups)
        .where(o.eq(t.usersToGroups.groupId, 2))
        .as("writers");
      return db.select().from(t.users).leftJoin(sq, o.eq(t.users.id, sq.userId)).orderBy(o.asc(t.users.id));
    },
  },
  {
    name: "inArray with a subquery",
    query: (db, t, o) =>
      db
        .select({ id: t.users.id })
        .from(t.users)
        .where(o.inArray(t.users.id, db.select({ id: t.posts.authorId }).from(t.posts).where(o.eq(t.posts.published, false))))
        .orderBy(o.asc(t.users.id)),
  },
  {
    name: "notInArray with a subquery",
    query: (db, t, o) =>
      db
        .select({ id: t.users.id })
        .from(t.users)
        .where(o.notInArray(t.users.id, db.select({ id: t.comments.authorId }).from(t.comments)))
        .orderBy(o.asc(t.users.id)),
  },
  {
    name: "exists with a correlated subquery",
    query: (db, t, o) =>
      db
        .select({ id: t.users.id })
        .from(t.users)
        .where(
          o.exists(
            db
              .select({ one: o.sql`1` })
              .from(t.posts)
              .where(o.and(o.eq(t.posts.authorId, t.users.id), o.gt(t.posts.views, 20))),
          ),
        )
        .orderBy(o.asc(t.users.id)),
  },
  {
    name: "notExists with a correlated subquery",
    query: (db, t, o) =>
      db
        .select({ id: t.users.id })
        .from(t.users)
        .where(
          o.notExists(
            db
              .select({ one: o.sql`1` })
              .from(t.usersToGroups)
              .where(o.eq(t.usersToGroups.userId, t.users.id)),
          ),
        )
        .orderBy(o.asc(t.users.id)),
  },
  {
    name: "a scalar subquery as a select field",
    query: (db, t, o) =>
      db
        .select({
          id: t.users.id,
          latest: o.sql`(${db
            .select({ m: o.max(t.posts.views) })
            .from(t.posts)
            .where(o.eq(t.posts.authorId, t.users.id))})`.mapWith(Number),
        })
        .from(t.users)
        .orderBy(o.asc(t.users.id)),
  },
  {
    name: "$count as a select field",
    query: (db, t, o) =>
      db
        .select({ id: t.users.id, posts: db.$count(t.posts, o.eq(t.posts.authorId, t.users.id)) })
        .from(t.users)
        .orderBy(o.asc(t.users.id)),
  },
  {
    name: "update where inArray of a subquery",
    write: true,
    query: (db, t, o) =>
      db
        .update(t.posts)
        .set({ published: true })
        .where(o.inArray(t.posts.authorId, db.select({ id: t.users.id }).from(t.users).where(o.eq(t.users.isActive, false))))
        .returning({ id: t.posts.id }),
  },
  {
    name: "delete where exists",
    write: true,
    query: (db, t, o) =>
      db
        .delete(t.usersToGroups)
        .where(
          o.exists(
            db
              .select({ one: o.sql`1` })
              .from(t.users)
              .where(o.and(o.eq(t.users.id, t.usersToGroups.userId), o.eq(t.users.isActive, false))),
          ),
        )
        .returning(),
  },
  {
    name: "insert().select()",
    write: true,
    query: (db, t, o) =>
      db
        .insert(t.usersToGroups)
        .select(
          db
            .select({
              id: o.sql`${t.users.id} + 100`.as("id"),
              userId: t.users.id,
              groupId: o.sql`4`.as("group_id"),
              role: o.sql`'guest'`.as("role"),
            })
            .from(t.users)
            .where(o.isNull(t.users.age)),
        )
        .returning(),
  },
].map((kase) => ({ ...kase, waitsFor: SUBQUERIES }));

const ctes = [
  {
    name: "select from a CTE",
    query: (db, t, o) => {
      const active = db.$with("active").as(db.select().from(t.users).where(o.eq(t.users.isActive, true)));
      return db.with(active).select().from(active).orderBy(o.asc(active.id));
    },
  },
  {
    name: "two CTEs joined",
    query: (db, t, o) => {
      const authors = db.$with("authors").as(db.select({ id: t.users.id, name: t.users.name }).from(t.users));
      const counts = db.$with("counts").as(
        db
          .select({ authorId: t.posts.authorId, n: o.count().as("n") })
          .from(t.posts)
          .groupBy(t.posts.authorId),
      );
      return db
        .with(authors, counts)
        .select({ name: authors.name, n: counts.n })
        .from(authors)
        .innerJoin(counts, o.eq(authors.id, counts.authorId))
        .orderBy(o.asc(authors.id));
    },
  },
  {
    name: "a CTE with an aggregate filtered outside",
    query: (db, t, o) => {
      const totals = db.$with("totals").as(
        db
          .select({ authorId: t.posts.authorId, views: o.sum(t.posts.views).as("views") })
          .from(t.posts)
          .groupBy(t.posts.authorId),
      );
      return db.with(totals).select().from(totals).where(o.gt(totals.views, 20)).orderBy(o.asc(totals.authorId));
    },
  },
  {
    name: "a data-modifying CTE: insert a user and read her back in one statement",
    dialects: ["postgres"],
    write: true,
    query: (db, t) => {
      const inserted = db.$with("inserted").as(
        db
          .insert(t.users)
          .values({ name: "CTE", email: "cte@example.com", createdAt: at(1) })
          .returning(),
      );
      return db.with(inserted).select({ id: inserted.id, name: inserted.name }).from(inserted);
    },
  },
].map((kase) => ({ ...kase, waitsFor: CTES }));

const names = (db, t) => db.select({ name: t.users.name }).from(t.users);
const groupNames = (db, t) => db.select({ name: t.groups.name }).from(t.groups);
const ages = (db, t, o, max) => db.select({ age: t.users.age }).from(t.users).where(o.lte(t.users.age, max));

const setOperations = [
  { name: "union as a builder method", unordered: true, query: (db, t) => names(db, t).union(groupNames(db, t)) },
  { name: "unionAll as a builder method", unordered: true, query: (db, t, o) => ages(db, t, o, 40).unionAll(ages(db, t, o, 30)) },
  { name: "intersect", unordered: true, query: (db, t, o) => ages(db, t, o, 40).intersect(ages(db, t, o, 30)) },
  { name: "except", unordered: true, query: (db, t, o) => ages(db, t, o, 40).except(ages(db, t, o, 30)) },
  {
    name: "intersectAll",
    dialects: ["postgres"],
    unordered: true,
    query: (db, t, o) => ages(db, t, o, 40).intersectAll(ages(db, t, o, 36)),
  },
  {
    name: "exceptAll",
    dialects: ["postgres"],
    unordered: true,
    query: (db, t, o) => ages(db, t, o, 40).exceptAll(ages(db, t, o, 30)),
  },
  {
    name: "union as a function of three queries",
    unordered: true,
    query: (db, t, o) => o.union(names(db, t), groupNames(db, t), db.select({ name: t.posts.title }).from(t.posts)),
  },
  {
    name: "union with orderBy and limit on the result",
    query: (db, t, o) => names(db, t).union(groupNames(db, t)).orderBy(o.desc(t.users.name)).limit(5),
  },
  {
    name: "unionAll then orderBy and offset",
    query: (db, t, o) =>
      ages(db, t, o, 40)
        .unionAll(ages(db, t, o, 30))
        .orderBy(t.users.age)
        .limit(4)
        .offset(2),
  },
].map((kase) => ({ ...kase, waitsFor: SET_OPERATIONS }));

const aliases = [
  {
    name: "self-join through an alias",
    query: (db, t, o) => {
      const inviter = o.alias(t.users, "inviter");
      return db
        .select({ user: t.users.name, invitedBy: inviter.name })
        .from(t.users)
        .leftJoin(inviter, o.eq(t.users.invitedBy, inviter.id))
        .orderBy(o.asc(t.users.id));
    },
  },
  {
    name: "self-join through an alias, all columns keyed by the alias",
    query: (db, t, o) => {
      const parent = o.alias(t.comments, "parent");
      return db.select().from(t.comments).innerJoin(parent, o.eq(t.comments.parentId, parent.id)).orderBy(o.asc(t.comments.id));
    },
  },
  {
    name: "a table joined twice under two aliases",
    query: (db, t, o) => {
      const commenter = o.alias(t.users, "commenter");
      const author = o.alias(t.users, "author");
      return db
        .select({ comment: t.comments.id, commenter: commenter.name, postAuthor: author.name })
        .from(t.comments)
        .innerJoin(t.posts, o.eq(t.comments.postId, t.posts.id))
        .innerJoin(commenter, o.eq(t.comments.authorId, commenter.id))
        .innerJoin(author, o.eq(t.posts.authorId, author.id))
        .orderBy(o.asc(t.comments.id));
    },
  },
].map((kase) => ({ ...kase, waitsFor: ALIAS }));

const nested = [
  {
    name: "a nested selection beside an aggregate",
    query: (db, t, o) =>
      db
        .select({ user: { id: t.users.id, name: t.users.name }, posts: o.count(t.posts.id) })
        .from(t.users)
        .leftJoin(t.posts, o.eq(t.posts.authorId, t.users.id))
        .groupBy(t.users.id, t.users.name)
        .orderBy(o.asc(t.users.id)),
  },
  {
    name: "a nested selection of a left-joined table (null when unmatched)",
    query: (db, t, o) =>
      db
        .select({ id: t.users.id, inviterGroup: { id: t.groups.id, name: t.groups.name } })
        .from(t.users)
        .leftJoin(t.groups, o.eq(t.groups.id, t.users.invitedBy))
        .orderBy(o.asc(t.users.id)),
  },
  {
    name: "two levels of nesting",
    query: (db, t, o) =>
      db
        .select({
          post: { id: t.posts.id, meta: { views: t.posts.views, at: t.posts.createdAt } },
          author: { name: t.users.name },
        })
        .from(t.posts)
        .innerJoin(t.users, o.eq(t.posts.authorId, t.users.id))
        .orderBy(o.asc(t.posts.id)),
  },
].map((kase) => ({ ...kase, waitsFor: NESTED }));

const conflictWhere = [
  {
    name: "onConflictDoUpdate with setWhere that holds",
    write: true,
    query: (db, t, o) =>
      db
        .insert(t.users)
        .values({ name: "Ada again", email: "ada@example.com", createdAt: at(2) })
        .onConflictDoUpdate({ target: t.users.email, set: { name: "Ada again" }, setWhere: o.eq(t.users.isActive, true) })
        .returning(),
  },
  {
    name: "onConflictDoUpdate with setWhere that fails leaves the row",
    write: true,
    query: (db, t, o) =>
      db
        .insert(t.users)
        .values({ name: "Łukasz again", email: "lukasz@example.com", createdAt: at(2) })
        .onConflictDoUpdate({ target: t.users.email, set: { name: "Łukasz again" }, setWhere: o.eq(t.users.isActive, true) })
        .returning(),
  },
  {
    name: "onConflictDoNothing with a where on a partial target",
    dialects: ["postgres"],
    write: true,
    query: (db, t, o) =>
      db
        .insert(t.users)
        .values({ name: "Zoë again", email: "zoe@example.com", createdAt: at(2) })
        .onConflictDoNothing({ target: t.users.email, where: o.isNotNull(t.users.email) })
        .returning(),
  },
  {
    name: "onConflictDoUpdate with targetWhere",
    write: true,
    query: (db, t, o) =>
      db
        .insert(t.users)
        .values({ name: "José again", email: "jose@example.com", createdAt: at(2) })
        .onConflictDoUpdate({ target: t.users.email, targetWhere: o.isNotNull(t.users.email), set: { age: 45 } })
        .returning(),
  },
].map((kase) => ({ ...kase, waitsFor: CONFLICT_WHERE }));

const updateFrom = [
  {
    name: "update ... from another table",
    dialects: ["postgres"],
    write: true,
    query: (db, t, o) =>
      db
        .update(t.posts)
        .set({ published: false })
        .from(t.users)
        .where(o.and(o.eq(t.posts.authorId, t.users.id), o.eq(t.users.isActive, false)))
        .returning({ id: t.posts.id, published: t.posts.published }),
  },
].map((kase) => ({ ...kase, waitsFor: UPDATE_FROM }));

const extras = [
  {
    name: "findMany with extras",
    query: (db, t, o) =>
      db.query.users.findMany({
        columns: { id: true },
        extras: { lower: o.sql`lower(${t.users.name})`.as("lower") },
        orderBy: [o.asc(t.users.id)],
      }),
  },
  {
    name: "findMany with extras in a nested relation",
    query: (db, t, o) =>
      db.query.users.findMany({
        columns: { id: true },
        with: {
          posts: {
            columns: { id: true },
            extras: { shout: o.sql`upper(${t.posts.title})`.as("shout") },
            orderBy: [o.asc(t.posts.id)],
          },
        },
        orderBy: [o.asc(t.users.id)],
      }),
  },
].map((kase) => ({ ...kase, waitsFor: EXTRAS }));

export const PENDING = [
  ...subqueries,
  ...ctes,
  ...setOperations,
  ...aliases,
  ...nested,
  ...conflictWhere,
  ...updateFrom,
  ...extras,
];
