// The differential suite on PostgreSQL behind sluice-gateway: drizzle-orm/neon-http and sluice's
// neonHttp driver, on the same cluster.
import { startPostgres } from "./databases.js";
import { differentialSuite } from "./run-cases.js";

differentialSuite("postgres", startPostgres);
