// The two real databases the suite runs on, each holding the seed and reached by both libraries:
// a local D1 (Miniflare's workerd, d1-remote.js) through drizzle-orm/d1 and sluice's d1 driver, and a private
// PostgreSQL behind sluice-gateway through drizzle-orm/neon-http and sluice's neonHttp driver.
// reset() puts the seed back (ids restarting after it); snapshot() reads every table ordered by
// primary key through the database's own client, the same reader for both libraries' writes.
import { neon, neonConfig } from "@neondatabase/serverless";
import { getTableName } from "drizzle-orm";
import { drizzle as drizzleD1 } from "drizzle-orm/d1";
import { drizzle as drizzleNeon } from "drizzle-orm/neon-http";

import { applySchemaToD1, applySchemaToPostgres } from "../../../scripts/lib/schema-ddl.mjs";
import { startClusterWithGateway } from "../../../scripts/lib/gateway.mjs";
import { d1 } from "../../../worker/drivers/d1.js";
import { neonHttp } from "../../../worker/drivers/neon-http.js";
import { createDb } from "../../../worker/index.js";
import * as drizzlePgSchema from "./schema-drizzle-pg.js";
import * as drizzleSqliteSchema from "./schema-drizzle-sqlite.js";
import { startRemoteD1 } from "./d1-remote.js";
import * as sluiceSchema from "./schema-sluice.js";
import { SEED, TABLE_KEYS } from "./seed.js";

const TABLE_NAMES = TABLE_KEYS.map((key) => getTableName(drizzleSqliteSchema[key]));

// A seed value as each database stores it (the storage sluice's DDL gives the column).
function encodeSqlite(column, value) {
  if (value === null) return null;
  if (column.type === "timestamp") return value.getTime();
  if (column.type === "boolean") return value ? 1 : 0;
  if (column.type === "json") return JSON.stringify(value);
  return value;
}

function encodePostgres(column, value) {
  if (value === null) return null;
  if (column.type === "timestamp") return value.toISOString();
  if (column.type === "json") return JSON.stringify(value);
  return String(value);
}

function seedStatements(placeholder, encode) {
  const statements = [];
  for (const [i, key] of TABLE_KEYS.entries()) {
    const columns = Object.values(sluiceSchema[key]);
    const names = columns.map((c) => `"${c.name}"`).join(", ");
    const marks = columns.map((_, n) => placeholder(n + 1)).join(", ");
    for (const row of SEED[key]) {
      statements.push({
        sql: `insert into "${TABLE_NAMES[i]}" (${names}) values (${marks})`,
        params: columns.map((c) => encode(c, row[c.key])),
      });
    }
  }
  return statements;
}

const snapshotSql = (name) => `select * from "${name}" order by "id"`;

export async function startSqlite() {
  const { binding, dispose } = await startRemoteD1();
  await applySchemaToD1(binding, sluiceSchema);
  const seed = seedStatements(() => "?", encodeSqlite).map(({ sql, params }) => binding.prepare(sql).bind(...params));
  const reset = async () => {
    await binding.batch([
      ...TABLE_NAMES.toReversed().map((name) => binding.prepare(`delete from "${name}"`)),
      // Autoincrement ids restart after the seed's, as Postgres' sequences do below.
      binding.prepare("delete from sqlite_sequence"),
      ...seed,
    ]);
  };
  await reset();
  return {
    drizzle: drizzleD1(binding, { schema: drizzleSqliteSchema }),
    sluice: createDb({ schema: sluiceSchema, driver: d1(binding) }),
    drizzleSchema: drizzleSqliteSchema,
    reset,
    snapshot: async () => {
      const results = await binding.batch(TABLE_NAMES.map((name) => binding.prepare(snapshotSql(name))));
      return Object.fromEntries(TABLE_KEYS.map((key, i) => [key, results[i].results]));
    },
    stop: dispose,
  };
}

export async function startPostgres() {
  const { cluster, gateway, stop } = await startClusterWithGateway();
  try {
    const connectionString = `postgresql://${cluster.user}:${cluster.password}@ep-sluice-differential.sluice.invalid/${cluster.database}`;
    // drizzle's neon-http reaches the gateway through Neon's client, whose fetch is global.
    neonConfig.fetchFunction = (_url, init) => fetch(gateway.endpoint, init);
    const driver = neonHttp({ connectionString, endpoint: gateway.endpoint });
    await applySchemaToPostgres(driver, sluiceSchema);
    const client = neon(connectionString);
    const seed = seedStatements((n) => `$${n}`, encodePostgres).map((s) => ({ ...s, returns: "none" }));
    const none = (sql) => ({ sql, params: [], returns: "none" });
    const reset = () =>
      driver.batch([
        none(`truncate table ${TABLE_NAMES.map((name) => `"${name}"`).join(", ")} restart identity`),
        ...seed,
        ...TABLE_NAMES.map((name) =>
          none(`select setval(pg_get_serial_sequence('"${name}"', 'id'), (select max("id") from "${name}"))`),
        ),
      ]);
    await reset();
    return {
      drizzle: drizzleNeon(client, { schema: drizzlePgSchema }),
      sluice: createDb({ schema: sluiceSchema, driver }),
      drizzleSchema: drizzlePgSchema,
      reset,
      snapshot: async () => {
        const results = await client.transaction(TABLE_NAMES.map((name) => client.query(snapshotSql(name))));
        return Object.fromEntries(TABLE_KEYS.map((key, i) => [key, results[i]]));
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
