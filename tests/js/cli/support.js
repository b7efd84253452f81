// Runs the CLI as a user does, in a temp project, and a copy of the package with nothing
// installed beside it (no wrangler, no esbuild), as a project that did not install wrangler has it.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("../../../", import.meta.url));
export const SLUICE_BIN = join(REPO, "bin/sluice.js");
export const SLUICE_URL = new URL("../../../worker/index.js", import.meta.url).href;

/** A temp folder with `files` ({ relative path: text }) written in it. */
export function tempProject(files = {}) {
  const root = mkdtempSync(join(tmpdir(), "sluice-cli-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return { root, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/** The package's runtime files copied under `root`/node_modules/sluice; returns its bin. */
export function barePackage(root) {
  const to = join(root, "node_modules", "sluice");
  for (const part of ["package.json", "bin", "cli", "worker", "bindings"]) cpSync(join(REPO, part), join(to, part), { recursive: true });
  return join(to, "bin/sluice.js");
}

/** `sluice ...args` in `cwd`: { code, stdout, stderr }. */
export function runSluice(cwd, args, { env = process.env, bin = SLUICE_BIN, timeout = 60_000 } = {}) {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd, env, encoding: "utf8", timeout });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

export const USERS_SCHEMA = (sluice = SLUICE_URL) => `import * as s from ${JSON.stringify(sluice)};
export const users = s.table("users", { id: s.serial("id").primaryKey(), name: s.text("name").notNull() });
`;
