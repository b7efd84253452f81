// One sluice client per D1 binding: the schema is registered with the core and statement
// shapes are compiled once per isolate, not per request.
import { createDb } from "../index.js";
import { d1 } from "../drivers/d1.js";
import * as schema from "./schema.js";

const clients = new WeakMap();

export function dbFor(env) {
  let db = clients.get(env.DB);
  if (!db) {
    db = createDb({ schema, driver: d1(env.DB) });
    clients.set(env.DB, db);
  }
  return db;
}
