// The Neon HTTP driver under injected faults: a private Postgres behind sluice-gateway, reached
// through a fetch that breaks one way at a time (./neon-faults.js), for every kind of query
// (./queries.js).
import { startClusterWithGateway } from "../../../../scripts/lib/gateway.mjs";
import { applySchemaToPostgres } from "../../../../scripts/lib/schema-ddl.mjs";
import * as schema from "../../../../worker/app/schema.js";
import { neonHttp } from "../../../../worker/drivers/neon-http.js";
import { createDb } from "../../../../worker/index.js";
import { limitsOf } from "./limits.js";
import { faultMatrix } from "./matrix.js";
import { NEON_FAULTS } from "./neon-faults.js";
import { faultyFetch } from "./neon-fetch.js";

async function start() {
  const { cluster, gateway, stop } = await startClusterWithGateway();
  const connectionString = `postgresql://${cluster.user}:${cluster.password}@ep-sluice-000000.sluice.invalid/${cluster.database}`;
  const driverWith = (fetch, limits) => neonHttp({ connectionString, endpoint: gateway.endpoint, fetch, ...limits });
  try {
    await applySchemaToPostgres(driverWith(), schema);
  } catch (error) {
    await stop();
    throw error;
  }
  const healthy = driverWith();
  return {
    db(fault) {
      const { fetch, fired } = faultyFetch(fault);
      return { db: createDb({ schema, logger: false, driver: driverWith(fetch, limitsOf(fault)) }), fired };
    },
    clear: () => healthy.run({ sql: "truncate table posts, users restart identity", params: [], returns: "none" }),
    stop,
  };
}

faultMatrix({ name: "neonHttp driver faults", start, faults: NEON_FAULTS, minimumRejected: 250 });
