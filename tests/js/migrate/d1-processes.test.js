// Two `sluice migrate` processes on one local D1 (two workerd instances on one SQLite file):
// the one that finds the file locked waits, and each migration is applied exactly once.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import { localD1 } from "../../../cli/d1-target.js";
import { checkConfig } from "../../../cli/config.js";
import { generate } from "../../../cli/generate.js";
import { POSTS_V1, USERS_V1, migrateProcess, quiet, tempProject } from "./support.js";

const D1_CONFIG = { schema: "./v4.js", out: "./migrations", dialect: "sqlite", d1: { configPath: "./wrangler.toml", persist: { path: "./state" } } };

// The project becomes a wrangler project with one local D1, and `sluice migrate` targets it.
function configure(project, config) {
  const wrangler = `name = "race"\ncompatibility_date = "2025-09-01"\n\n[[d1_databases]]\nbinding = "DB"\ndatabase_name = "race"\ndatabase_id = "00000000-0000-4000-8000-000000000001"\n`;
  writeFileSync(join(project.root, "wrangler.toml"), wrangler);
  writeFileSync(join(project.root, "sluice.config.json"), JSON.stringify(config));
}

test("two migrate processes on one local D1 apply each migration once", async () => {
  const project = tempProject();
  try {
    project.schema("v1", USERS_V1);
    project.schema("v2", USERS_V1 + POSTS_V1);
    project.schema("v3", USERS_V1.replace(`s.text("name"),`, `s.text("name"), bio: s.text("bio"),`) + POSTS_V1);
    project.schema("v4", USERS_V1.replace(`s.text("name"),`, `s.text("name"), bio: s.text("bio"), age: s.integer("age"),`) + POSTS_V1);
    for (const v of ["v1", "v2", "v3", "v4"]) await generate(project.config(v), quiet);
    configure(project, D1_CONFIG);

    const runs = await Promise.all([migrateProcess(project.root), migrateProcess(project.root)]);
    for (const run of runs) assert.equal(run.code, 0, run.stderr);
    const applied = runs.flatMap((r) => [...r.stdout.matchAll(/^(\d{4}_migration)\.sql: applied \(/gm)].map((m) => m[1]));
    assert.deepEqual(applied.sort(), ["0000_migration", "0001_migration", "0002_migration", "0003_migration"]);

    const { binding, dispose } = await localD1(checkConfig(D1_CONFIG, project.root));
    try {
      const ledger = await binding.prepare(`select tag from "__sluice_migrations" order by id`).all();
      assert.deepEqual(ledger.results.map((r) => r.tag), ["0000_migration", "0001_migration", "0002_migration", "0003_migration"]);
      const columns = await binding.prepare(`select name from pragma_table_info('users') order by cid`).all();
      assert.deepEqual(columns.results.map((r) => r.name), ["id", "email", "name", "bio", "age"]);
    } finally {
      await dispose();
    }
  } finally {
    project.dispose();
  }
});

// The other program gets SQLITE_BUSY now and then too (a batch that commits nothing); migrate
// waits those moments out itself.
test("migrate runs while another program (a wrangler dev) writes to the same local D1, and no committed write is lost", async () => {
  const project = tempProject();
  try {
    project.schema("v1", USERS_V1);
    project.schema("v2", USERS_V1 + POSTS_V1);
    for (const v of ["v1", "v2"]) await generate(project.config(v), quiet);
    configure(project, { ...D1_CONFIG, schema: "./v2.js" });
    const { getPlatformProxy } = await import("wrangler");
    const other = await getPlatformProxy({ configPath: join(project.root, "wrangler.toml"), persist: { path: join(project.root, "state", "v3") } });
    try {
      const db = other.env.DB;
      await db.prepare("create table noise (n integer)").run();
      const run = migrateProcess(project.root);
      let done = false;
      run.then(() => (done = true));
      let writes = 0;
      while (!done) {
        try {
          await db.batch(Array.from({ length: 50 }, (_, i) => db.prepare("insert into noise values (?)").bind(i)));
          writes++;
        } catch (error) {
          assert.match(error.message, /SQLITE_BUSY/);
        }
      }
      const result = await run;
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /^0000_migration\.sql: applied \(\d+ ms\)\n0001_migration\.sql: applied \(\d+ ms\)\n$/);
      assert.deepEqual(await db.prepare("select count(*) as n from noise").first(), { n: writes * 50 });
      const ledger = await db.prepare(`select tag from "__sluice_migrations" order by id`).all();
      assert.deepEqual(ledger.results.map((r) => r.tag), ["0000_migration", "0001_migration"]);
    } finally {
      await other.dispose();
    }
  } finally {
    project.dispose();
  }
});
