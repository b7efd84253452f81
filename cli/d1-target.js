/**
 * @module cli/d1-target
 * Migrations on a D1 binding: a migration is one `batch()` (D1's only atomic unit; BEGIN is
 * refused), its ledger row first.
 */
import { LEDGER } from "./migrate.js";

const CREATE_LEDGER =
  `create table if not exists "${LEDGER}" ("id" integer primary key autoincrement, "tag" text not null unique, ` +
  `"hash" text not null, "created_at" integer not null, "applied_at" integer not null)`;

const REHEARSAL = "sluice: rehearsal, rolled back";

/** @returns {import("./migrate.js").MigrationTarget} */
export function d1Target(binding) {
  return {
    async ensureLedger() {
      await binding.prepare(CREATE_LEDGER).run();
    },
    async applied() {
      const { results } = await binding.prepare(`select "tag", "hash", "created_at" from "${LEDGER}" order by "id"`).all();
      return results;
    },
    async apply({ tag, hash, when, statements }) {
      const record = binding
        .prepare(`insert into "${LEDGER}" ("tag", "hash", "created_at", "applied_at") values (?, ?, ?, ?)`)
        .bind(tag, hash, when, Date.now());
      await binding.batch([record, ...statements.map((sql) => binding.prepare(sql))]);
    },
    async rehearse(statements) {
      // A batch is one transaction; a statement that always fails last rolls it back.
      try {
        await binding.batch([...statements, `select * from "${REHEARSAL}"`].map((sql) => binding.prepare(sql)));
      } catch (error) {
        return String(error.message).includes(REHEARSAL) ? undefined : error;
      }
      throw new Error("a rehearsal batch committed: the D1 binding does not run batches atomically");
    },
  };
}

/**
 * The D1 binding the config names, through wrangler's local platform proxy (the database
 * `wrangler dev` serves); `dispose` must be called when done.
 */
export async function localD1(config) {
  const { getPlatformProxy } = await import("wrangler");
  const proxy = await getPlatformProxy({ configPath: config.d1.configPath, persist: config.d1.persist ?? true });
  const binding = proxy.env[config.d1.binding];
  if (binding === undefined) {
    await proxy.dispose();
    throw new Error(`wrangler config has no D1 binding "${config.d1.binding}"`);
  }
  return { binding, dispose: () => proxy.dispose() };
}
