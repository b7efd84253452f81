// Every double reads back exactly, on a real local D1 and on PostgreSQL behind the gateway:
// over a million random finite bit patterns plus the edge cases, stored and read back as
// `.bytes()` and as objects, top level, through a join, nested in a relation and returned by
// a write, each compared byte for byte with JSON.stringify of the doubles that went in.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { Miniflare } from "miniflare";

import { neonHttp } from "../../worker/drivers/neon-http.js";
import { d1 } from "../../worker/drivers/d1.js";
import {
  and,
  asc,
  avg,
  createDb,
  eq,
  gte,
  inArray,
  index,
  integer,
  lt,
  max,
  real,
  relations,
  sum,
  table,
} from "../../worker/index.js";
import { applySchemaToD1, applySchemaToPostgres } from "../../scripts/lib/schema-ddl.mjs";
import { startClusterWithGateway } from "../../scripts/lib/gateway.mjs";

const groups = table("groups", { id: integer("id").primaryKey(), value: real("value") });
const samples = table(
  "samples",
  {
    id: integer("id").primaryKey(),
    groupId: integer("group_id").notNull().references(() => groups.id),
    value: real("value"),
  },
  (t) => ({ groupIdx: index("samples_group_idx").on(t.groupId) }),
);
const groupsRelations = relations(groups, ({ many }) => ({ samples: many(samples) }));
const samplesRelations = relations(samples, ({ one }) => ({
  group: one(groups, { fields: [samples.groupId], references: [groups.id] }),
}));
const schema = { groups, samples, groupsRelations, samplesRelations };

const RANDOM = 1_000_000;
const PER_GROUP = 1000;
const PAGE = 20_000; // samples per read: D1 answers at most 2 MB of text per cell
const text = (bytes) => new TextDecoder().decode(bytes);

const EDGES = [
  0, -0, 5e-324, -5e-324, 2 ** -1022, 2 ** -1022 - 5e-324, 2.2250738585072014e-308, Number.MAX_VALUE,
  -Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53, 2 ** 53 - 1, 2 ** 53 + 2, -(2 ** 53 + 2), 2 ** 53 - 2,
  2 ** 60, 2 ** 63, 2 ** 64, 1e21, 1e21 - 65536, 1e20, 9.999999999999999e20, 1e-7, 1e-6, 1.5e-7,
  0.000001, 0.0000012345, 0.1 + 0.2, 0.1, 1 / 3, -2 / 3, Math.PI, Math.E, 1e23, 1e22, 123456789012345680000,
  4.35, 0.3, 100, -100.5, 1e300, 1e-300, 1.7976931348623157e308, 4.9406564584124654e-324,
  null,
];

// Random finite doubles from every bit pattern (xorshift128+, fixed seed: a failure reproduces).
function randomDoubles(count) {
  let s0 = 0x9e3779b97f4a7c15n;
  let s1 = 0xbf58476d1ce4e5b9n;
  const mask = (1n << 64n) - 1n;
  const view = new DataView(new ArrayBuffer(8));
  const out = [];
  while (out.length < count) {
    let x = s0;
    const y = s1;
    s0 = y;
    x = (x ^ (x << 23n)) & mask;
    s1 = x ^ y ^ (x >> 17n) ^ (y >> 26n);
    view.setBigUint64(0, (s1 + y) & mask);
    const v = view.getFloat64(0);
    if (Number.isFinite(v)) out.push(v);
  }
  return out;
}

const values = [...EDGES, ...randomDoubles(RANDOM)];
const groupCount = Math.ceil(values.length / PER_GROUP);
const groupValue = (g) => values[(g * 7919) % values.length];
const groupOf = (id) => Math.floor((id - 1) / PER_GROUP) + 1;

// The first difference of two long texts, with some context, instead of a megabyte diff.
function sameText(actual, expected, what) {
  if (actual === expected) return;
  let at = 0;
  while (at < actual.length && actual[at] === expected[at]) ++at;
  assert.fail(`${what}: differs at ${at}: got ${actual.slice(Math.max(at - 60, 0), at + 60)} want ${expected.slice(Math.max(at - 60, 0), at + 60)}`);
}

async function same(query, expected, what) {
  sameText(text(await query.bytes()), expected, `${what} (bytes)`);
  sameText(JSON.stringify(await query), expected, `${what} (objects)`);
}

const sampleRows = (from, to) => {
  const rows = [];
  for (let id = from; id < to && id <= values.length; ++id) rows.push({ id, value: values[id - 1] });
  return rows;
};

function roundTrips(backend) {
  let db;
  let stop;

  before(async () => {
    ({ db, stop } = await backend.start());
  });

  after(() => stop?.());

  it("reads every double back at the top level", async () => {
    for (let from = 1; from <= values.length; from += PAGE) {
      const query = db
        .select({ id: samples.id, value: samples.value })
        .from(samples)
        .where(and(gte(samples.id, from), lt(samples.id, from + PAGE)))
        .orderBy(asc(samples.id));
      await same(query, JSON.stringify(sampleRows(from, from + PAGE)), `samples ${from}`);
    }
  });

  it("reads every double back nested in a relation", async () => {
    const groupsPerPage = PAGE / PER_GROUP;
    for (let from = 1; from <= groupCount; from += groupsPerPage) {
      const query = db.query.groups.findMany({
        where: and(gte(groups.id, from), lt(groups.id, from + groupsPerPage)),
        orderBy: [asc(groups.id)],
        with: { samples: { columns: { value: true }, orderBy: [asc(samples.id)] } },
      });
      const expected = [];
      for (let g = from; g < from + groupsPerPage && g <= groupCount; ++g) {
        const nested = sampleRows((g - 1) * PER_GROUP + 1, g * PER_GROUP + 1).map(({ value }) => ({ value }));
        expected.push({ id: g, value: groupValue(g), samples: nested });
      }
      await same(query, JSON.stringify(expected), `groups ${from}`);
    }
  });

  it("reads doubles back through a join and a one relation", async () => {
    const to = 1 + PAGE / 10;
    await same(
      db
        .select()
        .from(samples)
        .innerJoin(groups, eq(groups.id, samples.groupId))
        .where(lt(samples.id, to))
        .orderBy(asc(samples.id)),
      JSON.stringify(
        sampleRows(1, to).map(({ id, value }) => ({
          samples: { id, groupId: groupOf(id), value },
          groups: { id: groupOf(id), value: groupValue(groupOf(id)) },
        })),
      ),
      "join",
    );
    await same(
      db.query.samples.findMany({
        columns: { id: true },
        where: lt(samples.id, to),
        orderBy: [asc(samples.id)],
        with: { group: { columns: { value: true } } },
      }),
      JSON.stringify(sampleRows(1, to).map(({ id }) => ({ id, group: { value: groupValue(groupOf(id)) } }))),
      "one relation",
    );
  });

  // drizzle maps sum and avg with String: on D1 the driver's number, so String(0.1 + 1 / 3),
  // never SQLite's 15-digit text. Two terms: one rounded addition, whichever way the
  // database sums (SQLite compensates longer sums).
  it("keeps every digit of sum and avg over reals, as strings", async () => {
    const ids = [EDGES.indexOf(0.1) + 1, EDGES.indexOf(1 / 3) + 1];
    const total = 0.1 + 1 / 3;
    await same(
      db
        .select({ total: sum(samples.value), mean: avg(samples.value), top: max(samples.value) })
        .from(samples)
        .where(inArray(samples.id, ids)),
      JSON.stringify([{ total: String(total), mean: String(total / 2), top: 1 / 3 }]),
      "aggregates",
    );
  });

  it("returns written doubles as they were written", async () => {
    const first = groupCount + 1;
    const rows = EDGES.map((value, i) => ({ id: first + i, value }));
    const inserted = await db.insert(groups).values(rows).returning().bytes();
    sameText(text(inserted), JSON.stringify(rows), "insert returning (bytes)");
    const updated = await db
      .update(groups)
      .set({ value: 0.1 + 0.2 })
      .where(gte(groups.id, first))
      .returning({ value: groups.value });
    sameText(JSON.stringify(updated), JSON.stringify(rows.map(() => ({ value: 0.1 + 0.2 }))), "update returning (objects)");
  });
}

// SQLite reads decimal text to the nearest double only most of the time, so the rows go in
// as exact integers: each double as its significand times a power of two, from a table of
// powers built by halving and doubling (exact down to 2^-1074), in JSON arrays of up to
// 50 000 rows per statement (D1 takes 100 bound values per statement, a million would take
// 10 000 statements).
function significandAndExponent(value) {
  if (value === null) return [null, 0];
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = Number(bits & ((1n << 52n) - 1n));
  const magnitude = biased ? fraction + 2 ** 52 : fraction;
  return [bits >> 63n ? -magnitude : magnitude, biased ? biased - 1075 : -1074];
}

const d1Backend = {
  async start() {
    const mf = new Miniflare({ modules: true, script: "export default {}", d1Databases: ["DB"] });
    try {
      const binding = await mf.getD1Database("DB");
      await fill(binding);
      return { db: createDb({ schema, driver: d1(binding) }), stop: () => mf.dispose() };
    } catch (error) {
      await mf.dispose();
      throw error;
    }
  },
};

async function fill(binding) {
  await applySchemaToD1(binding, schema);
  await binding.batch([
    binding.prepare("create table powers_of_two (e integer primary key, p real not null)"),
    binding.prepare(
      "insert into powers_of_two with recursive up(e, p) as (select 0, 1.0 union all select e + 1, p * 2 from up where e < 971), " +
        "down(e, p) as (select -1, 0.5 union all select e - 1, p / 2 from down where e > -1074) " +
        "select e, p from up union all select e, p from down",
    ),
  ]);
  const exact = "(value ->> '$[0]') * (select p from powers_of_two where e = value ->> '$[1]')";
  const groupValues = Array.from({ length: groupCount }, (_, i) => groupValue(i + 1));
  const statements = [
    binding
      .prepare(`insert into groups (id, value) select key + 1, ${exact} from json_each(?1)`)
      .bind(JSON.stringify(groupValues.map(significandAndExponent))),
  ];
  for (let at = 0; at < values.length; at += 50_000) {
    const chunk = values.slice(at, at + 50_000).map(significandAndExponent);
    statements.push(
      binding
        .prepare(`insert into samples (id, group_id, value) select key + cast(?1 as integer) + 1, (key + cast(?1 as integer)) / ${PER_GROUP} + 1, ${exact} from json_each(?2)`)
        .bind(String(at), JSON.stringify(chunk)),
    );
  }
  await binding.batch(statements);
}

// Postgres reads each value from its text: JS's spelling, which names the same double.
const postgresBackend = {
  async start() {
    const { cluster, gateway, stop } = await startClusterWithGateway();
    try {
      const connectionString = `postgresql://${cluster.user}:${cluster.password}@ep-sluice-000000.sluice.invalid/${cluster.database}`;
      const driver = neonHttp({ connectionString, endpoint: gateway.endpoint });
      await applySchemaToPostgres(driver, schema);
      const run = (sql, params) => driver.run({ sql, params, returns: "none" });
      const floats = (list) => `{${list.map((v) => (v === null ? "NULL" : String(v))).join(",")}}`;
      const groupValues = Array.from({ length: groupCount }, (_, i) => groupValue(i + 1));
      await run("insert into groups (id, value) select i, v from unnest($1::float8[]) with ordinality as t(v, i)", [floats(groupValues)]);
      for (let at = 0; at < values.length; at += PAGE) {
        await run(
          `insert into samples (id, group_id, value) select i + $2, (i + $2 - 1) / ${PER_GROUP} + 1, v ` +
            "from unnest($1::float8[]) with ordinality as t(v, i)",
          [floats(values.slice(at, at + PAGE)), String(at)],
        );
      }
      return { db: createDb({ schema, driver }), stop };
    } catch (error) {
      await stop();
      throw error;
    }
  },
};

describe("reals round-trip on D1", () => roundTrips(d1Backend));
describe("reals round-trip on Postgres", () => roundTrips(postgresBackend));
