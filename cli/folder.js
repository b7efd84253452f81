/**
 * @module cli/folder
 * The migrations folder: `NNNN_name.sql` files (statements separated by
 * `--> statement-breakpoint`, an SQL comment, so wrangler reads them too),
 * `meta/_journal.json` (order, dates, hashes) and `meta/NNNN_snapshot.json` (the schema after
 * each migration).
 */
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { CliError } from "./errors.js";

export const BREAKPOINT = "--> statement-breakpoint";
const NIL_ID = "00000000-0000-0000-0000-000000000000";

/**
 * @typedef {{ idx: number, when: number, tag: string, hash: string }} JournalEntry
 * @typedef {{ version: string, dialect: string, entries: JournalEntry[] }} Journal
 */

export function sha256(text) {
  return createHash("sha256").update(text).digest("hex");
}

export const journalPath = (out) => join(out, "meta", "_journal.json");
export const snapshotPath = (out, idx) => join(out, "meta", `${String(idx).padStart(4, "0")}_snapshot.json`);
export const sqlPath = (out, tag) => join(out, `${tag}.sql`);

/** @returns {Journal} */
export function readJournal(out, dialect) {
  const path = journalPath(out);
  if (!existsSync(path)) return { version: "1", dialect, entries: [] };
  const journal = JSON.parse(readFileSync(path, "utf8"));
  if (journal.dialect !== dialect)
    throw new CliError(`${path} holds ${journal.dialect} migrations, the config says ${dialect}`);
  return journal;
}

/** The latest snapshot file ({ id, prevId, dialect, schema }), or undefined for none. */
export function readLatestSnapshot(out, journal) {
  const last = journal.entries.at(-1);
  if (last === undefined) return undefined;
  const path = snapshotPath(out, last.idx);
  if (!existsSync(path)) throw new CliError(`${path} is missing: the journal names ${last.tag}`);
  return JSON.parse(readFileSync(path, "utf8"));
}

/** The text of a migration file: one statement per breakpoint, each ending with `;`. */
export function migrationText(statements) {
  return statements.map((s) => `${s};`).join(`\n${BREAKPOINT}\n`) + "\n";
}

/** The statements of a migration file, in order. */
export function splitStatements(text) {
  return text
    .split(BREAKPOINT)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Appends a migration: its SQL, its snapshot, and its journal entry.
 * @returns {JournalEntry}
 */
export function writeMigration(out, journal, { name, statements, snapshot, previousId }) {
  mkdirSync(join(out, "meta"), { recursive: true });
  const idx = journal.entries.length;
  const tag = `${String(idx).padStart(4, "0")}_${slug(name)}`;
  const text = migrationText(statements);
  const last = journal.entries.at(-1);
  // Dates only ever grow, so the journal order and the date order agree.
  const when = Math.max(Date.now(), last ? last.when + 1 : 0);
  const entry = { idx, when, tag, hash: sha256(text) };
  writeFileSync(sqlPath(out, tag), text);
  const id = randomUUID();
  const file = { id, prevId: previousId ?? NIL_ID, dialect: journal.dialect, schema: snapshot };
  writeFileSync(snapshotPath(out, idx), JSON.stringify(file, null, 2) + "\n");
  journal.entries.push(entry);
  writeFileSync(journalPath(out), JSON.stringify(journal, null, 2) + "\n");
  return entry;
}

/**
 * The migrations of the journal with their text and statements; a file the journal names
 * must exist.
 */
export function readMigrations(out, journal) {
  return journal.entries.map((entry) => {
    const path = sqlPath(out, entry.tag);
    if (!existsSync(path)) throw new CliError(`${path} is missing: the journal names ${entry.tag}`);
    const text = readFileSync(path, "utf8");
    return { ...entry, file: `${entry.tag}.sql`, text, fileHash: sha256(text), statements: splitStatements(text) };
  });
}

/** `.sql` files in the folder that the journal does not name. */
export function strayFiles(out, journal) {
  if (!existsSync(out)) return [];
  const known = new Set(journal.entries.map((e) => `${e.tag}.sql`));
  return readdirSync(out).filter((f) => f.endsWith(".sql") && !known.has(f));
}

function slug(name) {
  const s = String(name ?? "migration").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
  return s || "migration";
}
