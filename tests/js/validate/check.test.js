// Validators run by the core: check() on request bytes, safeParse() and parse() on values.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { posts, users } from "../../../worker/app/schema.js";
import { ValidationError, createInsertSchema, createUpdateSchema } from "../../../worker/index.js";

const encode = (value) => new TextEncoder().encode(JSON.stringify(value));
const decode = (bytes) => JSON.parse(new TextDecoder().decode(bytes));

const insertUser = createInsertSchema(users, {
  email: (s) => s.email().max(320),
  name: (s) => s.min(1).max(100),
})
  .omit({ id: true, createdAt: true, updatedAt: true })
  .strict();

describe("check()", () => {
  it("accepts a body and returns the object", () => {
    const out = insertUser.check(encode({ email: "a@x.org", name: "A" }));
    assert.deepEqual(out, { success: true, data: { email: "a@x.org", name: "A" } });
  });

  it("takes ArrayBuffers and strings too", () => {
    const bytes = encode({ email: "a@x.org", name: "A" });
    assert.equal(insertUser.check(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)).success, true);
    assert.equal(insertUser.check('{"email":"a@x.org","name":"A"}').success, true);
  });

  it("rejects with a 400 and zod's flatten() as bytes, collecting every issue", () => {
    const out = insertUser.check(encode({ email: "bad", name: "" }));
    assert.equal(out.success, false);
    assert.equal(out.status, 400);
    const flat = decode(out.body);
    assert.deepEqual(flat.formErrors, []);
    assert.deepEqual(Object.keys(flat.fieldErrors).sort(), ["email", "name"]);
    assert.deepEqual(flat.fieldErrors.email, ["Invalid email"]);
  });

  it("answers malformed JSON with a fixed body", () => {
    const out = insertUser.check(new TextEncoder().encode("{nope"));
    assert.equal(out.success, false);
    assert.equal(out.status, 400);
    assert.deepEqual(decode(out.body), { error: "invalid JSON body" });
  });

  it("strict() rejects unknown keys; the default strips them", () => {
    assert.equal(insertUser.check(encode({ email: "a@x.org", name: "A", admin: true })).success, false);
    const loose = createInsertSchema(users).omit({ id: true });
    const out = loose.check(encode({ email: "a@x.org", name: "A", admin: true }));
    assert.equal(out.success, true);
    assert.equal("admin" in out.data, false);
  });

  it("revives timestamps as Date", () => {
    const out = createInsertSchema(posts).check(
      encode({ authorId: 1, title: "T", body: "B", createdAt: "2024-01-01T10:00:00.000Z" }),
    );
    assert.equal(out.success, true);
    assert.ok(out.data.createdAt instanceof Date);
    assert.equal(out.data.createdAt.toISOString(), "2024-01-01T10:00:00.000Z");
  });
});

describe("safeParse() and parse()", () => {
  it("safeParse returns data or an error with flatten()", () => {
    assert.deepEqual(insertUser.safeParse({ email: "a@x.org", name: "A" }), { success: true, data: { email: "a@x.org", name: "A" } });
    const out = insertUser.safeParse({ email: "a@x.org" });
    assert.equal(out.success, false);
    assert.ok(out.error instanceof ValidationError);
    assert.deepEqual(Object.keys(out.error.flatten().fieldErrors), ["name"]);
  });

  it("parse throws ValidationError", () => {
    assert.throws(() => insertUser.parse({ email: 1, name: "A" }), ValidationError);
    assert.deepEqual(insertUser.parse({ email: "a@x.org", name: "A" }), { email: "a@x.org", name: "A" });
  });

  it("partial() and update schemas make every key optional", () => {
    assert.equal(insertUser.partial().safeParse({}).success, true);
    assert.equal(createUpdateSchema(users).safeParse({ name: "B" }).success, true);
    assert.equal(createUpdateSchema(users, { name: (s) => s.min(2) }).safeParse({ name: "B" }).success, false);
  });
});
