// Prepares the local D1 that `wrangler dev` serves: applies the migrations of migrations/
// (`sluice migrate` with sluice.config.js, as for a deployed database) and seeds the
// tutorial's users and posts. Idempotent. Works through wrangler's local platform proxy, so the
// data lands exactly where `wrangler dev` persists it (or under --persist-to <dir>, as
// wrangler's flag of that name). A local D1 made before migrations existed is adopted when its
// schema is exactly the first migration's (scripts/lib/adopt-baseline.mjs).
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { getPlatformProxy } from "wrangler";

import { loadConfig } from "../cli/config.js";
import { d1Target } from "../cli/d1-target.js";
import { CliError } from "../cli/errors.js";
import { platformProxyPersistPath } from "../cli/local-d1-path.js";
import { migrate } from "../cli/migrate.js";
import { createDb } from "../worker/index.js";
import { d1 } from "../worker/drivers/d1.js";
import * as schema from "../worker/app/schema.js";
import { seed } from "../worker/app/seed.js";
import { adoptBaseline } from "./lib/adopt-baseline.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({ options: { "persist-to": { type: "string" } } });
const configPath = join(root, "wrangler.toml");
const persist = { path: platformProxyPersistPath({ configPath, persistTo: values["persist-to"] }) };

const config = await loadConfig(join(root, "sluice.config.js"));
const { env, dispose } = await getPlatformProxy({ configPath, persist });
try {
  await adoptBaseline(config, env[config.d1.binding]);
  await migrate(config, d1Target(env[config.d1.binding]));
  const db = createDb({ schema, driver: d1(env[config.d1.binding]) });
  await seed(db);
  console.log(`local D1 ready: ${await db.$count(schema.users)} users, ${await db.$count(schema.posts)} posts`);
} catch (error) {
  if (!(error instanceof CliError)) throw error;
  console.error(`local-db: ${error.message}`);
  process.exitCode = error.exitCode;
} finally {
  await dispose();
}
