// Subqueries, CTEs and set operations, typed. Only type-checked (tests/js/types.test.js): every
// `check<Equal<...>>()` pins an inferred type, every `@ts-expect-error` line must not compile.
/// <reference types="@cloudflare/workers-types" />
import { count, createDb, eq, exists, gt, inArray, notExists, union, unionAll } from "../../worker/index.js";
import { d1 } from "../../worker/drivers/d1.js";
import * as schema from "./example.js";
import { posts, users } from "./example.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
declare function check<T extends true>(): void;
declare const env: { DB: D1Database };
const db = createDb({ schema, driver: d1(env.DB) });
type User = typeof users.$inferSelect;

// ---- A subquery as a row source ----
const sq = db.select({ authorId: posts.authorId, n: count().as("n") }).from(posts).groupBy(posts.authorId).as("sq");
const fromSq = await db.select().from(sq).where(gt(sq.n, 1));
check<Equal<typeof fromSq, { authorId: number; n: number }[]>>();
const joinedSq = await db.select({ name: users.name, n: sq.n }).from(users).innerJoin(sq, eq(sq.authorId, users.id));
check<Equal<typeof joinedSq, { name: string; n: number }[]>>();
const everyUser = db.select().from(users).as("u");
const emails = await db.select({ email: everyUser.email }).from(everyUser);
check<Equal<typeof emails, { email: string }[]>>();
// @ts-expect-error a subquery has only the fields it selects
sq.title;
// @ts-expect-error a field of a number compares with numbers
eq(sq.n, "many");

// ---- Subqueries as values ----
const counted = await db.select({ id: users.id, posts: db.$count(posts, eq(posts.authorId, users.id)) }).from(users);
check<Equal<typeof counted, { id: number; posts: number }[]>>();
const authors = await db.select().from(users).where(inArray(users.id, db.select({ id: posts.authorId }).from(posts)));
check<Equal<typeof authors, User[]>>();
await db.select().from(users).where(exists(db.select().from(posts).where(eq(posts.authorId, users.id))));
await db.select().from(users).where(notExists(db.select().from(posts).where(eq(posts.authorId, users.id))));
await db.delete(posts).where(eq(posts.authorId, db.select({ id: users.id }).from(users).where(eq(users.email, "a@x.io"))));
// @ts-expect-error the list's values must be the column's type
inArray(users.id, db.select({ title: posts.title }).from(posts));

// ---- Set operations ----
const names = await db.select({ id: users.id, label: users.name }).from(users)
  .union(db.select({ id: posts.id, label: posts.title }).from(posts)).orderBy(users.id).limit(10);
check<Equal<typeof names, { id: number; label: string }[]>>();
const ids = await unionAll(db.select({ id: users.id }).from(users), db.select({ id: posts.authorId }).from(posts));
check<Equal<typeof ids, { id: number }[]>>();
// @ts-expect-error both sides select the same fields
db.select({ id: users.id, label: users.name }).from(users).union(db.select({ id: posts.id }).from(posts));
// @ts-expect-error both sides select the same fields
union(db.select({ id: users.id }).from(users), db.select({ title: posts.title }).from(posts));

// ---- CTEs ----
const active = db.$with("active").as(db.select({ id: users.id, name: users.name }).from(users).where(eq(users.isActive, true)));
const fromCte = await db.with(active).select().from(active);
check<Equal<typeof fromCte, { id: number; name: string }[]>>();
const cteJoin = await db.with(active).select({ title: posts.title, author: active.name }).from(posts)
  .innerJoin(active, eq(active.id, posts.authorId));
check<Equal<typeof cteJoin, { title: string; author: string }[]>>();
const viaCallback = db.$with("c").as((qb) => qb.select({ n: count() }).from(posts));
const counts = await db.with(viaCallback).select().from(viaCallback);
check<Equal<typeof counts, { n: number }[]>>();
// @ts-expect-error with() takes CTEs, not subqueries
db.with(sq);

// ---- insert ... select ----
const copied = await db.insert(posts).select(db.select({ authorId: users.id, title: users.name, body: users.email }).from(users));
check<Equal<typeof copied, { rowsAffected: number }>>();
await db.insert(posts).select((qb) => qb.select({ authorId: users.id, title: users.name, body: users.email }).from(users)).returning({ id: posts.id });
// @ts-expect-error a selected value must fit its column
db.insert(posts).select(db.select({ authorId: users.name }).from(users));

// ---- CTEs before writes ----
await db.with(active).update(posts).set({ published: true }).where(inArray(posts.authorId, db.select({ id: active.id }).from(active)));
await db.with(active).delete(posts).where(notExists(db.select().from(active).where(eq(active.id, posts.authorId))));
await db.with(active).insert(posts).select(db.select({ authorId: active.id, title: active.name, body: active.name }).from(active));
