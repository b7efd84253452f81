/**
 * @module cli/generate
 * `sluice generate [--name x] [--rename a=b ...] [--no-renames] [--allow-data-loss]`: diffs the
 * schema module against the latest snapshot and writes the next migration.
 */
import { relative } from "node:path";

import { migrationPlan, schemaSnapshot } from "./core-plan.js";
import { CliError } from "./errors.js";
import { readJournal, readLatestSnapshot, writeMigration } from "./folder.js";
import { askRenames } from "./prompt.js";

/**
 * @param {import("./config.js").Config} config
 * @param {{ name?: string, renames?: {from: string, to: string}[], noRenames?: boolean,
 *   allowDataLoss?: boolean, interactive?: boolean, log?: (line: string) => void }} options
 * @returns {Promise<import("./folder.js").JournalEntry|undefined>} the new entry, none when nothing changed
 */
export async function generate(config, options = {}) {
  const log = options.log ?? ((line) => console.log(line));
  const journal = readJournal(config.out, config.dialect);
  const latest = readLatestSnapshot(config.out, journal);
  const next = await schemaSnapshot(config.schema);
  const request = {
    dialect: config.coreDialect,
    previous: latest?.schema,
    next,
    renames: options.renames ?? [],
    noRenames: options.noRenames ?? false,
  };
  const plan = await planWithRenames(request, options);
  if (plan.statements.length === 0) {
    log("No schema changes: nothing to generate.");
    return undefined;
  }
  if (plan.dataLoss.length > 0 && config.strict && !options.allowDataLoss)
    throw new CliError(
      `strict: this migration would lose data:\n${bullets(plan.dataLoss)}\nRun again with --allow-data-loss if that is intended.`,
    );
  const entry = writeMigration(config.out, journal, {
    name: options.name,
    statements: plan.statements.map((s) => s.sql),
    snapshot: next,
    previousId: latest?.id,
  });
  log(`Wrote ${relative(process.cwd(), config.out) || "."}/${entry.tag}.sql (${count(plan.statements.length, "statement")})`);
  if (plan.dataLoss.length > 0) log(`It loses data:\n${bullets(plan.dataLoss)}`);
  return entry;
}

/**
 * The plan for `request`, its rename questions answered by flags, else on the terminal when
 * `interactive`, else refused with a message naming the pairs (generate and push alike).
 */
export async function planWithRenames(request, { interactive = false } = {}) {
  const plan = migrationPlan(request);
  if (plan.ambiguities.length === 0) return plan;
  if (!interactive) throw new CliError(ambiguityMessage(plan.ambiguities));
  const answered = await askRenames(plan.ambiguities);
  return migrationPlan({ ...request, renames: [...request.renames, ...answered.renames], noRenames: true });
}

export function bullets(lines) {
  return lines.map((l) => `  - ${l}`).join("\n");
}

function ambiguityMessage(ambiguities) {
  const lines = ambiguities.map((a) =>
    a.table
      ? `  table ${a.table}: columns ${a.dropped.join(", ")} are gone and ${a.added.join(", ")} are new`
      : `  tables ${a.dropped.join(", ")} are gone and ${a.added.join(", ")} are new`,
  );
  const example = ambiguities[0].table
    ? `--rename ${ambiguities[0].table}.${ambiguities[0].dropped[0]}=${ambiguities[0].table}.${ambiguities[0].added[0]}`
    : `--rename ${ambiguities[0].dropped[0]}=${ambiguities[0].added[0]}`;
  return (
    `Renamed or dropped-and-created? There is no terminal to ask:\n${lines.join("\n")}\n` +
    `Say which with ${example} (repeatable), or --no-renames to drop and create.`
  );
}

function count(n, noun) {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
