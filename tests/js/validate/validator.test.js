import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { posts, users } from "../../../worker/app/schema.js";
import { createInsertSchema, createUpdateSchema } from "../../../worker/index.js";

describe("validator spec recording", () => {
  it("records refinement chains in call order", () => {
    const v = createInsertSchema(users, {
      email: (s) => s.email().max(320),
      name: (s) => s.min(1).max(100).regex(/^[a-z]+$/i),
    });
    const spec = v.spec();
    assert.equal(spec.mode, "insert");
    assert.equal(spec.unknownKeys, "strip");
    assert.deepEqual(spec.refine, {
      email: [{ check: "email" }, { check: "max", value: 320 }],
      name: [
        { check: "min", value: 1 },
        { check: "max", value: 100 },
        { check: "regex", pattern: "^[a-z]+$", flags: "i" },
      ],
    });
  });

  it("omit, pick, strict and partial return new validators", () => {
    const base = createInsertSchema(posts, { title: (s) => s.min(3).max(200), authorId: (s) => s.int().gt(0) });
    const derived = base.omit({ id: true, createdAt: true }).strict();
    assert.notEqual(derived, base);
    assert.equal(base.spec().omit, undefined);
    assert.deepEqual(derived.spec().omit, ["id", "createdAt"]);
    assert.equal(derived.spec().unknownKeys, "strict");
    assert.equal(derived.partial().spec().mode, "update");
    assert.deepEqual(base.pick({ title: true, body: true }).pick({ title: true }).spec().pick, ["title"]);
    assert.equal(createUpdateSchema(posts).spec().mode, "update");
    assert.deepEqual(derived.spec().refine.authorId, [{ check: "int" }, { check: "gt", value: 0 }]);
  });

  it("names the schema and table the core knows", () => {
    const spec = createInsertSchema(users).spec();
    assert.equal(typeof spec.schema, "number");
    assert.equal(spec.table, "users");
  });

  it("rejects unknown keys and refinements that do not chain", () => {
    assert.throws(() => createInsertSchema(users, { nope: (s) => s.min(1) }), { code: "unknown_column" });
    assert.throws(() => createInsertSchema(users).omit({ nope: true }), { code: "unknown_column" });
    assert.throws(() => createInsertSchema(users, { name: () => ({}) }), { code: "invalid_value" });
    assert.throws(() => createInsertSchema(users, { name: (s) => s.min("1") }), { code: "invalid_value" });
  });
});
