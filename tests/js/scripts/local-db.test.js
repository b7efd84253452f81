// scripts/local-db.mjs: the local D1 gets its schema from the migrations, is seeded, and is
// left alone on a rerun; a local D1 made by the old ad-hoc DDL is adopted only when it matches
// the first migration exactly.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import { getPlatformProxy } from "wrangler";

import { loadConfig } from "../../../cli/config.js";
import { platformProxyPersistPath } from "../../../cli/local-d1-path.js";
import { snapshotShape, sqliteSchema } from "../../../cli/introspect.js";
import { readJournal, readLatestSnapshot } from "../../../cli/folder.js";
import * as schema from "../../../worker/app/schema.js";
import { applySchemaToD1 } from "../../../scripts/lib/schema-ddl.mjs";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const configPath = join(root, "wrangler.toml");

function localDb(persistTo) {
  const run = spawnSync(process.execPath, [join(root, "scripts/local-db.mjs"), "--persist-to", persistTo], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Opens the D1 persisted under `persistTo` the way local-db.mjs does. */
async function withD1(persistTo, body) {
  const { env, dispose } = await getPlatformProxy({ configPath, persist: { path: platformProxyPersistPath({ configPath, persistTo }) } });
  try {
    return await body(env.DB);
  } finally {
    await dispose();
  }
}

async function inTempDir(body) {
  const dir = mkdtempSync(join(tmpdir(), "sluice-local-db-"));
  try {
    await body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("a fresh local D1 is migrated and seeded, and a rerun changes nothing", () =>
  inTempDir(async (dir) => {
    const first = localDb(dir);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /^0000_init\.sql: applied \(\d+ ms\)\nlocal D1 ready: 2 users, 2 posts\n$/);
    const config = await loadConfig(join(root, "sluice.config.js"));
    const expected = snapshotShape(readLatestSnapshot(config.out, readJournal(config.out, config.dialect)).schema, "sqlite");
    assert.deepEqual(await withD1(dir, sqliteSchema), expected);
    const again = localDb(dir);
    assert.equal(again.status, 0, again.stderr);
    assert.equal(again.stdout, "No pending migrations.\nlocal D1 ready: 2 users, 2 posts\n");
  }));

test("a local D1 made before migrations is adopted when it matches the first migration", () =>
  inTempDir(async (dir) => {
    await withD1(dir, (db) => applySchemaToD1(db, schema));
    const run = localDb(dir);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^0000_init\.sql: adopted: its tables were already there/);
    assert.deepEqual(
      await withD1(dir, async (db) => (await db.prepare(`select tag from "__sluice_migrations"`).all()).results),
      [{ tag: "0000_init" }],
    );
  }));

test("a local D1 that wrangler d1 migrations apply migrated is adopted too: either tool reads migrations/", () =>
  inTempDir(async (dir) => {
    const wrangler = spawnSync(
      process.execPath,
      [join(root, "node_modules/wrangler/bin/wrangler.js"), "d1", "migrations", "apply", "sluice", "--local", "--persist-to", dir],
      { cwd: root, encoding: "utf8", timeout: 60_000, env: { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false" } },
    );
    assert.equal(wrangler.status, 0, wrangler.stderr);
    const run = localDb(dir);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^0000_init\.sql: adopted: /);
  }));

test("a local D1 made before migrations that differs from the first migration is refused, untouched", () =>
  inTempDir(async (dir) => {
    await withD1(dir, async (db) => {
      await applySchemaToD1(db, schema);
      await db.prepare(`alter table "posts" add column "draft" text`).run();
    });
    const run = localDb(dir);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^local-db: the local D1 has tables made without migrations \(no __sluice_migrations table\) that differ from migrations\/0000_init\.sql in: posts\./);
    const tables = await withD1(dir, async (db) => (await db.prepare(`select name from sqlite_schema where name = '__sluice_migrations'`).all()).results);
    assert.deepEqual(tables, []);
  }));
