import assert from "node:assert/strict";
import { describe, it } from "node:test";

import * as schema from "../../../worker/app/schema.js";
import { users } from "../../../worker/app/schema.js";
import { createDb, eq } from "../../../worker/index.js";
import { encodeParams, encoderFor } from "../../../worker/runtime/params.js";
import { recordingDriver } from "../helpers.js";

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

// U+0000 and unpaired surrogates: one refusal on both dialects, before anything is sent.
describe("text the databases cannot store", () => {
  const UNSTORABLE = [
    ["a\u0000b", /users\.name: must not contain U\+0000 \(NUL\)/],
    ["a\ud800b", /users\.name: must not contain an unpaired surrogate \(U\+D800\)/],
    ["\udc00\ud83d", /users\.name: must not contain an unpaired surrogate \(U\+DC00\)/],
    ["x\ud83d", /users\.name: must not contain an unpaired surrogate \(U\+D83D\)/],
  ];

  for (const dialect of ["sqlite", "postgres"]) {
    it(`${dialect}: a string with U+0000 or an unpaired surrogate, whatever the type, names the column`, () => {
      for (const type of ["text", "uuid", "numeric", "timestamp", "date", "json", "any"]) {
        for (const [value, message] of UNSTORABLE) {
          assert.throws(() => encoderFor(dialect, type)(value, users.name), {
            name: "SluiceError",
            code: "invalid_value",
            path: ["users", "name"],
            message,
          }, `${type} ${JSON.stringify(value)}`);
        }
      }
      assert.throws(() => encoderFor(dialect, "any")("\u0000"), { code: "invalid_value", message: /^a parameter: .*U\+0000/ });
    });

    it(`${dialect}: JSON values holding them, in strings or keys, are refused`, () => {
      for (const type of ["json", "any"]) {
        const enc = (value) => encoderFor(dialect, type)(value, users.name);
        assert.throws(() => enc({ a: ["x", { b: "\u0000" }] }), { code: "invalid_value", message: /U\+0000/ });
        assert.throws(() => enc({ "k\ud800": 1 }), { code: "invalid_value", message: /U\+D800/ });
        assert.throws(() => enc(["\\\ude00"]), { code: "invalid_value", message: /U\+DE00/ });
      }
    });

    it(`${dialect}: storable text is sent unchanged`, () => {
      const enc = (type, value) => encoderFor(dialect, type)(value);
      assert.equal(enc("text", "\ud83d\ude00 \\u0000 \u0001"), "\ud83d\ude00 \\u0000 \u0001");
      assert.equal(enc("json", { "\ud83d\ude00": "\\u0000", b: "\\\\ud800\u0001" }), '{"😀":"\\\\u0000","b":"\\\\\\\\ud800\\u0001"}');
      assert.equal(enc("any", "plain"), "plain");
    });
  }
});

describe("values bound without a validator", () => {
  for (const dialect of ["sqlite", "postgres"]) {
    it(`${dialect}: insert values, an update's set and a where value are refused before the driver runs`, async () => {
      const driver = recordingDriver(dialect);
      const db = createDb({ schema, driver });
      const refusals = [
        [() => db.insert(users).values({ email: "e1@example.com", name: "a\u0000b" }), ["users", "name"], /U\+0000/],
        [() => db.update(users).set({ name: "\ud800" }).where(eq(users.id, 1)), ["users", "name"], /U\+D800/],
        [() => db.select().from(users).where(eq(users.email, "x\u0000@example.com")), ["users", "email"], /U\+0000/],
      ];
      for (const [build, path, message] of refusals) {
        await assert.rejects(async () => build(), { name: "SluiceError", code: "invalid_value", path, message });
      }
      assert.deepEqual(driver.calls, []);
    });
  }
});
