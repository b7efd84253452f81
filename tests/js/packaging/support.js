// The package as npm publishes it: packed, then installed offline from the tarball into a fresh
// project that has nothing else (no wrangler, no hono). Tools the checks need (tsc, wrangler's
// bundler, Miniflare) are the repository's, run from outside the fresh project.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("../../../", import.meta.url));
const NPM_QUIET = ["--no-audit", "--no-fund", "--loglevel=error"];

/** `npm pack` of the repository: the tarball's path and npm's list of its files. */
export function pack(into) {
  const out = execFileSync("npm", ["pack", "--json", "--pack-destination", into, ...NPM_QUIET], { cwd: REPO, encoding: "utf8" });
  const [report] = JSON.parse(out);
  return { tarball: join(into, report.filename), files: report.files.map((f) => f.path) };
}

/** A fresh ESM project with `files` written and the tarball installed offline. */
export function freshProject(tarball, files) {
  const root = mkdtempSync(join(tmpdir(), "sluice-fresh-"));
  writeFileSync(join(root, "package.json"), JSON.stringify({ name: "fresh", private: true, type: "module" }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  execFileSync("npm", ["install", "--offline", ...NPM_QUIET, tarball], { cwd: root, encoding: "utf8", timeout: 120_000 });
  return { root, installed: JSON.parse(readFileSync(join(root, "node_modules/sluice/package.json"), "utf8")), dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/** Runs a command; { code, output } with stdout and stderr together. */
export function run(command, args, options) {
  const child = spawnSync(command, args, { encoding: "utf8", timeout: 120_000, ...options });
  return { code: child.status, output: `${child.stdout ?? ""}${child.stderr ?? ""}`, error: child.error };
}

const RUNTIMES = join(tmpdir(), "sluice-test-runtimes");

/**
 * The bun and deno binaries from their npm packages, installed once into a folder the test
 * runs share; `{ bin }` or `{ reason }` when they cannot be installed.
 */
export function runtimeBinary(name) {
  const bin = join(RUNTIMES, "node_modules", ".bin", name);
  if (run(bin, ["--version"]).code === 0) return { bin };
  mkdirSync(RUNTIMES, { recursive: true });
  writeFileSync(join(RUNTIMES, "package.json"), JSON.stringify({ private: true }));
  const install = run("npm", ["install", ...NPM_QUIET, "bun", "deno"], { cwd: RUNTIMES, timeout: 300_000 });
  if (run(bin, ["--version"]).code === 0) return { bin };
  return { reason: `npm i ${name} did not give a working binary: ${install.error?.message ?? install.output.trim().split("\n").at(-1)}` };
}
