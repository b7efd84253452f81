// One sluice client per database binding: the schema is registered with the core and
// statement shapes are compiled once per isolate, not per request.
//
// The backend comes from the Worker's config: `DATABASE_URL` (a postgres:// connection
// string) selects Postgres over Neon's HTTP SQL endpoint, `NEON_HTTP_ENDPOINT` optionally
// points that at a local sluice-gateway; without `DATABASE_URL` the D1 binding `DB` is used.
import { createDb } from "../index.js";
import { d1 } from "../drivers/d1.js";
import { neonHttp } from "../drivers/neon-http.js";
import * as schema from "./schema.js";

const d1Clients = new WeakMap();
// Keyed by connection string and endpoint: env vars are strings, so they cannot key a WeakMap,
// and an isolate only ever sees a handful of them.
const neonClients = new Map();

function neonClient(connectionString, endpoint) {
  const key = `${endpoint ?? ""}\n${connectionString}`;
  let db = neonClients.get(key);
  if (!db) {
    db = createDb({ schema, driver: neonHttp({ connectionString, endpoint }) });
    neonClients.set(key, db);
  }
  return db;
}

export function dbFor(env) {
  if (env.DATABASE_URL) return neonClient(env.DATABASE_URL, env.NEON_HTTP_ENDPOINT || undefined);
  let db = d1Clients.get(env.DB);
  if (!db) {
    db = createDb({ schema, driver: d1(env.DB) });
    d1Clients.set(env.DB, db);
  }
  return db;
}
