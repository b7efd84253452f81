// sql`` fragments wherever an expression goes: select fields (with mapWith), where, orderBy,
// groupBy and having, with sql.raw, sql.join and sql.empty.

const fields = [
  ["lower(name)", (t, o) => o.sql`lower(${t.users.name})`],
  ["age + 1", (t, o) => o.sql`${t.users.age} + 1`],
  ["coalesce of a nullable column", (t, o) => o.sql`coalesce(${t.users.age}, ${-1})`],
  ["a case expression", (t, o) => o.sql`case when ${t.users.age} > ${30} then ${"old"} else ${"young"} end`],
  ["length of unicode text", (t, o) => o.sql`length(${t.users.name})`],
  ["mapWith(Number) of a count-like value", (t, o) => o.sql`${t.users.id} * 2`.mapWith(Number)],
  ["mapWith(String)", (t, o) => o.sql`${t.users.id}`.mapWith(String)],
  ["mapWith(a timestamp column)", (t, o) => o.sql`${t.users.createdAt}`.mapWith(t.users.createdAt)],
  ["mapWith(a boolean column)", (t, o) => o.sql`${t.users.isActive}`.mapWith(t.users.isActive)],
  ["sql.raw inside a fragment", (t, o) => o.sql`upper(${t.users.name}) || ${o.sql.raw("'!'")}`],
  ["sql.join of columns", (t, o) => o.sql`${o.sql.join([t.users.name, t.users.email], o.sql` || ' <' || `)} || '>'`],
  [".as() names a fragment", (t, o) => o.sql`lower(${t.users.email})`.as("lowered")],
].map(([label, field]) => ({
  name: `sql field: ${label}`,
  query: (db, t, o) =>
    db
      .select({ id: t.users.id, value: field(t, o) })
      .from(t.users)
      .orderBy(o.asc(t.users.id)),
}));

const conditions = [
  ["a comparison", (t, o) => o.sql`${t.users.age} > ${30}`],
  ["a function call", (t, o) => o.sql`lower(${t.users.name}) = ${"ada"}`],
  ["is null", (t, o) => o.sql`${t.users.birthday} is null`],
  ["inside and()", (t, o) => o.and(o.sql`${t.users.age} < ${40}`, o.eq(t.users.isActive, true))],
  ["inside or() with its own or", (t, o) => o.or(o.sql`${t.users.id} = ${1} or ${t.users.id} = ${2}`, o.eq(t.users.id, 9))],
  ["inside not()", (t, o) => o.not(o.sql`${t.users.age} is null`)],
  ["sql.join of conditions", (t, o) => o.sql.join([o.sql`${t.users.id} > ${2}`, o.sql`${t.users.id} < ${6}`], o.sql` and `)],
  ["sql.raw", (t, o) => o.sql.raw(`"id" in (2, 4, 6)`)],
  ["and() with sql.empty() beside a condition", (t, o) => o.and(o.sql`${t.users.id} <= ${3}`, o.sql`${o.sql.empty()}1 = 1`)],
  ["a bound unicode string", (t, o) => o.sql`${t.users.name} = ${"李雷"}`],
  ["a bound real", (t, o) => o.sql`${t.users.score} = ${0.1 + 0.2}`],
].map(([label, condition]) => ({
  name: `sql where: ${label}`,
  query: (db, t, o) => db.select({ id: t.users.id }).from(t.users).where(condition(t, o)).orderBy(o.asc(t.users.id)),
}));

const elsewhere = [
  {
    name: "sql orderBy with a direction inside",
    query: (db, t, o) =>
      db
        .select({ id: t.posts.id })
        .from(t.posts)
        .orderBy(o.sql`${t.posts.views} desc`, o.asc(t.posts.id)),
  },
  {
    name: "sql orderBy wrapped in desc()",
    query: (db, t, o) =>
      db
        .select({ id: t.posts.id })
        .from(t.posts)
        .orderBy(o.desc(o.sql`${t.posts.views} % 7`), o.asc(t.posts.id)),
  },
  {
    name: "sql groupBy with the same fragment selected",
    query: (db, t, o) =>
      db
        .select({ bucket: o.sql`${t.posts.views} / 10`.mapWith(Number), n: o.count() })
        .from(t.posts)
        .groupBy(o.sql`${t.posts.views} / 10`)
        .orderBy(o.sql`${t.posts.views} / 10`),
  },
  {
    name: "sql having",
    query: (db, t, o) =>
      db
        .select({ authorId: t.posts.authorId, n: o.count() })
        .from(t.posts)
        .groupBy(t.posts.authorId)
        .having(o.sql`count(*) >= ${2}`)
        .orderBy(t.posts.authorId),
  },
  {
    name: "sql field in a join",
    query: (db, t, o) =>
      db
        .select({ line: o.sql`${t.users.name} || ': ' || ${t.posts.title}` })
        .from(t.posts)
        .innerJoin(t.users, o.eq(t.users.id, t.posts.authorId))
        .orderBy(o.asc(t.posts.id)),
  },
  {
    name: "sql count mapped to a number beside aggregates",
    query: (db, t, o) => db.select({ n: o.sql`count(*)`.mapWith(Number), m: o.max(t.users.age) }).from(t.users),
  },
  {
    name: "sql condition with a placeholder-like string value",
    query: (db, t, o) =>
      db
        .select({ id: t.groups.id })
        .from(t.groups)
        .where(o.sql`${t.groups.name} <> ${"$1 ? :x"}`)
        .orderBy(o.asc(t.groups.id)),
  },
];

const execute = [
  {
    name: "db.execute of a select with bound values",
    // The two clients answer db.execute() in their drivers' own shapes: compare the rows.
    query: async (db, t, o) => {
      const answer = await db.execute(
        o.sql`select ${t.groups.id}, ${t.groups.name} from ${t.groups} where ${t.groups.id} > ${1} order by ${t.groups.id}`,
      );
      return Array.isArray(answer) ? answer : (answer.rows ?? answer.results);
    },
    dialects: ["postgres"],
  },
];

export const SQL_CASES = [...fields, ...conditions, ...elsewhere, ...execute];
