// `sluice migrate` migrates the local D1 that `wrangler dev` then serves, for each way of naming
// it: nothing (wrangler's default), `d1.persist.path` with `wrangler dev --persist-to` of the
// same folder, and `persist.path: ".wrangler/state"` (the default, spelled out). Each is read
// back through a real `wrangler dev`.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import { WRANGLER_ENV, withWranglerDev } from "../support/wrangler-dev.js";
import { USERS_SCHEMA, runSluice, tempProject } from "./support.js";

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

/** The tables named users that the D1 `wrangler dev` serves has. */
function servedTables(root, devArgs) {
  return withWranglerDev(root, devArgs, async (base) => {
    const response = await fetch(`${base}/`);
    assert.equal(response.status, 200);
    return response.json();
  });
}
