/**
 * @module cli/d1-target
 * Migrations on a D1 binding, or on d1-http.js's REST client (the same API): a migration is one
 * `batch()` (D1's only atomic unit; BEGIN is refused), its ledger row first.
 *
 * Two sluice processes on one local D1 take turns (cli/state-lock). Another program holding the
 * SQLite file (a running `wrangler dev`) still collides: the operation that finds the file locked
 * gets SQLITE_BUSY, as "database is locked: SQLITE_BUSY", or, when the lock bites as the Durable
 * Object commits, as an opaque "internal error; reference = ..." (workerd logs the SQLITE_BUSY).
 * Neither commits anything, so each operation is retried for a while; a retried migration whose
 * first try did commit then fails on its ledger row's unique tag, which migrate reads as applied.
 */
import { CliError } from "./errors.js";
import { platformProxyPersistPath, strayD1Warning, wranglerStateFolder } from "./local-d1-path.js";
import { APPLIED, LEDGER } from "./migrate.js";
import { lockStateFolder } from "./state-lock.js";

const CREATE_LEDGER =
  `create table if not exists "${LEDGER}" ("id" integer primary key autoincrement, "tag" text not null unique, ` +
  `"hash" text not null, "created_at" integer not null, "applied_at" integer not null)`;

const REHEARSAL = "sluice: rehearsal, rolled back";

const LOCKED = /SQLITE_BUSY|database is locked|internal error; reference = /;

/**
 * @param {{ lockWaitMs?: number }} [options] how long a locked database is waited for
 * @returns {import("./migrate.js").MigrationTarget}
 */
export function d1Target(binding, { lockWaitMs = 30_000 } = {}) {
  const locked = (fn) => whileLocked(fn, lockWaitMs);
  return {
    ensureLedger: () => locked(() => binding.prepare(CREATE_LEDGER).run()),
    applied: () => locked(async () => (await binding.prepare(APPLIED).all()).results),
    async apply({ tag, hash, when, statements }) {
      const record = binding
        .prepare(`insert into "${LEDGER}" ("tag", "hash", "created_at", "applied_at") values (?, ?, ?, ?)`)
        .bind(tag, hash, when, Date.now());
      await locked(() => binding.batch([record, ...statements.map((sql) => binding.prepare(sql))]));
    },
    async rehearse(statements) {
      // A batch is one transaction; a statement that always fails last rolls it back.
      try {
        await locked(() => binding.batch([...statements, `select * from "${REHEARSAL}"`].map((sql) => binding.prepare(sql))));
      } catch (error) {
        if (error instanceof CliError) throw error;
        return String(error.message).includes(REHEARSAL) ? undefined : error;
      }
      throw new Error("a rehearsal batch committed: the D1 binding does not run batches atomically");
    },
  };
}

/** Runs fn again, backing off, while the database is locked by another process; then gives up. */
async function whileLocked(fn, waitMs) {
  const deadline = Date.now() + waitMs;
  for (let pause = 20; ; pause = Math.min(pause * 2, 500)) {
    try {
      return await fn();
    } catch (error) {
      if (!LOCKED.test(String(error?.message))) throw error;
      if (Date.now() >= deadline)
        throw new CliError(`the database stayed locked by another process for ${Math.round(waitMs / 1000)} s: ${error.message}`);
      await new Promise((resolve) => setTimeout(resolve, pause * (0.5 + Math.random())));
    }
  }
}

/**
 * The D1 binding the config names, through wrangler's local platform proxy, in the files
 * `wrangler dev` serves (cli/local-d1-path.js), held by this process alone until `dispose` is called.
 */
export async function localD1(config, { lockWaitMs = 60_000, warn = (line) => console.warn(line) } = {}) {
  if (config.d1.persist === false)
    throw new CliError('"d1.persist": false names an in-memory D1 that is gone when the command ends: remove it');
  const where = { configPath: config.d1.configPath, persistTo: config.d1.persist?.path };
  const stateFolder = wranglerStateFolder(where);
  const stray = strayD1Warning(stateFolder);
  if (stray) warn(stray);
  const release = await lockStateFolder(stateFolder, lockWaitMs);
  let proxy;
  try {
    const { getPlatformProxy } = await importWrangler();
    proxy = await getPlatformProxy({ configPath: config.d1.configPath, persist: { path: platformProxyPersistPath(where) } });
  } catch (error) {
    release();
    throw error;
  }
  const dispose = async () => {
    try {
      await proxy.dispose();
    } finally {
      release();
    }
  };
  const binding = proxy.env[config.d1.binding];
  if (binding === undefined) {
    await dispose();
    throw new CliError(`the wrangler config has no D1 binding "${config.d1.binding}" (the config's d1.binding)`);
  }
  return { binding, dispose };
}

/** wrangler is an optional peer: only the local D1 needs it. */
async function importWrangler() {
  try {
    return await import("wrangler");
  } catch (error) {
    if (error?.code !== "ERR_MODULE_NOT_FOUND" || !/'wrangler'/.test(error.message)) throw error;
    throw new CliError("the local D1 is reached through wrangler, which is not installed: npm i -D wrangler", 1, error);
  }
}
