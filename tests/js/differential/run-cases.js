// Runs every case of cases/ through drizzle-orm and through sluice on one dialect's database
// and compares the answers as JSON. A read case compares the two results; a write case runs
// each library's write on a fresh seed and compares what it returned (when it returned rows)
// and then every table's contents. Cases for features still being built are listed as skipped,
// each with the feature it waits for.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import * as drizzleOrm from "drizzle-orm";
import * as drizzlePg from "drizzle-orm/pg-core";
import * as drizzleSqlite from "drizzle-orm/sqlite-core";

import * as sluiceOps from "../../../worker/index.js";
import * as sluiceSchema from "./schema-sluice.js";
import { CASES, PENDING } from "./cases/index.js";

// Independent reads in flight together: each library's client spends most of a query waiting
// on the database's process.
const READS_AT_ONCE = 8;

const DRIZZLE_OPS = { sqlite: { ...drizzleSqlite, ...drizzleOrm }, postgres: { ...drizzlePg, ...drizzleOrm } };

// Dates become ISO strings and undefined members vanish, as in an HTTP answer.
const asJson = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

const sortedByJson = (rows) =>
  rows
    .map((row) => [JSON.stringify(row), row])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, row]) => row);

function comparable(kase, value) {
  const json = asJson(value);
  return kase.unordered && Array.isArray(json) ? sortedByJson(json) : json;
}

// A write's answer is compared when it is rows (`returning`); the libraries' summaries of a
// write without it (D1's meta, Neon's result object, sluice's { rowsAffected }) differ by design.
const writeAnswer = (kase, value) => (Array.isArray(value) ? comparable(kase, value) : "no rows returned");

/**
 * @param {"sqlite" | "postgres"} dialect
 * @param {() => Promise<object>} start startSqlite or startPostgres from databases.js
 */
export function differentialSuite(dialect, start) {
  let env;
  let dirty = false;
  const drizzle = (kase) => kase.query(env.drizzle, env.drizzleSchema, DRIZZLE_OPS[dialect], dialect);
  const sluice = (kase) => kase.query(env.sluice, sluiceSchema, sluiceOps, dialect);

  // Reads share the seed and run side by side; a write has the databases to itself and leaves
  // them dirty, so the next write starts from a fresh seed.
  async function answer(kase, side) {
    if (!kase.write) return comparable(kase, await side(kase));
    if (dirty) await env.reset();
    dirty = true;
    const returned = writeAnswer(kase, await side(kase));
    return { returned, tables: asJson(await env.snapshot()) };
  }

  async function check(kase) {
    const wrong = kase.drizzleWrong?.[dialect];
    if (wrong === undefined) {
      const [expected, actual] = await both(
        kase,
        () => answer(kase, drizzle),
        () => answer(kase, sluice),
      );
      assert.deepStrictEqual(actual, expected);
      return;
    }
    // Drizzle's own answer is wrong here: sluice must give the reference's, and drizzle must
    // still be wrong (fail or differ), or the exception is stale.
    const [expected, actual, drizzleAnswer] = await both(
      kase,
      () => answer({ ...kase, query: wrong.reference }, drizzle),
      () => answer(kase, sluice),
      () => answer(kase, drizzle).catch((error) => `throws: ${error.message}`),
    );
    assert.deepStrictEqual(actual, expected);
    assert.notDeepStrictEqual(drizzleAnswer, expected, `drizzle is right now (${wrong.why}): remove the exception`);
  }

  // A read's answers are fetched at once; a write's one after the other.
  async function both(kase, ...runs) {
    if (!kase.write) return Promise.all(runs.map((run) => run()));
    const answers = [];
    for (const run of runs) answers.push(await run());
    return answers;
  }

  const applies = (kase) => kase.dialects === undefined || kase.dialects.includes(dialect);

  // Reads, then writes, then the skipped: a write must never run beside a read.
  describe(`differential (${dialect})`, { concurrency: 1 }, () => {
    before(async () => {
      env = await start();
    });
    after(() => env?.stop());

    const [reads, writes] = [false, true].map((write) => CASES.filter((c) => applies(c) && Boolean(c.write) === write));
    describe("reads", { concurrency: READS_AT_ONCE }, () => {
      for (const kase of reads) test(kase.name, () => check(kase));
    });
    describe("writes", { concurrency: 1 }, () => {
      for (const kase of writes) test(kase.name, () => check(kase));
    });
    for (const kase of PENDING.filter(applies)) {
      test(kase.name, { skip: `waits for ${kase.waitsFor}` }, () => check(kase));
    }
  });
}
