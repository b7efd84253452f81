// Runs the reference Worker the way it is deployed: bundled by wrangler (esbuild, the .wasm
// as a module), then served by workerd through Miniflare with a fresh local D1 that holds the
// schema and the tutorial's seed.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { Miniflare } from "miniflare";

import { createDb } from "../../../worker/index.js";
import { d1 } from "../../../worker/drivers/d1.js";
import * as schema from "../../../worker/app/schema.js";
import { seed } from "../../../worker/app/seed.js";
import { applySchemaToD1 } from "../../../scripts/lib/schema-ddl.mjs";

const root = new URL("../../../", import.meta.url).pathname;

function bundle() {
  const outdir = mkdtempSync(join(tmpdir(), "sluice-worker-"));
  execFileSync(process.execPath, [join(root, "node_modules/wrangler/bin/wrangler.js"), "deploy", "--dry-run", "--outdir", outdir], {
    cwd: root,
    stdio: "pipe",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" },
  });
  return outdir;
}

export async function startReferenceWorker() {
  const outdir = bundle();
  const mf = new Miniflare({
    modules: true,
    scriptPath: join(outdir, "index.js"),
    modulesRoot: outdir,
    modulesRules: [{ type: "CompiledWasm", include: ["**/*.wasm"] }],
    compatibilityDate: "2025-09-01",
    d1Databases: { DB: "reference" },
  });
  await mf.ready;
  const binding = await mf.getD1Database("DB");
  await applySchemaToD1(binding, schema);
  await seed(createDb({ schema, driver: d1(binding) }));

  return {
    binding,
    request: (path, init) => mf.dispatchFetch(`http://localhost${path}`, init),
    postJson: (path, body, method = "POST") =>
      mf.dispatchFetch(`http://localhost${path}`, {
        method,
        headers: { "content-type": "application/json" },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
    /** Every row of every table, to prove a rejected request changed nothing. */
    snapshot: async () => ({
      users: (await binding.prepare("select * from users order by id").all()).results,
      posts: (await binding.prepare("select * from posts order by id").all()).results,
    }),
    dispose: async () => {
      await mf.dispose();
      rmSync(outdir, { recursive: true, force: true });
    },
  };
}

export const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
