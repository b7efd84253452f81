// Runs every fault against every kind of query. A query under a fault either rejects with a
// TransportError of the fault's kind that names its statement and says whether its write was
// committed, or resolves to exactly what it resolves to without the fault (the fault touched
// nothing the query reads). Never a raw TypeError, never a different value. Faults marked
// `rejects` must reject whatever the query.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { TransportError } from "../../../../worker/index.js";
import { QUERIES, reseed } from "./queries.js";

const text = new TextDecoder();
// A query that hangs fails its case instead of stalling the suite.
const CASE_TIMEOUT_MS = 5000;

// Bytes compare as their text; everything else as it is.
const comparable = (value) => (value instanceof Uint8Array ? text.decode(value) : value);

/**
 * What a write's error must say about its commit: the fault's `committed`; reads never wrote.
 * @param {{ committed: boolean | "unknown" }} fault
 */
const committedFor = (fault, query) => (query.writes ? fault.committed : false);

/**
 * @param {{ name: string, start: () => Promise<{ db: (fault?: object) => { db: object, fired: () => boolean },
 *   clear: () => Promise<void>, stop: () => Promise<void> }>, faults: object[], minimumRejected: number }} options
 */
export function faultMatrix({ name, start, faults, minimumRejected }) {
  describe(name, () => {
    let backend;
    const healthy = new Map();
    let rejected = 0;

    before(async () => {
      backend = await start();
      for (const [queryName, query] of Object.entries(QUERIES)) {
        const { db } = backend.db();
        await reseed(db, backend.clear);
        healthy.set(queryName, comparable(await query.run(db)));
      }
    });
    after(() => backend?.stop());

    for (const fault of faults) {
      for (const [queryName, query] of Object.entries(QUERIES)) {
        it(`${fault.name} · ${queryName}`, { timeout: CASE_TIMEOUT_MS }, async () => {
          await reseed(backend.db().db, backend.clear);
          const { db, fired } = backend.db(fault);
          let outcome;
          try {
            outcome = { value: comparable(await query.run(db)) };
          } catch (error) {
            outcome = { error };
          }
          if (outcome.error === undefined) {
            assert.ok(!fault.rejects, `resolved under a fault that must reject: ${JSON.stringify(outcome.value)}`);
            assert.deepEqual(outcome.value, healthy.get(queryName), fired() ? "a wrong value under the fault" : "a wrong value without the fault");
            return;
          }
          const e = outcome.error;
          assert.ok(e instanceof TransportError, `not a TransportError: ${e?.name}: ${e?.message}`);
          assert.ok(fired(), `rejected though the fault never fired: ${e.message}`);
          assert.equal(e.kind, fault.kind, e.message);
          assert.equal(e.committed, committedFor(fault, query), `committed, for: ${e.message}`);
          assert.equal(typeof e.sql, "string");
          assert.ok(e.sql.length > 0, "the error names the statement");
          rejected++;
        });
      }
    }

    it(`rejects at least ${minimumRejected} faulty calls with typed errors`, (t) => {
      t.diagnostic(`${rejected} faulty calls rejected with typed errors`);
      assert.ok(rejected >= minimumRejected, `${rejected} rejected`);
    });
  });
}
