// The differential suite on both dialects at once (each mostly waits on its database): a real
// local D1 through drizzle-orm/d1 and sluice's d1 driver, and PostgreSQL behind sluice-gateway
// through drizzle-orm/neon-http and sluice's neonHttp driver. DIFFERENTIAL_DIALECT=sqlite (or
// postgres) runs one.
import { describe } from "node:test";

import { startPostgres, startSqlite } from "./databases.js";
import { differentialSuite } from "./run-cases.js";

const only = process.env.DIFFERENTIAL_DIALECT;
const dialects = { sqlite: startSqlite, postgres: startPostgres };

describe("differential", { concurrency: 2 }, () => {
  for (const [dialect, start] of Object.entries(dialects)) {
    if (only === undefined || only === dialect) differentialSuite(dialect, start);
  }
});
