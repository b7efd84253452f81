/**
 * @module cli/config
 * Finds and checks sluice.config.ts (or .mts, .js, .mjs, .json) and resolves its paths.
 *
 *   export default { schema: "./src/schema.js", out: "./migrations", dialect: "sqlite",
 *                    d1: { binding: "DB" }, strict: true };
 *   export default { ..., dialect: "sqlite", d1: { accountId, databaseId, token } };  // D1's REST API;
 *     // each defaults to $CLOUDFLARE_ACCOUNT_ID / $CLOUDFLARE_D1_DATABASE_ID / $CLOUDFLARE_API_TOKEN
 *   export default { schema: "./src/schema.js", out: "./drizzle", dialect: "postgresql",
 *                    neon: { connectionString, endpoint } };  // both default to $DATABASE_URL / $NEON_HTTP_ENDPOINT
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";

import { CliError } from "./errors.js";
import { importModule } from "./load-module.js";

const NAMES = ["sluice.config.ts", "sluice.config.mts", "sluice.config.js", "sluice.config.mjs", "sluice.config.json"];
const DIALECTS = { sqlite: "sqlite", postgresql: "postgres" };

/**
 * @typedef {object} Config
 * @property {string} schema absolute path of the schema module
 * @property {string} out absolute path of the migrations folder
 * @property {"sqlite"|"postgresql"} dialect as written in the config
 * @property {"sqlite"|"postgres"} coreDialect the core's name for it
 * @property {boolean} strict generate refuses data loss without --allow-data-loss
 * @property {D1Local|D1Rest} [d1] the local D1 of a wrangler config, or a database over D1's REST API
 * @property {{ connectionString?: string, endpoint?: string, authToken?: string }} [neon] Postgres
 *   over Neon's HTTP endpoint (drizzle-kit's `dbCredentials: { url }` is read as the connection string)
 * @property {string} root the folder holding the config
 */

/**
 * @typedef {{ kind: "local", binding: string, configPath?: string, persist?: boolean|{ path: string } }} D1Local
 * @typedef {{ kind: "rest", accountId: string, databaseId: string, token: string, apiBase: string }} D1Rest
 */

/** Cloudflare's API; `d1.apiBase` replaces it (a test's or a self-hosted emulator). */
export const CLOUDFLARE_API = "https://api.cloudflare.com/client/v4";

const REST_KEYS = { accountId: "CLOUDFLARE_ACCOUNT_ID", databaseId: "CLOUDFLARE_D1_DATABASE_ID", token: "CLOUDFLARE_API_TOKEN" };

/** @returns {Promise<Config>} */
export async function loadConfig(explicitPath, cwd = process.cwd()) {
  const path = explicitPath ? resolve(cwd, explicitPath) : NAMES.map((n) => resolve(cwd, n)).find(existsSync);
  if (explicitPath && !existsSync(path)) throw new CliError(`--config ${explicitPath}: no such file`);
  if (!path) throw new CliError(`no ${NAMES.join(" / ")} in ${cwd}`);
  const raw = path.endsWith(".json") ? readJsonConfig(path) : (await importModule(path, basename(path))).default;
  return checkConfig(raw ?? {}, dirname(path), basename(path));
}

function readJsonConfig(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new CliError(`cannot load ${basename(path)}: ${error.message}`, 1, error);
  }
}

const KEYS = new Set(["schema", "out", "dialect", "strict", "d1", "neon", "dbCredentials"]);

/**
 * @param {(line: string) => void} [warn] told each key the config has that sluice does not read
 * @returns {Config}
 */
export function checkConfig(raw, root, source = "config", env = process.env, warn = (line) => console.warn(line)) {
  if (typeof raw !== "object" || Array.isArray(raw)) throw new CliError(`${source}: the default export must be an object`);
  for (const key of Object.keys(raw)) if (!KEYS.has(key)) warn(`sluice: warning: ${source}: unknown key "${key}" is ignored`);
  if (typeof raw.schema !== "string") throw new CliError(`${source}: "schema" must name the schema module`);
  if (!(raw.dialect in DIALECTS)) throw new CliError(`${source}: "dialect" must be "sqlite" or "postgresql"`);
  return {
    schema: resolve(root, raw.schema),
    out: resolve(root, raw.out ?? (raw.dialect === "sqlite" ? "migrations" : "drizzle")),
    dialect: raw.dialect,
    coreDialect: DIALECTS[raw.dialect],
    strict: raw.strict === true,
    d1: raw.d1 ? checkD1(raw.d1, root, source, env) : undefined,
    neon: raw.neon || raw.dbCredentials?.url ? { connectionString: raw.dbCredentials?.url, ...raw.neon } : undefined,
    root,
  };
}

/**
 * `d1: { binding, configPath, persist }` is the local D1 (paths relative to the config); any of accountId, databaseId, token or apiBase selects the
 * REST API, which then needs all three (from the config or the environment).
 * @returns {D1Local|D1Rest}
 */
function checkD1(d1, root, source, env) {
  if (typeof d1 !== "object") throw new CliError(`${source}: "d1" must be an object: { binding } or { accountId, databaseId, token }`);
  const rest = ["accountId", "databaseId", "token", "apiBase"].some((k) => k in d1);
  if (!rest) {
    if (d1.binding !== undefined && typeof d1.binding !== "string") throw new CliError(`${source}: "d1.binding" must be a string`);
    const local = { kind: "local", binding: "DB", ...d1 };
    if (typeof d1.configPath === "string") local.configPath = resolve(root, d1.configPath);
    if (typeof d1.persist?.path === "string") local.persist = { ...d1.persist, path: resolve(root, d1.persist.path) };
    return local;
  }
  if (d1.binding !== undefined)
    throw new CliError(`${source}: "d1" names both a binding (local D1) and REST API credentials: keep one`);
  const out = { kind: "rest", apiBase: d1.apiBase ?? CLOUDFLARE_API };
  for (const [key, variable] of Object.entries(REST_KEYS)) {
    const value = d1[key] ?? env[variable];
    if (typeof value !== "string" || value.trim() === "")
      throw new CliError(`${source}: D1's REST API needs "d1.${key}" (or $${variable}) as a non-empty string`);
    out[key] = value.trim();
  }
  let url;
  try {
    url = new URL(out.apiBase);
  } catch {
    url = undefined;
  }
  if (url === undefined || !/^https?:$/.test(url.protocol))
    throw new CliError(`${source}: "d1.apiBase" must be an http(s) URL, got ${JSON.stringify(d1.apiBase)}`);
  out.apiBase = out.apiBase.replace(/\/+$/, "");
  return out;
}
