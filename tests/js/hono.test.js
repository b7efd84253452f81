// sluice/hono: a Hono app written as the tutorial writes it (no id checks of its own) answers
// sluice's errors with the status their kind means instead of a 500.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";

import { sluiceErrors } from "../../worker/hono.js";
import { DatabaseError, TransportError, eq } from "../../worker/index.js";
import { posts, users } from "../../worker/app/schema.js";
import { insertUserSchema } from "../../worker/app/validators.js";
import { clear, startD1 } from "./d1-database.js";

let d1;
let app;
const logged = [];

before(async () => {
  d1 = await startD1();
  const db = d1.db();
  app = new Hono();
  app.get("/users/:id", async (c) => c.json(await db.query.users.findFirst({ where: eq(users.id, Number(c.req.param("id"))) })));
  app.post("/users", async (c) => c.json(await db.insert(users).values(insertUserSchema.parse(await c.req.json())).returning(), 201));
  app.post("/posts", async (c) => c.json(await db.insert(posts).values(await c.req.json()).returning(), 201));
  app.get("/down", () => {
    throw new TransportError("could not reach the database");
  });
  app.delete("/referenced", () => {
    throw new DatabaseError({ kind: "foreign_key_violation", code: "SQLITE_CONSTRAINT_FOREIGNKEY", message: "FOREIGN KEY constraint failed", sql: 'delete from "users"' });
  });
  app.get("/check", () => {
    throw new DatabaseError({ kind: "check_violation", code: "23514", message: "check failed", sql: "update x" });
  });
  app.get("/teapot", () => {
    throw new HTTPException(418, { message: "short and stout" });
  });
  app.get("/bug", () => {
    throw new TypeError("a bug");
  });
  app.onError(sluiceErrors({ onUnexpected: (error) => (logged.push(error), new Response("unexpected", { status: 500 })) }));
});

after(async () => {
  await d1?.mf.dispose();
});

async function call(method, path, body) {
  const init = body === undefined ? { method } : { method, body: JSON.stringify(body), headers: { "content-type": "application/json" } };
  const response = await app.request(path, init);
  const text = await response.text();
  return { status: response.status, body: response.headers.get("content-type")?.startsWith("application/json") ? JSON.parse(text) : text };
}

const ALICE = { email: "alice@example.com", name: "Alice" };

test("a bad id in the tutorial's route is a 400 naming the field", async () => {
  assert.deepEqual(await call("GET", "/users/abc"), {
    status: 400,
    body: { formErrors: [], fieldErrors: { id: ["users.id: NaN is not an integer"] } },
  });
});

test("a ValidationError is a 400 with zod's flatten() body", async () => {
  const { status, body } = await call("POST", "/users", { email: "not an email", name: "" });
  assert.equal(status, 400);
  assert.deepEqual(Object.keys(body.fieldErrors).sort(), ["email", "name"]);
  assert.deepEqual(body.formErrors, []);
});

test("a unique violation is a 409 naming the column, a missing referenced row a 422", async () => {
  await clear(d1.binding);
  assert.equal((await call("POST", "/users", ALICE)).status, 201);
  assert.deepEqual(await call("POST", "/users", ALICE), { status: 409, body: { error: "email already exists", field: "email" } });
  const orphan = await call("POST", "/posts", { authorId: 999_999, title: "hello", body: "text" });
  assert.equal(orphan.status, 422);
  assert.match(orphan.body.error, /names a row that does not exist$/);
});

test("a delete of a row still referenced is a 409, an unreachable database a 503", async () => {
  assert.deepEqual(await call("DELETE", "/referenced"), { status: 409, body: { error: "the row is still referenced by other rows" } });
  assert.deepEqual(await call("GET", "/down"), { status: 503, body: { error: "the database cannot be reached" } });
});

test("any other error, a database's check violation included, goes to onUnexpected, never a 4xx", async () => {
  logged.length = 0;
  assert.deepEqual(await call("GET", "/check"), { status: 500, body: "unexpected" });
  assert.deepEqual(await call("GET", "/bug"), { status: 500, body: "unexpected" });
  assert.deepEqual(logged.map((e) => e.name), ["DatabaseError", "TypeError"]);
});

test("Hono's own HTTPException keeps its response", async () => {
  assert.deepEqual(await call("GET", "/teapot"), { status: 418, body: "short and stout" });
});

test("the default for an unexpected error is a logged 500 with a JSON body", async () => {
  const plain = new Hono();
  plain.get("/", () => {
    throw new Error("boom");
  });
  plain.onError(sluiceErrors());
  const original = console.error;
  const seen = [];
  console.error = (error) => seen.push(error);
  try {
    const response = await plain.request("/");
    assert.equal(response.status, 500);
    assert.deepEqual(await response.json(), { error: "internal error" });
  } finally {
    console.error = original;
  }
  assert.equal(seen[0].message, "boom");
});
