// Joins of every kind between the schema's tables, selecting all columns (keyed per table) and
// chosen fields, with conditions in the join and in where.

const postsWithAuthors = (kind) => ({
  name: `${kind} posts to users, all columns`,
  query: (db, t, o) =>
    db.select().from(t.posts)[kind](t.users, o.eq(t.posts.authorId, t.users.id)).orderBy(o.asc(t.posts.id), o.asc(t.users.id)),
});

const usersWithPosts = (kind) => ({
  name: `${kind} users to posts, chosen fields`,
  query: (db, t, o) =>
    db
      .select({ userId: t.users.id, name: t.users.name, postId: t.posts.id, title: t.posts.title })
      .from(t.users)
      [kind](t.posts, o.eq(t.posts.authorId, t.users.id))
      .orderBy(o.asc(t.users.id), o.asc(t.posts.id)),
});

// A join whose condition leaves rows unmatched on both sides: posts with more than 20 views
// against active users.
const partialMatch = (kind) => ({
  name: `${kind} with rows unmatched on both sides`,
  query: (db, t, o) =>
    db
      .select({ userId: t.users.id, postId: t.posts.id, views: t.posts.views })
      .from(t.users)
      [kind](t.posts, o.and(o.eq(t.posts.authorId, t.users.id), o.gt(t.posts.views, 20)))
      .where(o.or(o.isNull(t.users.id), o.eq(t.users.isActive, true), o.isNotNull(t.posts.id)))
      .orderBy(o.asc(t.users.id), o.asc(t.posts.id)),
});

const KINDS = ["innerJoin", "leftJoin", "rightJoin", "fullJoin"];

const manyToMany = [
  {
    name: "innerJoin through users_to_groups: who is in which group",
    query: (db, t, o) =>
      db
        .select({ user: t.users.name, group: t.groups.name, role: t.usersToGroups.role })
        .from(t.usersToGroups)
        .innerJoin(t.users, o.eq(t.usersToGroups.userId, t.users.id))
        .innerJoin(t.groups, o.eq(t.usersToGroups.groupId, t.groups.id))
        .orderBy(o.asc(t.groups.id), o.asc(t.users.id)),
  },
  {
    name: "leftJoin twice: every user with memberships and groups",
    query: (db, t, o) =>
      db
        .select({
          user: t.users.id,
          membership: t.usersToGroups.id,
          role: t.usersToGroups.role,
          group: t.groups.name,
          description: t.groups.description,
        })
        .from(t.users)
        .leftJoin(t.usersToGroups, o.eq(t.usersToGroups.userId, t.users.id))
        .leftJoin(t.groups, o.eq(t.usersToGroups.groupId, t.groups.id))
        .orderBy(o.asc(t.users.id), o.asc(t.usersToGroups.id)),
  },
  {
    name: "innerJoin with a where on the joined table",
    query: (db, t, o) =>
      db
        .select({ user: t.users.id, group: t.groups.name })
        .from(t.users)
        .innerJoin(t.usersToGroups, o.eq(t.usersToGroups.userId, t.users.id))
        .innerJoin(t.groups, o.eq(t.usersToGroups.groupId, t.groups.id))
        .where(o.isNull(t.groups.description))
        .orderBy(o.asc(t.users.id), o.asc(t.groups.id)),
  },
  {
    name: "three joins: comments, their posts and the posts' authors",
    query: (db, t, o) =>
      db
        .select({ comment: t.comments.text, post: t.posts.title, postAuthor: t.users.name })
        .from(t.comments)
        .innerJoin(t.posts, o.eq(t.comments.postId, t.posts.id))
        .innerJoin(t.users, o.eq(t.posts.authorId, t.users.id))
        .orderBy(o.asc(t.comments.id)),
  },
  {
    name: "leftJoin then rightJoin",
    query: (db, t, o) =>
      db
        .select({ post: t.posts.id, comment: t.comments.id, group: t.groups.id })
        .from(t.posts)
        .leftJoin(t.comments, o.eq(t.comments.postId, t.posts.id))
        .rightJoin(t.groups, o.eq(t.groups.id, t.comments.id))
        .orderBy(o.asc(t.groups.id), o.asc(t.posts.id), o.asc(t.comments.id)),
  },
];

const crossJoins = [
  {
    name: "crossJoin groups with users, chosen fields",
    query: (db, t, o) =>
      db
        .select({ group: t.groups.id, user: t.users.id })
        .from(t.groups)
        .crossJoin(t.users)
        .orderBy(o.asc(t.groups.id), o.asc(t.users.id)),
  },
  {
    name: "leftJoin users to groups, all columns keyed per table",
    query: (db, t, o) =>
      db.select().from(t.users).leftJoin(t.groups, o.eq(t.groups.id, t.users.invitedBy)).orderBy(o.asc(t.users.id)),
  },
  {
    name: "crossJoin with a where, all columns",
    query: (db, t, o) =>
      db.select().from(t.groups).crossJoin(t.users).where(o.lt(t.users.id, 3)).orderBy(o.asc(t.groups.id), o.asc(t.users.id)),
  },
];

const joinForms = [
  {
    name: "join condition as a callback over the tables",
    query: (db, t, o) =>
      db
        .select()
        .from(t.posts)
        .innerJoin(t.users, (tables) => o.eq(tables.posts.authorId, tables.users.id))
        .orderBy(o.asc(t.posts.id)),
  },
  {
    name: "where callback over joined tables",
    query: (db, t, o) =>
      db
        .select()
        .from(t.posts)
        .innerJoin(t.users, o.eq(t.posts.authorId, t.users.id))
        .where((tables) => o.eq(tables.users.isActive, false))
        .orderBy(o.asc(t.posts.id)),
  },
  {
    name: "join selecting a mix of both tables' columns with limit and offset",
    query: (db, t, o) =>
      db
        .select({ title: t.posts.title, author: t.users.name, score: t.users.score, at: t.posts.createdAt })
        .from(t.posts)
        .innerJoin(t.users, o.eq(t.posts.authorId, t.users.id))
        .orderBy(o.desc(t.posts.createdAt), o.desc(t.posts.id))
        .limit(4)
        .offset(2),
  },
  {
    name: "leftJoin selecting the joined side's json and numeric",
    query: (db, t, o) =>
      db
        .select({ post: t.posts.id, profile: t.users.profile, balance: t.users.balance })
        .from(t.posts)
        .leftJoin(t.users, o.and(o.eq(t.posts.authorId, t.users.id), o.isNotNull(t.users.profile)))
        .orderBy(o.asc(t.posts.id)),
  },
];

export const JOIN_CASES = [
  ...KINDS.map(postsWithAuthors),
  ...KINDS.map(usersWithPosts),
  ...KINDS.map(partialMatch),
  ...manyToMany,
  ...crossJoins,
  ...joinForms,
];
