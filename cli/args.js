/**
 * @module cli/args
 * `sluice <command> [--flag value] [--switch]`; `--rename` may repeat.
 */
import { CliError } from "./errors.js";

const VALUE_FLAGS = new Set(["name", "config", "rename", "out"]);
const SWITCHES = new Set(["no-renames", "allow-data-loss", "force", "help", "version", "verbose"]);

/** The exit status of a command line the CLI cannot read. */
export const USAGE_ERROR = 2;

/**
 * @param {string[]} argv process.argv without node and the script
 * @returns {{ command: string|undefined, name?: string, config?: string, out?: string, renames: {from: string, to: string}[],
 *   noRenames: boolean, allowDataLoss: boolean, force: boolean, help: boolean, version: boolean, verbose: boolean }}
 */
export function parseArgs(argv) {
  const out = {
    command: undefined, renames: [], noRenames: false, allowDataLoss: false, force: false, help: false, version: false, verbose: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) {
      if (out.command !== undefined) throw new CliError(`unexpected argument "${arg}"`, USAGE_ERROR);
      out.command = arg;
      continue;
    }
    const [flag, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (SWITCHES.has(flag)) {
      out[camel(flag)] = true;
    } else if (VALUE_FLAGS.has(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new CliError(`--${flag} needs a value`, USAGE_ERROR);
      if (flag === "rename") out.renames.push(parseRename(value));
      else out[flag] = value;
    } else {
      throw new CliError(`unknown option --${flag} (sluice --help lists them)`, USAGE_ERROR);
    }
  }
  return out;
}

/** `users.name=users.full_name` or `users=people`. */
export function parseRename(text) {
  const at = text.indexOf("=");
  const from = text.slice(0, at).trim();
  const to = text.slice(at + 1).trim();
  if (at < 0 || !from || !to) throw new CliError(`--rename wants old=new (table or table.column), got "${text}"`, USAGE_ERROR);
  return { from, to };
}

function camel(flag) {
  return flag.replace(/-(\w)/g, (_, c) => c.toUpperCase());
}
