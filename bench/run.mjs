// npm run bench: sluice vs drizzle-orm in one process, on the same work, against a D1 binding
// that replays answers recorded from a real local D1 (see lib/replay-d1.mjs). Prints medians
// and the sluice/drizzle ratio; then the bundle sizes of both reference Workers.
import { drizzle } from "drizzle-orm/d1";
import { eq as drizzleEq } from "drizzle-orm";
import { Miniflare } from "miniflare";

import { createDb, eq } from "../worker/index.js";
import { d1 } from "../worker/drivers/d1.js";
import * as sluiceSchema from "../worker/app/schema.js";
import { insertUserSchema as sluiceInsertUser } from "../worker/app/validators.js";
import { applySchemaToD1 } from "../scripts/lib/schema-ddl.mjs";
import * as drizzleSchema from "./drizzle/schema.js";
import { insertUserSchema as drizzleInsertUser } from "./drizzle/validators.js";
import { measureBundles } from "./lib/bundles.mjs";
import { seedDataset } from "./lib/dataset.mjs";
import { measure } from "./lib/measure.mjs";
import { recordingD1, replayD1 } from "./lib/replay-d1.mjs";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function workloads(s, d) {
  const body = encoder.encode(JSON.stringify({ email: "new.user@example.com", name: "New User" }));
  const drizzleInsert = async () => {
    const parsed = drizzleInsertUser.safeParse(JSON.parse(decoder.decode(body)));
    if (!parsed.success) throw new Error("bench body must be valid");
    return (await d.insert(drizzleSchema.users).values(parsed.data).returning())[0];
  };
  const sluiceInsert = () => {
    const input = sluiceInsertUser.check(body);
    if (!input.success) throw new Error("bench body must be valid");
    return s.insert(sluiceSchema.users).values(input.data).returning();
  };
  const drizzleUser = () =>
    d.query.users.findFirst({ where: drizzleEq(drizzleSchema.users.id, 1), with: { posts: true } });
  const sluiceUser = () => s.query.users.findFirst({ where: eq(sluiceSchema.users.id, 1), with: { posts: true } });
  const toBody = async (promise) => encoder.encode(JSON.stringify(await promise));
  return [
    {
      name: "W1 list 50 users",
      drizzle: () => d.select().from(drizzleSchema.users).limit(50),
      sluice: () => s.select().from(sluiceSchema.users).limit(50),
      drizzleBytes: () => toBody(d.select().from(drizzleSchema.users).limit(50)),
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
      drizzle: () => d.select().from(drizzleSchema.users).limit(1000),
      sluice: () => s.select().from(sluiceSchema.users).limit(1000),
      drizzleBytes: () => toBody(d.select().from(drizzleSchema.users).limit(1000)),
      sluiceBytes: () => s.select().from(sluiceSchema.users).limit(1000).bytes(),
    },
  ];
}

async function record() {
  const mf = new Miniflare({ modules: true, script: "export default {}", d1Databases: ["DB"] });
  try {
    const real = await mf.getD1Database("DB");
    await applySchemaToD1(real, sluiceSchema);
    await seedDataset(real);
    const recorder = recordingD1(real);
    const s = createDb({ schema: sluiceSchema, driver: d1(recorder) });
    const d = drizzle(recorder, { schema: drizzleSchema });
    for (const w of workloads(s, d)) {
      // The two libraries insert the same body: record drizzle's insert first, then remove
      // the row so sluice's insert is recorded against the same state.
      for (const run of [w.drizzle, w.sluice, w.sluiceBytes]) {
        await run();
        await real.prepare("delete from users where email = 'new.user@example.com'").run();
      }
    }
    return recorder.recordings;
  } finally {
    await mf.dispose();
  }
}

function row(cells) {
  return `| ${cells.join(" | ")} |`;
}

const recordings = await record();
const replay = replayD1(recordings);
const s = createDb({ schema: sluiceSchema, driver: d1(replay) });
const d = drizzle(replay, { schema: drizzleSchema });

console.log("D1 (replayed answers of a real local D1), per request, median of 31 samples, µs\n");
console.log(row(["workload", "output", "drizzle-orm", "sluice", "sluice / drizzle"]));
console.log(row(["---", "---", "---:", "---:", "---:"]));
for (const w of workloads(s, d)) {
  for (const [output, drizzleRun, sluiceRun] of [
    ["JS objects", w.drizzle, w.sluice],
    ["body bytes", w.drizzleBytes, w.sluiceBytes],
  ]) {
    const drizzleCost = await measure(drizzleRun);
    const sluiceCost = await measure(sluiceRun);
    console.log(row([w.name, output, drizzleCost.toFixed(1), sluiceCost.toFixed(1), (sluiceCost / drizzleCost).toFixed(2)]));
  }
}

const buildOnly = [
  () => d.query.users.findFirst({ where: drizzleEq(drizzleSchema.users.id, 1), with: { posts: true } }).toSQL(),
  () => s.query.users.findFirst({ where: eq(sluiceSchema.users.id, 1), with: { posts: true } }).toSQL(),
];
const drizzleBuild = await measure(buildOnly[0]);
const sluiceBuild = await measure(buildOnly[1]);
console.log(row(["query build (W2 shape, toSQL)", "-", drizzleBuild.toFixed(1), sluiceBuild.toFixed(1), (sluiceBuild / drizzleBuild).toFixed(2)]));

console.log("\nReference Worker bundle (wrangler deploy --dry-run --minify), KiB\n");
await measureBundles();
