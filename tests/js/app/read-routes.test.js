import assert from "node:assert/strict";
import { test } from "node:test";

import { ISO_MS, describeBackends } from "../support/reference-worker.js";

// The same requests and the same expected answers on D1 and on Postgres.
describeBackends((worker) => {
  const USER_KEYS = ["id", "email", "name", "role", "isActive", "createdAt", "updatedAt"];
  const POST_KEYS = ["id", "authorId", "title", "body", "published", "createdAt"];

  test("GET /healthz answers ok after a select 1", async () => {
    const res = await worker.request("/healthz");
    assert.equal(res.status, 200);
    assert.equal(await res.text(), "ok");
  });

  test("GET /users lists the seeded users as the tutorial shows them", async () => {
    const res = await worker.request("/users");
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type"), /^application\/json/);
    const users = await res.json();
    assert.equal(users.length, 2);
    assert.deepEqual(Object.keys(users[0]), USER_KEYS);
    const [alice, bob] = users;
    assert.deepEqual(
      { id: alice.id, email: alice.email, name: alice.name, role: alice.role, isActive: alice.isActive },
      { id: 1, email: "alice@example.com", name: "Alice", role: "admin", isActive: true },
    );
    assert.equal(bob.role, "viewer");
    assert.match(alice.createdAt, ISO_MS);
    assert.match(alice.updatedAt, ISO_MS);
  });

  test("GET /users pages with limit and offset", async () => {
    const res = await worker.request("/users?limit=1&offset=1");
    assert.equal(res.status, 200);
    const users = await res.json();
    assert.deepEqual(users.map((u) => u.email), ["bob@example.com"]);
    assert.deepEqual(await (await worker.request("/users?offset=5")).json(), []);
  });

  test("GET /users rejects a bad limit or offset with a named field error", async () => {
    for (const [query, field] of [
      ["limit=0", "limit"],
      ["limit=51", "limit"],
      ["limit=abc", "limit"],
      ["limit=1.5", "limit"],
      ["offset=-1", "offset"],
      ["offset=x", "offset"],
    ]) {
      const res = await worker.request(`/users?${query}`);
      assert.equal(res.status, 400, query);
      const body = await res.json();
      assert.deepEqual(Object.keys(body.fieldErrors), [field], query);
    }
  });

  test("GET /users/:id nests the user's posts, as the relational query returns them", async () => {
    const res = await worker.request("/users/1");
    assert.equal(res.status, 200);
    const alice = await res.json();
    assert.deepEqual(Object.keys(alice), [...USER_KEYS, "posts"]);
    assert.equal(alice.posts.length, 1);
    const [post] = alice.posts;
    assert.deepEqual(Object.keys(post), POST_KEYS);
    assert.deepEqual(
      { id: post.id, authorId: post.authorId, title: post.title, body: post.body, published: post.published },
      { id: 1, authorId: 1, title: "Drizzle ORM in Production", body: "Edge-ready, zero codegen", published: true },
    );
    assert.match(post.createdAt, ISO_MS);
  });

  test("GET /users/:id is 404 for a missing user and 400 for a malformed id", async () => {
    const missing = await worker.request("/users/999");
    assert.equal(missing.status, 404);
    assert.deepEqual(await missing.json(), { error: "not found" });
    for (const id of ["abc", "0", "-1", "1.5", "99999999999", "1e3"]) {
      const res = await worker.request(`/users/${id}`);
      assert.equal(res.status, 400, id);
      assert.match((await res.json()).error, /id/);
    }
  });

  test("an unknown route is a JSON 404", async () => {
    const res = await worker.request("/nope");
    assert.equal(res.status, 404);
    assert.deepEqual(await res.json(), { error: "not found" });
  });
});
