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

/** The applied migrations, in order, as a target's `applied()` reads them on either dialect. */
export const APPLIED = `select "tag", "hash", "created_at" from "${LEDGER}" order by "id"`;

/**
 * @typedef {object} MigrationTarget
 * @property {() => Promise<void>} ensureLedger
 * @property {() => Promise<{ tag: string, hash: string, created_at: number }[]>} applied in order
 * @property {(migration: { tag: string, hash: string, when: number, statements: string[] }) => Promise<void>} apply
 *   runs the ledger insert and the statements as one atomic unit
 * @property {(statements: string[]) => Promise<Error|undefined>} [rehearse] runs the statements
 *   in one unit that is always rolled back: the first one's error, or undefined when all ran
 * @property {(statement: string) => boolean} [outsideTransaction] statements the database
 *   cannot run inside the migration's unit
 * @property {(statement: string) => Promise<void>} [applyOutside] runs such a statement on
 *   its own; running it again must be harmless
 *
 * A database's refusal is reported by the error's `describe()` when it has one (PostgresError,
 * D1HttpError: code, detail, hint), else by its message.
 */

/**
 * @param {import("./config.js").Config} config
 * @param {MigrationTarget} target
 * @returns {Promise<string[]>} the tags applied by this run
 */
export async function migrate(config, target, { log = (line) => console.log(line) } = {}) {
  const migrations = readMigrations(config.out, readJournal(config.out, config.dialect));
  let applied;
  try {
    await target.ensureLedger();
    applied = await target.applied();
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot read the ${LEDGER} ledger: ${describe(error)}`);
  }
  const pending = pendingMigrations(migrations, applied);
  const done = [];
  for (const m of pending) {
    const outside = m.statements.filter((s) => target.outsideTransaction?.(s) === true);
    const inside = m.statements.filter((s) => !outside.includes(s));
    for (const [i, statement] of outside.entries()) {
      const started = performance.now();
      try {
        await target.applyOutside(statement);
      } catch (error) {
        const kept = i === 0 ? "nothing of it was applied" : `only the ${i} statement(s) run on their own before this one were applied`;
        throw new CliError(`${m.file} failed, ${kept}:\n${failure(statement, error)}`);
      }
      log(`${m.file}: ${oneLine(statement)} applied on its own, outside the migration's transaction (${elapsed(started)})`);
    }
    const started = performance.now();
    try {
      await target.apply({ tag: m.tag, hash: m.fileHash, when: m.when, statements: inside });
    } catch (error) {
      // No answer from the database (unreachable, token refused): the ledger settles it next run.
      if (error instanceof CliError)
        throw new CliError(`${m.file} was not confirmed: ${error.message}\nRun migrate again: the ledger tells whether it was applied.`);
      // Another run may have applied it meanwhile: its ledger row makes ours fail first.
      applied = await target.applied();
      if (applied.some((row) => row.tag === m.tag && row.hash === m.fileHash)) {
        log(`${m.file}: applied by another run`);
        continue;
      }
      const kept = outside.length === 0 ? "nothing of it was applied" :
        `nothing else of it was applied (the ${outside.length} statement(s) run on their own before it stay; ` +
        `they are skipped when it runs again)`;
      throw new CliError(`${m.file} failed, ${kept}:\n${await locate(target, inside, error)}`);
    }
    done.push(m.tag);
    log(`${m.file}: applied (${elapsed(started)})`);
  }
  if (pending.length === 0) log("No pending migrations.");
  return done;
}

/**
 * Names the statement that failed: the unit's error says what, not which, so prefixes of the
 * statements are rehearsed (rolled back) to find the first one that fails, by bisection.
 */
async function locate(target, statements, error) {
  if (target.rehearse === undefined || statements.length === 0) return `  database: ${describe(error)}`;
  try {
    let found = await target.rehearse(statements);
    if (found === undefined)
      return `  every statement ran; the migration failed when it committed (deferred constraint checks)\n  database: ${describe(error)}`;
    let lo = 0;
    let hi = statements.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const rehearsed = await target.rehearse(statements.slice(0, mid + 1));
      if (rehearsed === undefined) lo = mid + 1;
      else {
        hi = mid;
        found = rehearsed;
      }
    }
    return `  statement ${lo + 1} of ${statements.length}: ${oneLine(statements[lo])}\n  database: ${describe(found)}`;
  } catch {
    return `  database: ${describe(error)}`;
  }
}

function failure(statement, error) {
  return `  statement: ${oneLine(statement)}\n  database: ${describe(error)}`;
}

function describe(error) {
  return error.describe?.() ?? error.message;
}

const MAX_SHOWN = 300;

function oneLine(sql) {
  const flat = sql.replace(/\s+/g, " ").trim().replace(/;$/, "");
  return flat.length > MAX_SHOWN ? `${flat.slice(0, MAX_SHOWN)}...` : flat;
}

function elapsed(started) {
  return `${Math.round(performance.now() - started)} ms`;
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
