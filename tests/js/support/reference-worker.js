// Runs the reference Worker the way it is deployed: bundled by wrangler (esbuild, the .wasm
// as a module), then served by workerd through Miniflare, on either backend the Worker
// supports, each migrated from the project's migrations (migrations/, migrations-pg/) and
// holding the tutorial's seed:
// - "d1": a fresh local D1 bound as `DB`;
// - "postgres": a private PostgreSQL cluster behind sluice-gateway on loopback, the Worker
//   given `DATABASE_URL` and `NEON_HTTP_ENDPOINT` as `scripts/dev.sh --neon` gives them, so
//   its neonHttp driver fetches from inside workerd exactly as it would reach Neon.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe } from "node:test";

import { Miniflare } from "miniflare";

import { createDb } from "../../../worker/index.js";
import { d1 } from "../../../worker/drivers/d1.js";
import { neonHttp } from "../../../worker/drivers/neon-http.js";
import * as schema from "../../../worker/app/schema.js";
import { seed } from "../../../worker/app/seed.js";
import { loadConfig } from "../../../cli/config.js";
import { d1Target } from "../../../cli/d1-target.js";
import { migrate } from "../../../cli/migrate.js";
import { startNeonDatabase } from "../../../scripts/lib/neon-db.mjs";

const root = new URL("../../../", import.meta.url).pathname;

export const BACKENDS = ["d1", "postgres"];

function bundle() {
  const outdir = mkdtempSync(join(tmpdir(), "sluice-worker-"));
  execFileSync(process.execPath, [join(root, "node_modules/wrangler/bin/wrangler.js"), "deploy", "--dry-run", "--outdir", outdir], {
    cwd: root,
    stdio: "pipe",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" },
  });
  return outdir;
}

// Every row of every table, read the same way on both backends (SQL column names).
const SNAPSHOT = {
  users: "select * from users order by id",
  posts: "select * from posts order by id",
};

const quiet = { log: () => {} };

// Reads every table in one request to a second Worker bound to the same D1: a read through
// Miniflare's binding proxy costs several synchronous round trips, ten times a request.
const SNAPSHOT_HOST = "snapshot.invalid";
const SNAPSHOT_WORKER = {
  name: "snapshot",
  modules: true,
  compatibilityDate: "2025-09-01",
  routes: [`${SNAPSHOT_HOST}/*`],
  d1Databases: { DB: "reference" },
  script: `const SNAPSHOT = ${JSON.stringify(SNAPSHOT)};
export default {
  async fetch(request, env) {
    const tables = Object.keys(SNAPSHOT);
    const results = await env.DB.batch(tables.map((table) => env.DB.prepare(SNAPSHOT[table])));
    return Response.json(Object.fromEntries(tables.map((table, i) => [table, results[i].results])));
  },
};`,
};

async function d1Backend(mf) {
  const binding = await mf.getD1Database("DB");
  await migrate(await loadConfig(join(root, "sluice.config.js")), d1Target(binding), quiet);
  await seed(createDb({ schema, driver: d1(binding) }));
  return {
    snapshot: async () => (await mf.dispatchFetch(`http://${SNAPSHOT_HOST}/`)).json(),
    stop: async () => {},
  };
}

// The database `scripts/dev.sh --neon` prepares, by the same code.
async function postgresBackend() {
  const { databaseUrl, endpoint, stop } = await startNeonDatabase(quiet);
  const driver = neonHttp({ connectionString: databaseUrl, endpoint });
  return {
    bindings: { DATABASE_URL: databaseUrl, NEON_HTTP_ENDPOINT: endpoint },
    snapshot: async () => ({
      users: await driver.run({ sql: SNAPSHOT.users, params: [], returns: "objects" }),
      posts: await driver.run({ sql: SNAPSHOT.posts, params: [], returns: "objects" }),
    }),
    stop,
  };
}

/**
 * Starts the Worker on one backend ("d1" or "postgres").
 * @param {"d1"|"postgres"} [backend]
 */
export async function startReferenceWorker(backend = "d1") {
  const postgres = backend === "postgres" ? await postgresBackend() : null;
  const outdir = bundle();
  const app = {
    name: "app",
    modules: true,
    scriptPath: join(outdir, "index.js"),
    modulesRoot: outdir,
    modulesRules: [{ type: "CompiledWasm", include: ["**/*.wasm"] }],
    compatibilityDate: "2025-09-01",
    ...(postgres ? { bindings: postgres.bindings } : { d1Databases: { DB: "reference" } }),
  };
  const mf = new Miniflare({ workers: postgres ? [app] : [app, SNAPSHOT_WORKER] });
  let store = postgres;
  try {
    await mf.ready;
    store ??= await d1Backend(mf);
  } catch (error) {
    await mf.dispose();
    await postgres?.stop();
    rmSync(outdir, { recursive: true, force: true });
    throw error;
  }

  return {
    request: (path, init) => mf.dispatchFetch(`http://localhost${path}`, init),
    postJson: (path, body, method = "POST") =>
      mf.dispatchFetch(`http://localhost${path}`, {
        method,
        headers: { "content-type": "application/json" },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
    /** Every row of every table, to prove a rejected request changed nothing. */
    snapshot: () => store.snapshot(),
    dispose: async () => {
      await mf.dispose();
      await store.stop();
      rmSync(outdir, { recursive: true, force: true });
    },
  };
}

/**
 * Declares the same tests once per backend, each group in its own `describe` with its own
 * Worker and database (started before the group's first test, stopped after its last).
 * `body` receives a handle whose methods reach the group's running Worker.
 * @param {(worker: Awaited<ReturnType<typeof startReferenceWorker>>) => void} body
 */
export function describeBackends(body) {
  for (const backend of BACKENDS) {
    describe(`on ${backend}`, () => {
      let running;
      before(async () => {
        running = await startReferenceWorker(backend);
      });
      after(() => running?.dispose());
      body({
        request: (...args) => running.request(...args),
        postJson: (...args) => running.postJson(...args),
        snapshot: () => running.snapshot(),
      });
    });
  }
}

export const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
