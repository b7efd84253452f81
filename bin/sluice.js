#!/usr/bin/env node
// `npx sluice <command>`: migrations for a sluice schema (cli/main.js).
import { CliError } from "../cli/errors.js";
import { main } from "../cli/main.js";

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof CliError)) throw error;
  console.error(`sluice: ${error.message}`);
  process.exitCode = error.exitCode;
}
