// Wrangler compatibility: `wrangler d1 migrations apply --local` applies a folder sluice
// generated (a rebuild with child rows included) and leaves the schema sluice's own migrate
// leaves, and the snapshot describes; rows survive between the two rounds.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import { d1Target, localD1 } from "../../../cli/d1-target.js";
import { generate } from "../../../cli/generate.js";
import { snapshotShape, sqliteSchema } from "../../../cli/introspect.js";
import { migrate } from "../../../cli/migrate.js";
import { POSTS_V1, USERS_V1, latestSnapshot, quiet, startD1, tempProject } from "./support.js";

const wrangler = new URL("../../../node_modules/wrangler/bin/wrangler.js", import.meta.url).pathname;

const V2 = USERS_V1.replace(`s.text("name"),`, `s.text("name"), bio: s.text("bio").default(""),`) + POSTS_V1;
// name NOT NULL: users is rebuilt, and posts, which references it with a cascade, with it.
const V3 = USERS_V1.replace(`s.text("name"),`, `s.text("name").notNull().default("anonymous"), bio: s.text("bio").default(""),`) + POSTS_V1;
const V4 = `export const role = s.enumType("role", ["admin", "viewer"]);\n` +
  V3.replace(`bio: s.text("bio").default(""),`, `bio: s.text("bio").default(""), role: role("role").notNull().default("viewer"),`);

const SCHEMA_SQL = `select type, name, tbl_name, sql from sqlite_schema
  where tbl_name not in ('d1_migrations', '__sluice_migrations', 'sqlite_sequence') and tbl_name not like '\\_cf\\_%' escape '\\'
  order by name`;

function wranglerApply(root) {
  const run = spawnSync(
    process.execPath,
    [wrangler, "d1", "migrations", "apply", "DB", "--local", "--persist-to", join(root, "state"), "--config", join(root, "wrangler.toml")],
    { cwd: root, encoding: "utf8", env: { ...process.env, CI: "1", WRANGLER_SEND_METRICS: "false" }, input: "" },
  );
  assert.equal(run.status, 0, run.stdout + run.stderr);
  return run.stdout;
}

test("wrangler d1 migrations apply --local applies sluice's folder to the schema sluice migrate gives", async () => {
  const project = tempProject();
  const sluiceD1 = await startD1();
  let wranglerD1;
  try {
    writeFileSync(
      join(project.root, "wrangler.toml"),
      `name = "wrangler-compat"\ncompatibility_date = "2025-09-01"\n\n[[d1_databases]]\nbinding = "DB"\n` +
        `database_name = "compat"\ndatabase_id = "00000000-0000-4000-8000-00000000c0de"\nmigrations_dir = "migrations"\n`,
    );
    project.schema("v1", USERS_V1 + POSTS_V1);
    project.schema("v2", V2);
    await generate(project.config("v1"), { name: "init", ...quiet });
    await generate(project.config("v2"), { name: "bio", ...quiet });
    assert.match(wranglerApply(project.root), /0000_init\.sql[\s\S]*0001_bio\.sql/);

    // The database wrangler wrote, opened the way sluice's own migrate opens wrangler dev's.
    const config = { d1: { binding: "DB", configPath: join(project.root, "wrangler.toml"), persist: { path: join(project.root, "state") } } };
    wranglerD1 = await localD1(config);
    const db = wranglerD1.binding;
    await db.batch([
      db.prepare("insert into users (id, email, name) values (1, 'a@x', 'A'), (2, 'b@x', 'B')"),
      db.prepare("insert into posts (id, author_id, title) values (1, 1, 'p1'), (2, 1, 'p2'), (3, 2, 'p3')"),
    ]);
    await wranglerD1.dispose();
    wranglerD1 = undefined;

    project.schema("v3", V3);
    project.schema("v4", V4);
    await generate(project.config("v3"), { name: "name required", ...quiet });
    await generate(project.config("v4"), { name: "role", ...quiet });
    const second = wranglerApply(project.root);
    assert.match(second, /0002_name_required\.sql[\s\S]*0003_role\.sql/);
    assert.doesNotMatch(second, /0000_init\.sql/);

    wranglerD1 = await localD1(config);
    const applied = wranglerD1.binding;
    assert.deepEqual((await applied.prepare("select name from d1_migrations order by id").raw()).flat(), [
      "0000_init.sql",
      "0001_bio.sql",
      "0002_name_required.sql",
      "0003_role.sql",
    ]);
    assert.deepEqual(await sqliteSchema(applied), snapshotShape(latestSnapshot(project.config("v4")), "sqlite"));
    assert.deepEqual((await applied.prepare("select p.id, p.title, u.name, u.role from posts p join users u on u.id = p.author_id order by p.id").raw()), [
      [1, "p1", "A", "viewer"],
      [2, "p2", "A", "viewer"],
      [3, "p3", "B", "viewer"],
    ]);

    await migrate(project.config("v4"), d1Target(sluiceD1.binding), quiet);
    assert.deepEqual(await applied.prepare(SCHEMA_SQL).raw(), await sluiceD1.binding.prepare(SCHEMA_SQL).raw());
  } finally {
    await wranglerD1?.dispose();
    await sluiceD1.mf.dispose();
    project.dispose();
  }
});
