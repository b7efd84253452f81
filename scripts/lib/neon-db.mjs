// The Postgres side of `scripts/dev.sh --neon`: a private cluster behind sluice-gateway, its
// schema from migrations-pg/ (`sluice migrate` with sluice.pg.config.js, as for Neon) and the
// tutorial's seed, everything through Neon's HTTP protocol as the Worker will use it.
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { loadConfig } from "../../cli/config.js";
import { migrate } from "../../cli/migrate.js";
import { neonSql, pgTarget } from "../../cli/pg-target.js";
import { startClusterWithGateway } from "./gateway.mjs";
import { createDb } from "../../worker/index.js";
import { neonHttp } from "../../worker/drivers/neon-http.js";
import * as schema from "../../worker/app/schema.js";
import { seed } from "../../worker/app/seed.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Starts the cluster and the gateway, migrates and seeds. Resolves to { databaseUrl, endpoint,
 * gatewayExited, stop() }; `stop` ends both and removes the cluster's files.
 * @param {{ log?: (line: string) => void }} [options]
 */
export async function startNeonDatabase({ log = (line) => console.log(line) } = {}) {
  const { cluster, gateway, stop } = await startClusterWithGateway();
  try {
    log(`dev --neon: PostgreSQL in ${cluster.socketDir}, 127.0.0.1:${cluster.port}`);
    log(`dev --neon: sluice-gateway on ${gateway.endpoint}`);
    const databaseUrl = `postgres://${cluster.user}:${cluster.password}@localhost:${cluster.port}/${cluster.database}`;
    const config = await loadConfig(join(root, "sluice.pg.config.js"));
    await migrate(config, pgTarget(neonSql({ connectionString: databaseUrl, endpoint: gateway.endpoint })), { log });
    const db = createDb({ schema, driver: neonHttp({ connectionString: databaseUrl, endpoint: gateway.endpoint }) });
    await seed(db);
    log(`dev --neon: seeded: ${await db.$count(schema.users)} users, ${await db.$count(schema.posts)} posts`);
    return { databaseUrl, endpoint: gateway.endpoint, gatewayExited: gateway.exited, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
