// A real local D1 (Miniflare's workerd) with the tutorial tables created from the core's DDL.
import { Miniflare } from "miniflare";

import { applySchemaToD1 } from "../../scripts/lib/schema-ddl.mjs";
import * as schema from "../../worker/app/schema.js";
import { d1 } from "../../worker/drivers/d1.js";
import { createDb } from "../../worker/index.js";

export async function startD1() {
  const mf = new Miniflare({ modules: true, script: "export default {}", d1Databases: ["DB"] });
  const binding = await mf.getD1Database("DB");
  await applySchemaToD1(binding, schema);
  return { mf, binding, db: (options = {}) => createDb({ schema, driver: d1(binding), ...options }) };
}

/** Empties the tutorial tables (posts go with their users). */
export async function clear(binding) {
  await binding.batch([binding.prepare("delete from posts"), binding.prepare("delete from users")]);
}
