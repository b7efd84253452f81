// The hostile-input suite: every request below is refused by the reference Worker on both
// backends with a 4xx JSON answer naming the problem, and every row of every table is the
// same after it as before.
import assert from "node:assert/strict";
import { before, test } from "node:test";

import { describeBackends } from "../support/reference-worker.js";
import { assertRefusal } from "./answer-checks.js";
import { bodyCases } from "./cases/bodies.js";
import { fieldCases } from "./cases/fields.js";
import { routeCases } from "./cases/routes.js";
import { fetchInit } from "./request.js";

const CASES = [...bodyCases(), ...fieldCases(), ...routeCases()];

test(`the suite sends at least 200 hostile requests per backend (${CASES.length})`, () => {
  assert.ok(CASES.length >= 200);
  assert.equal(new Set(CASES.map((c) => c.name)).size, CASES.length, "case names are unique");
});

// Nothing runs between two cases, so the snapshot after one case is the snapshot before the
// next: one snapshot per case, compared with the one before it.
describeBackends((worker) => {
  let previous;
  before(async () => {
    previous = await worker.snapshot();
  });
  for (const c of CASES) {
    test(c.name, async () => {
      const unchanged = previous;
      try {
        await assertRefusal(await worker.request(c.request.path, fetchInit(c.request)), c);
      } finally {
        previous = await worker.snapshot();
      }
      assert.deepEqual(previous, unchanged, "the database is unchanged");
    });
  }
});
