// The public API of docs/api.md end to end against a real local D1 (the scenarios are shared
// with Postgres: db-scenarios.js).
import { dbScenarios } from "./db-scenarios.js";
import { clear, startD1 } from "./d1-database.js";

dbScenarios({
  dialect: "sqlite",
  async start() {
    const d1 = await startD1();
    return { db: (options) => d1.db(options), clear: () => clear(d1.binding), stop: () => d1.mf.dispose() };
  },
  placeholder: () => "?",
  encoded: (value) => (typeof value === "boolean" ? Number(value) : value),
  codes: { unique: "SQLITE_CONSTRAINT_UNIQUE", foreignKey: "SQLITE_CONSTRAINT_FOREIGNKEY" },
  invalidEnum: { kind: "check_violation", code: "SQLITE_CONSTRAINT_CHECK" },
});
