// neonHttp against Postgres behind sluice-gateway: what only a real server shows — batch
// transaction options reaching the server, and failures that are not SQL errors.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import * as schema from "../../../worker/app/schema.js";
import { users } from "../../../worker/app/schema.js";
import { neonHttp } from "../../../worker/drivers/neon-http.js";
import { TransportError, createDb, sql } from "../../../worker/index.js";
import { applySchemaToPostgres } from "../../../scripts/lib/schema-ddl.mjs";
import { freePort, startCluster } from "../../../scripts/lib/pg-cluster.mjs";
import { startGateway } from "../../../scripts/lib/gateway.mjs";

let cluster;
let gateway;
let db;

const connectionString = () => `postgresql://${cluster.user}:${cluster.password}@ep-sluice-000000.sluice.invalid/${cluster.database}`;

before(async () => {
  cluster = await startCluster();
  gateway = await startGateway(cluster);
  const driver = neonHttp({ connectionString: connectionString(), endpoint: gateway.endpoint });
  await applySchemaToPostgres(driver, schema);
  db = createDb({ schema, driver });
});

after(async () => {
  await gateway?.stop();
  await cluster?.stop();
});

test("batch options set the transaction: isolation level, read only", async () => {
  const level = sql`select current_setting('transaction_isolation') as level`;
  const [[serializable], [readCommitted]] = await Promise.all([
    db.batch([db.execute(level)], { isolationLevel: "Serializable" }),
    db.batch([db.execute(level)], { isolationLevel: "ReadCommitted" }),
  ]);
  assert.deepEqual(serializable, [{ level: "serializable" }]);
  assert.deepEqual(readCommitted, [{ level: "read committed" }]);
  await assert.rejects(db.batch([db.insert(users).values({ email: "ro@x.org", name: "RO" })], { readOnly: true }), {
    name: "DatabaseError",
    code: "25006",
  });
  assert.equal(await db.$count(users), 0);
});

test("an unreachable endpoint is a TransportError", async () => {
  const port = await freePort();
  const offline = createDb({ schema, driver: neonHttp({ connectionString: connectionString(), endpoint: `http://127.0.0.1:${port}/sql` }) });
  await assert.rejects(offline.$count(users), (e) => e instanceof TransportError && e.status === undefined);
});

test("a path the endpoint does not serve is a TransportError with the status", async () => {
  const wrong = createDb({ schema, driver: neonHttp({ connectionString: connectionString(), endpoint: gateway.endpoint.replace(/\/sql$/, "/nope") }) });
  await assert.rejects(wrong.$count(users), (e) => e instanceof TransportError && e.status >= 400);
});
