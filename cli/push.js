/**
 * @module cli/push
 * `sluice push [--force] [--rename a=b ...] [--no-renames]`: for development, makes the live
 * database match the schema without writing a migration: reads the database into a snapshot
 * (live-snapshot.js), plans from it to the schema as generate would, and applies the plan.
 * Anything that destroys data (dropped tables and columns, type changes that may not convert,
 * enum values removed) is refused without --force, listed with the rows it holds.
 * SQLite applies the plan as one D1 batch (a rebuild keeps every row, its own and its
 * children's); Postgres as one transaction, after any `ALTER TYPE ... ADD VALUE`, which
 * Postgres runs only outside one.
 */
import { schemaSnapshot } from "./core-plan.js";
import { CliError } from "./errors.js";
import { bullets, planWithRenames } from "./generate.js";
import { postgresFacts, sqliteFacts } from "./live-facts.js";
import { liveSnapshot } from "./live-snapshot.js";
import { openDatabase } from "./targets.js";

/**
 * A live database for push.
 * @typedef {object} PushDatabase
 * @property {() => Promise<object>} facts live-facts.js's facts
 * @property {(sql: string) => Promise<number>} count the number a `select count(*) ...` answers
 * @property {(statements: { sql: string, outsideTransaction: boolean }[]) => Promise<void>} apply atomically
 */

/** @returns {PushDatabase} */
export function d1PushDatabase(binding) {
  return {
    facts: () => sqliteFacts(binding),
    count: async (sql) => Number((await binding.prepare(sql).raw())[0][0]),
    async apply(statements) {
      await binding.batch(statements.map((s) => binding.prepare(s.sql)));
    },
  };
}

/** @param {ReturnType<typeof import("./pg-target.js").neonSql>} sql */
export function postgresPushDatabase(sql) {
  return {
    facts: () => postgresFacts(sql),
    count: async (text) => Number((await sql.query(text))[0][0]),
    async apply(statements) {
      for (const s of statements.filter((s) => s.outsideTransaction)) await sql.query(s.sql);
      const inside = statements.filter((s) => !s.outsideTransaction).map((s) => s.sql);
      if (inside.length > 0) await sql.batch(inside);
    },
  };
}

/**
 * @param {import("./config.js").Config} config
 * @param {PushDatabase} db
 * @param {{ force?: boolean, renames?: {from: string, to: string}[], noRenames?: boolean,
 *   interactive?: boolean, log?: (line: string) => void }} options
 * @returns {Promise<string[]>} the statements applied
 */
export async function push(config, db, options = {}) {
  const log = options.log ?? ((line) => console.log(line));
  let started = performance.now();
  const next = await schemaSnapshot(config.schema);
  const live = liveSnapshot(await db.facts(), next, config.coreDialect);
  log(`Read the live schema: ${live.tables.length} table(s) (${elapsed(started)})`);
  const plan = await planWithRenames(
    { dialect: config.coreDialect, previous: live, next, renames: options.renames ?? [], noRenames: options.noRenames ?? false },
    options,
  );
  if (plan.statements.length === 0) {
    log("No changes: the database matches the schema.");
    return [];
  }
  if (plan.dataLoss.length > 0) {
    const lines = await Promise.all(plan.dataLoss.map((line) => withRows(db, line)));
    if (!options.force)
      throw new CliError(`push would lose data:\n${bullets(lines)}\nNothing was changed. Run again with --force if that is intended.`);
    log(`Losing data (--force):\n${bullets(lines)}`);
  }
  started = performance.now();
  try {
    await db.apply(plan.statements);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`push failed, nothing was changed: ${error.describe?.() ?? error.message}\nstatements:\n${bullets(plan.statements.map((s) => s.sql))}`);
  }
  log(`Applied ${plan.statements.length} statement(s) (${elapsed(started)})`);
  return plan.statements.map((s) => s.sql);
}

// What a loss holds, counted where one count(*) tells: rows of a dropped table, values of a
// dropped or retyped column.
async function withRows(db, line) {
  try {
    return await counted(db, line);
  } catch {
    return line;
  }
}

async function counted(db, line) {
  const table = /^table (\S+) is dropped/.exec(line);
  const column = /^column ([^.\s]+)\.(\S+) (?:is dropped|changes type)/.exec(line);
  if (table) return `${line} (${plural(await db.count(`select count(*) from ${ident(table[1])}`), "row")})`;
  if (column) {
    const n = await db.count(`select count(*) from ${ident(column[1])} where ${ident(column[2])} is not null`);
    return `${line} (${plural(n, "non-null value")})`;
  }
  return line;
}

/**
 * push on the config's database: the local D1 of the wrangler config, a D1 over its REST API
 * (the same queries, each a request; the plan one batch request), or Postgres over Neon's HTTP endpoint.
 */
export async function pushConfigured(config, options) {
  const { sql, binding, dispose } = await openDatabase(config);
  try {
    return await push(config, sql ? postgresPushDatabase(sql) : d1PushDatabase(binding), options);
  } finally {
    await dispose();
  }
}

const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
const ident = (name) => `"${name.replaceAll('"', '""')}"`;
const elapsed = (since) => `${Math.round(performance.now() - since)} ms`;
