/**
 * @module cli/main
 * `sluice <command>`: generate, migrate, push, check and introspect (docs/migrations.md).
 */
import { readFileSync } from "node:fs";

import { USAGE_ERROR, parseArgs } from "./args.js";
import { check } from "./check.js";
import { loadConfig } from "./config.js";
import { CliError } from "./errors.js";
import { generate } from "./generate.js";
import { migrate } from "./migrate.js";
import { introspect } from "./pull.js";
import { pushConfigured } from "./push.js";
import { openTarget } from "./targets.js";

const USAGE = `usage: sluice <command> [options]
  generate [--name x] [--rename old=new ...] [--no-renames] [--allow-data-loss]
  migrate
  push [--force] [--rename old=new ...] [--no-renames]
  check
  introspect [--out file] [--force]   (also: pull) write the live database as a schema module
options: --config path (default: sluice.config.ts, .mts, .js, .mjs or .json)
         --verbose (a failure's stack)  --version  --help`;

const COMMANDS = new Set(["generate", "migrate", "push", "check", "introspect", "pull"]);

export async function main(argv) {
  const args = parseArgs(argv);
  if (args.version) {
    console.log(JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version);
    return 0;
  }
  if (args.help || args.command === undefined) {
    console.log(USAGE);
    return 0;
  }
  if (!COMMANDS.has(args.command)) throw new CliError(`unknown command "${args.command}"\n${USAGE}`, USAGE_ERROR);
  const config = await loadConfig(args.config);
  switch (args.command) {
    case "generate":
      await generate(config, { ...args, interactive: Boolean(process.stdin.isTTY && process.stderr.isTTY) });
      return 0;
    case "migrate":
      return runMigrate(config);
    case "push":
      await pushConfigured(config, { ...args, interactive: Boolean(process.stdin.isTTY && process.stderr.isTTY) });
      return 0;
    case "check":
      check(config);
      return 0;
    case "introspect":
    case "pull":
      await introspect(config, { out: args.out, force: args.force });
      return 0;
  }
}

async function runMigrate(config) {
  const { target, dispose } = await openTarget(config);
  try {
    await migrate(config, target);
  } finally {
    await dispose();
  }
  return 0;
}
