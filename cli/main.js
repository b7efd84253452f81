/**
 * @module cli/main
 * `sluice <command>`: generate, check, and migrate for D1 (docs/migrations.md).
 */
import { parseArgs } from "./args.js";
import { check } from "./check.js";
import { loadConfig } from "./config.js";
import { d1Target, localD1 } from "./d1-target.js";
import { CliError } from "./errors.js";
import { generate } from "./generate.js";
import { migrate } from "./migrate.js";

const USAGE = `usage: sluice <command> [options]
  generate [--name x] [--rename old=new ...] [--no-renames] [--allow-data-loss]
  migrate
  check
options: --config path (default: sluice.config.js, .mjs or .json)`;

export async function main(argv) {
  const args = parseArgs(argv);
  if (args.help || args.command === undefined) {
    console.log(USAGE);
    return 0;
  }
  const config = await loadConfig(args.config);
  switch (args.command) {
    case "generate":
      await generate(config, { ...args, interactive: Boolean(process.stdin.isTTY && process.stderr.isTTY) });
      return 0;
    case "migrate":
      return runMigrate(config);
    case "check":
      check(config);
      return 0;
    default:
      throw new CliError(`unknown command "${args.command}"\n${USAGE}`);
  }
}

async function runMigrate(config) {
  if (config.dialect !== "sqlite" || config.d1 === undefined)
    throw new CliError("migrate: only D1 is supported so far (dialect sqlite with a d1 block in the config)");
  const { binding, dispose } = await localD1(config);
  try {
    await migrate(config, d1Target(binding));
  } finally {
    await dispose();
  }
  return 0;
}
