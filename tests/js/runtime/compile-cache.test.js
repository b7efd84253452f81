import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { Core } from "../../../bindings/loader.js";
import * as schema from "../../../worker/app/schema.js";
import { users } from "../../../worker/app/schema.js";
import { createDb, eq } from "../../../worker/index.js";
import { recordingDriver } from "../helpers.js";

// The cache's contract is with the core's answer shape (docs/internals.md §2), so the core's
// compile and decode are stood in for here; the integration tests run the real ones.
describe("compile cache", () => {
  const original = { compile: Core.prototype.compile, decode: Core.prototype.decode };
  const compiled = [];
  const decoded = [];
  let returns = "rows";

  before(() => {
    Core.prototype.compile = function (schemaId, specText) {
      compiled.push(specText);
      return {
        status: 0,
        text: JSON.stringify({
          plan: 7,
          result: "rows",
          timestampKeys: ["createdAt"],
          statements: [
            {
              sql: "select ... where id = ? limit ?",
              params: [{ ref: 0, type: "integer" }, { value: true, type: "boolean" }, { ref: 1, type: "integer" }],
              returns,
            },
          ],
        }),
      };
    };
    Core.prototype.decode = (plan, format, input, asBytes) => {
      decoded.push(input);
      const text = '[{"id":1,"createdAt":"2024-01-01T00:00:00.000Z"}]';
      return asBytes ? { status: 0, bytes: new TextEncoder().encode(text) } : { status: 0, text };
    };
  });

  after(() => Object.assign(Core.prototype, original));

  it("compiles one shape once and re-encodes only the parameters", async () => {
    const driver = recordingDriver("sqlite", () => "[[1]]");
    const db = createDb({ schema, driver });
    const first = await db.select().from(users).where(eq(users.id, 1)).limit(3);
    const second = await db.select().from(users).where(eq(users.id, 2)).limit(4);
    assert.equal(compiled.length, 1);
    assert.deepEqual(driver.calls.map(([s]) => s.params), [[1, 1, 3], [2, 1, 4]]);
    assert.deepEqual(driver.calls.map(([s]) => s.returns), ["rows", "rows"]);
    assert.ok(first[0].createdAt instanceof Date);
    assert.equal(second[0].createdAt.toISOString(), "2024-01-01T00:00:00.000Z");
  });

  it("hands .bytes() the core's output untouched", async () => {
    const db = createDb({ schema, driver: recordingDriver("sqlite", () => "[[1]]") });
    const bytes = await db.select().from(users).where(eq(users.id, 9)).limit(1).bytes();
    assert.ok(bytes instanceof Uint8Array);
    assert.equal(new TextDecoder().decode(bytes), '[{"id":1,"createdAt":"2024-01-01T00:00:00.000Z"}]');
    assert.equal(compiled.length, 1);
  });

  it("logs each statement with its encoded parameters", async () => {
    const logged = [];
    const db = createDb({ schema, driver: recordingDriver(), logger: { logQuery: (sql, params) => logged.push([sql, params]) } });
    await db.select().from(users).where(eq(users.id, 5)).limit(2);
    assert.deepEqual(logged, [["select ... where id = ? limit ?", [5, 1, 2]]]);
  });

  it("passes a final JSON statement's text through without decoding", async () => {
    returns = "json";
    decoded.length = 0;
    const text = '[{"id":3,"createdAt":"2025-02-03T04:05:06.789Z"}]';
    const db = createDb({ schema, driver: recordingDriver("sqlite", () => text) });
    const query = () => db.select().from(users).where(eq(users.id, 3)).limit(1).offset(0);
    assert.equal(new TextDecoder().decode(await query().bytes()), text);
    const rows = await query();
    assert.equal(rows[0].createdAt.toISOString(), "2025-02-03T04:05:06.789Z");
    assert.deepEqual(decoded, []);
    returns = "rows";
  });
});
