// scripts/dev-neon.mjs --no-serve (what `scripts/dev.sh --neon` runs before wrangler dev): the
// private cluster comes up behind the gateway, migrated from migrations-pg/ and seeded, the
// variables for the Worker are printed, and SIGINT removes everything.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import { loadConfig } from "../../../cli/config.js";
import { readJournal, readLatestSnapshot } from "../../../cli/folder.js";
import { postgresSchema, snapshotShape } from "../../../cli/introspect.js";
import { neonSql } from "../../../cli/pg-target.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));

test("dev --neon prepares a migrated, seeded Postgres and removes it on SIGINT", { timeout: 120_000 }, async () => {
  const child = spawn(process.execPath, [join(root, "scripts/dev-neon.mjs"), "--no-serve"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise((resolve) => child.on("exit", resolve));
  try {
    await new Promise((resolve, reject) => {
      child.stdout.on("data", (d) => {
        stdout += d;
        if (/^NEON_HTTP_ENDPOINT=/m.test(stdout)) resolve();
      });
      exited.then((code) => reject(new Error(`dev-neon exited (${code}):\n${stdout}\n${stderr}`)));
    });
    assert.match(stdout, /^0000_init\.sql: applied \(\d+ ms\)$/m);
    assert.match(stdout, /^dev --neon: seeded: 2 users, 2 posts$/m);
    const clusterDir = /^dev --neon: PostgreSQL in (\S+),/m.exec(stdout)[1];
    const connectionString = /^DATABASE_URL=(\S+)$/m.exec(stdout)[1];
    const endpoint = /^NEON_HTTP_ENDPOINT=(\S+)$/m.exec(stdout)[1];
    assert.ok(existsSync(clusterDir));

    const sql = neonSql({ connectionString, endpoint });
    const config = await loadConfig(join(root, "sluice.pg.config.js"));
    const snapshot = readLatestSnapshot(config.out, readJournal(config.out, config.dialect));
    assert.deepEqual(await postgresSchema(sql), snapshotShape(snapshot.schema, "postgres"));
    assert.deepEqual(await sql.query("select email, role::text from users order by id"), [
      ["alice@example.com", "admin"],
      ["bob@example.com", "viewer"],
    ]);
    assert.deepEqual(await sql.query(`select tag from "__sluice_migrations"`), [["0000_init"]]);

    child.kill("SIGINT");
    assert.equal(await exited, 0, stderr);
    assert.equal(existsSync(clusterDir), false, "the cluster's files are removed");
  } finally {
    if (child.exitCode === null) child.kill("SIGINT");
  }
});
