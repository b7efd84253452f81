// The Neon HTTP driver against a stand-in fetch: the requests it sends (endpoint, headers,
// bodies) and how it turns answers into payloads and errors.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import * as schema from "../../../worker/app/schema.js";
import { posts, users } from "../../../worker/app/schema.js";
import { neonEndpoint } from "../../../worker/drivers/neon-endpoint.js";
import { neonHttp } from "../../../worker/drivers/neon-http.js";
import { TransportError, createDb, eq } from "../../../worker/index.js";

const URL_TEXT = "postgresql://alice:s3cret@ep-cool-darkness-123456.us-east-2.aws.neon.tech/app?sslmode=require";

const field = (name, dataTypeID) => ({ name, dataTypeID, tableID: 0, columnID: 0, dataTypeSize: -1, dataTypeModifier: -1, format: "text" });
const result = (fields, rows, command = "SELECT") => ({ fields, rows, command, rowCount: rows.length, rowAsArray: true });

/** A fetch that records requests and answers each with the next of `answers` (status, JSON). */
function fakeFetch(...answers) {
  const requests = [];
  const fetch = async (url, init) => {
    requests.push({ url, ...init, json: JSON.parse(init.body) });
    const [status, body] = answers.shift() ?? [200, result([], [])];
    return new Response(typeof body === "string" ? body : JSON.stringify(body), { status });
  };
  return { fetch, requests };
}

describe("neon endpoint", () => {
  it("is derived from the host as Neon's client derives it", () => {
    assert.equal(neonEndpoint(URL_TEXT), "https://api.us-east-2.aws.neon.tech/sql");
    assert.equal(neonEndpoint(URL_TEXT, { jwt: true }), "https://apiauth.us-east-2.aws.neon.tech/sql");
    assert.equal(neonEndpoint("postgres://u:p@localhost:5432/db"), "https://localhost/sql");
  });

  it("rejects what is not a postgres connection string", () => {
    assert.throws(() => neonEndpoint("not a url"), TransportError);
    assert.throws(() => neonEndpoint("mysql://u:p@h/db"), TransportError);
  });
});

describe("neonHttp driver", () => {
  it("POSTs {query, params} with Neon's headers to the derived endpoint", async () => {
    const { fetch, requests } = fakeFetch([200, result([field("x", 23)], [["1"]])]);
    const driver = neonHttp({ connectionString: URL_TEXT, fetch });
    assert.equal(driver.dialect, "postgres");
    assert.equal(driver.format, 1);
    const payload = await driver.run({ sql: "select $1", params: ["1"], returns: "rows" });
    assert.ok(payload instanceof Uint8Array, "the answer is handed over as bytes");
    assert.deepEqual(JSON.parse(new TextDecoder().decode(payload)).rows, [["1"]]);
    const [request] = requests;
    assert.equal(request.url, "https://api.us-east-2.aws.neon.tech/sql");
    assert.equal(request.method, "POST");
    assert.deepEqual(request.headers, {
      "Content-Type": "application/json",
      "Neon-Connection-String": URL_TEXT,
      "Neon-Raw-Text-Output": "true",
      "Neon-Array-Mode": "true",
    });
    assert.deepEqual(request.json, { query: "select $1", params: ["1"] });
  });

  it("uses an explicit endpoint and sends a bearer token, also from a function", async () => {
    const { fetch, requests } = fakeFetch();
    await neonHttp({ connectionString: URL_TEXT, endpoint: "http://127.0.0.1:1/sql", fetch, authToken: "t0k" }).run({ sql: "s", params: [], returns: "none" });
    await neonHttp({ connectionString: URL_TEXT, fetch, authToken: async () => "later" }).run({ sql: "s", params: [], returns: "none" });
    assert.equal(requests[0].url, "http://127.0.0.1:1/sql");
    assert.equal(requests[0].headers.Authorization, "Bearer t0k");
    assert.equal(requests[1].url, "https://apiauth.us-east-2.aws.neon.tech/sql");
    assert.equal(requests[1].headers.Authorization, "Bearer later");
  });

  it("shapes payloads by what the statement returns", async () => {
    const { fetch } = fakeFetch(
      [200, { ...result([], [], "UPDATE"), rowCount: 3 }],
      [200, result([field("n", 23), field("b", 16), field("j", 3802), field("big", 20), field("s", 25)], [["7", "t", '{"a": 1}', "9007199254740993", null]])],
      [200, result([field("j", 25)], [['[{"id":1}]']])],
    );
    const driver = neonHttp({ connectionString: URL_TEXT, fetch });
    assert.deepEqual(await driver.run({ sql: "u", params: [], returns: "none" }), { rowsAffected: 3 });
    assert.deepEqual(await driver.run({ sql: "r", params: [], returns: "objects" }), [
      { n: 7, b: true, j: { a: 1 }, big: "9007199254740993", s: null },
    ]);
    assert.equal(await driver.run({ sql: "j", params: [], returns: "json" }), '[{"id":1}]');
  });

  it("sends a batch as one {queries} request and splits the results", async () => {
    const { fetch, requests } = fakeFetch([
      200,
      { results: [result([field("id", 23)], [["1"], ["2"]], "INSERT"), { ...result([], [], "DELETE"), rowCount: 2 }, result([field("s", 25)], [['}{"]["\\']])] },
    ]);
    const payloads = await neonHttp({ connectionString: URL_TEXT, fetch }).batch([
      { sql: "a", params: ["x"], returns: "rows" },
      { sql: "b", params: [], returns: "none" },
      { sql: "c", params: [null], returns: "objects" },
    ]);
    assert.deepEqual(requests[0].json, {
      queries: [
        { query: "a", params: ["x"] },
        { query: "b", params: [] },
        { query: "c", params: [null] },
      ],
    });
    assert.equal(requests[0].headers["Neon-Batch-Isolation-Level"], undefined);
    assert.deepEqual(JSON.parse(new TextDecoder().decode(payloads[0])).rows, [["1"], ["2"]]);
    assert.deepEqual(payloads[1], { rowsAffected: 2 });
    assert.deepEqual(payloads[2], [{ s: '}{"]["\\' }]);
  });

  it("sets the batch transaction from the options", async () => {
    const { fetch, requests } = fakeFetch([200, { results: [result([], [])] }]);
    const driver = neonHttp({ connectionString: URL_TEXT, fetch });
    await driver.batch([{ sql: "a", params: [], returns: "none" }], { isolationLevel: "Serializable", readOnly: true, deferrable: false });
    assert.equal(requests[0].headers["Neon-Batch-Isolation-Level"], "Serializable");
    assert.equal(requests[0].headers["Neon-Batch-Read-Only"], "true");
    assert.equal(requests[0].headers["Neon-Batch-Deferrable"], "false");
    await assert.rejects(driver.batch([{ sql: "a", params: [], returns: "none" }], { isolationLevel: "Chaos" }), TransportError);
  });

  it("rejects a batch answer with the wrong number of results", async () => {
    const { fetch } = fakeFetch([200, { results: [result([], [])] }]);
    const statements = [{ sql: "a", params: [], returns: "none" }, { sql: "b", params: [], returns: "none" }];
    await assert.rejects(neonHttp({ connectionString: URL_TEXT, fetch }).batch(statements), TransportError);
  });
});

describe("neonHttp through createDb", () => {
  it("decodes Neon's raw text as D1's results: booleans, ISO timestamps with ms, camelCase keys", async () => {
    const { fetch, requests } = fakeFetch([
      200,
      result(
        [field("id", 23), field("email", 1043), field("name", 25), field("role", 16385), field("is_active", 16), field("created_at", 1184), field("updated_at", 1184)],
        [["1", "a@x.org", "A", "admin", "t", "2024-01-02 03:04:05.6+00", "2024-01-02 03:04:05.123456+00"]],
      ),
    ]);
    const db = createDb({ schema, driver: neonHttp({ connectionString: URL_TEXT, fetch }) });
    const rows = await db.select().from(users).where(eq(users.isActive, true)).bytes();
    assert.deepEqual(JSON.parse(new TextDecoder().decode(rows)), [
      { id: 1, email: "a@x.org", name: "A", role: "admin", isActive: true, createdAt: "2024-01-02T03:04:05.600Z", updatedAt: "2024-01-02T03:04:05.123Z" },
    ]);
    assert.deepEqual(requests[0].json.params, ["true"], "parameters go as Postgres text");
  });

  it("passes db.batch options to the driver and decodes each result", async () => {
    const { fetch, requests } = fakeFetch([
      200,
      { results: [result([field("id", 23)], [["5"]], "INSERT"), result([field("count", 20)], [["12"]])] },
    ]);
    const db = createDb({ schema, driver: neonHttp({ connectionString: URL_TEXT, fetch }) });
    const [inserted, count] = await db.batch(
      [db.insert(posts).values({ authorId: 1, title: "t", body: "b" }).returning({ id: posts.id }), db.$count(posts)],
      { isolationLevel: "RepeatableRead" },
    );
    assert.deepEqual(inserted, [{ id: 5 }]);
    assert.equal(count, 12);
    assert.equal(requests[0].headers["Neon-Batch-Isolation-Level"], "RepeatableRead");
  });

  it("a unique violation names the column from the schema when Postgres withholds the key", async () => {
    // Postgres leaves the key detail out when the role may not read the row.
    const body = { message: 'duplicate key value violates unique constraint "users_email_idx"', code: "23505", detail: null,
      table: "users", column: null, constraint: "users_email_idx" };
    const { fetch } = fakeFetch([400, body]);
    const db = createDb({ schema, driver: neonHttp({ connectionString: URL_TEXT, fetch }) });
    await assert.rejects(db.insert(users).values({ email: "a@x.org", name: "A" }), {
      name: "DatabaseError",
      kind: "unique_violation",
      table: "users",
      column: "email",
      constraint: "users_email_idx",
    });
  });
});
