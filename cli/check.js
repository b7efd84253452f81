/**
 * @module cli/check
 * `sluice check`: the migrations folder is consistent — every journal entry has its `.sql` file
 * (unchanged since generate wrote it) and its snapshot, the snapshots chain by `prevId`, ids and
 * tags are unique, dates grow, the dialect is the config's, every snapshot is a schema the core
 * reads, and no `.sql` file is left out of the journal.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

import { migrationPlan } from "./core-plan.js";
import { CliError } from "./errors.js";
import { journalPath, sha256, snapshotPath, sqlPath, strayFiles } from "./folder.js";

const NIL_ID = "00000000-0000-0000-0000-000000000000";

/**
 * @param {import("./config.js").Config} config
 * @returns {string[]} one line per problem, each naming its file; empty when the folder is consistent
 */
export function checkFolder(config) {
  const out = config.out;
  const problems = [];
  const name = (path) => path.slice(out.length + 1);
  const journalFile = journalPath(out);
  if (!existsSync(journalFile)) {
    const sql = existsSync(out) ? readdirSync(out).filter((f) => f.endsWith(".sql")) : [];
    return sql.map((f) => `${f}: not in the journal (meta/_journal.json is missing)`);
  }
  const journal = readJson(journalFile, name(journalFile), problems);
  if (journal === undefined) return problems;
  if (journal.dialect !== config.dialect)
    problems.push(`meta/_journal.json: dialect is ${journal.dialect}, the config says ${config.dialect}`);
  if (!Array.isArray(journal.entries)) {
    problems.push("meta/_journal.json: no entries array");
    return problems;
  }

  const tags = new Set();
  const ids = new Map();
  let previous;  // the previous snapshot file that parsed
  let previousOk = true;
  journal.entries.forEach((entry, i) => {
    const sqlFile = `${entry.tag}.sql`;
    if (entry.idx !== i) problems.push(`meta/_journal.json: entry ${i} (${entry.tag}) has idx ${entry.idx}`);
    if (tags.has(entry.tag)) problems.push(`meta/_journal.json: tag ${entry.tag} appears twice`);
    tags.add(entry.tag);
    const before = journal.entries[i - 1];
    if (before !== undefined && !(entry.when > before.when))
      problems.push(`meta/_journal.json: ${entry.tag} is dated before ${before.tag}`);

    const path = sqlPath(out, entry.tag);
    if (!existsSync(path)) problems.push(`${sqlFile}: missing (the journal names it)`);
    else if (sha256(readFileSync(path, "utf8")) !== entry.hash)
      problems.push(`${sqlFile}: modified since it was generated (its hash is not the journal's)`);

    const snapFile = snapshotPath(out, i);
    const snapName = name(snapFile);
    if (!existsSync(snapFile)) {
      problems.push(`${snapName}: missing (the snapshot of ${entry.tag})`);
      previousOk = false;
      previous = undefined;
      return;
    }
    const snapshot = readJson(snapFile, snapName, problems);
    if (snapshot === undefined) {
      previousOk = false;
      previous = undefined;
      return;
    }
    if (snapshot.dialect !== config.dialect)
      problems.push(`${snapName}: dialect is ${snapshot.dialect}, the config says ${config.dialect}`);
    if (ids.has(snapshot.id)) problems.push(`${snapName}: id ${snapshot.id} is also the id of ${ids.get(snapshot.id)}`);
    ids.set(snapshot.id, snapName);
    const expectedPrev = i === 0 ? NIL_ID : previous?.id;
    if (previousOk && snapshot.prevId !== expectedPrev)
      problems.push(`${snapName}: prevId ${snapshot.prevId} is not the id of the previous snapshot (${expectedPrev})`);
    const unreadable = schemaProblem(config, previous?.schema, snapshot.schema);
    if (unreadable) problems.push(`${snapName}: ${unreadable}`);
    previous = snapshot;
    previousOk = true;
  });

  for (const file of strayFiles(out, journal)) problems.push(`${file}: not in the journal`);
  const snapshots = existsSync(join(out, "meta")) ? readdirSync(join(out, "meta")) : [];
  for (const file of snapshots) {
    const m = /^(\d{4})_snapshot\.json$/.exec(file);
    if (m && Number(m[1]) >= journal.entries.length) problems.push(`meta/${file}: no journal entry for it`);
  }
  return problems;
}

/**
 * Runs the check and reports it: a short OK line, or one line per problem and a non-zero exit.
 * @throws {CliError} listing the problems
 */
export function check(config, { log = (line) => console.log(line) } = {}) {
  const problems = checkFolder(config);
  if (problems.length > 0) throw new CliError(`check found ${problems.length} problem(s) in ${config.out}:\n${problems.join("\n")}`);
  const count = existsSync(journalPath(config.out)) ? JSON.parse(readFileSync(journalPath(config.out), "utf8")).entries.length : 0;
  log(`OK: ${count} migration(s), journal, snapshots and SQL files consistent`);
}

function readJson(path, label, problems) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    problems.push(`${label}: not valid JSON (${error.message})`);
    return undefined;
  }
}

// The core reads both snapshots and plans between them, exactly as generate would.
function schemaProblem(config, previous, next) {
  if (next === null || typeof next !== "object") return "has no schema";
  try {
    migrationPlan({ dialect: config.coreDialect, previous, next, noRenames: true });
    return undefined;
  } catch (error) {
    return `its schema does not load: ${error.message}`;
  }
}
