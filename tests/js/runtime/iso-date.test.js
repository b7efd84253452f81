// isoDate is new Date(text), only cheaper for the canonical spelling.
import assert from "node:assert/strict";
import { test } from "node:test";

import { isoDate } from "../../../worker/runtime/iso-date.js";

const same = (text) => {
  const expected = new Date(text).getTime();
  const actual = isoDate(text).getTime();
  assert.ok(Object.is(actual, expected), `${text}: ${actual} instead of ${expected}`);
};

test("canonical timestamps across the four-digit years give the instant new Date gives", () => {
  for (let ms = Date.UTC(100, 0, 1); ms < Date.UTC(9999, 11, 31); ms += 86_400_000 * 97 + 3_600_000 * 5 + 61_001) {
    same(new Date(ms).toISOString());
  }
  for (const text of ["1970-01-01T00:00:00.000Z", "2024-02-29T23:59:59.999Z", "1969-12-31T23:59:59.999Z", "0100-01-01T00:00:00.000Z"]) same(text);
});

test("every other spelling is left to new Date, whatever it makes of it", () => {
  for (const text of [
    "2024-02-30T00:00:00.000Z", // rolled over to March 1 by V8, not by isoDate
    "2023-02-29T12:00:00.000Z",
    "0050-06-01T00:00:00.000Z", // Date.UTC would read the year as 1950
    "0000-01-01T00:00:00.000Z",
    "+275760-09-13T00:00:00.000Z",
    "-000001-01-01T00:00:00.000Z",
    "2024-13-01T00:00:00.000Z",
    "2024-01-01T24:00:00.000Z",
    "2024-01-01T23:60:00.000Z",
    "2024-01-01T23:59:60.000Z",
    "2024-01-01T00:00:00.000+01:00",
    "2024-01-01 00:00:00.000Z",
    "2024-01-01T00:00:00Z",
    "2024-01-0xT00:00:00.000Z",
    "2024-01-01T00:00:00.00aZ",
    "not a date at all, 24 ch",
    "",
  ]) {
    same(text);
  }
});
