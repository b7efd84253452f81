// 10 MB of distinct unknown keys through the real module's validator, in both modes: read in
// one pass (bench/validator-width.mjs records the time against ordinary members).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";

import { Core, STATUS_INVALID, STATUS_OK } from "../../../bindings/loader.js";

const root = new URL("../../../", import.meta.url);
const core = new Core(new WebAssembly.Module(readFileSync(new URL("bindings/sluice.wasm", root))));
const schemaId = JSON.parse(core.loadSchema(readFileSync(new URL("tests/cpp/fixtures/tutorial_schema.json", root), "utf8")).text).schema;
const validator = (unknownKeys) =>
  JSON.parse(core.registerValidator(schemaId, JSON.stringify({ table: "users", unknownKeys })).text).validator;

const parts = ['{"email":"a@b.co","name":"A"'];
let size = parts[0].length;
let keys = 0;
while (size < 10_000_000) {
  const member = `,"k${keys++}":0`;
  parts.push(member);
  size += member.length;
}
const body = parts.join("") + ',"k0":1,"k1":2}';

describe("10 MB of distinct unknown keys", () => {
  it("are stripped", () => {
    const { status, text } = core.validate(validator("strip"), body, false);
    assert.equal(status, STATUS_OK);
    assert.equal(JSON.parse(text).email, "a@b.co");
  });

  it("are each named once, in order, in strict mode", () => {
    const { status, text } = core.validate(validator("strict"), body, false);
    assert.equal(status, STATUS_INVALID);
    const [message] = JSON.parse(text).formErrors;
    const named = message.slice("Unrecognized key(s) in object: ".length).split(", ");
    assert.equal(named.length, keys);
    assert.deepEqual([named[0], named[1], named.at(-1)], ["'k0'", "'k1'", `'k${keys - 1}'`]);
  });
});
