/**
 * @module cli/targets
 * The database a config's commands work on: Postgres over Neon's HTTP endpoint, the local D1
 * that `wrangler dev` serves, or a D1 over Cloudflare's REST API.
 */
import { d1Http } from "./d1-http.js";
import { d1Target, localD1 } from "./d1-target.js";
import { CliError } from "./errors.js";
import { neonCredentials, neonSql, pgTarget } from "./pg-target.js";

/**
 * The config's database: `sql` (neon-http queries) for Postgres, else a D1 `binding` (the
 * local one, held until `dispose`, or the REST client, which has the binding's API).
 * @param {import("./config.js").Config} config
 * @returns {Promise<{ sql?: ReturnType<typeof neonSql>, binding?: object, dispose: () => Promise<void> }>}
 */
export async function openDatabase(config) {
  if (config.dialect === "postgresql") return { sql: neonSql(neonCredentials(config)), dispose: async () => {} };
  if (config.d1 === undefined) throw new CliError(NO_D1);
  if (config.d1.kind === "rest") return { binding: d1Http(config.d1), dispose: async () => {} };
  return localD1(config);
}

/**
 * @param {import("./config.js").Config} config
 * @returns {Promise<{ target: import("./migrate.js").MigrationTarget, dispose: () => Promise<void> }>}
 */
export async function openTarget(config) {
  const { sql, binding, dispose } = await openDatabase(config);
  return { target: sql ? pgTarget(sql) : d1Target(binding), dispose };
}

const NO_D1 =
  'dialect sqlite needs a d1 block in the config: d1: { binding: "DB" } (local D1) or d1: { accountId, databaseId, token } (REST API)';
