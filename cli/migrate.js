/**
 * @module cli/migrate
 * `sluice migrate`: applies the pending migrations of the folder, each atomically, recording
 * each in the ledger table with its file's hash. Refuses, naming the file, when an applied
 * migration was edited, is missing, or when a pending one sorts before the last applied one
 * (drizzle skips those silently). Two concurrent runs apply each migration once: the ledger row
 * is the first statement of the migration's batch, and its tag is unique.
 */
import { CliError } from "./errors.js";
import { readJournal, readMigrations } from "./folder.js";

export const LEDGER = "__sluice_migrations";

/**
 * @typedef {object} MigrationTarget
 * @property {() => Promise<void>} ensureLedger
 * @property {() => Promise<{ tag: string, hash: string, created_at: number }[]>} applied in order
 * @property {(migration: { tag: string, hash: string, when: number, statements: string[] }) => Promise<void>} apply
 *   runs the ledger insert and the statements as one atomic unit
 */

/**
 * @param {import("./config.js").Config} config
 * @param {MigrationTarget} target
 * @returns {Promise<string[]>} the tags applied by this run
 */
export async function migrate(config, target, { log = (line) => console.log(line) } = {}) {
  const migrations = readMigrations(config.out, readJournal(config.out, config.dialect));
  await target.ensureLedger();
  let applied = await target.applied();
  const pending = pendingMigrations(migrations, applied);
  const done = [];
  for (const m of pending) {
    try {
      await target.apply({ tag: m.tag, hash: m.fileHash, when: m.when, statements: m.statements });
    } catch (error) {
      // Another run may have applied it meanwhile: its ledger row makes ours fail first.
      applied = await target.applied();
      if (applied.some((row) => row.tag === m.tag && row.hash === m.fileHash)) {
        log(`${m.file}: applied by another run`);
        continue;
      }
      throw new CliError(`${m.file} failed, nothing of it was applied: ${error.message}`);
    }
    done.push(m.tag);
    log(`${m.file}: applied`);
  }
  if (pending.length === 0) log("No pending migrations.");
  return done;
}

/**
 * The journal's migrations after the applied ones, once the applied ones check out.
 * @throws {CliError} naming the file that breaks the history
 */
export function pendingMigrations(migrations, applied) {
  const byTag = new Map(migrations.map((m) => [m.tag, m]));
  for (let i = 0; i < applied.length; i++) {
    const row = applied[i];
    const local = byTag.get(row.tag);
    if (local === undefined)
      throw new CliError(`${row.tag}.sql was applied to the database but is not in the migrations folder`);
    if (local.fileHash !== row.hash)
      throw new CliError(`${local.file} was edited after it was applied: restore it, and put changes in a new migration`);
    if (migrations[i].tag !== row.tag)
      throw new CliError(
        `${migrations[i].file} sorts before ${local.file}, which is already applied: it would never run. ` +
          `Regenerate it after the last applied migration.`,
      );
  }
  const pending = migrations.slice(applied.length);
  const last = applied.at(-1);
  const lastWhen = last === undefined ? -Infinity : Number(last.created_at);
  const early = pending.find((m) => m.when <= lastWhen);
  if (early !== undefined)
    throw new CliError(
      `${early.file} is dated before ${last.tag}.sql, the last applied migration: ` +
        `regenerate it after the last applied migration.`,
    );
  return pending;
}
