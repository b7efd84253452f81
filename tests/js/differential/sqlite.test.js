// The differential suite on a real local D1: drizzle-orm/d1 and sluice's d1 driver.
import { startSqlite } from "./databases.js";
import { differentialSuite } from "./run-cases.js";

differentialSuite("sqlite", startSqlite);
