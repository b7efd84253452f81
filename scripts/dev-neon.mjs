// `scripts/dev.sh --neon`: the reference Worker under `wrangler dev` on Postgres. A private
// PostgreSQL cluster (temporary directory, loopback port) behind sluice-gateway, migrated and
// seeded (scripts/lib/neon-db.mjs); the Worker gets DATABASE_URL and NEON_HTTP_ENDPOINT, which
// make it use the Neon HTTP driver against the gateway. Ctrl-C (SIGINT) or SIGTERM stops
// wrangler, the gateway and the cluster, and removes the cluster's files.
// --no-serve: prepare the database, print its variables, and wait for the signal without wrangler.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { CliError } from "../cli/errors.js";
import { startNeonDatabase } from "./lib/neon-db.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({ options: { "no-serve": { type: "boolean", default: false } } });
const serve = !values["no-serve"];

let database;
try {
  database = await startNeonDatabase();
} catch (error) {
  console.error(`dev --neon: ${error.message}`);
  process.exit(error instanceof CliError ? error.exitCode : 1);
}
console.log(`DATABASE_URL=${database.databaseUrl}`);
console.log(`NEON_HTTP_ENDPOINT=${database.endpoint}`);

let wrangler;
let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  if (wrangler && wrangler.exitCode === null && wrangler.signalCode === null) {
    const exited = new Promise((resolve) => wrangler.once("exit", resolve));
    wrangler.kill("SIGINT");
    await exited;
  }
  await database.stop();
  process.exit(code);
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));
// Ctrl-C in a terminal signals the whole process group, so the gateway may stop on it before
// our handler runs: a clean exit is that, anything else a crash.
database.gatewayExited.then((code) => {
  if (stopping) return;
  if (code !== 0 && code !== null) console.error(`dev --neon: sluice-gateway exited (${code})`);
  stop(code ? 1 : 0);
});

if (serve) {
  const port = process.env.PORT || "8787";
  wrangler = spawn(
    process.execPath,
    [
      "node_modules/wrangler/bin/wrangler.js", "dev", "--ip", "127.0.0.1", "--port", port,
      "--var", `DATABASE_URL:${database.databaseUrl}`, "--var", `NEON_HTTP_ENDPOINT:${database.endpoint}`,
    ],
    { cwd: root, stdio: "inherit" },
  );
  wrangler.on("exit", (code) => stop(code ?? 0));
}
