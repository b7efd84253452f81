import assert from "node:assert/strict";
import { test } from "node:test";

import { ISO_MS, describeBackends } from "../support/reference-worker.js";

// The same requests and the same expected answers on D1 and on Postgres.
describeBackends((worker) => {
  test("POST /users creates a user with its id and timestamps (tutorial curl)", async () => {
    const res = await worker.postJson("/users", { email: "dan@example.com", name: "Dan" });
    assert.equal(res.status, 201);
    const dan = await res.json();
    assert.deepEqual(Object.keys(dan), ["id", "email", "name", "role", "isActive", "createdAt", "updatedAt"]);
    assert.equal(dan.id, 3);
    assert.equal(dan.role, "viewer");
    assert.equal(dan.isActive, true);
    assert.match(dan.createdAt, ISO_MS);
    assert.ok(Math.abs(Date.parse(dan.createdAt) - Date.now()) < 60_000);
    const listed = await (await worker.request("/users/3")).json();
    assert.deepEqual(listed, { ...dan, posts: [] });
  });

  test("POST /users with a duplicate email is a 409 and writes nothing", async () => {
    const before = await worker.snapshot();
    const res = await worker.postJson("/users", { email: "alice@example.com", name: "Alice again" });
    assert.equal(res.status, 409);
    const body = await res.json();
    assert.match(body.error, /email/);
    assert.deepEqual(await worker.snapshot(), before);
  });

  test("POST /posts creates a post for an existing author", async () => {
    const res = await worker.postJson("/posts", { authorId: 2, title: "Second thoughts", body: "On bundles" });
    assert.equal(res.status, 201);
    const post = await res.json();
    assert.deepEqual(Object.keys(post), ["id", "authorId", "title", "body", "published", "createdAt"]);
    assert.equal(post.authorId, 2);
    assert.equal(post.published, false);
    const bob = await (await worker.request("/users/2")).json();
    assert.deepEqual(bob.posts.map((p) => p.title), ["Why I Switched From Prisma", "Second thoughts"]);
  });

  test("POST /posts for an unknown author is a 4xx naming authorId and writes nothing", async () => {
    const before = await worker.snapshot();
    const res = await worker.postJson("/posts", { authorId: 4242, title: "Orphan", body: "No author" });
    assert.equal(res.status, 422);
    const body = await res.json();
    assert.deepEqual(Object.keys(body.fieldErrors), ["authorId"]);
    assert.match(body.fieldErrors.authorId[0], /4242/);
    assert.deepEqual(await worker.snapshot(), before);
  });

  test("PATCH /users/:id updates only what is sent and bumps updatedAt", async () => {
    const before = await (await worker.request("/users/2")).json();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const res = await worker.postJson("/users/2", { name: "Bob B.", role: "editor" }, "PATCH");
    assert.equal(res.status, 200);
    const bob = await res.json();
    assert.equal(bob.name, "Bob B.");
    assert.equal(bob.role, "editor");
    assert.equal(bob.email, before.email);
    assert.equal(bob.createdAt, before.createdAt);
    assert.ok(Date.parse(bob.updatedAt) > Date.parse(before.updatedAt), "updatedAt moves forward");
  });

  test("PATCH /users/:id rejects bad input, a duplicate email and a missing user", async () => {
    const before = await worker.snapshot();
    const invalid = await worker.postJson("/users/2", { email: "nope" }, "PATCH");
    assert.equal(invalid.status, 400);
    assert.deepEqual(await invalid.json(), { formErrors: [], fieldErrors: { email: ["Invalid email"] } });
    const empty = await worker.postJson("/users/2", {}, "PATCH");
    assert.equal(empty.status, 400);
    const duplicate = await worker.postJson("/users/2", { email: "alice@example.com" }, "PATCH");
    assert.equal(duplicate.status, 409);
    const missing = await worker.postJson("/users/999", { name: "Ghost" }, "PATCH");
    assert.equal(missing.status, 404);
    assert.deepEqual(await worker.snapshot(), before);
  });

  test("DELETE /users/:id removes the user and, by cascade, their posts", async () => {
    const before = await worker.snapshot();
    assert.ok(before.posts.some((p) => p.author_id === 1));
    const res = await worker.request("/users/1", { method: "DELETE" });
    assert.equal(res.status, 200);
    assert.equal((await res.json()).email, "alice@example.com");
    const after = await worker.snapshot();
    assert.equal(after.users.some((u) => u.id === 1), false);
    assert.equal(after.posts.some((p) => p.author_id === 1), false);
    assert.equal(after.posts.length, before.posts.filter((p) => p.author_id !== 1).length);
    assert.equal((await worker.request("/users/1")).status, 404);
    assert.equal((await worker.request("/users/1", { method: "DELETE" })).status, 404);
  });
});
