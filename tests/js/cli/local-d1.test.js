// `sluice migrate` migrates the local D1 that `wrangler dev` then serves, for each way of naming
// it: nothing (wrangler's default), `d1.persist.path` with `wrangler dev --persist-to` of the
// same folder, and `persist.path: ".wrangler/state"` (the default, spelled out). Each is read
// back through a real `wrangler dev`.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { test } from "node:test";

import { REPO, USERS_SCHEMA, runSluice, tempProject } from "./support.js";

const WRANGLER = join(REPO, "node_modules/wrangler/bin/wrangler.js");
const WRANGLER_ENV = { ...process.env, CI: "1", WRANGLER_SEND_METRICS: "false" };

const WRANGLER_TOML = `name = "local-d1"\nmain = "worker.js"\ncompatibility_date = "2025-09-01"\n\n[[d1_databases]]\n` +
  `binding = "DB"\ndatabase_name = "local"\ndatabase_id = "00000000-0000-4000-8000-00000000d1d1"\n`;
const WORKER = `export default {
  async fetch(request, env) {
    const { results } = await env.DB.prepare("select name from sqlite_schema where type = 'table' and name = 'users'").all();
    return Response.json(results.map((r) => r.name));
  },
};
`;

const SPELLINGS = [
  { name: "wrangler's default", d1: { binding: "DB" }, devArgs: [] },
  { name: "persist.path and --persist-to of one folder", d1: { binding: "DB", persist: { path: "./state" } }, devArgs: ["--persist-to", "state"] },
  {
    name: 'persist.path ".wrangler/state", where an earlier sluice left a D1 wrangler does not serve',
    d1: { binding: "DB", persist: { path: ".wrangler/state" } },
    devArgs: [],
    stray: ".wrangler/state/d1",
  },
];

for (const spelling of SPELLINGS) {
  test(`migrate, then wrangler dev serves the tables: ${spelling.name}`, { timeout: 120_000 }, async () => {
    const project = tempProject({
      "wrangler.toml": WRANGLER_TOML,
      "worker.js": WORKER,
      "schema.js": USERS_SCHEMA(),
      "sluice.config.json": JSON.stringify({ schema: "./schema.js", out: "./migrations", dialect: "sqlite", d1: spelling.d1 }),
    });
    try {
      if (spelling.stray) mkdirSync(join(project.root, spelling.stray), { recursive: true });
      const generate = runSluice(project.root, ["generate"]);
      assert.equal(generate.code, 0, generate.stderr);
      const migrate = runSluice(project.root, ["migrate"], { env: WRANGLER_ENV });
      assert.equal(migrate.code, 0, migrate.stderr);
      if (spelling.stray)
        assert.equal(
          migrate.stderr,
          `sluice: warning: ${join(project.root, spelling.stray)} is a local D1 that wrangler dev does not serve ` +
            `(it serves ${join(project.root, ".wrangler/state/v3")}); the migrations go to the latter\n`,
        );
      assert.deepEqual(await servedTables(project.root, spelling.devArgs), ["users"]);
    } finally {
      project.dispose();
    }
  });
}

/** Starts `wrangler dev` in root, asks the Worker which tables its D1 has, and stops it. */
async function servedTables(root, devArgs) {
  const port = await freePort();
  const dev = spawn(process.execPath, [WRANGLER, "dev", "--ip", "127.0.0.1", "--port", String(port), ...devArgs], {
    cwd: root,
    env: WRANGLER_ENV,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  try {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`wrangler dev did not start in 60 s:\n${output}`)), 60_000);
      const seen = (chunk) => {
        output += chunk;
        if (/Ready on http/.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      dev.stdout.on("data", seen);
      dev.stderr.on("data", seen);
      dev.on("exit", (code) => reject(new Error(`wrangler dev exited (${code}):\n${output}`)));
    });
    const response = await fetch(`http://127.0.0.1:${port}/`);
    assert.equal(response.status, 200, output);
    return await response.json();
  } finally {
    const exited = new Promise((resolve) => dev.once("exit", resolve));
    process.kill(-dev.pid, "SIGTERM");
    await exited;
  }
}

async function freePort() {
  const server = createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}
