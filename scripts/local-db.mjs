// Prepares the local D1 that `wrangler dev` serves: creates the tables (idempotent) and seeds
// the tutorial's users and posts (idempotent), through wrangler's local platform proxy so the
// data lands exactly where `wrangler dev` persists it.
import { getPlatformProxy } from "wrangler";

import { createDb } from "../worker/index.js";
import { d1 } from "../worker/drivers/d1.js";
import * as schema from "../worker/app/schema.js";
import { seed } from "../worker/app/seed.js";
import { applySchemaToD1 } from "./lib/schema-ddl.mjs";

const { env, dispose } = await getPlatformProxy({ persist: true });
try {
  await applySchemaToD1(env.DB, schema);
  const db = createDb({ schema, driver: d1(env.DB) });
  await seed(db);
  const users = await db.$count(schema.users);
  const posts = await db.$count(schema.posts);
  console.log(`local D1 ready: ${users} users, ${posts} posts`);
} finally {
  await dispose();
}
