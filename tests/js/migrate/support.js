// Temp migration folders with schema modules written per version, a Miniflare D1, and a
// private PostgreSQL behind sluice-gateway.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { Miniflare } from "miniflare";

import { checkConfig } from "../../../cli/config.js";
import { d1Target } from "../../../cli/d1-target.js";
import { readJournal } from "../../../cli/folder.js";
import { postgresSchema, sqliteSchema } from "../../../cli/introspect.js";
import { neonSql, pgTarget } from "../../../cli/pg-target.js";
import { d1PushDatabase, postgresPushDatabase } from "../../../cli/push.js";
import { startGateway } from "../../../scripts/lib/gateway.mjs";
import { startCluster } from "../../../scripts/lib/pg-cluster.mjs";

const sluice = new URL("../../../worker/index.js", import.meta.url).href;

/** The CLI's entry point, for tests that run it as a process. */
export const SLUICE_BIN = new URL("../../../bin/sluice.js", import.meta.url).pathname;

/** Runs `sluice migrate` in the project folder; resolves to { code, stdout, stderr }. */
export function migrateProcess(root, env = process.env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SLUICE_BIN, "migrate"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

/** A temp project: `schema(version, body)` writes a schema module, `config(version)` points at it. */
export function tempProject({ strict = false, dialect = "sqlite" } = {}) {
  const root = mkdtempSync(join(tmpdir(), "sluice-migrate-"));
  return {
    root,
    schema(version, body) {
      writeFileSync(join(root, `${version}.js`), `import * as s from ${JSON.stringify(sluice)};\n${body}\n`);
    },
    config(version) {
      return checkConfig({ schema: `./${version}.js`, out: "./migrations", dialect, strict }, root);
    },
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

export async function startD1() {
  const mf = new Miniflare({ modules: true, script: "export default {}", d1Databases: ["DB"] });
  return { mf, binding: await mf.getD1Database("DB") };
}

/**
 * A private cluster behind the gateway. `sql` queries it over Neon's protocol, `target()` is
 * a migration target on it, `reset()` empties its public schema.
 */
export async function startPostgres() {
  const cluster = await startCluster();
  let gateway;
  try {
    gateway = await startGateway(cluster);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  const credentials = {
    connectionString: `postgres://${cluster.user}:${cluster.password}@localhost:${cluster.port}/${cluster.database}`,
    endpoint: gateway.endpoint,
  };
  const sql = neonSql(credentials);
  return {
    credentials,
    sql,
    target: () => pgTarget(neonSql(credentials)),
    reset: () => sql.batch([`drop schema public cascade`, `create schema public`]),
    stop: async () => {
      await gateway.stop();
      await cluster.stop();
    },
  };
}

/**
 * The two databases the migrate and push tests run on, behind one interface: `dialect` (the
 * config's), `target()` for migrate, `db()` for push, `run(statements)` as one batch,
 * `rows(sql)` as arrays (Postgres integers as numbers), `shape()` introspected, `reset()`
 * empties it, `stop()`.
 */
export const liveDatabases = {
  d1: async () => {
    const d1 = await startD1();
    const db = d1.binding;
    return {
      dialect: "sqlite",
      target: () => d1Target(db),
      db: () => d1PushDatabase(db),
      run: (statements) => db.batch(statements.map((s) => db.prepare(s))),
      rows: async (sql) => db.prepare(sql).raw(),
      shape: () => sqliteSchema(db),
      async reset() {
        const { results } = await db.prepare("select name from sqlite_schema where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%'").all();
        await db.batch([db.prepare("pragma defer_foreign_keys = on"), ...results.map(({ name }) => db.prepare(`drop table "${name}"`))]);
      },
      stop: () => d1.mf.dispose(),
    };
  },
  postgres: async () => {
    const pg = await startPostgres();
    return {
      dialect: "postgresql",
      target: () => pg.target(),
      db: () => postgresPushDatabase(pg.sql),
      run: (statements) => pg.sql.batch(statements),
      rows: async (sql) => (await pg.sql.query(sql)).map((row) => row.map((v) => (v !== null && /^-?\d+$/.test(v) ? Number(v) : v))),
      shape: () => postgresSchema(pg.sql),
      reset: () => pg.reset(),
      stop: () => pg.stop(),
    };
  },
};

/** The snapshot (its `schema`) of the last migration in the project's folder. */
export function latestSnapshot(config) {
  const last = readJournal(config.out, config.dialect).entries.at(-1);
  const file = join(config.out, "meta", `${String(last.idx).padStart(4, "0")}_snapshot.json`);
  return JSON.parse(readFileSync(file, "utf8")).schema;
}

export const quiet = { log: () => {} };

export const USERS_V1 = `
export const users = s.table("users", {
  id: s.serial("id").primaryKey(),
  email: s.text("email").notNull(),
  name: s.text("name"),
}, (t) => ({ emailIdx: s.uniqueIndex("users_email_idx").on(t.email) }));`;

export const POSTS_V1 = `
export const posts = s.table("posts", {
  id: s.serial("id").primaryKey(),
  authorId: s.integer("author_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  title: s.text("title").notNull(),
});`;
