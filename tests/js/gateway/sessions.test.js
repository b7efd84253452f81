// Every request starts on a session with the server's defaults, whatever an earlier request
// did to the pooled session it ran on. The pool has two connections; after each
// state-changing statement, two probes held open together (each sleeps briefly) reach both
// connections and read back everything a request could have left behind.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { startClusterWithGateway } from "../../../scripts/lib/gateway.mjs";

const POOL_SIZE = 2;

let env;
let connectionString;

function post(body) {
  return fetch(env.gateway.endpoint, {
    method: "POST",
    headers: { "Neon-Connection-String": connectionString, "Neon-Raw-Text-Output": "true" },
    body: JSON.stringify(body),
  });
}

async function run(query) {
  const response = await post({ query });
  return { status: response.status, body: await response.json() };
}

const PROBE = `SELECT pg_backend_pid()::text AS pid, pg_sleep(0.3)::text AS slept,
  current_setting('DateStyle') AS datestyle, current_setting('statement_timeout') AS statement_timeout,
  current_user::text AS role, session_user::text AS session_role,
  (SELECT count(*) FROM pg_prepared_statements)::text AS prepared,
  (SELECT count(*) FROM pg_listening_channels())::text AS listening,
  (SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid())::text AS advisory_locks,
  (SELECT count(*) FROM pg_class WHERE relnamespace = pg_my_temp_schema())::text AS temp_tables,
  (SELECT count(*) FROM pg_cursors WHERE name <> '')::text AS cursors,
  pg_current_xact_id_if_assigned() IS NULL AS no_open_transaction`;

// What every probe must read: the gateway's pinned settings and the cluster's own role.
const defaults = () => ({
  slept: "",
  datestyle: "ISO, MDY",
  statement_timeout: "10s",
  role: env.cluster.user,
  session_role: env.cluster.user,
  prepared: "0",
  listening: "0",
  advisory_locks: "0",
  temp_tables: "0",
  cursors: "0",
  no_open_transaction: "t",
});

async function probeEveryConnection() {
  const answers = await Promise.all(Array.from({ length: POOL_SIZE }, () => run(PROBE)));
  const pids = new Set();
  for (const { status, body } of answers) {
    assert.equal(status, 200, JSON.stringify(body));
    const { pid, ...state } = body.rows[0];
    pids.add(pid);
    assert.deepEqual(state, defaults());
  }
  assert.equal(pids.size, POOL_SIZE, "the probes reached every pooled connection");
}

before(async () => {
  env = await startClusterWithGateway(["--pool-size", String(POOL_SIZE), "--threads", "1", "--statement-timeout-ms", "10000"]);
  const { user, password, database } = env.cluster;
  connectionString = `postgresql://${user}:${password}@ep-sessions-000000.sluice.invalid/${database}`;
  const created = await run("CREATE ROLE sessions_other NOLOGIN");
  assert.equal(created.status, 200, JSON.stringify(created.body));
});

after(async () => {
  await env?.stop();
});

const stateChanges = [
  "SELECT set_config('DateStyle', 'SQL, DMY', false)",
  "SELECT set_config('statement_timeout', '1', false)",
  "SET DateStyle = 'German'",
  "SET statement_timeout = 5",
  "SET ROLE sessions_other",
  "SET SESSION AUTHORIZATION sessions_other",
  "SELECT set_config('role', 'sessions_other', false)",
  "CREATE TEMP TABLE left_behind (x int)",
  "PREPARE left_behind AS SELECT 1",
  "SELECT pg_advisory_lock(42)",
  "SELECT pg_try_advisory_lock(43)",
  "LISTEN left_behind",
  "BEGIN",
  "DECLARE left_behind CURSOR WITH HOLD FOR SELECT 1",
  "SELECT 1/0",
];

for (const statement of stateChanges) {
  test(`after \`${statement}\` every pooled session has the defaults`, async () => {
    // Twice, so both pooled connections have had the statement whichever one it lands on.
    for (let i = 0; i < POOL_SIZE; i++) await run(statement);
    await probeEveryConnection();
  });
}

test("state changed by concurrent requests never reaches a request running beside them", async () => {
  // More requests than connections: those beyond the pool wait for a connection another
  // request has just used.
  const changes = Array.from({ length: 8 }, () => run("SELECT set_config('DateStyle', 'SQL, DMY', false)"));
  const reads = Array.from({ length: 8 }, () => run("SELECT current_setting('DateStyle') AS datestyle"));
  const answers = await Promise.all([...changes, ...reads]);
  for (const { status } of answers) assert.equal(status, 200);
  for (const { body } of answers.slice(8)) assert.deepEqual(body.rows, [{ datestyle: "ISO, MDY" }]);
});
