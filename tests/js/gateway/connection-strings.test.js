// The gateway runs with every PG* variable libpq would fall back to set to working values
// (the cluster's own user, password, database and a password file): whatever a request's
// connection string holds, none of them may stand in for what it names. A NUL once made
// user, password and database empty, and libpq then took them from here.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";

import { startGateway } from "../../../scripts/lib/gateway.mjs";
import { startCluster } from "../../../scripts/lib/pg-cluster.mjs";
import { exchange } from "./raw-http.mjs";

let cluster;
let gateway;

before(async () => {
  cluster = await startCluster();
  const passfile = path.join(cluster.socketDir, "gateway.pgpass");
  writeFileSync(passfile, `*:*:*:*:${cluster.password}\n`, { mode: 0o600 });
  gateway = await startGateway(cluster, ["--threads", "1", "--pool-size", "2"], {
    env: {
      PGUSER: cluster.user,
      PGPASSWORD: cluster.password,
      PGPASSFILE: passfile,
      PGDATABASE: cluster.database,
    },
  });
});

after(async () => {
  await gateway?.stop();
  await cluster?.stop();
});

/** POST /sql with `connectionString` as raw bytes (latin1), NUL and all. */
function postRaw(connectionString, extraHeaders = "") {
  const body = JSON.stringify({ query: "SELECT current_user AS who" });
  return exchange(
    gateway.port,
    Buffer.from(
      `POST /sql HTTP/1.1\r\nHost: x\r\nNeon-Connection-String: ${connectionString}\r\n${extraHeaders}` +
        `Content-Length: ${body.length}\r\n\r\n${body}`,
      "latin1",
    ),
  );
}

test("the right credentials work", async () => {
  const { responses } = await postRaw(`postgres://${cluster.user}:${cluster.password}@h.invalid/${cluster.database}`);
  assert.equal(responses[0].status, 200, responses[0].body);
});

for (const [name, connectionString] of [
  ["a NUL password", ({ user, database }) => `postgres://${user}:\0@h.invalid/${database}`],
  ["NUL user, password and database", () => "postgres://\0:\0@h.invalid/\0"],
  ["a NUL after the password", ({ user, database }) => `postgres://${user}:x\0@h.invalid/${database}`],
  ["a control character in the password", ({ user, database }) => `postgres://${user}:\x01@h.invalid/${database}`],
  ["a DEL in the database", ({ user, database }) => `postgres://${user}:x@h.invalid/${database}\x7f`],
]) {
  test(`${name} is a 400 before anything reaches Postgres`, async () => {
    const { responses } = await postRaw(connectionString(cluster));
    assert.equal(responses.length, 1);
    assert.equal(responses[0].status, 400, responses[0].body);
    assert.ok(JSON.parse(responses[0].body).message);
  });
}

test("a control character in any other header is a 400", async () => {
  const { responses } = await postRaw(
    `postgres://${cluster.user}:${cluster.password}@h.invalid/${cluster.database}`,
    "Neon-Array-Mode: tr\x00ue\r\n",
  );
  assert.equal(responses[0].status, 400);
});

test("a wrong password is refused although PGPASSWORD and PGPASSFILE hold the right one", async () => {
  const { responses } = await postRaw(`postgres://${cluster.user}:wrong@h.invalid/${cluster.database}`);
  assert.equal(responses[0].status, 400);
  assert.match(JSON.parse(responses[0].body).message, /password authentication failed/);
});

test("a 60 KB application_name is a 400, not a 500", async () => {
  const response = await fetch(gateway.endpoint, {
    method: "POST",
    headers: {
      "Neon-Connection-String": `postgres://${cluster.user}:${cluster.password}@h.invalid/${cluster.database}` +
        `?application_name=${"a".repeat(60_000)}`,
    },
    body: JSON.stringify({ query: "SELECT 1" }),
  });
  assert.equal(response.status, 400);
  assert.match((await response.json()).message, /application_name in connection string is longer than 1024 bytes/);
});
