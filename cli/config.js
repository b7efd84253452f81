/**
 * @module cli/config
 * Finds and checks sluice.config.js (or .mjs, .json) and resolves its paths.
 *
 *   export default { schema: "./src/schema.js", out: "./migrations", dialect: "sqlite",
 *                    d1: { binding: "DB" }, strict: true };
 *   export default { schema: "./src/schema.js", out: "./drizzle", dialect: "postgresql",
 *                    neon: { connectionString, endpoint } };  // both default to $DATABASE_URL / $NEON_HTTP_ENDPOINT
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";

import { CliError } from "./errors.js";

const NAMES = ["sluice.config.js", "sluice.config.mjs", "sluice.config.json"];
const DIALECTS = { sqlite: "sqlite", postgresql: "postgres" };

/**
 * @typedef {object} Config
 * @property {string} schema absolute path of the schema module
 * @property {string} out absolute path of the migrations folder
 * @property {"sqlite"|"postgresql"} dialect as written in the config
 * @property {"sqlite"|"postgres"} coreDialect the core's name for it
 * @property {boolean} strict generate refuses data loss without --allow-data-loss
 * @property {{ binding: string, configPath?: string, persist?: boolean|{ path: string } }} [d1]
 * @property {{ connectionString?: string, endpoint?: string, authToken?: string }} [neon] Postgres
 *   over Neon's HTTP endpoint (drizzle-kit's `dbCredentials: { url }` is read as the connection string)
 * @property {string} root the folder holding the config
 */

/** @returns {Promise<Config>} */
export async function loadConfig(explicitPath, cwd = process.cwd()) {
  const path = explicitPath ? resolve(cwd, explicitPath) : NAMES.map((n) => resolve(cwd, n)).find(existsSync);
  if (!path || !existsSync(path)) throw new CliError(`no ${NAMES.join(" / ")} in ${cwd}`);
  const raw = path.endsWith(".json") ? JSON.parse(readFileSync(path, "utf8")) : (await import(pathToFileURL(path).href)).default;
  return checkConfig(raw ?? {}, dirname(path), path);
}

/** @returns {Config} */
export function checkConfig(raw, root, source = "config") {
  if (typeof raw.schema !== "string") throw new CliError(`${source}: "schema" must name the schema module`);
  if (!(raw.dialect in DIALECTS)) throw new CliError(`${source}: "dialect" must be "sqlite" or "postgresql"`);
  return {
    schema: resolve(root, raw.schema),
    out: resolve(root, raw.out ?? (raw.dialect === "sqlite" ? "migrations" : "drizzle")),
    dialect: raw.dialect,
    coreDialect: DIALECTS[raw.dialect],
    strict: raw.strict === true,
    d1: raw.d1 ? { binding: "DB", ...raw.d1 } : undefined,
    neon: raw.neon || raw.dbCredentials?.url ? { connectionString: raw.dbCredentials?.url, ...raw.neon } : undefined,
    root,
  };
}


