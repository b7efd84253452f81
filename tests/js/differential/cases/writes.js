// Inserts, updates and deletes, each run on a fresh seed by each library: compared by the rows
// they return and then by every table's contents.

const at = (day, hour = 0) => new Date(Date.UTC(2026, 1, day, hour));

const newUser = (n, extra = {}) => ({ name: `New ${n}`, email: `new${n}@example.com`, createdAt: at(n), ...extra });

const write = (name, query) => ({ name, write: true, query });

const inserts = [
  write("insert one user", (db, t) => db.insert(t.users).values(newUser(1))),
  write("insert one user returning()", (db, t) => db.insert(t.users).values(newUser(1)).returning()),
  write("insert returning chosen fields", (db, t) =>
    db.insert(t.users).values(newUser(2)).returning({ id: t.users.id, mail: t.users.email }),
  ),
  write("insert many users returning()", (db, t) =>
    db
      .insert(t.users)
      .values([newUser(1), newUser(2, { age: 30 }), newUser(3, { isActive: false })])
      .returning(),
  ),
  write("insert every type, unicode and an inexact real", (db, t) =>
    db
      .insert(t.users)
      .values(
        newUser(4, {
          name: "Ñandú 🐦",
          age: 0,
          score: 0.1 + 0.2,
          balance: "-0.01",
          isActive: false,
          profile: { a: [1, "ü", null], b: { c: true } },
          birthday: "1970-01-01",
          invitedBy: 5,
        }),
      )
      .returning(),
  ),
  write("insert with explicit nulls", (db, t) =>
    db
      .insert(t.users)
      .values(newUser(5, { age: null, score: null, balance: null, profile: null, birthday: null, invitedBy: null }))
      .returning(),
  ),
  write("insert a json array and a json string", (db, t) =>
    db
      .insert(t.users)
      .values([newUser(6, { profile: [1, 2, 3] }), newUser(7, { profile: "just text" })])
      .returning({ id: t.users.id, profile: t.users.profile }),
  ),
  write("insert with column defaults", (db, t) => db.insert(t.usersToGroups).values({ userId: 9, groupId: 1 }).returning()),
  write("insert posts with defaults and an explicit id", (db, t) =>
    db
      .insert(t.posts)
      .values([
        { id: 50, authorId: 9, title: "Explicit", createdAt: at(2) },
        { authorId: 9, title: "Next", createdAt: at(3), rating: 1e-7 },
      ])
      .returning(),
  ),
  write("insert a self-referencing comment", (db, t) =>
    db.insert(t.comments).values({ postId: 6, authorId: 9, parentId: 8, text: "Deep reply ↩" }).returning(),
  ),
  write("insert a group without returning", (db, t) => db.insert(t.groups).values({ name: "new group" })),
];

const conflicts = [
  write("onConflictDoNothing() on a duplicate email", (db, t) =>
    db
      .insert(t.users)
      .values(newUser(1, { email: "ada@example.com" }))
      .onConflictDoNothing()
      .returning(),
  ),
  write("onConflictDoNothing({ target }) with one row new and one taken", (db, t) =>
    db
      .insert(t.users)
      .values([newUser(1), newUser(2, { email: "zoe@example.com" })])
      .onConflictDoNothing({ target: t.users.email })
      .returning(),
  ),
  write("onConflictDoUpdate on the email", (db, t) =>
    db
      .insert(t.users)
      .values(newUser(1, { email: "jose@example.com" }))
      .onConflictDoUpdate({ target: t.users.email, set: { name: "José II", age: 44 } })
      .returning(),
  ),
  write("onConflictDoUpdate with sql excluded", (db, t, o) =>
    db
      .insert(t.users)
      .values(newUser(1, { email: "lilei@example.cn", score: 9.75 }))
      .onConflictDoUpdate({ target: t.users.email, set: { name: o.sql`excluded.name`, score: o.sql`excluded.score` } })
      .returning(),
  ),
  write("onConflictDoUpdate on a two-column target", (db, t) =>
    db
      .insert(t.usersToGroups)
      .values({ userId: 1, groupId: 2, role: "owner" })
      .onConflictDoUpdate({ target: [t.usersToGroups.userId, t.usersToGroups.groupId], set: { role: "owner" } })
      .returning(),
  ),
  write("onConflictDoUpdate on the primary key", (db, t) =>
    db
      .insert(t.groups)
      .values({ id: 2, name: "writers" })
      .onConflictDoUpdate({ target: t.groups.id, set: { description: "Now described" } })
      .returning(),
  ),
  write("onConflictDoUpdate that inserts (no conflict)", (db, t) =>
    db
      .insert(t.groups)
      .values({ id: 9, name: "nine" })
      .onConflictDoUpdate({ target: t.groups.id, set: { name: "never" } })
      .returning(),
  ),
  write("onConflictDoUpdate set from a column expression", (db, t, o) =>
    db
      .insert(t.posts)
      .values({ id: 1, authorId: 1, title: "ignored", createdAt: at(1) })
      .onConflictDoUpdate({ target: t.posts.id, set: { views: o.sql`${t.posts.views} + 100` } })
      .returning({ id: t.posts.id, views: t.posts.views }),
  ),
];

const updates = [
  write("update one column where eq returning()", (db, t, o) =>
    db.update(t.users).set({ name: "Ada L." }).where(o.eq(t.users.id, 1)).returning(),
  ),
  write("update several columns, some to null", (db, t, o) =>
    db
      .update(t.users)
      .set({ age: null, score: 2.5, balance: "1.10", profile: { moved: true } })
      .where(o.eq(t.users.id, 2))
      .returning(),
  ),
  write("update every row without returning", (db, t) => db.update(t.posts).set({ views: 1 })),
  write("update with sql increment", (db, t, o) =>
    db
      .update(t.posts)
      .set({ views: o.sql`${t.posts.views} + 1` })
      .where(o.gt(t.posts.views, 10))
      .returning({ id: t.posts.id, views: t.posts.views }),
  ),
  write("update a timestamp, a date and a boolean", (db, t, o) =>
    db
      .update(t.users)
      .set({ createdAt: at(20, 5), birthday: "1999-12-31", isActive: false })
      .where(o.inArray(t.users.id, [4, 5]))
      .returning(),
  ),
  write("update matching nothing returns no rows", (db, t, o) =>
    db.update(t.users).set({ name: "nobody" }).where(o.eq(t.users.id, 999)).returning(),
  ),
  write("update where a like and isNull", (db, t, o) =>
    db
      .update(t.posts)
      .set({ body: "filled" })
      .where(o.and(o.isNull(t.posts.body), o.like(t.posts.title, "%a%")))
      .returning({ id: t.posts.id, body: t.posts.body }),
  ),
  write("update a self reference", (db, t, o) =>
    db
      .update(t.users)
      .set({ invitedBy: 10 })
      .where(o.isNull(t.users.invitedBy))
      .returning({ id: t.users.id, invitedBy: t.users.invitedBy }),
  ),
  write("update a real to an inexact sum", (db, t, o) =>
    db
      .update(t.posts)
      .set({ rating: 0.1 + 0.7 })
      .where(o.eq(t.posts.id, 2))
      .returning(),
  ),
  write("update unicode text", (db, t, o) =>
    db.update(t.groups).set({ name: "Ωmega ✓", description: null }).where(o.eq(t.groups.id, 3)).returning(),
  ),
];

const deletes = [
  write("delete one comment returning()", (db, t, o) => db.delete(t.comments).where(o.eq(t.comments.id, 12)).returning()),
  write("delete replies returning chosen fields", (db, t, o) =>
    db.delete(t.comments).where(o.isNotNull(t.comments.parentId)).returning({ id: t.comments.id, text: t.comments.text }),
  ),
  write("delete every membership without returning", (db, t) => db.delete(t.usersToGroups)),
  write("delete matching nothing", (db, t, o) => db.delete(t.groups).where(o.eq(t.groups.id, 999)).returning()),
  write("delete a user with nothing pointing at her", (db, t, o) => db.delete(t.users).where(o.eq(t.users.id, 9)).returning()),
  write("delete memberships by inArray and role", (db, t, o) =>
    db
      .delete(t.usersToGroups)
      .where(o.and(o.inArray(t.usersToGroups.groupId, [2, 3]), o.eq(t.usersToGroups.role, "member")))
      .returning(),
  ),
];

const batches = [
  {
    name: "batch of two selects",
    query: (db, t, o) =>
      db.batch([
        db.select().from(t.groups).orderBy(o.asc(t.groups.id)),
        db.select({ id: t.users.id }).from(t.users).where(o.eq(t.users.age, 36)).orderBy(o.asc(t.users.id)),
      ]),
  },
  {
    name: "batch with a relational query",
    query: (db, t, o) =>
      db.batch([
        db.query.groups.findMany({
          with: { memberships: { orderBy: (m, { asc }) => [asc(m.id)] } },
          orderBy: [o.asc(t.groups.id)],
        }),
        db.select({ n: o.count() }).from(t.posts),
      ]),
  },
  {
    name: "batch of $count queries",
    query: (db, t, o) => db.batch([db.$count(t.comments), db.$count(t.posts, o.eq(t.posts.published, false))]),
    drizzleWrong: Object.fromEntries(
      ["sqlite", "postgres"].map((dialect) => [
        dialect,
        {
          why: "drizzle's $count cannot go into db.batch (it has no _prepare)",
          reference: async (db, t, o) => {
            const counts = await db.batch([
              db.select({ n: o.count() }).from(t.comments),
              db.select({ n: o.count() }).from(t.posts).where(o.eq(t.posts.published, false)),
            ]);
            return counts.map(([{ n }]) => n);
          },
        },
      ]),
    ),
  },
  write("batch: insert returning, then a select that sees it", (db, t, o) =>
    db.batch([
      db.insert(t.groups).values({ name: "batched" }).returning(),
      db.select().from(t.groups).orderBy(o.asc(t.groups.id)),
    ]),
  ),
  write("batch: update and delete returning", (db, t, o) =>
    db.batch([
      db.update(t.posts).set({ published: true }).where(o.eq(t.posts.published, false)).returning({ id: t.posts.id }),
      db.delete(t.comments).where(o.eq(t.comments.postId, 4)).returning({ id: t.comments.id }),
    ]),
  ),
  write("batch: insert many then aggregate", (db, t, o) =>
    db.batch([
      db
        .insert(t.posts)
        .values([
          { authorId: 5, title: "B1", views: 5, createdAt: at(1) },
          { authorId: 5, title: "B2", views: 6, createdAt: at(2) },
        ])
        .returning({ id: t.posts.id }),
      db
        .select({ authorId: t.posts.authorId, n: o.count() })
        .from(t.posts)
        .groupBy(t.posts.authorId)
        .orderBy(o.asc(t.posts.authorId)),
    ]),
  ),
];

const prepare = (query, dialect, name) => (dialect === "postgres" ? query.prepare(name) : query.prepare());

const prepared = [
  {
    name: "prepared select with a placeholder, run twice",
    query: async (db, t, o, dialect) => {
      const byAge = prepare(
        db
          .select({ id: t.users.id })
          .from(t.users)
          .where(o.eq(t.users.age, o.sql.placeholder("age")))
          .orderBy(o.asc(t.users.id)),
        dialect,
        "by_age",
      );
      return [await byAge.execute({ age: 36 }), await byAge.execute({ age: 28 })];
    },
  },
  {
    name: "prepared select with placeholders in limit and offset",
    query: (db, t, o, dialect) =>
      prepare(
        db
          .select({ id: t.posts.id })
          .from(t.posts)
          .orderBy(o.asc(t.posts.id))
          .limit(o.sql.placeholder("n"))
          .offset(o.sql.placeholder("skip")),
        dialect,
        "page",
      ).execute({ n: 3, skip: 2 }),
  },
  {
    name: "prepared relational query with a placeholder",
    query: (db, t, o, dialect) =>
      prepare(
        db.query.users.findMany({
          columns: { id: true, name: true },
          where: (u, { eq }) => eq(u.isActive, o.sql.placeholder("active")),
          orderBy: [o.asc(t.users.id)],
        }),
        dialect,
        "active_users",
      ).execute({ active: false }),
  },
  write("prepared insert with placeholders", (db, t, o, dialect) =>
    prepare(
      db
        .insert(t.groups)
        .values({ name: o.sql.placeholder("name"), description: o.sql.placeholder("description") })
        .returning(),
      dialect,
      "add_group",
    ).execute({ name: "prepared", description: "via placeholder" }),
  ),
];

export const WRITE_CASES = [...inserts, ...conflicts, ...updates, ...deletes, ...batches, ...prepared];
