// Timeouts and AbortSignals on both drivers and every way of giving them: the driver's
// options, a query's .timeout(), a batch's options. A hang ends in a typed error; no timer
// is made when nothing is bounded.
import assert from "node:assert/strict";
import { afterEach, describe, it, mock } from "node:test";

import * as schema from "../../../worker/app/schema.js";
import { users } from "../../../worker/app/schema.js";
import { d1 } from "../../../worker/drivers/d1.js";
import { neonHttp } from "../../../worker/drivers/neon-http.js";
import { SluiceError, TransportError, createDb, eq } from "../../../worker/index.js";

const never = () => new Promise(() => {});
const URL_TEXT = "postgresql://u:p@ep-x.us-east-2.aws.neon.tech/app";

// A D1 binding whose every answer comes from `answer(method)`, counting the calls.
function binding(answer) {
  const calls = [];
  const statement = {
    bind: () => statement,
    raw: () => (calls.push("raw"), answer("raw")),
    run: () => (calls.push("run"), answer("run")),
    all: () => (calls.push("all"), answer("all")),
  };
  return { calls, prepare: () => statement, batch: (list) => (calls.push("batch"), answer("batch", list)) };
}

const healthyD1 = (method, list) => {
  if (method === "run") return Promise.resolve({ results: [], meta: { changes: 1 } });
  if (method === "batch") return Promise.resolve(list.map(() => ({ results: [], meta: { changes: 1 } })));
  return Promise.resolve([["[]"]]);
};

const timeoutOf = (committed) => (e) => e instanceof TransportError && e.kind === "timeout" && e.committed === committed;
const abortedOf = (committed) => (e) => e instanceof TransportError && e.kind === "aborted" && e.committed === committed;

describe("driver timeouts and signals", () => {
  afterEach(() => mock.restoreAll());

  it("makes no timer and adds no listener when nothing is bounded", async () => {
    const setTimeoutSpy = mock.method(globalThis, "setTimeout");
    const db = createDb({ schema, logger: false, driver: d1(binding(healthyD1)) });
    assert.deepEqual(await db.select().from(users), []);
    assert.deepEqual(await db.update(users).set({ name: "x" }), { rowsAffected: 1 });
    assert.equal(setTimeoutSpy.mock.callCount(), 0);
  });

  it("clears its timer once the answer is in", async () => {
    const cleared = mock.method(globalThis, "clearTimeout");
    const db = createDb({ schema, logger: false, driver: d1(binding(healthyD1), { timeoutMs: 60_000 }) });
    assert.deepEqual(await db.select().from(users), []);
    assert.equal(cleared.mock.callCount(), 1);
  });

  it("times out a D1 call that never settles; a read says nothing was committed", async () => {
    const db = createDb({ schema, logger: false, driver: d1(binding(never), { timeoutMs: 20 }) });
    await assert.rejects(db.select().from(users), timeoutOf(false));
    await assert.rejects(db.select().from(users).bytes(), timeoutOf(false));
    await assert.rejects(db.$count(users), timeoutOf(false));
    await assert.rejects(db.query.users.findFirst(), timeoutOf(false));
  });

  it("says a timed-out write may or may not have happened", async () => {
    const db = createDb({ schema, logger: false, driver: d1(binding(never), { timeoutMs: 20 }) });
    await assert.rejects(db.insert(users).values({ email: "a@x.org", name: "A" }), timeoutOf("unknown"));
    await assert.rejects(db.update(users).set({ name: "x" }).where(eq(users.id, 1)).returning(), timeoutOf("unknown"));
    await assert.rejects(db.delete(users), timeoutOf("unknown"));
    await assert.rejects(db.batch([db.select().from(users), db.delete(users)]), timeoutOf("unknown"));
    await assert.rejects(db.batch([db.select().from(users), db.$count(users)]), timeoutOf(false));
  });

  it("bounds one query by .timeout(), over the driver's timeoutMs", async () => {
    const db = createDb({ schema, logger: false, driver: d1(binding(never), { timeoutMs: 60_000 }) });
    const started = Date.now();
    await assert.rejects(db.select().from(users).timeout(20), timeoutOf(false));
    await assert.rejects(db.select().from(users).where(eq(users.id, 1)).timeout(20).prepare("p").execute(), timeoutOf(false));
    assert.ok(Date.now() - started < 5000);
  });

  it("bounds a batch by its options, else by the shortest .timeout() of its queries", async () => {
    const db = createDb({ schema, logger: false, driver: d1(binding(never)) });
    await assert.rejects(db.batch([db.select().from(users).timeout(60_000), db.$count(users).timeout(20)]), timeoutOf(false));
    await assert.rejects(db.batch([db.select().from(users).timeout(60_000)], { timeoutMs: 20 }), timeoutOf(false));
  });

  it("rejects with kind aborted when a signal fires, and sends nothing for a signal already fired", async () => {
    const b = binding(never);
    const controller = new AbortController();
    const db = createDb({ schema, logger: false, driver: d1(b, { signal: controller.signal }) });
    const pending = db.insert(users).values({ email: "a@x.org", name: "A" });
    const settled = assert.rejects(pending, abortedOf("unknown"));
    setTimeout(() => controller.abort(new Error("client went away")), 5);
    await settled;
    const callsBefore = b.calls.length;
    await assert.rejects(db.insert(users).values({ email: "a@x.org", name: "A" }), abortedOf(false));
    await assert.rejects(db.batch([db.delete(users)], { signal: AbortSignal.abort() }), abortedOf(false));
    assert.equal(b.calls.length, callsBefore, "nothing was sent");
  });

  it("hands neonHttp's fetch a signal that a timeout aborts, and a timeout error", async () => {
    const seen = [];
    const fetch = (url, init) => {
      seen.push(init.signal);
      return never();
    };
    const db = createDb({ schema, logger: false, driver: neonHttp({ connectionString: URL_TEXT, fetch, timeoutMs: 20 }) });
    await assert.rejects(db.update(users).set({ name: "x" }), timeoutOf("unknown"));
    assert.equal(seen.length, 1);
    assert.equal(seen[0].aborted, true, "the request is cancelled");
  });

  it("aborts neonHttp's fetch with the caller's signal", async () => {
    const controller = new AbortController();
    let signal;
    const fetch = (url, init) => {
      signal = init.signal;
      return new Promise((_, reject) => init.signal.addEventListener("abort", () => reject(init.signal.reason)));
    };
    const db = createDb({ schema, logger: false, driver: neonHttp({ connectionString: URL_TEXT, fetch, signal: controller.signal }) });
    const settled = assert.rejects(db.select().from(users), abortedOf(false));
    setTimeout(() => controller.abort(), 5);
    await settled;
    assert.equal(signal.aborted, true);
  });

  it("sends no signal to fetch when nothing is bounded", async () => {
    let init;
    const fetch = async (url, given) => {
      init = given;
      return new Response('{"fields":[],"rows":[],"command":"UPDATE","rowCount":2}');
    };
    const db = createDb({ schema, logger: false, driver: neonHttp({ connectionString: URL_TEXT, fetch }) });
    assert.deepEqual(await db.update(users).set({ name: "x" }), { rowsAffected: 2 });
    assert.equal("signal" in init, false);
  });

  it("refuses timeouts and signals that cannot be used", async () => {
    const db = createDb({ schema, logger: false, driver: d1(binding(healthyD1)) });
    for (const ms of [0, -1, 1.5, Number.NaN, 2 ** 31, "100", null]) {
      assert.throws(() => db.select().from(users).timeout(ms), (e) => e instanceof SluiceError && e.code === "invalid_value", String(ms));
      assert.throws(() => d1(binding(healthyD1), { timeoutMs: ms }), (e) => e instanceof TransportError && e.kind === "configuration");
      assert.throws(() => neonHttp({ connectionString: URL_TEXT, timeoutMs: ms }), (e) => e instanceof TransportError && e.kind === "configuration");
      await assert.rejects(db.batch([db.$count(users)], { timeoutMs: ms }), (e) => e instanceof SluiceError && e.code === "invalid_value");
    }
    assert.throws(() => d1(binding(healthyD1), { signal: {} }), (e) => e instanceof TransportError && e.kind === "configuration");
    await assert.rejects(db.batch([db.$count(users)], { signal: "stop" }), (e) => e instanceof SluiceError && e.code === "invalid_value");
  });
});
