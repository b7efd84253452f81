// One queue for the whole pool, whatever event loop a request arrives on: with 24 slow
// statements holding connections, a request arriving while the pool still has a free one
// gets it at once, none of the slow ones waits behind another, and a request that cannot get
// a connection within the queue timeout is answered 503 with Retry-After.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { startClusterWithGateway } from "../../../scripts/lib/gateway.mjs";

const POOL_SIZE = 26;
const SLOW = 24;
const SLEEP_SECONDS = 2;
const QUEUE_TIMEOUT_MS = 500;

let env;
let connectionString;

before(async () => {
  env = await startClusterWithGateway([
    "--threads", "2", "--pool-size", String(POOL_SIZE), "--queue-timeout-ms", String(QUEUE_TIMEOUT_MS),
  ]);
  const { user, password, database } = env.cluster;
  connectionString = `postgresql://${user}:${password}@ep-fairness-000000.sluice.invalid/${database}`;
});

after(async () => {
  await env?.stop();
});

async function timed(query) {
  const started = Date.now();
  const response = await fetch(env.gateway.endpoint, {
    method: "POST",
    headers: { "Neon-Connection-String": connectionString, "Neon-Raw-Text-Output": "true" },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, headers: response.headers, body: await response.json(), ms: Date.now() - started };
}

const settle = () => new Promise((r) => setTimeout(r, 300));

test(`a probe answers within 1 s while ${SLOW} slow statements hold ${SLOW} of ${POOL_SIZE} connections`, async () => {
  // Every connection opened first, so connecting does not count against the times below.
  await Promise.all(Array.from({ length: POOL_SIZE }, () => timed("SELECT pg_sleep(0.3)")));
  const slow = Array.from({ length: SLOW }, () => timed(`SELECT pg_sleep(${SLEEP_SECONDS})`));
  await settle();
  const probe = await timed("SELECT 1 AS one");
  assert.equal(probe.status, 200);
  assert.ok(probe.ms < 1000, `the probe took ${probe.ms} ms`);
  const sleeps = await Promise.all(slow);
  for (const s of sleeps) {
    assert.equal(s.status, 200);
    // One that waited behind another would take twice the sleep.
    assert.ok(s.ms < SLEEP_SECONDS * 2000 - 300, `a slow statement took ${s.ms} ms: it waited behind another`);
  }
});

test("a request that waits past the queue timeout gets 503 with Retry-After", async () => {
  const slow = Array.from({ length: POOL_SIZE }, () => timed(`SELECT pg_sleep(${SLEEP_SECONDS})`));
  await settle();
  const waiting = await Promise.all(Array.from({ length: 3 }, () => timed("SELECT 1 AS one")));
  for (const w of waiting) {
    assert.equal(w.status, 503);
    assert.equal(w.headers.get("retry-after"), "1");
    assert.match(w.body.message, /timed out waiting for a database connection/);
    assert.ok(w.ms < QUEUE_TIMEOUT_MS + 1000, `answered after ${w.ms} ms`);
  }
  for (const s of await Promise.all(slow)) assert.equal(s.status, 200);
  assert.equal((await timed("SELECT 1 AS one")).status, 200);
});
