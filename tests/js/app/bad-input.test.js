import assert from "node:assert/strict";
import { test } from "node:test";

import { describeBackends } from "../support/reference-worker.js";

const NUL = "String must not contain U+0000 (NUL)";
const surrogate = (codePoint) => `String must not contain an unpaired surrogate (${codePoint})`;

// The same requests and the same expected answers on D1 and on Postgres.
describeBackends((worker) => {
  // Each case: a request the API must refuse with a clear 4xx JSON body and no write at all.
  const cases = [
    {
      name: "the tutorial's invalid user (exact zod flatten body)",
      send: () => worker.postJson("/users", { email: "bad", name: "" }),
      status: 400,
      body: {
        formErrors: [],
        fieldErrors: { email: ["Invalid email"], name: ["String must contain at least 1 character(s)"] },
      },
    },
    {
      name: "a body that is not JSON",
      send: () => worker.postJson("/users", "{ not json"),
      status: 400,
      body: { error: "invalid JSON body" },
    },
    {
      name: "a JSON array instead of an object",
      send: () => worker.postJson("/users", "[1,2]"),
      status: 400,
      body: { formErrors: ["Expected object, received array"], fieldErrors: {} },
    },
    {
      name: "a wrong content type",
      send: () => worker.request("/users", { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" }),
      status: 415,
    },
    {
      name: "unknown fields",
      send: () => worker.postJson("/users", { email: "eve@example.com", name: "Eve", admin: true }),
      status: 400,
      body: { formErrors: ["Unrecognized key(s) in object: 'admin'"], fieldErrors: {} },
    },
    {
      name: "wrong JSON types",
      send: () => worker.postJson("/users", { email: "eve@example.com", name: 5, isActive: "yes" }),
      status: 400,
      body: {
        formErrors: [],
        fieldErrors: { name: ["Expected string, received number"], isActive: ["Expected boolean, received string"] },
      },
    },
    {
      name: "a missing required field",
      send: () => worker.postJson("/users", { name: "Eve" }),
      status: 400,
      body: { formErrors: [], fieldErrors: { email: ["Required"] } },
    },
    {
      name: "a role outside the enum",
      send: () => worker.postJson("/users", { email: "eve@example.com", name: "Eve", role: "root" }),
      status: 400,
      body: {
        formErrors: [],
        fieldErrors: { role: ["Invalid enum value. Expected 'admin' | 'editor' | 'viewer', received 'root'"] },
      },
    },
    {
      name: "a body over 1 MiB",
      send: () => worker.postJson("/users", { email: "eve@example.com", name: "x".repeat(1024 * 1024) }),
      status: 413,
    },
    {
      name: "a post with an authorId that is not an integer",
      send: () => worker.postJson("/posts", { authorId: 1.5, title: "Float", body: "x" }),
      status: 400,
      body: { formErrors: [], fieldErrors: { authorId: ["Expected integer, received float"] } },
    },
    {
      name: "a post whose title is too short and body empty",
      send: () => worker.postJson("/posts", { authorId: 1, title: "ab", body: "" }),
      status: 400,
      body: {
        formErrors: [],
        fieldErrors: {
          title: ["String must contain at least 3 character(s)"],
          body: ["String must contain at least 1 character(s)"],
        },
      },
    },
    // Text no database stores alike: refused by the validator, the same 400 on both backends.
    {
      name: "a name holding U+0000 (Postgres refuses it, D1 would keep it)",
      send: () => worker.postJson("/users", String.raw`{"email":"e1@example.com","name":"a\u0000b"}`),
      status: 400,
      body: { formErrors: [], fieldErrors: { name: [NUL] } },
    },
    {
      name: "a name holding a lone surrogate (Postgres refuses it, D1 would store U+FFFD)",
      send: () => worker.postJson("/users", String.raw`{"email":"e1@example.com","name":"\ud800"}`),
      status: 400,
      body: { formErrors: [], fieldErrors: { name: [surrogate("U+D800")] } },
    },
    {
      name: "U+0000 and a lone low surrogate in two fields, and an enum holding U+0000",
      send: () =>
        worker.postJson("/users", String.raw`{"email":"e1\u0000@example.com","name":"x\udc00y","role":"admin\u0000"}`),
      status: 400,
      body: { formErrors: [], fieldErrors: { email: [NUL], name: [surrogate("U+DC00")], role: [NUL] } },
    },
    {
      name: "an update whose name holds a high surrogate without its pair",
      send: () => worker.postJson("/users/1", String.raw`{"name":"Alice \ud83d"}`, "PATCH"),
      status: 400,
      body: { formErrors: [], fieldErrors: { name: [surrogate("U+D83D")] } },
    },
    {
      name: "a post body holding U+0000",
      send: () => worker.postJson("/posts", String.raw`{"authorId":1,"title":"Nul","body":"\u0000"}`),
      status: 400,
      body: { formErrors: [], fieldErrors: { body: [NUL] } },
    },
    {
      name: "a surrogate's bytes sent raw (not UTF-8, so not JSON)",
      send: () =>
        worker.request("/users", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: new Uint8Array([...Buffer.from('{"email":"e1@example.com","name":"'), 0xed, 0xa0, 0x80, ...Buffer.from('"}')]),
        }),
      status: 400,
      body: { error: "invalid JSON body" },
    },
    {
      name: "a non-integer id in the path",
      send: () => worker.postJson("/users/abc", { name: "X" }, "PATCH"),
      status: 400,
    },
  ];

  for (const c of cases) {
    test(`rejects ${c.name}`, async () => {
      const before = await worker.snapshot();
      const res = await c.send();
      assert.equal(res.status, c.status);
      assert.match(res.headers.get("content-type") ?? "", /^application\/json/);
      const body = await res.json();
      if (c.body) assert.deepEqual(body, c.body);
      else assert.equal(typeof body.error, "string");
      assert.deepEqual(await worker.snapshot(), before, "the database is unchanged");
    });
  }
});
