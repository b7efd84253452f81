/**
 * @module cli/typescript-hooks
 * Node module hooks (registered by cli/load-module.js) that let the CLI import a TypeScript
 * config or schema on a Node without type stripping: `.ts`, `.mts` and `.cts` files are
 * transpiled one by one with esbuild's `transform` (types erased, nothing bundled), and a
 * relative import that names no file (`./columns`, or `./columns.js` written for a `.ts` file,
 * as TypeScript's resolution allows) finds the TypeScript file. Bare imports stay Node's own,
 * so the schema shares the CLI's `sluice` module.
 */
import { readFile } from "node:fs/promises";

const TYPESCRIPT = /\.[mc]?ts$/;
const CANDIDATES = ["", ".ts", ".mts", "/index.ts"];

let esbuild;

/** @param {{ esbuildUrl: string }} data where the esbuild found by the CLI lives */
export async function initialize(data) {
  esbuild = await import(data.esbuildUrl);
}

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const fromTypeScript = context.parentURL !== undefined && TYPESCRIPT.test(new URL(context.parentURL).pathname);
    if (error?.code !== "ERR_MODULE_NOT_FOUND" || !fromTypeScript || !/^\.\.?\//.test(specifier)) throw error;
    const stem = specifier.replace(/\.[mc]?js$/, "");
    for (const suffix of CANDIDATES) {
      const candidate = stem + suffix;
      if (candidate === specifier) continue;
      try {
        return await nextResolve(candidate, context);
      } catch {
        // the next spelling may exist
      }
    }
    throw error;
  }
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith("file:") || !TYPESCRIPT.test(new URL(url).pathname)) return nextLoad(url, context);
  const path = new URL(url).pathname;
  let code;
  try {
    ({ code } = await esbuild.transform(await readFile(path, "utf8"), {
      loader: "ts",
      format: "esm",
      target: "node20",
      sourcefile: path,
      sourcemap: "inline",
    }));
  } catch (error) {
    throw transformFailure(error, path);
  }
  return { format: "module", source: code, shortCircuit: true };
}

/** esbuild's first error as Node reports a JavaScript one: a SyntaxError naming file, line and column. */
function transformFailure(error, path) {
  const first = error?.errors?.[0];
  if (first === undefined) return error;
  const where = first.location ? `${path}:${first.location.line}:${first.location.column + 1}` : path;
  return new SyntaxError(`${first.text} (${where})`);
}
