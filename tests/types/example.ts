// The tutorial of docs/api.md, typed. This file is only type-checked (tests/js/types.test.js runs
// `tsc --noEmit` on it), never executed: every `check<Equal<...>>()` pins an inferred type, and
// every `@ts-expect-error` line must fail to compile, or tsc reports the unused directive.
/// <reference types="@cloudflare/workers-types" />
import {
  table, serial, bigserial, integer, bigint, real, numeric, text, varchar, boolean, timestamp, date,
  json, jsonb, uuid, enumType, pgEnum, index, uniqueIndex, relations,
  eq, ne, gt, gte, lt, lte, like, notLike, ilike, notIlike, inArray, notInArray, isNull, isNotNull,
  between, notBetween, and, or, not, asc, desc, sql,
  count, countDistinct, sum, sumDistinct, avg, avgDistinct, min, max,
  createDb, createInsertSchema, createUpdateSchema,
  SluiceError, DatabaseError, TransportError, ValidationError,
} from "../../worker/index.js";
import type { AnyColumn, Database, DatabaseErrorKind, FlattenedErrors, TransportErrorKind, WriteResult } from "../../worker/index.js";
import { d1 } from "../../worker/drivers/d1.js";
// The module's own namespace is the schema, as `import * as schema` is in an application.
import * as schema from "./example.js";

/** `true` only when A and B are the same type, not merely assignable to each other. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** An intersection written as the single object type the declarations produce. */
type Flat<T> = { [K in keyof T]: T[K] };
declare function check<T extends true>(): void;
/** Compiles only when the value is assignable to `T`. */
declare function expectType<T>(value: T): void;

// ---- Schema, exactly as docs/api.md ----

export const roleEnum = enumType("role", ["admin", "editor", "viewer"]); // pgEnum is an alias
export const users = table("users", {
  id: serial("id").primaryKey(),
  email: varchar("email", { length: 320 }).notNull(),
  name: text("name").notNull(),
  role: roleEnum("role").notNull().default("viewer"),
  isActive: boolean("is_active").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow().$onUpdate(() => new Date()),
}, (t) => ({
  emailIdx: uniqueIndex("users_email_idx").on(t.email),
  roleIdx: index("users_role_idx").on(t.role),
}));
export const posts = table("posts", {
  id: serial("id").primaryKey(),
  authorId: integer("author_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  title: varchar("title", { length: 200 }).notNull(),
  body: text("body").notNull(),
  published: boolean("published").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
export const usersRelations = relations(users, ({ many }) => ({ posts: many(posts) }));
export const postsRelations = relations(posts, ({ one }) => ({
  author: one(users, { fields: [posts.authorId], references: [users.id] }),
}));

// Not a table, enum or relation: createDb must ignore it.
export const PAGE_SIZE = 10;

// ---- Row types ----

type Role = "admin" | "editor" | "viewer";
type User = { id: number; email: string; name: string; role: Role; isActive: boolean; createdAt: Date; updatedAt: Date };
type Post = { id: number; authorId: number; title: string; body: string; published: boolean; createdAt: Date };

check<Equal<typeof users.$inferSelect, User>>();
check<Equal<typeof posts.$inferSelect, Post>>();
// Optional on insert: serial, defaults, $onUpdate.
check<Equal<typeof users.$inferInsert, {
  email: string; name: string; id?: number; role?: Role; isActive?: boolean; createdAt?: Date; updatedAt?: Date;
}>>();
check<Equal<typeof posts.$inferInsert, {
  authorId: number; title: string; body: string; id?: number; published?: boolean; createdAt?: Date;
}>>();
check<Equal<typeof roleEnum.enumValues, readonly ["admin", "editor", "viewer"]>>();
expectType<typeof enumType>(pgEnum);

// Every other column helper, in a table outside the schema: nullable columns read as `T | null`
// and may be left out of an insert.
const measurements = table("measurements", {
  id: uuid().primaryKey().defaultRandom(),
  seq: bigserial(),
  total: bigint("total").notNull(),
  ratio: real("ratio"),
  amount: numeric({ precision: 12, scale: 2 }).notNull(),
  day: date("day").defaultNow(),
  payload: json("payload").notNull(),
  extra: jsonb("extra"),
  note: text("note").unique(),
  token: varchar({ length: 64 }).notNull().$defaultFn(() => "t"),
  takenAt: timestamp().notNull(),
});
check<Equal<typeof measurements.$inferSelect, {
  id: string; seq: number | string; total: number | string; ratio: number | null; amount: string;
  day: string | null; payload: unknown; extra: unknown; note: string | null; token: string; takenAt: Date;
}>>();
check<Equal<typeof measurements.$inferInsert, {
  total: number | string | bigint; amount: string | number; payload: unknown; takenAt: Date;
  id?: string; seq?: number | string | bigint; ratio?: number | null; day?: string | Date | null; extra?: unknown;
  note?: string | null; token?: string;
}>>();

// A table referring to itself annotates the thunk, or its type would depend on itself.
const categories = table("category", {
  id: serial().primaryKey(),
  parentId: integer("parent_id").references((): AnyColumn => categories.id, { onDelete: "set null" }),
  name: text().notNull(),
});
check<Equal<typeof categories.$inferSelect, { id: number; parentId: number | null; name: string }>>();

// @ts-expect-error defaultNow() is for time columns only
integer("n").defaultNow();
// @ts-expect-error defaultRandom() is for uuid columns only
text("t").defaultRandom();
// @ts-expect-error a wrong enum value
roleEnum("role").default("owner");
// @ts-expect-error a relation field must be a column of the relation's own table
relations(posts, ({ one }) => ({ author: one(users, { fields: [users.id], references: [users.id] }) }));

// ---- Database ----

declare const env: { DB: D1Database };
const db = createDb({ schema, driver: d1(env.DB), logger: false });
createDb({ schema, driver: d1(env.DB), logger: true });
const logged: string[] = [];
createDb({ schema, driver: d1(env.DB), logger: { logQuery: (text, params) => void logged.push(`${text} ${params.length}`) } });
expectType<Database<typeof schema>>(db);

// A schema given as an object works as a namespace does; its keys name the tables. Relations
// may be split over several relations() exports, and named when two tables are joined twice.
const categoryParent = relations(categories, ({ one }) => ({
  parent: one(categories, { fields: [categories.parentId], references: [categories.id], relationName: "tree" }),
}));
const categoryChildren = relations(categories, ({ many }) => ({ children: many(categories, { relationName: "tree" }) }));
const shopDb = createDb({ schema: { categories, measurements, categoryParent, categoryChildren }, driver: d1(env.DB) });
const categoryRows = await shopDb.query.categories.findMany({
  columns: { name: true }, orderBy: categories.name,
  with: { parent: { columns: { id: true } }, children: { orderBy: [categories.name] } },
});
check<Equal<typeof categoryRows, {
  name: string; parent: { id: number } | null; children: (typeof categories.$inferSelect)[];
}[]>>();

// @ts-expect-error a table outside the schema
db.select().from(measurements);
// @ts-expect-error the same for writes
db.insert(categories).values({ name: "x" });
// @ts-expect-error an unknown table in db.query
db.query.comments;
// @ts-expect-error relations are not tables
db.query.usersRelations;
// @ts-expect-error neither are other exports
db.query.PAGE_SIZE;

// ---- Select ----

const admins = await db.select().from(users).where(eq(users.role, "admin")).orderBy(desc(users.id)).limit(10).offset(0);
check<Equal<typeof admins, User[]>>();

const withAuthors = await db.select({ id: posts.id, authorName: users.name }).from(posts)
  .innerJoin(users, eq(posts.authorId, users.id));
check<Equal<typeof withAuthors, { id: number; authorName: string }[]>>();

// A left join can find no user, so the user's columns become nullable in a projection...
const maybeAuthors = await db.select({ id: posts.id, authorName: users.name }).from(posts)
  .leftJoin(users, eq(posts.authorId, users.id));
check<Equal<typeof maybeAuthors, { id: number; authorName: string | null }[]>>();

// ...and the whole user nullable without one; keys are the tables' schema keys.
const leftJoined = await db.select().from(users).leftJoin(posts, eq(posts.authorId, users.id));
check<Equal<typeof leftJoined, { users: User; posts: Post | null }[]>>();
// Join results are keyed by the schema key ("categories"), not the SQL name ("category").
const parents = await shopDb.select().from(categories).leftJoin(measurements, eq(measurements.note, categories.name));
check<Equal<typeof parents, { categories: typeof categories.$inferSelect; measurements: typeof measurements.$inferSelect | null }[]>>();
const innerJoined = await db.select().from(posts).innerJoin(users, eq(posts.authorId, users.id)).where(eq(users.isActive, true));
check<Equal<typeof innerJoined, { posts: Post; users: User }[]>>();

// A right join can leave the tables before it without a row; a full join either side.
const rightJoined = await db.select().from(posts).rightJoin(users, eq(posts.authorId, users.id));
check<Equal<typeof rightJoined, { posts: Post | null; users: User }[]>>();
const fullJoined = await db.select({ title: posts.title, name: users.name }).from(posts).fullJoin(users, eq(posts.authorId, users.id));
check<Equal<typeof fullJoined, { title: string | null; name: string | null }[]>>();
const crossed = await db.select({ title: posts.title, name: users.name }).from(posts).crossJoin(users);
check<Equal<typeof crossed, { title: string; name: string }[]>>();

// Prepared statements: compiled once, placeholders filled per run.
const byId = db.select().from(users).where(eq(users.id, sql.placeholder("id"))).limit(sql.placeholder("n")).prepare("byId");
const prepared = await byId.execute({ id: 1, n: 1 });
check<Equal<typeof prepared, User[]>>();
expectType<Uint8Array>(await byId.bytes({ id: 1, n: 1 }));
db.select().from(users).where(inArray(users.id, sql.placeholder("ids"))).$dynamic().prepare();
// No interactive transactions over HTTP: transaction() always rejects.
check<Equal<ReturnType<typeof db.transaction>, Promise<never>>>();

// Every builder also has bytes() and toSQL().
const body = await db.select().from(users).bytes();
check<Equal<typeof body, Uint8Array>>();
const compiled = db.select().from(users).orderBy([users.name, desc(users.id)]).limit(PAGE_SIZE).toSQL();
check<Equal<typeof compiled, { sql: string; params: unknown[] }>>();

// drizzle's callback forms: they receive the selected fields (the table, a projection, or
// one entry per joined table).
const sorted = await db.select().from(posts).where((p) => eq(p.published, true)).orderBy((p) => [asc(p.authorId), desc(p.id)]);
check<Equal<typeof sorted, Post[]>>();
await db.select({ postId: posts.id }).from(posts).orderBy((f) => desc(f.postId));
await db.select().from(posts).innerJoin(users, (t) => eq(t.posts.authorId, t.users.id)).where((t) => eq(t.users.isActive, true));
// @ts-expect-error a callback's fields are the projection's keys
db.select({ postId: posts.id }).from(posts).orderBy((f) => f.id);
// @ts-expect-error an orderBy callback returns columns or orderings
db.select().from(posts).orderBy(() => "id");
// @ts-expect-error a where callback returns a condition
db.select().from(posts).where((p) => p.published);
// @ts-expect-error a column is not a condition
db.select().from(posts).where(posts.published);

// Aggregates, typed as drizzle types them; groupBy, having and distinct.
const report = await db.select({ authorId: posts.authorId, posts: count(), titles: countDistinct(posts.title),
  idSum: sum(posts.id), idSumDistinct: sumDistinct(posts.id), idAvg: avg(posts.id), idAvgDistinct: avgDistinct(posts.id),
  first: min(posts.createdAt), lastTitle: max(posts.title) })
  .from(posts).groupBy(posts.authorId).having(gt(count(), 1)).orderBy(desc(count()));
check<Equal<typeof report, {
  authorId: number; posts: number; titles: number; idSum: string | null; idSumDistinct: string | null;
  idAvg: string | null; idAvgDistinct: string | null; first: Date | null; lastTitle: string | null;
}[]>>();
await db.select({ name: users.name, n: count(posts.id) }).from(users).leftJoin(posts, eq(posts.authorId, users.id))
  .groupBy((f) => [f.name]).having((f) => gte(count(), 0));
const roles = await db.selectDistinct({ role: users.role }).from(users);
check<Equal<typeof roles, { role: "admin" | "editor" | "viewer" }[]>>();
const latest = await db.selectDistinctOn([posts.authorId]).from(posts).orderBy(posts.authorId, desc(posts.createdAt));
check<Equal<typeof latest, Post[]>>();
// @ts-expect-error count() is a number
gt(count(), "1");
// @ts-expect-error min and max take a column
min(count());
// @ts-expect-error an aggregate is not a condition
db.select().from(posts).having(count());

// @ts-expect-error a wrong column name in a projection
db.select({ id: users.identifier }).from(users);
// @ts-expect-error a wrong value type in eq
eq(users.id, "1");
// @ts-expect-error a wrong enum value
eq(users.role, "owner");
// @ts-expect-error columns of different types cannot be compared
eq(posts.authorId, users.name);
// @ts-expect-error pattern operators need a text column
like(users.id, "1%");

// The other operators, each with a value of its column's type.
const filters = and(
  ne(users.role, "viewer"), gt(users.id, 1), gte(users.id, 1), lt(users.createdAt, new Date()), lte(users.id, 100),
  like(users.email, "%@example.com"), notLike(users.email, "%spam%"), ilike(users.name, "a%"), notIlike(users.name, "z%"),
  inArray(users.role, ["admin", "editor"]), notInArray(users.id, []), isNull(users.name), isNotNull(users.email),
  between(users.id, 1, 10), notBetween(users.createdAt, new Date(0), new Date()),
  or(eq(users.isActive, false), undefined), not(eq(users.id, 3)),
);
await db.select({ email: users.email }).from(users).where(filters).orderBy(asc(users.email), desc(users.createdAt));
// @ts-expect-error inArray values must have the column's type
inArray(users.id, ["1"]);

// ---- Insert, update, delete ----

const email = "alice@example.com";
const name = "Alice";

const inserted = await db.insert(users).values({ email, name }).returning();
check<Equal<typeof inserted, User[]>>();
const insertedIds = await db.insert(users).values({ email, name, role: "admin" }).returning({ id: users.id });
check<Equal<typeof insertedIds, { id: number }[]>>();
const plain = await db.insert(users).values([{ email, name }, { email: "bob@example.com", name: "Bob" }])
  .onConflictDoNothing({ target: users.email });
check<Equal<typeof plain, WriteResult>>();
check<Equal<typeof plain, { rowsAffected: number }>>();
const upserted = await db.insert(users).values({ email, name }).onConflictDoUpdate({ target: users.email, set: { name } });
check<Equal<typeof upserted, WriteResult>>();

// @ts-expect-error a wrong key in values()
db.insert(users).values({ email, name, nickname: "al" });
// @ts-expect-error a missing required column in values()
db.insert(users).values({ email });
// @ts-expect-error a wrong enum value
db.insert(users).values({ email, name, role: "owner" });
// @ts-expect-error a not-null column does not take null
db.insert(users).values({ email, name: null });
// @ts-expect-error a conflict target from another table
db.insert(users).values({ email, name }).onConflictDoNothing({ target: posts.title });

const updated = await db.update(users).set({ name }).where(eq(users.id, 1)).returning();
check<Equal<typeof updated, User[]>>();
const touched = await db.update(posts).set({ published: true }).where(eq(posts.authorId, 1));
check<Equal<typeof touched, WriteResult>>();
// @ts-expect-error a wrong value type in set()
db.update(users).set({ isActive: "yes" });

const deleted = await db.delete(users).where(eq(users.id, 1)).returning({ id: users.id });
check<Equal<typeof deleted, { id: number }[]>>();
const deletedAll = await db.delete(posts);
check<Equal<typeof deletedAll, WriteResult>>();

const published = await db.$count(posts, eq(posts.published, true));
check<Equal<typeof published, number>>();

// ---- Relational queries ----

const listed = await db.query.users.findMany({
  columns: { id: true, email: true }, where: eq(users.isActive, true),
  orderBy: [desc(users.id)], limit: 10, offset: 0,
  with: { posts: { where: (p, { eq }) => eq(p.published, true), orderBy: (p, { desc }) => desc(p.createdAt), limit: 5 } },
});
check<Equal<typeof listed, { id: number; email: string; posts: Post[] }[]>>();

const alice = await db.query.users.findFirst({ where: eq(users.id, 1), with: { posts: true } }); // object or undefined
check<Equal<typeof alice, Flat<User & { posts: Post[] }> | undefined>>();

const everyone = await db.query.users.findMany();
check<Equal<typeof everyone, User[]>>();

// A one() relation over NOT NULL columns is always there (categories' parent, over a nullable
// column, may be null); `false` columns are dropped; `with` nests.
const feed = await db.query.posts.findMany({
  columns: { body: false },
  with: { author: { columns: { name: true }, with: { posts: { columns: { id: true } } } } },
});
check<Equal<typeof feed, {
  id: number; authorId: number; title: string; published: boolean; createdAt: Date;
  author: { name: string; posts: { id: number }[] };
}[]>>();

// `columns: {}` selects none of the table's own columns, only the relations in `with`.
const onlyPosts = await db.query.users.findMany({ columns: {}, with: { posts: { columns: { title: true } } } });
check<Equal<typeof onlyPosts, { posts: { title: string }[] }[]>>();

// @ts-expect-error a wrong column name in columns
db.query.users.findMany({ columns: { nickname: true } });
// @ts-expect-error a wrong column name next to a right one
db.query.users.findMany({ columns: { id: true, nickname: true } });
// @ts-expect-error an unknown relation in with
db.query.users.findMany({ with: { comments: true } });
// @ts-expect-error an unknown relation next to a known one
db.query.users.findFirst({ with: { posts: true, comments: true } });
// @ts-expect-error an unknown relation in a nested with
db.query.posts.findMany({ with: { author: { with: { comments: true } } } });
// @ts-expect-error a one() relation has nothing to page
db.query.posts.findMany({ with: { author: { limit: 1 } } });
// @ts-expect-error findFirst has no limit
db.query.users.findFirst({ limit: 2 });
// @ts-expect-error a wrong value type in a where callback
db.query.users.findMany({ with: { posts: { where: (p, { eq }) => eq(p.published, "yes") } } });

// ---- Batch and raw SQL ----

const [batchInsert, batchUsers, batchFirst] = await db.batch([
  db.insert(users).values({ email, name }),
  db.select().from(users),
  db.query.users.findFirst({ columns: { id: true } }),
]);
check<Equal<typeof batchInsert, WriteResult>>();
check<Equal<typeof batchUsers, User[]>>();
check<Equal<typeof batchFirst, { id: number } | undefined>>();
const [timedCount] = await db.batch([db.$count(users).timeout(500)], { timeoutMs: 2000, signal: AbortSignal.timeout(5000) });
check<Equal<typeof timedCount, number>>();
const timedSelect = db.select().from(users).timeout(500);
check<Equal<Awaited<typeof timedSelect>, User[]>>();
createDb({ schema, driver: d1(env.DB, { timeoutMs: 1000, signal: new AbortController().signal }) });
// @ts-expect-error a timeout is a number of milliseconds
db.select().from(users).timeout("1s");

const raw = await db.execute(sql`select ${1} as one`);
check<Equal<typeof raw, Record<string, unknown>[]>>();
expectType<{ sql: string; params: unknown[] }>(db.execute(sql`select ${users.name} from ${users}`).toSQL());

// Builders also have catch() and finally(), as promises do.
const orEmpty = await db.select({ id: users.id }).from(users).catch(() => []).finally(() => undefined);
expectType<{ id: number }[]>(orEmpty);
// sql fragments go wherever an expression does, typed by their generic or by mapWith().
const labelled = await db.select({ id: users.id, lower: sql<string>`lower(${users.name})`, n: sql`count(*)`.mapWith(Number),
  since: sql`min(${users.createdAt})`.mapWith(users.createdAt) }).from(users)
  .where(sql`${users.id} > ${1}`).groupBy(users.id, sql`lower(${users.name})`).orderBy(sql`${users.id} desc nulls last`);
check<Equal<typeof labelled, { id: number; lower: string; n: number; since: Date }[]>>();
await db.update(posts).set({ title: sql`${posts.title} || ${"!"}` }).where(eq(posts.id, 1));
await db.execute(sql`select ${sql.identifier("name")} from ${users} where ${sql.join([sql`${users.id} = ${1}`, sql.raw("true")], sql` and `)}${sql.empty()}`);
// @ts-expect-error mapWith takes Number, String, Boolean or a column
sql`1`.mapWith(Date);

// ---- Validation ----

const insertUserSchema = createInsertSchema(users, {
  email: (s) => s.email().max(320),
  name: (s) => s.min(1).max(100),
}).omit({ id: true, createdAt: true, updatedAt: true }).strict();

type NewUser = { email: string; name: string; role?: Role; isActive?: boolean };

const value: unknown = { email, name };
const parsed = insertUserSchema.safeParse(value);
if (parsed.success) {
  check<Equal<typeof parsed.data, NewUser>>();
  await db.insert(users).values(parsed.data);
} else {
  check<Equal<typeof parsed.error, ValidationError>>();
  check<Equal<ReturnType<typeof parsed.error.flatten>, FlattenedErrors>>();
  expectType<{ formErrors: string[]; fieldErrors: { email?: string[] } }>(parsed.error.flatten());
}
check<Equal<ReturnType<typeof insertUserSchema.parse>, NewUser>>();

declare const bodyBytes: Uint8Array;
declare const bodyBuffer: ArrayBuffer;
const checked = insertUserSchema.check(bodyBytes);
insertUserSchema.check(bodyBuffer);
insertUserSchema.check('{"email":"a@b.c","name":"A"}');
if (checked.success) check<Equal<typeof checked.data, NewUser>>();
else expectType<{ status: number; body: Uint8Array }>(checked);

// A validator is a Standard Schema (v1): the interface as a library that takes any validator declares it.
interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) =>
      | { readonly value: Output; readonly issues?: undefined }
      | { readonly issues: ReadonlyArray<{ readonly message: string; readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> }> }
      | Promise<unknown>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}
declare function takesAnyValidator<TSchema extends StandardSchemaV1>(schema: TSchema): NonNullable<TSchema["~standard"]["types"]>["output"];
check<Equal<ReturnType<typeof takesAnyValidator<typeof insertUserSchema>>, NewUser>>();

const updateUserSchema = createUpdateSchema(users, { email: (s) => s.email() }).omit({ id: true });
check<Equal<ReturnType<typeof updateUserSchema.parse>, {
  email?: string; name?: string; role?: Role; isActive?: boolean; createdAt?: Date; updatedAt?: Date;
}>>();
const postPick = createInsertSchema(posts, { authorId: (s) => s.int().gt(0), title: (s) => s.regex(/\S/).length(10) })
  .pick({ authorId: true, title: true }).partial();
check<Equal<ReturnType<typeof postPick.parse>, { authorId?: number; title?: string }>>();
createInsertSchema(measurements, { id: (s) => s.uuid(), note: (s) => s.url(), ratio: (s) => s.gte(0).lte(1).lt(2).min(0) });

// @ts-expect-error string checks are for text columns
createInsertSchema(posts, { authorId: (s) => s.email() });
// @ts-expect-error a refinement for an unknown column
createInsertSchema(posts, { subtitle: (s) => s });
// @ts-expect-error omit names only known keys
insertUserSchema.omit({ nickname: true });

// ---- Errors ----

declare const caught: unknown;
if (caught instanceof DatabaseError) {
  check<Equal<typeof caught.kind, DatabaseErrorKind>>();
  expectType<{ code: string; sql: string; constraint?: string; table?: string; column?: string; detail?: string }>(caught);
} else if (caught instanceof ValidationError) {
  expectType<FlattenedErrors>(caught.flatten());
} else if (caught instanceof TransportError) {
  check<Equal<typeof caught.kind, TransportErrorKind>>();
  check<Equal<typeof caught.committed, boolean | "unknown">>();
} else if (caught instanceof SluiceError) {
  expectType<{ code: string; message: string; path?: readonly (string | number)[] }>(caught);
}
expectType<SluiceError>(caught as DatabaseError);
