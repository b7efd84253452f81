// `sluice introspect` (drizzle-kit's pull) writes the live database as a schema module, on D1 and
// on Postgres: push with the written module as the schema then finds nothing to change.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { startPostgres } from "../migrate/support.js";
import { REPO, runSluice, tempProject } from "./support.js";

const SCHEMA = `import { boolean, enumType, index, integer, serial, table, text, timestamp, uniqueIndex, varchar } from "sluice";
export const role = enumType("role", ["admin", "viewer"]);
export const users = table("users", {
  id: serial("id").primaryKey(),
  email: varchar("email", { length: 320 }).notNull(),
  displayName: text("display_name"),
  role: role("role").notNull().default("viewer"),
  isActive: boolean("is_active").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => ({ emailIdx: uniqueIndex("users_email_idx").on(t.email), roleIdx: index("users_role_idx").on(t.role) }));
export const posts = table("posts", {
  id: serial("id").primaryKey(),
  authorId: integer("author_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  title: varchar("title", { length: 200 }).notNull().unique(),
});
`;

const WRANGLER_TOML = `name = "pull"\ncompatibility_date = "2025-09-01"\n\n[[d1_databases]]\nbinding = "DB"\n` +
  `database_name = "pull"\ndatabase_id = "00000000-0000-4000-8000-0000000000bb"\n`;

let pg;
before(async () => {
  pg = await startPostgres();
});
after(async () => {
  await pg?.stop();
});

const DIALECTS = {
  sqlite: () => ({ config: { dialect: "sqlite", d1: { binding: "DB" } }, env: { ...process.env, CI: "1", WRANGLER_SEND_METRICS: "false" } }),
  postgresql: () => ({
    config: { dialect: "postgresql" },
    env: { ...process.env, DATABASE_URL: pg.credentials.connectionString, NEON_HTTP_ENDPOINT: pg.credentials.endpoint },
  }),
};

for (const [dialect, setup] of Object.entries(DIALECTS)) {
  test(`introspect on ${dialect}: the written schema is the database`, { timeout: 120_000 }, async () => {
    const { config, env } = setup();
    const project = tempProject({ "schema.js": SCHEMA, "wrangler.toml": WRANGLER_TOML });
    mkdirSync(join(project.root, "node_modules"));
    symlinkSync(REPO, join(project.root, "node_modules", "sluice"), "dir");
    const configure = (schema) => writeFileSync(join(project.root, "sluice.config.json"), JSON.stringify({ schema, out: "./db", ...config }));
    try {
      if (dialect === "postgresql") await pg.reset();
      configure("./schema.js");
      const push = runSluice(project.root, ["push"], { env });
      assert.equal(push.code, 0, push.stderr);

      const pull = runSluice(project.root, ["introspect"], { env });
      assert.equal(pull.code, 0, pull.stderr);
      assert.match(pull.stdout, dialect === "postgresql" ? /^Wrote db\/schema\.ts: 2 table\(s\), 1 enum\(s\)\n$/ : /^Wrote db\/schema\.ts: 2 table\(s\), 0 enum\(s\)\n$/);
      const written = readFileSync(join(project.root, "db/schema.ts"), "utf8");
      assert.match(written, /^import \{ [\w, ]+ \} from "sluice";/);
      assert.match(written, /authorId: integer\("author_id"\)\.notNull\(\)\.references\(\(\) => users\.id, \{ onDelete: "cascade" \}\)/);
      assert.match(written, /usersEmailIdx: uniqueIndex\("users_email_idx"\)\.on\(t\.email\)/);

      const again = runSluice(project.root, ["introspect"], { env });
      assert.equal(again.code, 1);
      assert.equal(again.stderr, "sluice: db/schema.ts exists: give --force to replace it, or --out another file\n");

      configure("./db/schema.ts");
      const check = runSluice(project.root, ["push"], { env });
      assert.equal(check.code, 0, check.stderr);
      assert.match(check.stdout, /No changes: the database matches the schema\./);
    } finally {
      project.dispose();
    }
  });
}
