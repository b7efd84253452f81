// `npm run gateway -- --port N`: a private PostgreSQL cluster behind sluice-gateway on
// http://127.0.0.1:N/sql, for wrangler dev and manual testing. Prints one line,
// DATABASE_URL=postgres://..., to use with any Neon client whose fetch endpoint is the
// gateway (the host in it also reaches the cluster directly, for psql or migrations).
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

let cluster;
let gateway;
try {
  ({ cluster, gateway } = await startClusterWithGateway(["--port", String(port), ...(values.verbose ? ["--verbose"] : [])], {
    inheritStderr: true,
  }));
} catch (error) {
  console.error(`gateway: ${error.message}`);
  process.exit(1);
}
console.log(`DATABASE_URL=postgres://${cluster.user}:${cluster.password}@localhost:${cluster.port}/${cluster.database}`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await gateway.stop();
  await cluster.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
gateway.exited.then(async (code) => {
  if (stopping) return;
  stopping = true;
  console.error(`gateway: sluice-gateway exited (${code})`);
  await cluster.stop();
  process.exit(1);
});
