// A sluice validator is a Standard Schema (v1): what a library that takes any validator calls
// gets `{ value }` or `{ issues }` with each field's path, from the same checks as parse().
import assert from "node:assert/strict";
import { test } from "node:test";

import { users } from "../../../worker/app/schema.js";
import { insertUserSchema } from "../../../worker/app/validators.js";
import { createUpdateSchema } from "../../../worker/index.js";

/** What a consumer of the spec does: read `~standard`, check its version, call validate. */
async function validateWithAnyLibrary(schema, value) {
  const props = schema["~standard"];
  assert.equal(props.version, 1);
  assert.equal(typeof props.vendor, "string");
  return props.validate(value);
}

test("accepted input comes back as value, refined and typed as parse() gives it", async () => {
  const input = { email: "ada@example.com", name: "Ada" };
  assert.deepEqual(await validateWithAnyLibrary(insertUserSchema, input), { value: insertUserSchema.parse(input) });
});

test("rejected input comes back as issues, one per message, each with its field's path", async () => {
  const result = await validateWithAnyLibrary(insertUserSchema, { email: "nope", name: "", extra: 1 });
  const flat = insertUserSchema.safeParse({ email: "nope", name: "", extra: 1 }).error.flatten();
  const expected = [
    ...flat.formErrors.map((message) => ({ message })),
    ...Object.entries(flat.fieldErrors).flatMap(([key, messages]) => messages.map((message) => ({ message, path: [key] }))),
  ];
  assert.ok(expected.length >= 3, JSON.stringify(flat));
  assert.deepEqual(result, { issues: expected });
  assert.deepEqual(result.issues.filter((i) => i.path).map((i) => i.path[0]).sort(), ["email", "name"]);
});

test("a body that is not an object is a form-level issue", async () => {
  const { issues } = await validateWithAnyLibrary(createUpdateSchema(users), 42);
  assert.ok(issues.length > 0);
  assert.ok(issues.every((i) => i.path === undefined));
});
