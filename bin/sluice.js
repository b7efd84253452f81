#!/usr/bin/env node
// `npx sluice <command>`: migrations for a sluice schema (cli/main.js). Every failure is one
// line `sluice: ...` (a CliError may add detail lines after it); --verbose adds the stack.
import { CliError } from "../cli/errors.js";
import { main } from "../cli/main.js";

const argv = process.argv.slice(2);
try {
  process.exitCode = await main(argv);
} catch (error) {
  const message = error instanceof CliError ? error.message : `${error?.name ?? "Error"}: ${firstLine(error)}`;
  console.error(`sluice: ${message}`);
  if (argv.includes("--verbose")) console.error(stacks(error));
  else if (!(error instanceof CliError)) console.error("(run again with --verbose for the stack)");
  process.exitCode = error instanceof CliError ? error.exitCode : 1;
}

function firstLine(error) {
  return String(error?.message ?? error).split("\n")[0];
}

function stacks(error) {
  const chain = [];
  for (let e = error; e !== undefined && e !== null; e = e.cause) chain.push(e.stack ?? String(e));
  return chain.join("\ncaused by: ");
}
