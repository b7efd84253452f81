// The benchmark workloads, the same on every backend: each one as sluice and as drizzle-orm,
// to JS objects and to the bytes of an HTTP body. `drizzle` carries the drizzle schema and
// insert validator written for the backend (sqlite-core or pg-core).
import { count as drizzleCount, eq as drizzleEq, sql as drizzleSql, sum as drizzleSum } from "drizzle-orm";

import { count, eq, sql, sum } from "../../worker/index.js";
import * as sluiceSchema from "../../worker/app/schema.js";
import { insertUserSchema as sluiceInsertUser } from "../../worker/app/validators.js";
import { measure } from "./measure.mjs";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const NEW_USER_EMAIL = "new.user@example.com";

/**
 * @param {object} s a sluice db
 * @param {object} d a drizzle db
 * @param {{ schema: object, insertUser: object }} drizzle
 */
export function workloads(s, d, drizzle) {
  const body = encoder.encode(JSON.stringify({ email: NEW_USER_EMAIL, name: "New User" }));
  const drizzleInsert = async () => {
    const parsed = drizzle.insertUser.safeParse(JSON.parse(decoder.decode(body)));
    if (!parsed.success) throw new Error("bench body must be valid");
    return (await d.insert(drizzle.schema.users).values(parsed.data).returning())[0];
  };
  const sluiceInsert = () => {
    const input = sluiceInsertUser.check(body);
    if (!input.success) throw new Error("bench body must be valid");
    return s.insert(sluiceSchema.users).values(input.data).returning();
  };
  const drizzleUser = () =>
    d.query.users.findFirst({ where: drizzleEq(drizzle.schema.users.id, 1), with: { posts: true } });
  const sluiceUser = () => s.query.users.findFirst({ where: eq(sluiceSchema.users.id, 1), with: { posts: true } });
  const toBody = async (promise) => encoder.encode(JSON.stringify(await promise));
  const drizzleReport = () =>
    d
      .select({ authorId: drizzle.schema.posts.authorId, posts: drizzleCount(), idSum: drizzleSum(drizzle.schema.posts.id) })
      .from(drizzle.schema.posts)
      .groupBy(drizzle.schema.posts.authorId)
      .orderBy(drizzle.schema.posts.authorId);
  const sluiceReport = () =>
    s
      .select({ authorId: sluiceSchema.posts.authorId, posts: count(), idSum: sum(sluiceSchema.posts.id) })
      .from(sluiceSchema.posts)
      .groupBy(sluiceSchema.posts.authorId)
      .orderBy(sluiceSchema.posts.authorId);
  // Prepared once, run with a new id each time: a rotation of PREPARED_IDS per library, so
  // both libraries ask for the same ids in the same order, and every one is recorded.
  const drizzlePrepared = d.select().from(drizzle.schema.users).where(drizzleEq(drizzle.schema.users.id, drizzleSql.placeholder("id"))).prepare("w8");
  const sluicePrepared = s.select().from(sluiceSchema.users).where(eq(sluiceSchema.users.id, sql.placeholder("id"))).prepare("w8");
  const turns = { drizzle: 0, sluice: 0 };
  const nextId = (library) => PREPARED_IDS[turns[library]++ % PREPARED_IDS.length];
  return [
    {
      name: "W1 list 50 users",
      drizzle: () => d.select().from(drizzle.schema.users).limit(50),
      sluice: () => s.select().from(sluiceSchema.users).limit(50),
      drizzleBytes: () => toBody(d.select().from(drizzle.schema.users).limit(50)),
      sluiceBytes: () => s.select().from(sluiceSchema.users).limit(50).bytes(),
    },
    {
      name: "W2 user + 5 posts",
      drizzle: drizzleUser,
      sluice: sluiceUser,
      drizzleBytes: () => toBody(drizzleUser()),
      sluiceBytes: () => sluiceUser().bytes(),
    },
    {
      name: "W3 validate + insert returning",
      drizzle: drizzleInsert,
      sluice: sluiceInsert,
      drizzleBytes: () => toBody(drizzleInsert()),
      sluiceBytes: () => {
        const input = sluiceInsertUser.check(body);
        return s.insert(sluiceSchema.users).values(input.data).returning().bytes();
      },
    },
    {
      name: "W4 list 1000 users",
      drizzle: () => d.select().from(drizzle.schema.users).limit(1000),
      sluice: () => s.select().from(sluiceSchema.users).limit(1000),
      drizzleBytes: () => toBody(d.select().from(drizzle.schema.users).limit(1000)),
      sluiceBytes: () => s.select().from(sluiceSchema.users).limit(1000).bytes(),
    },
    {
      name: "W6 group-by report, count + sum",
      drizzle: drizzleReport,
      sluice: sluiceReport,
      drizzleBytes: () => toBody(drizzleReport()),
      sluiceBytes: () => sluiceReport().bytes(),
    },
    {
      name: "W8 prepared, new id each run",
      runsToRecord: PREPARED_IDS.length,
      drizzle: () => drizzlePrepared.execute({ id: nextId("drizzle") }),
      sluice: () => sluicePrepared.execute({ id: nextId("sluice") }),
      drizzleBytes: () => toBody(drizzlePrepared.execute({ id: nextId("drizzle") })),
      sluiceBytes: () => sluicePrepared.bytes({ id: nextId("sluice") }),
    },
  ];
}

const PREPARED_IDS = [2, 3, 5, 7];

/**
 * Runs every workload once per variant against a real database so a recorder sees each
 * request. The two libraries insert the same body: `removeNewUser` deletes the row after each
 * insert so every library's insert is recorded against the same state.
 */
export async function recordWorkloads(list, removeNewUser) {
  for (const w of list) {
    for (const run of [w.drizzle, w.drizzleBytes, w.sluice, w.sluiceBytes]) {
      for (let i = 0; i < (w.runsToRecord ?? 1); i++) {
        await run();
        await removeNewUser();
      }
    }
  }
}

export function row(cells) {
  return `| ${cells.join(" | ")} |`;
}

/** Measures every workload on both libraries and prints one markdown table. */
export async function printTable(title, list) {
  console.log(`${title}, per request, median of 31 samples, µs\n`);
  console.log(row(["workload", "output", "drizzle-orm", "sluice", "sluice / drizzle"]));
  console.log(row(["---", "---", "---:", "---:", "---:"]));
  for (const w of list) {
    for (const [output, drizzleRun, sluiceRun] of [
      ["JS objects", w.drizzle, w.sluice],
      ["body bytes", w.drizzleBytes, w.sluiceBytes],
    ]) {
      const drizzleCost = await measure(drizzleRun);
      const sluiceCost = await measure(sluiceRun);
      console.log(row([w.name, output, drizzleCost.toFixed(1), sluiceCost.toFixed(1), (sluiceCost / drizzleCost).toFixed(2)]));
    }
  }
}
