// The D1 driver against a stand-in binding: what it calls and how it shapes payloads.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { d1 } from "../../../worker/drivers/d1.js";
import { DatabaseError, TransportError } from "../../../worker/index.js";

function fakeBinding({ raw = [], results = [], changes = 0, fail, batchResults } = {}) {
  const log = { prepared: [], bound: [], batches: 0 };
  const statement = (sql, params = []) => ({
    bind: (...values) => {
      log.bound.push(values);
      return statement(sql, values);
    },
    raw: async () => (fail ? Promise.reject(fail) : raw),
    run: async () => ({ meta: { changes } }),
    all: async () => ({ results }),
    sql,
    params,
  });
  return {
    log,
    prepare(sql) {
      log.prepared.push(sql);
      return statement(sql);
    },
    async batch(list) {
      log.batches++;
      if (fail) throw fail;
      return batchResults ?? list.map(() => ({ results, meta: { changes } }));
    },
  };
}

describe("d1 driver", () => {
  it("prepares each SQL text once per binding", async () => {
    const binding = fakeBinding({ raw: [['[[1]]']] });
    const statement = { sql: "select 1", params: [1], returns: "json" };
    assert.equal(await d1(binding).run(statement), "[[1]]");
    assert.equal(await d1(binding).run(statement), "[[1]]");
    assert.deepEqual(binding.log.prepared, ["select 1"]);
    assert.deepEqual(binding.log.bound, [[1], [1]]);
  });

  it("shapes payloads by what the statement returns", async () => {
    const binding = fakeBinding({ raw: [[1, "a"], [2, "b"]], results: [{ x: 1 }], changes: 3 });
    const driver = d1(binding);
    assert.equal(await driver.run({ sql: "r", params: [], returns: "rows" }), '[[1,"a"],[2,"b"]]');
    assert.deepEqual(await driver.run({ sql: "w", params: [], returns: "none" }), { rowsAffected: 3 });
    assert.deepEqual(await driver.run({ sql: "o", params: [], returns: "objects" }), [{ x: 1 }]);
    assert.equal(await d1(fakeBinding({ raw: [['[]']] })).run({ sql: "j", params: [], returns: "json" }), "[]");
    const objects = d1(fakeBinding({ raw: [['{"id":1}'], ['{"id":2}']] }));
    assert.deepEqual(await objects.run({ sql: "k", params: [], returns: "json_rows" }), ['{"id":1}', '{"id":2}']);
  });

  it("maps batch rows (objects) back to arrays in column order", async () => {
    const rows = [{ id: 1, email: "a" }, { id: 2, email: "b" }];
    const binding = fakeBinding({
      batchResults: [
        { results: rows, meta: { changes: 0 } },
        { results: [{ json: "[1]" }], meta: { changes: 0 } },
        { results: [], meta: { changes: 2 } },
        { results: [{ r: '{"id":1}' }, { r: '{"id":2}' }], meta: { changes: 2 } },
      ],
    });
    const payloads = await d1(binding).batch([
      { sql: "a", params: [], returns: "rows" },
      { sql: "b", params: [], returns: "json" },
      { sql: "c", params: [], returns: "none" },
      { sql: "d", params: [], returns: "json_rows" },
    ]);
    assert.deepEqual(payloads, ['[[1,"a"],[2,"b"]]', "[1]", { rowsAffected: 2 }, ['{"id":1}', '{"id":2}']]);
    assert.equal(binding.log.batches, 1);
  });

  it("turns failures into DatabaseError or TransportError with the SQL", async () => {
    const refused = new Error("D1_ERROR: no such table: nope: SQLITE_ERROR");
    await assert.rejects(d1(fakeBinding({ fail: refused })).run({ sql: "select * from nope", params: [], returns: "rows" }), (e) => {
      assert.ok(e instanceof DatabaseError);
      assert.equal(e.sql, "select * from nope");
      assert.equal(e.cause, refused);
      return true;
    });
    await assert.rejects(
      d1(fakeBinding({ fail: new Error("Network connection lost.") })).batch([{ sql: "a", params: [], returns: "rows" }]),
      TransportError,
    );
  });

  it("needs a binding", () => {
    assert.throws(() => d1({}), TransportError);
  });
});
