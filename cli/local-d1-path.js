/**
 * @module cli/local-d1-path
 * Where the local D1 that `wrangler dev` serves lives, by wrangler's own rule: `wrangler dev
 * --persist-to X` keeps its state under X/v3, and without the flag under .wrangler/state/v3
 * beside the wrangler config (the working folder when none is named). A sluice config's
 * `d1.persist.path` is that X, so the same folder name works for both tools. migrate, push and
 * the seed scripts all open the D1 through this resolution.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/**
 * The folder wrangler's `--persist-to` would name.
 * @param {{ configPath?: string, persistTo?: string }} where the wrangler config and X, if given
 */
export function wranglerStateFolder({ configPath, persistTo }, cwd = process.cwd()) {
  if (persistTo !== undefined) return resolve(cwd, persistTo);
  return join(configPath ? dirname(resolve(cwd, configPath)) : cwd, ".wrangler", "state");
}

/** The path to give wrangler's getPlatformProxy so that it opens the files `wrangler dev` serves. */
export function platformProxyPersistPath(where, cwd = process.cwd()) {
  return join(wranglerStateFolder(where, cwd), "v3");
}

/**
 * A D1 kept directly in the state folder (not under v3/) is one `wrangler dev` never serves:
 * earlier sluice versions made it so. The text that says so, or undefined.
 */
export function strayD1Warning(stateFolder) {
  if (!existsSync(join(stateFolder, "d1")) || existsSync(join(stateFolder, "v3"))) return undefined;
  return (
    `sluice: warning: ${join(stateFolder, "d1")} is a local D1 that wrangler dev does not serve ` +
    `(it serves ${join(stateFolder, "v3")}); the migrations go to the latter`
  );
}
