import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { BACKENDS, startReferenceWorker } from "../support/reference-worker.js";

// One script of requests, replayed on every backend: each answer (status, body) must be the
// same byte for byte, timestamps aside (they are the clock's). The other route tests check
// chosen fields; this catches any difference they do not name (key order, number spelling,
// error bodies). Failed inserts come last: a Postgres sequence does not roll back, so after
// one the next id differs from SQLite's, as it would on Neon.
const SCRIPT = [
  ["GET", "/users"],
  ["GET", "/users/1"],
  ["GET", "/users/2"],
  ["GET", "/users/999"],
  ["GET", "/users?limit=1&offset=1"],
  ["POST", "/users", { email: "zoe@example.com", name: "Zoë \"Z\" O'Neil", role: "editor", isActive: false }],
  ["POST", "/posts", { authorId: 3, title: "Ünïcode ✓", body: "line\nbreak \\ tab\t", published: true }],
  ["GET", "/users/3"],
  ["PATCH", "/users/2", { name: "Bob B.", role: "admin", isActive: false }],
  ["PATCH", "/users/2", { email: "alice@example.com" }],
  ["PATCH", "/users/999", { name: "Ghost" }],
  ["DELETE", "/users/1"],
  ["DELETE", "/users/1"],
  ["GET", "/users"],
  ["POST", "/users", { email: "bob@example.com", name: "Bob again" }],
  ["POST", "/posts", { authorId: 4242, title: "Orphan", body: "No author" }],
  ["POST", "/users", { email: "bad", name: "" }],
  ["GET", "/healthz"],
];

const TIMESTAMP = /"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z"/g;

const workers = {};
before(async () => {
  for (const backend of BACKENDS) workers[backend] = await startReferenceWorker(backend);
});
after(async () => {
  for (const worker of Object.values(workers)) await worker.dispose();
});

async function replay(worker) {
  const answers = [];
  for (const [method, path, body] of SCRIPT) {
    const res = body === undefined ? await worker.request(path, { method }) : await worker.postJson(path, body, method);
    answers.push(`${method} ${path} -> ${res.status} ${(await res.text()).replace(TIMESTAMP, '"<timestamp>"')}`);
  }
  return answers;
}

test("every backend answers the same script with the same statuses and bodies", async () => {
  const [first, ...others] = BACKENDS;
  const expected = await replay(workers[first]);
  for (const backend of others) assert.deepEqual(await replay(workers[backend]), expected, `${backend} vs ${first}`);
});
