import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { users } from "../../../worker/app/schema.js";
import { encodeParams, encoderFor } from "../../../worker/runtime/params.js";

const when = new Date("2024-01-02T03:04:05.006Z");

describe("sqlite parameter encoding", () => {
  const enc = (type, value, column) => encoderFor("sqlite", type)(value, column);

  it("booleans as 1/0", () => {
    assert.equal(enc("boolean", true), 1);
    assert.equal(enc("boolean", false), 0);
    assert.equal(enc("any", true), 1);
  });

  it("timestamps as epoch milliseconds, from Date, ISO text or a number", () => {
    assert.equal(enc("timestamp", when), when.getTime());
    assert.equal(enc("timestamp", "2024-01-02T03:04:05.006Z"), when.getTime());
    assert.equal(enc("timestamp", when.getTime()), when.getTime());
    assert.equal(enc("any", when), when.getTime());
  });

  it("rejects invalid timestamps with a typed error naming the column", () => {
    assert.throws(() => enc("timestamp", "yesterday", users.createdAt), {
      name: "SluiceError",
      code: "invalid_value",
      path: ["users", "createdAt"],
      message: /users\.createdAt/,
    });
    assert.throws(() => enc("timestamp", new Date(NaN)), { code: "invalid_value" });
  });

  it("dates, json, bigint and text", () => {
    assert.equal(enc("date", when), "2024-01-02");
    assert.equal(enc("date", "2024-01-02"), "2024-01-02");
    assert.throws(() => enc("date", "2 Jan"), { code: "invalid_value" });
    assert.equal(enc("json", { a: [1, "x"] }), '{"a":[1,"x"]}');
    assert.equal(enc("json", "s"), '"s"');
    assert.equal(enc("bigint", 12345678901234567890n), "12345678901234567890");
    assert.equal(enc("any", 5n), "5");
    assert.equal(enc("integer", 7), 7);
    assert.equal(enc("integer", "7"), 7);
    assert.throws(() => enc("integer", 1.5), { code: "invalid_value" });
    // D1 would store a bound 7 as "7.0" in a TEXT column.
    assert.equal(enc("text", 7), "7");
  });

  it("null stays null; undefined is an error naming the column", () => {
    assert.equal(enc("text", null), null);
    assert.throws(() => enc("text", undefined, users.email), { code: "invalid_value", message: /users\.email.*undefined/ });
  });
});

describe("postgres parameter encoding", () => {
  const enc = (type, value) => encoderFor("postgres", type)(value);

  it("every non-null value as text", () => {
    assert.equal(enc("boolean", true), "true");
    assert.equal(enc("boolean", false), "false");
    assert.equal(enc("timestamp", when), "2024-01-02T03:04:05.006Z");
    assert.equal(enc("timestamp", "2024-01-02 03:04:05.006+00"), "2024-01-02 03:04:05.006+00");
    assert.equal(enc("integer", 42), "42");
    assert.equal(enc("bigint", 9007199254740993n), "9007199254740993");
    assert.equal(enc("real", 1.5), "1.5");
    assert.equal(enc("json", { a: 1 }), '{"a":1}');
    assert.equal(enc("date", when), "2024-01-02");
    assert.equal(enc("any", when), "2024-01-02T03:04:05.006Z");
    assert.equal(enc("any", { a: 1 }), '{"a":1}');
    assert.equal(enc("any", 3), "3");
    assert.equal(enc("text", null), null);
  });

  it("rejects invalid timestamps", () => {
    assert.throws(() => enc("timestamp", "not a time"), { code: "invalid_value" });
  });
});

describe("encodeParams", () => {
  it("mixes caller values and catalog constants", () => {
    const statement = {
      refs: [1, -1, 0],
      constants: [undefined, "viewer", undefined],
      encoders: [encoderFor("sqlite", "boolean"), encoderFor("sqlite", "text"), encoderFor("sqlite", "timestamp")],
    };
    assert.deepEqual(encodeParams(statement, [when, true], []), [1, "viewer", when.getTime()]);
  });
});
