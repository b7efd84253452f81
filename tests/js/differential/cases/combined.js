// Clauses together, as real report and page queries combine them.

const reads = [
  {
    name: "join, where, groupBy, having, orderBy, limit and offset in one query",
    query: (db, t, o) =>
      db
        .select({ author: t.users.name, posts: o.count(t.posts.id), views: o.sum(t.posts.views) })
        .from(t.users)
        .innerJoin(t.posts, o.eq(t.posts.authorId, t.users.id))
        .where(o.isNotNull(t.posts.body))
        .groupBy(t.users.id, t.users.name)
        .having(o.gte(o.count(t.posts.id), 1))
        .orderBy(o.desc(o.count(t.posts.id)), o.asc(t.users.id))
        .limit(4)
        .offset(1),
  },
  {
    name: "selectDistinct over a join",
    query: (db, t, o) =>
      db
        .selectDistinct({ group: t.groups.name, active: t.users.isActive })
        .from(t.groups)
        .innerJoin(t.usersToGroups, o.eq(t.usersToGroups.groupId, t.groups.id))
        .innerJoin(t.users, o.eq(t.users.id, t.usersToGroups.userId))
        .orderBy(t.groups.name, t.users.isActive),
  },
  {
    name: "$count with a sql condition",
    query: (db, t, o) => db.$count(t.posts, o.sql`${t.posts.views} % 2 = 0`),
  },
  {
    name: "findMany with or, inArray and like in nested where",
    query: (db) =>
      db.query.users.findMany({
        columns: { id: true },
        where: (u, { or, inArray, like }) => or(inArray(u.id, [1, 2, 3]), like(u.email, "%.fi")),
        with: {
          posts: {
            columns: { id: true, title: true },
            where: (p, { or, like, gt }) => or(like(p.title, "%o%"), gt(p.views, 50)),
            orderBy: (p, { asc }) => [asc(p.id)],
          },
        },
        orderBy: (u, { asc }) => [asc(u.id)],
      }),
  },
  {
    name: "findMany top-level limit and offset with nested many",
    query: (db) =>
      db.query.users.findMany({
        columns: { id: true, name: true },
        with: { memberships: { columns: { groupId: true, role: true }, orderBy: (m, { asc }) => [asc(m.groupId)] } },
        orderBy: (u, { desc }) => [desc(u.id)],
        limit: 3,
        offset: 2,
      }),
  },
  {
    name: "batch with findFirst and a join",
    query: (db, t, o) =>
      db.batch([
        db.query.posts.findFirst({ where: (p, { eq }) => eq(p.id, 4), with: { author: { columns: { name: true } } } }),
        db
          .select({ post: t.posts.id, comment: t.comments.text })
          .from(t.posts)
          .leftJoin(t.comments, o.eq(t.comments.postId, t.posts.id))
          .where(o.lte(t.posts.id, 4))
          .orderBy(o.asc(t.posts.id), o.asc(t.comments.id)),
      ]),
  },
];

const writes = [
  {
    name: "update returning a sql field",
    write: true,
    query: (db, t, o) =>
      db
        .update(t.posts)
        .set({ views: o.sql`${t.posts.views} * 2` })
        .where(o.eq(t.posts.authorId, 1))
        .returning({ id: t.posts.id, doubled: t.posts.views, label: o.sql`${t.posts.title} || '!'` }),
  },
];

export const COMBINED_CASES = [...reads, ...writes];
