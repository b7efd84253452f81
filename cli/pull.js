/**
 * @module cli/pull
 * `sluice introspect` (drizzle-kit's `pull`): the config's live database written as a schema
 * module, the reverse of what push reads. The live facts become a canonical snapshot as push
 * sees them (cli/live-snapshot.js, against an empty schema), with camelCase keys, then source
 * text (cli/schema-source.js). What the schema cannot state is listed, not guessed.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

import { CliError } from "./errors.js";
import { postgresFacts, sqliteFacts } from "./live-facts.js";
import { liveSnapshot } from "./live-snapshot.js";
import { identifier, schemaSource } from "./schema-source.js";
import { openDatabase } from "./targets.js";

const EMPTY = { version: 1, enums: [], tables: [] };

/**
 * @param {import("./config.js").Config} config
 * @param {{ out?: string, force?: boolean, log?: (line: string) => void }} options `out`: the file
 *   to write (default: schema.ts in the migrations folder); an existing one only with `force`
 * @returns {Promise<string>} the path written
 */
export async function introspect(config, { out, force = false, log = (line) => console.log(line) } = {}) {
  const path = out ? resolve(out) : join(config.out, "schema.ts");
  if (existsSync(path) && !force) throw new CliError(`${relative(process.cwd(), path)} exists: give --force to replace it, or --out another file`);
  const { sql, binding, dispose } = await openDatabase(config);
  let facts;
  try {
    facts = sql ? await postgresFacts(sql) : await sqliteFacts(binding);
  } finally {
    await dispose();
  }
  const snapshot = withCamelKeys(liveSnapshot(facts, EMPTY, config.coreDialect));
  const expressions = dropExpressionDefaults(snapshot, facts);
  const { source, omitted } = schemaSource(snapshot);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, source);
  log(`Wrote ${relative(process.cwd(), path)}: ${snapshot.tables.length} table(s), ${snapshot.enums.length} enum(s)`);
  for (const line of [...expressions, ...omitted]) log(`  left out: ${line}`);
  return path;
}

/** The database's names as the schema's keys: `author_id` is `authorId`, everywhere it is referred to. */
function withCamelKeys(snapshot) {
  const keys = new Map(snapshot.tables.map((t) => [t.key, new Map(t.columns.map((c) => [c.key, identifier(c.name)]))]));
  const keyIn = (table, key) => keys.get(table)?.get(key) ?? key;
  for (const t of snapshot.tables) {
    const own = (list) => list.map((k) => keyIn(t.key, k));
    for (const c of t.columns) c.key = keyIn(t.key, c.key);
    t.primaryKey = own(t.primaryKey);
    for (const u of t.uniques) u.columns = own(u.columns);
    for (const ix of t.indexes) ix.columns = own(ix.columns);
    for (const fk of t.foreignKeys) {
      fk.columns = own(fk.columns);
      fk.references = fk.references.map((k) => keyIn(fk.table, k));
    }
  }
  return snapshot;
}

// live-snapshot keeps a default it cannot read as a constant as its text; a schema would store
// that text as a string value, so it is dropped and named instead.
function dropExpressionDefaults(snapshot, facts) {
  const dropped = [];
  for (const t of snapshot.tables)
    for (const c of t.columns) {
      const raw = facts.defaults[t.name]?.[c.name];
      if (c.default?.kind !== "value" || typeof c.default.value !== "string" || raw === undefined || /^\(*'/.test(raw.trim())) continue;
      dropped.push(`${t.name}.${c.name}: default ${raw} (an expression, not a constant)`);
      delete c.default;
    }
  return dropped;
}
