// `npm run gateway -- --port N`: a private PostgreSQL cluster behind sluice-gateway on
// http://127.0.0.1:N/sql, for wrangler dev and manual testing. Prints two lines,
// DATABASE_URL=postgres://... and NEON_HTTP_ENDPOINT=http://127.0.0.1:N/sql, the pair a Neon
// client or `sluice migrate` needs (the host in the URL also reaches the cluster directly, for psql).
// Runs until SIGINT or SIGTERM, then stops both and removes the cluster's files.
// Needs the gateway built (scripts/build.sh).
import { parseArgs } from "node:util";

import { startClusterWithGateway } from "./lib/gateway.mjs";

const { values } = parseArgs({
  options: { port: { type: "string", default: "4444" }, verbose: { type: "boolean", default: false } },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`gateway: --port needs a port number, not ${values.port}`);
  process.exit(2);
}

let running;
try {
  running = await startClusterWithGateway(["--port", String(port), ...(values.verbose ? ["--verbose"] : [])], {
    inheritStderr: true,
  });
} catch (error) {
  console.error(`gateway: ${error.message}`);
  process.exit(1);
}
const { cluster, gateway } = running;
console.log(`DATABASE_URL=postgres://${cluster.user}:${cluster.password}@localhost:${cluster.port}/${cluster.database}`);
console.log(`NEON_HTTP_ENDPOINT=http://127.0.0.1:${port}/sql`);

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  await running.stop();
  process.exit(code);
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));
gateway.exited.then((code) => {
  if (stopping) return;
  console.error(`gateway: sluice-gateway exited (${code})`);
  stop(1);
});
