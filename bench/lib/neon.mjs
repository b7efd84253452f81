// The Neon side of the bench: a private PostgreSQL cluster behind sluice-gateway holds the
// dataset; every workload's requests are recorded once from it, then both libraries run on a
// fetch that replays those answers: sluice through its neonHttp driver's `fetch` option,
// drizzle-orm/neon-http through @neondatabase/serverless's neon(), whose fetch can only be
// replaced globally (neonConfig.fetchFunction).
import { neonConfig, neon } from "@neondatabase/serverless";
import { drizzle } from "drizzle-orm/neon-http";
import { isDeepStrictEqual } from "node:util";

import { createDb } from "../../worker/index.js";
import { neonHttp } from "../../worker/drivers/neon-http.js";
import * as sluiceSchema from "../../worker/app/schema.js";
import { applySchemaToPostgres } from "../../scripts/lib/schema-ddl.mjs";
import { startClusterWithGateway } from "../../scripts/lib/gateway.mjs";
import * as drizzleSchema from "../drizzle/schema-pg.js";
import { insertUserSchema } from "../drizzle/validators-pg.js";
import { seedDatasetPostgres } from "./dataset.mjs";
import { recordingFetch, replayFetch } from "./replay-neon.mjs";
import { NEW_USER_EMAIL, recordWorkloads, workloads } from "./workloads.mjs";

const DRIZZLE = { schema: drizzleSchema, insertUser: insertUserSchema };
const decoder = new TextDecoder();

function clients(connectionString, fetch) {
  neonConfig.fetchFunction = fetch;
  return {
    s: createDb({ schema: sluiceSchema, driver: neonHttp({ connectionString, fetch }) }),
    d: drizzle(neon(connectionString), { schema: drizzleSchema }),
  };
}

// Both libraries must answer the reads with the same JSON, or the comparison means nothing.
async function checkSameAnswers(list) {
  for (const w of list.filter((w) => !w.name.includes("insert"))) {
    const drizzleAnswer = JSON.parse(decoder.decode(await w.drizzleBytes()));
    const sluiceAnswer = JSON.parse(decoder.decode(await w.sluiceBytes()));
    if (!isDeepStrictEqual(sluiceAnswer, drizzleAnswer)) throw new Error(`${w.name}: sluice and drizzle answer differently`);
  }
}

async function record() {
  const { cluster, gateway, stop } = await startClusterWithGateway();
  try {
    const connectionString = `postgresql://${cluster.user}:${cluster.password}@ep-sluice-bench.sluice.invalid/${cluster.database}`;
    const admin = neonHttp({ connectionString, endpoint: gateway.endpoint });
    await applySchemaToPostgres(admin, sluiceSchema);
    await seedDatasetPostgres(admin);
    const recorder = recordingFetch(gateway.endpoint);
    const { s, d } = clients(connectionString, recorder);
    const list = workloads(s, d, DRIZZLE);
    await checkSameAnswers(list);
    await recordWorkloads(list, () =>
      admin.run({ sql: "delete from users where email = $1", params: [NEW_USER_EMAIL], returns: "none" }),
    );
    return { connectionString, recordings: recorder.recordings };
  } finally {
    await stop();
  }
}

/** Records from a real cluster, then returns the workloads running on replayed answers. */
export async function neonWorkloads() {
  const { connectionString, recordings } = await record();
  const { s, d } = clients(connectionString, replayFetch(recordings));
  return workloads(s, d, DRIZZLE);
}
