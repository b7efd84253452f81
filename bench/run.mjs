// npm run bench: sluice vs drizzle-orm in one process, on the same work, against databases
// that replay answers recorded from real ones: a local D1 (lib/replay-d1.mjs) and Postgres
// behind sluice-gateway, reached over Neon's HTTP protocol (lib/neon.mjs, lib/replay-neon.mjs).
// Prints medians and the sluice/drizzle ratio; then the bundle sizes of both reference Workers.
import { drizzle } from "drizzle-orm/d1";
import { eq as drizzleEq } from "drizzle-orm";
import { Miniflare } from "miniflare";

import { createDb, eq } from "../worker/index.js";
import { d1 } from "../worker/drivers/d1.js";
import * as sluiceSchema from "../worker/app/schema.js";
import { applySchemaToD1 } from "../scripts/lib/schema-ddl.mjs";
import * as drizzleSchema from "./drizzle/schema.js";
import { insertUserSchema } from "./drizzle/validators.js";
import { measureBundles } from "./lib/bundles.mjs";
import { seedDataset } from "./lib/dataset.mjs";
import { measure } from "./lib/measure.mjs";
import { neonWorkloads } from "./lib/neon.mjs";
import { recordingD1, replayD1 } from "./lib/replay-d1.mjs";
import { NEW_USER_EMAIL, printTable, recordWorkloads, row, workloads } from "./lib/workloads.mjs";

const DRIZZLE_D1 = { schema: drizzleSchema, insertUser: insertUserSchema };

async function recordD1() {
  const mf = new Miniflare({ modules: true, script: "export default {}", d1Databases: ["DB"] });
  try {
    const real = await mf.getD1Database("DB");
    await applySchemaToD1(real, sluiceSchema);
    await seedDataset(real);
    const recorder = recordingD1(real);
    const s = createDb({ schema: sluiceSchema, driver: d1(recorder) });
    const d = drizzle(recorder, { schema: drizzleSchema });
    await recordWorkloads(workloads(s, d, DRIZZLE_D1), () =>
      real.prepare("delete from users where email = ?").bind(NEW_USER_EMAIL).run(),
    );
    return recorder.recordings;
  } finally {
    await mf.dispose();
  }
}

const replay = replayD1(await recordD1());
const s = createDb({ schema: sluiceSchema, driver: d1(replay) });
const d = drizzle(replay, { schema: drizzleSchema });
await printTable("D1 (replayed answers of a real local D1)", workloads(s, d, DRIZZLE_D1));

const buildOnly = [
  () => d.query.users.findFirst({ where: drizzleEq(drizzleSchema.users.id, 1), with: { posts: true } }).toSQL(),
  () => s.query.users.findFirst({ where: eq(sluiceSchema.users.id, 1), with: { posts: true } }).toSQL(),
];
const drizzleBuild = await measure(buildOnly[0]);
const sluiceBuild = await measure(buildOnly[1]);
console.log(row(["query build (W2 shape, toSQL)", "-", drizzleBuild.toFixed(1), sluiceBuild.toFixed(1), (sluiceBuild / drizzleBuild).toFixed(2)]));

console.log("");
await printTable(
  "Neon HTTP (replayed answers of PostgreSQL 15 behind sluice-gateway; drizzle-orm/neon-http over @neondatabase/serverless)",
  await neonWorkloads(),
);

console.log("\nReference Worker bundle (wrangler deploy --dry-run --minify), KiB\n");
await measureBundles();
