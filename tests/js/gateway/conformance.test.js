// sluice-gateway against the official @neondatabase/serverless client: whatever the client
// sends must work, and whatever the gateway answers must parse as Neon's answers do
// (shared/reference/wire-protocols.md, part A). A private cluster and a gateway start once for
// the file and stop in `after`, failures included.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { neon, neonConfig } from "@neondatabase/serverless";

import { startGateway } from "../../../scripts/lib/gateway.mjs";
import { startCluster } from "../../../scripts/lib/pg-cluster.mjs";

// The client parses date and timestamp text as local time; pin the zone for fixed answers.
process.env.TZ = "UTC";

let cluster;
let gateway;
let sql;
let url;

// Neon-style host: the gateway sends every connection to the cluster, whatever host it names.
const connectionString = (password = cluster.password) =>
  `postgresql://${cluster.user}:${password}@ep-conformance-000000.sluice.invalid/${cluster.database}`;

/** POST /sql as the official client sends it, for checks the client cannot make. */
function post(body, headers = {}, path = "/sql") {
  return fetch(`http://127.0.0.1:${gateway.port}${path}`, {
    method: "POST",
    headers: {
      "Neon-Connection-String": url,
      "Neon-Raw-Text-Output": "true",
      "Neon-Array-Mode": "true",
      ...headers,
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail("expected a rejection");
}

before(async () => {
  cluster = await startCluster();
  // A 1 s statement timeout so the timeout test stays short; a small pool so the session
  // reset tests reuse one connection.
  gateway = await startGateway(cluster, ["--statement-timeout-ms", "1000", "--pool-size", "2", "--threads", "1"]);
  neonConfig.fetchEndpoint = () => gateway.endpoint;
  url = connectionString();
  sql = neon(url);
  await sql`CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL CONSTRAINT users_email_unique UNIQUE, name text)`;
});

after(async () => {
  await gateway?.stop();
  await cluster?.stop();
});

describe("values through the official client", () => {
  test("every parameter type round-trips to the JS value the client parses", async () => {
    const text = `it's "quoted" \\ back\nslash, ünïcødé 🦀`;
    const when = new Date("2024-01-02T03:04:05.006Z");
    const [row] = await sql`SELECT
      ${null}::int AS nothing, ${true}::bool AS yes, ${false}::bool AS no,
      ${12}::int2 AS small, ${-2147483648}::int4 AS int, ${"9007199254740993"}::int8 AS big,
      ${"12345678901234567890.123456789"}::numeric AS exact, ${1.5}::float4 AS f4, ${-0.1}::float8 AS f8,
      ${text}::text AS text, ${{ a: [1, "x"], b: null }}::json AS json, ${{ k: true }}::jsonb AS jsonb,
      ${"2024-01-02"}::date AS day, ${"2024-01-02 03:04:05.123456"}::timestamp AS ts,
      ${when}::timestamptz AS tstz, ${[1, null, 3]}::int[] AS ints, ${["a b", 'q"x', "back\\slash", null]}::text[] AS texts,
      ${Buffer.from([0, 1, 255])}::bytea AS bytes`;
    assert.deepEqual(row, {
      nothing: null,
      yes: true,
      no: false,
      small: 12,
      int: -2147483648,
      big: "9007199254740993",
      exact: "12345678901234567890.123456789",
      f4: 1.5,
      f8: -0.1,
      text,
      json: { a: [1, "x"], b: null },
      jsonb: { k: true },
      day: new Date("2024-01-02T00:00:00.000Z"),
      ts: new Date("2024-01-02T03:04:05.123Z"),
      tstz: when,
      ints: [1, null, 3],
      texts: ["a b", 'q"x', "back\\slash", null],
      bytes: Buffer.from([0, 1, 255]),
    });
  });

  test("fullResults in object and array mode", async () => {
    const objects = await sql.query("SELECT 1 AS a, 'x' AS b", [], { fullResults: true });
    assert.deepEqual(objects.rows, [{ a: 1, b: "x" }]);
    assert.equal(objects.command, "SELECT");
    assert.equal(objects.rowCount, 1);
    assert.equal(objects.rowAsArray, false);
    assert.deepEqual(objects.fields.map((f) => [f.name, f.dataTypeID, f.format]), [["a", 23, "text"], ["b", 25, "text"]]);

    const arrays = await sql.query("SELECT 1 AS a, 'x' AS b", [], { fullResults: true, arrayMode: true });
    assert.deepEqual(arrays.rows, [[1, "x"]]);
    assert.equal(arrays.rowAsArray, true);

    const inserted = await sql.query("INSERT INTO users (email) VALUES ($1), ($2)", ["f1@x", "f2@x"], {
      fullResults: true,
    });
    assert.equal(inserted.command, "INSERT");
    assert.equal(inserted.rowCount, 2);
    assert.deepEqual(inserted.fields, []);
    assert.deepEqual(inserted.rows, []);
  });

  test("a parameter is data, never SQL", async () => {
    const evil = "'); DROP TABLE users; --";
    const [row] = await sql`SELECT ${evil}::text AS v`;
    assert.equal(row.v, evil);
    const [{ n }] = await sql`SELECT count(*)::int AS n FROM users`;
    assert.ok(n >= 0);
  });
});

describe("transactions", () => {
  test("a batch commits", async () => {
    const [inserted, counted] = await sql.transaction([
      sql`INSERT INTO users (email, name) VALUES (${"tx1@x"}, ${"One"}) RETURNING id`,
      sql`SELECT count(*)::int AS n FROM users WHERE email = ${"tx1@x"}`,
    ]);
    assert.equal(inserted.length, 1);
    assert.deepEqual(counted, [{ n: 1 }]);
    const [{ n }] = await sql`SELECT count(*)::int AS n FROM users WHERE email = 'tx1@x'`;
    assert.equal(n, 1);
  });

  test("a batch rolls back on the first error, which is the one reported", async () => {
    const error = await rejection(
      sql.transaction([
        sql`INSERT INTO users (email) VALUES (${"tx2@x"})`,
        sql`INSERT INTO users (email) VALUES (${"tx1@x"})`,
        sql`SELECT 1/0`,
      ]),
    );
    assert.equal(error.code, "23505");
    const [{ n }] = await sql`SELECT count(*)::int AS n FROM users WHERE email = 'tx2@x'`;
    assert.equal(n, 0);
  });

  test("isolation level, read-only and deferrable options", async () => {
    const [[isolation], [readOnly]] = await sql.transaction(
      [sql`SHOW transaction_isolation`, sql`SHOW transaction_read_only`],
      { isolationLevel: "Serializable", readOnly: true, deferrable: true },
    );
    assert.deepEqual(isolation, { transaction_isolation: "serializable" });
    assert.deepEqual(readOnly, { transaction_read_only: "on" });

    const [[repeatable]] = await sql.transaction([sql`SHOW transaction_isolation`], {
      isolationLevel: "RepeatableRead",
    });
    assert.deepEqual(repeatable, { transaction_isolation: "repeatable read" });

    const error = await rejection(
      sql.transaction([sql`INSERT INTO users (email) VALUES ('ro@x')`], { readOnly: true }),
    );
    assert.equal(error.code, "25006"); // read_only_sql_transaction
  });

  test("the mode is echoed, and an unknown isolation level is refused", async () => {
    const ok = await post({ queries: [{ query: "SELECT 1", params: [] }] }, {
      "Neon-Batch-Isolation-Level": "ReadCommitted",
      "Neon-Batch-Read-Only": "true",
    });
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get("neon-batch-isolation-level"), "ReadCommitted");
    assert.equal(ok.headers.get("neon-batch-read-only"), "true");
    assert.equal((await ok.json()).results.length, 1);

    const bad = await post({ queries: [] }, { "Neon-Batch-Isolation-Level": "Chaos" });
    assert.equal(bad.status, 400);
    assert.equal((await bad.json()).message, "invalid isolation level");
  });
});

describe("errors", () => {
  test("a unique violation carries every field Postgres sent", async () => {
    const error = await rejection(sql`INSERT INTO users (email) VALUES (${"tx1@x"})`);
    assert.equal(error.name, "NeonDbError");
    assert.equal(error.code, "23505");
    assert.equal(error.constraint, "users_email_unique");
    assert.equal(error.table, "users");
    assert.equal(error.schema, "public");
    assert.equal(error.severity, "ERROR");
    assert.equal(error.detail, "Key (email)=(tx1@x) already exists.");
    assert.match(error.message, /duplicate key value violates unique constraint "users_email_unique"/);
  });

  test("an unknown table, and a syntax error with its position", async () => {
    const missing = await rejection(sql`SELECT * FROM no_such_table`);
    assert.equal(missing.code, "42P01");
    assert.equal(missing.position, "15");

    const syntax = await rejection(sql.query("SELEC 1"));
    assert.equal(syntax.code, "42601");
    assert.equal(syntax.position, "1");
  });

  test("the error body has Neon's 17 keys in Neon's order", async () => {
    const response = await post({ query: "SELECT 1/0", params: [] });
    assert.equal(response.status, 400);
    assert.equal(response.headers.get("access-control-allow-origin"), "*");
    const body = await response.json();
    assert.deepEqual(Object.keys(body), [
      "message", "code", "detail", "hint", "position", "internalPosition", "internalQuery", "severity",
      "where", "table", "column", "schema", "dataType", "constraint", "file", "line", "routine",
    ]);
    assert.equal(body.code, "22012");
    assert.equal(typeof body.line, "string");
  });

  test("two statements in one query are refused by Postgres itself", async () => {
    const error = await rejection(sql.query("SELECT 1; SELECT 2"));
    assert.equal(error.code, "42601");
    assert.match(error.message, /cannot insert multiple commands into a prepared statement/);
  });

  test("the statement timeout is pinned per session", async () => {
    const error = await rejection(sql`SELECT pg_sleep(3)`);
    assert.equal(error.code, "57014");
  });

  test("a wrong password is refused, and the right one still works", async () => {
    const error = await rejection(neon(connectionString("wrong"))`SELECT 1`);
    assert.equal(error.name, "NeonDbError");
    assert.match(error.message, /password authentication failed/);

    const response = await post({ query: "SELECT 1", params: [] }, { "Neon-Connection-String": connectionString("wrong") });
    assert.equal(response.status, 400);
    const [{ ok }] = await sql`SELECT true AS ok`;
    assert.equal(ok, true);
  });

  test("a missing or malformed connection string", async () => {
    const missing = await fetch(gateway.endpoint, { method: "POST", body: '{"query":"SELECT 1"}' });
    assert.equal(missing.status, 400);
    assert.equal((await missing.json()).message, "invalid header: neon-connection-string");
    const noPassword = await post({ query: "SELECT 1" }, { "Neon-Connection-String": "postgres://u@h/d" });
    assert.equal((await noPassword.json()).message, "missing authentication credentials: required password");
  });

  test("a body that is not JSON of either shape", async () => {
    for (const body of ["nope", "{}", '{"query": 1}']) {
      const response = await post(body);
      assert.equal(response.status, 400);
      assert.match((await response.json()).message, /^could not parse the HTTP request body/);
    }
  });
});

describe("HTTP", () => {
  test("a body over 10 MiB gets 413", async () => {
    const response = await post({ query: "SELECT $1::text", params: ["x".repeat(10 * 1024 * 1024)] });
    assert.equal(response.status, 413);
    assert.match((await response.json()).message, /request is too large \(max is 10485760 bytes\)/);
  });

  test("a result over 10 MiB gets 507, and the client reports a server error", async () => {
    const error = await rejection(sql`SELECT repeat('x', 1048576) FROM generate_series(1, 11)`);
    assert.match(error.message, /HTTP status 507/);
    const [{ ok }] = await sql`SELECT true AS ok`;
    assert.equal(ok, true);
  });

  test("unknown paths and methods get 400 with a JSON message", async () => {
    const other = await post({ query: "SELECT 1" }, {}, "/other");
    assert.equal(other.status, 400);
    assert.equal((await other.json()).message, "query is not supported");
    const get = await fetch(gateway.endpoint);
    assert.equal(get.status, 400);
    assert.equal((await get.json()).message, "query is not supported");
  });

  test("OPTIONS answers a CORS preflight", async () => {
    const response = await fetch(gateway.endpoint, {
      method: "OPTIONS",
      headers: { Origin: "https://app.example", "Access-Control-Request-Method": "POST" },
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("access-control-allow-origin"), "*");
    assert.match(response.headers.get("access-control-allow-headers"), /Neon-Connection-String/);
    assert.equal(response.headers.get("access-control-max-age"), "86400");
  });

  test("any Content-Type is accepted", async () => {
    for (const type of ["application/json", "text/plain;charset=UTF-8", "application/octet-stream"]) {
      const response = await post({ query: "SELECT 1 AS one" }, { "Content-Type": type });
      assert.equal(response.status, 200);
      assert.deepEqual((await response.json()).rows, [["1"]]);
    }
  });

  test("the raw response has Neon's shape, key order included", async () => {
    const response = await post({ query: "SELECT id, email FROM users WHERE email = $1", params: ["tx1@x"] });
    assert.equal(response.headers.get("content-type"), "application/json");
    const body = await response.json();
    assert.deepEqual(Object.keys(body), ["fields", "rows", "command", "rowCount", "rowAsArray"]);
    assert.deepEqual(Object.keys(body.fields[0]), [
      "name", "dataTypeID", "tableID", "columnID", "dataTypeSize", "dataTypeModifier", "format",
    ]);
    assert.equal(body.fields[1].columnID, 2);
    assert.ok(body.fields[1].tableID > 0);
    assert.deepEqual(body.rows[0][1], "tx1@x");
    assert.equal(typeof body.rows[0][0], "string");
  });

  test("without raw text output, values are JSON as Neon's proxy converts them", async () => {
    const response = await post(
      { query: "SELECT true AS b, 7 AS i, 2::int8 AS big, 'NaN'::float8 AS nan, '{\"a\":1}'::jsonb AS j, ARRAY[1,2] AS arr, NULL AS n, 'x' AS x" },
      { "Neon-Raw-Text-Output": "false", "Neon-Array-Mode": "false" },
    );
    const body = await response.json();
    assert.equal(body.rowAsArray, false);
    assert.deepEqual(body.rows, [{ b: true, i: 7, big: "2", nan: "NaN", j: { a: 1 }, arr: [1, 2], n: null, x: "x" }]);
  });

  test("a query's own arrayMode overrides the header", async () => {
    const response = await post({ query: "SELECT 1 AS a", arrayMode: false });
    assert.deepEqual((await response.json()).rows, [{ a: "1" }]);
  });

  test("queries taking turns on a connection stay independent: errors and oversized results hit only their own", async () => {
    // With --pool-size 2, forty concurrent requests wait for the same two connections.
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => {
        if (i % 10 === 3) return sql`SELECT 1/0 AS boom`;
        if (i === 17) return sql`SELECT repeat('x', 1048576) FROM generate_series(1, 11)`;
        return sql`SELECT ${i}::int AS i`;
      }),
    );
    outcomes.forEach((outcome, i) => {
      if (i % 10 === 3) {
        assert.equal(outcome.reason.code, "22012");
      } else if (i === 17) {
        assert.match(outcome.reason.message, /HTTP status 507/);
      } else {
        assert.deepEqual(outcome.value, [{ i }]);
      }
    });
  });

  test("concurrent requests all succeed", async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => sql`SELECT ${i}::int AS i`));
    assert.deepEqual(answers.map(([row]) => row.i), Array.from({ length: 40 }, (_, i) => i));
  });
});

describe("pooled sessions start clean", () => {
  test("settings and session time zone are reset after a request that changed them", async () => {
    await sql`SET TimeZone = 'America/New_York'`;
    await sql`SET statement_timeout = 0`;
    for (let i = 0; i < 3; i++) {
      const [row] = await sql`SELECT current_setting('TimeZone') AS tz, current_setting('DateStyle') AS ds,
        current_setting('statement_timeout') AS st`;
      assert.deepEqual(row, { tz: "UTC", ds: "ISO, MDY", st: "1s" });
    }
  });

  test("a transaction left open by a single BEGIN is rolled back", async () => {
    await sql`BEGIN`;
    await sql`INSERT INTO users (email) VALUES ('left-open@x')`;
    for (let i = 0; i < 3; i++) {
      // Left inside BEGIN, the INSERT would have given this session's transaction an id.
      const [{ fresh }] = await sql`SELECT pg_current_xact_id_if_assigned() IS NULL AS fresh`;
      assert.equal(fresh, true);
    }
  });
});
