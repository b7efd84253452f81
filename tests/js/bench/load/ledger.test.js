import assert from "node:assert/strict";
import { test } from "node:test";

import { Ledger } from "../../../../bench/load/ledger.mjs";

const SEED = {
  users: [
    { id: 1, email: "alice@example.com", name: "Alice" },
    { id: 2, email: "bob@example.com", name: "Bob" },
  ],
  posts: [
    { id: 1, author_id: 1, title: "Seed 1" },
    { id: 2, author_id: 2, title: "Seed 2" },
  ],
};

/** A ledger of three users (4 live, 5 deleted, 6 renamed) and their posts, and the tables that match it. */
function recorded() {
  const ledger = new Ledger();
  ledger.users.set(4, { email: "u4@example.com", name: "four", state: "live", uncertain: false });
  ledger.users.set(5, { email: "u5@example.com", name: "five", state: "deleted", uncertain: false });
  ledger.users.set(6, { email: "u6@example.com", name: "six again", state: "live", uncertain: false });
  ledger.posts.set(3, { authorId: 4, title: "p3" });
  ledger.posts.set(4, { authorId: 5, title: "p4" });
  const tables = {
    users: [...SEED.users, { id: 4, email: "u4@example.com", name: "four" }, { id: 6, email: "u6@example.com", name: "six again" }],
    posts: [...SEED.posts, { id: 3, author_id: 4, title: "p3" }],
  };
  return { ledger, tables };
}

const CLEAN = { lost: 0, resurrected: 0, unacknowledged: 0, orphans: 0, wrong: 0 };

test("tables that match the ledger pass", () => {
  const { ledger, tables } = recorded();
  assert.deepEqual(ledger.verify(tables), CLEAN);
  assert.deepEqual(ledger.anomalies, []);
});

const BREAKS = [
  ["an acknowledged user missing", (t) => (t.users = t.users.filter((u) => u.id !== 4)), { lost: 1, orphans: 1 }],
  ["an acknowledged post missing", (t) => (t.posts = t.posts.filter((p) => p.id !== 3)), { lost: 1 }],
  ["a deleted user back", (t) => t.users.push({ id: 5, email: "u5@example.com", name: "five" }), { resurrected: 1 }],
  ["a post of a deleted user kept (no cascade)", (t) => t.posts.push({ id: 4, author_id: 5, title: "p4" }), { resurrected: 1, orphans: 1 }],
  ["an update lost", (t) => (t.users.find((u) => u.id === 6).name = "six"), { wrong: 1 }],
  ["a user nobody was told about", (t) => t.users.push({ id: 7, email: "u7@example.com", name: "seven" }), { unacknowledged: 1 }],
  ["a post nobody was told about", (t) => t.posts.push({ id: 9, author_id: 4, title: "p9" }), { unacknowledged: 1 }],
];

for (const [name, breakTables, expected] of BREAKS) {
  test(`verify finds ${name}`, () => {
    const { ledger, tables } = recorded();
    breakTables(tables);
    assert.deepEqual(ledger.verify(tables), { ...CLEAN, ...expected });
    assert.ok(ledger.anomalies.length > 0);
  });
}

test("rows from writes of unknown outcome are neither lost nor unacknowledged", () => {
  const { ledger, tables } = recorded();
  ledger.unknown.emails.add("u7@example.com");
  ledger.unknown.titles.add("p9");
  ledger.users.get(6).uncertain = true;
  tables.users.push({ id: 7, email: "u7@example.com", name: "seven" });
  tables.posts.push({ id: 9, author_id: 4, title: "p9" });
  tables.users.find((u) => u.id === 6).name = "six";
  assert.deepEqual(ledger.verify(tables), CLEAN);
});

test("statuses are counted per route and status", () => {
  const ledger = new Ledger();
  ledger.answered("POST /users", 201);
  ledger.answered("POST /users", 201);
  ledger.answered("GET /users", 503);
  assert.equal(ledger.count(() => true), 3);
  assert.equal(ledger.count((key) => key.endsWith(" 503")), 1);
});
