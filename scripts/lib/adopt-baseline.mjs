// A local D1 made before the project had migrations (by the ad-hoc DDL local-db.mjs used to
// run) has the tables and no ledger, so migrate would fail creating them again. When its live
// schema is exactly the first migration's, the ledger records that migration as applied,
// without running it; anything else is left alone and explained.
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { isDeepStrictEqual } from "node:util";

import { d1Target } from "../../cli/d1-target.js";
import { CliError } from "../../cli/errors.js";
import { readJournal, readMigrations } from "../../cli/folder.js";
import { snapshotShape, sqliteSchema } from "../../cli/introspect.js";
import { LEDGER } from "../../cli/migrate.js";

/**
 * @param {import("../../cli/config.js").Config} config
 * @param {D1Database} binding
 * @returns {Promise<boolean>} whether the first migration was adopted
 */
export async function adoptBaseline(config, binding, { log = (line) => console.log(line), where = "the local D1" } = {}) {
  const ledger = await binding.prepare("select 1 from sqlite_schema where type = 'table' and name = ?").bind(LEDGER).all();
  if (ledger.results.length > 0) return false;
  const live = await sqliteSchema(binding);
  if (Object.keys(live.tables).length === 0) return false;
  const [first] = readMigrations(config.out, readJournal(config.out, config.dialect));
  const snapshotFile = join(config.out, "meta", `${String(first?.idx ?? 0).padStart(4, "0")}_snapshot.json`);
  if (first === undefined || !existsSync(snapshotFile))
    throw new CliError(`${where} has tables but no migrations ledger, and there is no first migration to compare them with`);
  const expected = snapshotShape(JSON.parse(readFileSync(snapshotFile, "utf8")).schema, "sqlite");
  if (!isDeepStrictEqual(live, expected)) {
    const names = new Set([...Object.keys(live.tables), ...Object.keys(expected.tables)]);
    const differing = [...names].filter((t) => !isDeepStrictEqual(live.tables[t], expected.tables[t]));
    throw new CliError(
      `${where} has tables made without migrations (no ${LEDGER} table) that differ from ` +
        `${relative(process.cwd(), join(config.out, first.file))} in: ${differing.join(", ")}.\n` +
        `Delete its files (.wrangler/state/v3/d1) to start again from the migrations (its rows are lost), ` +
        `or bring it to the first migration's schema by hand.`,
    );
  }
  const target = d1Target(binding);
  await target.ensureLedger();
  await target.apply({ tag: first.tag, hash: first.fileHash, when: first.when, statements: [] });
  log(`${first.file}: adopted: its tables were already there, exactly as it creates them, with no ledger row`);
  return true;
}
