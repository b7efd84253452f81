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
 * @param {import("./config.js").Config} config
 * @returns {Promise<{ target: import("./migrate.js").MigrationTarget, dispose: () => Promise<void> }>}
 */
export async function openTarget(config) {
  if (config.dialect === "postgresql") return { target: pgTarget(neonSql(neonCredentials(config))), dispose: async () => {} };
  if (config.d1 === undefined) throw new CliError(NO_D1);
  if (config.d1.kind === "rest") return { target: d1Target(d1Http(config.d1)), dispose: async () => {} };
  const { binding, dispose } = await localD1(config);
  return { target: d1Target(binding), dispose };
}

export const NO_D1 =
  'dialect sqlite needs a d1 block in the config: d1: { binding: "DB" } (local D1) or d1: { accountId, databaseId, token } (REST API)';
