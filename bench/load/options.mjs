// The load run's options: `--clients N --seconds S --backend d1|pg`, each bounded so that a
// typo cannot start an hour-long run or thousands of connections.
import { parseArgs } from "node:util";

const LIMITS = { clients: [1, 256], seconds: [1, 600] };
const BACKENDS = { d1: "d1", pg: "postgres", postgres: "postgres" };

function bounded(name, text) {
  const [min, max] = LIMITS[name];
  const value = Number(text);
  if (!/^[0-9]+$/.test(text) || value < min || value > max) {
    throw new Error(`--${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(text)}`);
  }
  return value;
}

/** @returns {{ clients: number, seconds: number, backend: "d1"|"postgres" }} */
export function readOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      clients: { type: "string", default: "32" },
      seconds: { type: "string", default: "60" },
      backend: { type: "string", default: "d1" },
    },
  });
  const backend = BACKENDS[values.backend];
  if (!backend) throw new Error(`--backend must be d1 or pg, got ${JSON.stringify(values.backend)}`);
  return { clients: bounded("clients", values.clients), seconds: bounded("seconds", values.seconds), backend };
}
