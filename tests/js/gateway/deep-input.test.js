// Input nested 100 000 levels deep gets a 400 JSON error, and the gateway lives on: the
// /sql reader once turned each `[` of an array parameter into a level of recursion, and about
// 60 000 of them crashed the process before any credential was checked.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { startClusterWithGateway } from "../../../scripts/lib/gateway.mjs";

const DEPTH = 100_000;

let env;
let connectionString;

function post(body) {
  return fetch(env.gateway.endpoint, {
    method: "POST",
    headers: { "Neon-Connection-String": connectionString, "Neon-Raw-Text-Output": "true" },
    body,
  });
}

before(async () => {
  env = await startClusterWithGateway(["--threads", "1", "--pool-size", "2"]);
  const { user, password, database } = env.cluster;
  connectionString = `postgresql://${user}:${password}@ep-deep-000000.sluice.invalid/${database}`;
});

after(async () => {
  await env?.stop();
});

async function assertAlive() {
  const response = await post(JSON.stringify({ query: "SELECT 1 AS one" }));
  assert.equal(response.status, 200);
  assert.deepEqual((await response.json()).rows, [{ one: "1" }]);
}

test("an array parameter 100 000 levels deep is a 400, and the gateway stays up", async () => {
  const body = `{"query":"select $1","params":[${"[".repeat(DEPTH)}${"]".repeat(DEPTH)}]}`;
  const response = await post(body);
  assert.equal(response.status, 400);
  const error = await response.json();
  assert.match(error.message, /more than 6 dimensions/);
  await assertAlive();
});

test("the same in a batch, and with a wrong password (nothing is checked before the body)", async () => {
  const deep = `${"[".repeat(DEPTH)}${"]".repeat(DEPTH)}`;
  const batch = await post(`{"queries":[{"query":"select $1","params":[${deep}]}]}`);
  assert.equal(batch.status, 400);
  await batch.json();
  const { user, database } = env.cluster;
  const stranger = await fetch(env.gateway.endpoint, {
    method: "POST",
    headers: { "Neon-Connection-String": `postgresql://${user}:wrong@h.invalid/${database}` },
    body: `{"query":"select $1","params":[${deep}]}`,
  });
  assert.equal(stranger.status, 400);
  await stranger.json();
  await assertAlive();
});

test("Postgres' own six dimensions still go through", async () => {
  const response = await post(JSON.stringify({ query: "SELECT $1::int[] AS a", params: [[[[[[[7]]]]]]] }));
  assert.equal(response.status, 200);
  assert.deepEqual((await response.json()).rows, [{ a: "{{{{{{7}}}}}}" }]);
});
