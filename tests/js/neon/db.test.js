// The scenarios of db.test.js on Postgres: a private cluster behind sluice-gateway, reached by
// the neonHttp driver exactly as it reaches Neon, the tables created from the core's DDL.
import * as schema from "../../../worker/app/schema.js";
import { neonHttp } from "../../../worker/drivers/neon-http.js";
import { createDb } from "../../../worker/index.js";
import { applySchemaToPostgres } from "../../../scripts/lib/schema-ddl.mjs";
import { dbScenarios } from "../db-scenarios.js";
import { startClusterWithGateway } from "../../../scripts/lib/gateway.mjs";

const none = (sql) => ({ sql, params: [], returns: "none" });

async function startPostgres() {
  const { cluster, gateway, stop } = await startClusterWithGateway();
  try {
    // A Neon-style host: the gateway sends every connection to the cluster.
    const connectionString = `postgresql://${cluster.user}:${cluster.password}@ep-sluice-000000.sluice.invalid/${cluster.database}`;
    const driver = neonHttp({ connectionString, endpoint: gateway.endpoint });
    await applySchemaToPostgres(driver, schema);
    return {
      db: (options) => createDb({ schema, driver, ...options }),
      // Ids start at 1 again, as SQLite's do once its tables are empty.
      clear: () => driver.run(none("truncate table posts, users restart identity")),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

dbScenarios({
  dialect: "postgres",
  start: startPostgres,
  placeholder: (n) => `$${n}`,
  encoded: (value) => String(value),
  codes: { unique: "23505", foreignKey: "23503" },
  // Postgres enforces an enum by its type, not by a check constraint.
  invalidEnum: { kind: "other", code: "22P02" },
});
