/**
 * @module cli/load-module
 * Imports a config or schema module, JavaScript or TypeScript. TypeScript goes through
 * cli/typescript-hooks.js with the esbuild that wrangler brings (or one the project has), so a
 * Workers project needs nothing more; the hooks are registered only when a `.ts` file is loaded.
 */
import { createRequire, register } from "node:module";
import { pathToFileURL } from "node:url";

import { CliError } from "./errors.js";

const TYPESCRIPT = /\.[mc]?ts$/;

let hooksRegistered = false;

/**
 * @param {string} path absolute path of the module
 * @param {string} label how the failure names the module (`schema src/db/schema.ts`)
 * @returns {Promise<object>} the module's namespace
 */
export async function importModule(path, label) {
  if (TYPESCRIPT.test(path)) registerTypeScript(path, label);
  try {
    return await import(pathToFileURL(path).href);
  } catch (error) {
    throw new CliError(`cannot load ${label}: ${loadFailure(error)}`, 1, error);
  }
}

/** The failure in one line: the error's kind (SyntaxError, ...) and its message's first line. */
function loadFailure(error) {
  const first = String(error?.message ?? error).split("\n")[0];
  const name = error?.name && error.name !== "Error" ? `${error.name}: ` : "";
  return name + first;
}

function registerTypeScript(path, label) {
  if (hooksRegistered) return;
  const esbuildUrl = findEsbuild(path);
  if (esbuildUrl === undefined) {
    if (process.features?.typescript) return;  // this Node strips types itself
    throw new CliError(`cannot load ${label}: TypeScript needs esbuild, which comes with wrangler: npm i -D wrangler`);
  }
  register("./typescript-hooks.js", import.meta.url, { data: { esbuildUrl } });
  hooksRegistered = true;
}

/** esbuild as the project resolves it, else as wrangler (the project's or the CLI's) does. */
function findEsbuild(path) {
  for (const from of [path, import.meta.url]) {
    const require = createRequire(from);
    for (const lookup of [() => require.resolve("esbuild"), () => createRequire(require.resolve("wrangler")).resolve("esbuild")]) {
      try {
        return pathToFileURL(lookup()).href;
      } catch {
        // not installed along this path
      }
    }
  }
  return undefined;
}
