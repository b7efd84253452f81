// generate + migrate on a Miniflare D1: schema versions in sequence, rows kept through
// rebuilds, and every way a migration history can go wrong named, never skipped.
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { d1Target } from "../../../cli/d1-target.js";
import { CliError } from "../../../cli/errors.js";
import { generate } from "../../../cli/generate.js";
import { snapshotShape, sqliteSchema } from "../../../cli/introspect.js";
import { migrate } from "../../../cli/migrate.js";
import { POSTS_V1, USERS_V1, latestSnapshot, quiet, startD1, tempProject } from "./support.js";

let d1;
before(async () => {
  d1 = await startD1();
});
after(async () => {
  await d1.mf.dispose();
});

async function freshDb() {
  const tables = await d1.binding.prepare("select name from sqlite_schema where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%'").all();
  for (const { name } of tables.results.reverse()) await d1.binding.prepare(`drop table "${name}"`).run();
  return d1.binding;
}

const rows = async (db, sql) => (await db.prepare(sql).all()).results;

// Each test gets its own project folder (removed afterwards) and an empty database.
async function inProject(body) {
  const project = tempProject();
  try {
    await body(project, await freshDb());
  } finally {
    project.dispose();
  }
}

// The live schema, introspected, is what the project's last snapshot says.
async function assertSchemaMatches(db, config) {
  assert.deepEqual(await sqliteSchema(db), snapshotShape(latestSnapshot(config), "sqlite"));
}

// The users table's first migration, generated and applied.
async function applyUsersV1(project, db) {
  project.schema("v1", USERS_V1);
  await generate(project.config("v1"), quiet);
  await migrate(project.config("v1"), d1Target(db), quiet);
}

test("a sequence of schema versions is generated and applied, keeping every row", () =>
  inProject(async (project, db) => {
    project.schema("v1", USERS_V1 + POSTS_V1);
    const first = await generate(project.config("v1"), { name: "init", ...quiet });
    assert.equal(first.tag, "0000_init");
    const out = join(project.root, "migrations");
    assert.ok(existsSync(join(out, "0000_init.sql")));
    assert.ok(existsSync(join(out, "meta", "0000_snapshot.json")));
    const text = readFileSync(join(out, "0000_init.sql"), "utf8");
    assert.match(text, /^create table "users" .*;\n--> statement-breakpoint\ncreate table "posts"/);
    assert.equal(await generate(project.config("v1"), quiet), undefined, "no changes, no migration");

    const lines = [];
    assert.deepEqual(await migrate(project.config("v1"), d1Target(db), { log: (l) => lines.push(l) }), ["0000_init"]);
    assert.match(lines[0], /^0000_init\.sql: applied \(\d+ ms\)$/);
    await assertSchemaMatches(db, project.config("v1"));
    await db.batch([
      db.prepare("insert into users (id, email, name) values (1, 'a@x', 'A'), (2, 'b@x', null)"),
      db.prepare("insert into posts (author_id, title) values (1, 'p1'), (1, 'p2'), (2, 'p3')"),
    ]);

    project.schema("v2", USERS_V1.replace(`s.text("name"),`, `s.text("name"), bio: s.text("bio"),`) + POSTS_V1);
    assert.equal((await generate(project.config("v2"), { name: "bio", ...quiet })).tag, "0001_bio");
    // name becomes NOT NULL with a default: users is rebuilt, and posts (which cascades from it) with it.
    project.schema("v3", USERS_V1.replace(`s.text("name"),`, `s.text("name").notNull().default("anonymous"), bio: s.text("bio"),`) + POSTS_V1);
    await generate(project.config("v3"), { name: "name required", ...quiet });
    assert.ok(existsSync(join(out, "0002_name_required.sql")));

    await db.prepare("update users set name = 'B' where id = 2").run();
    assert.deepEqual(await migrate(project.config("v3"), d1Target(db), quiet), ["0001_bio", "0002_name_required"]);
    await assertSchemaMatches(db, project.config("v3"));
    assert.deepEqual(await rows(db, "select p.title, u.name from posts p join users u on u.id = p.author_id order by p.id"), [
      { title: "p1", name: "A" },
      { title: "p2", name: "A" },
      { title: "p3", name: "B" },
    ]);
    assert.deepEqual(await rows(db, `select tag from "__sluice_migrations" order by id`), [
      { tag: "0000_init" },
      { tag: "0001_bio" },
      { tag: "0002_name_required" },
    ]);
    assert.deepEqual(await migrate(project.config("v3"), d1Target(db), quiet), []);
  }));

test("a failing migration leaves the database and the ledger unchanged", () =>
  inProject(async (project, db) => {
    await applyUsersV1(project, db);
    await db.prepare("insert into users (email, name) values ('a@x', 'same'), ('b@x', 'same')").run();
    // A unique name cannot hold the two rows: the rebuild's copy fails inside the batch.
    project.schema("v2", USERS_V1.replace(`s.text("name"),`, `s.text("name").unique(),`));
    await generate(project.config("v2"), quiet);
    const schemaBefore = await rows(db, "select name, sql from sqlite_schema order by name");
    await assert.rejects(migrate(project.config("v2"), d1Target(db), quiet), (e) => {
      assert.ok(e instanceof CliError);
      assert.match(e.message, /^0001_migration\.sql failed, nothing of it was applied:/);
      assert.match(e.message, /statement \d+ of \d+: insert into "__\w*users" .* from "users"/);
      assert.match(e.message, /database: .*UNIQUE constraint failed: __\w*users\.name/);
      return true;
    });
    assert.deepEqual(await rows(db, "select name, sql from sqlite_schema order by name"), schemaBefore);
    assert.equal((await rows(db, "select * from users")).length, 2);
    assert.deepEqual(await rows(db, `select tag from "__sluice_migrations"`), [{ tag: "0000_migration" }]);
  }));

test("an applied migration edited afterwards is refused by name", () =>
  inProject(async (project, db) => {
    await applyUsersV1(project, db);
    const file = join(project.root, "migrations", "0000_migration.sql");
    writeFileSync(file, readFileSync(file, "utf8") + "-- tweak\n");
    await assert.rejects(migrate(project.config("v1"), d1Target(db), quiet), /0000_migration\.sql was edited after it was applied/);
  }));

test("a migration sorting before the last applied one is refused, never skipped", () =>
  inProject(async (project, db) => {
    project.schema("v1", USERS_V1);
    project.schema("v2", USERS_V1 + POSTS_V1);
    project.schema("v3", USERS_V1.replace(`s.text("name"),`, `s.text("name"), bio: s.text("bio"),`) + POSTS_V1);
    for (const v of ["v1", "v2", "v3"]) await generate(project.config(v), { name: v, ...quiet });
    await migrate(project.config("v3"), d1Target(db), quiet);
    // As if 0001 had arrived from another branch after 0002 was applied.
    await db.prepare(`delete from "__sluice_migrations" where tag = '0001_v2'`).run();
    await assert.rejects(migrate(project.config("v3"), d1Target(db), quiet), /0001_v2\.sql sorts before 0002_v3\.sql, which is already applied/);
  }));

test("a pending migration dated before the last applied one is refused, never skipped", () =>
  inProject(async (project, db) => {
    project.schema("v1", USERS_V1);
    project.schema("v2", USERS_V1 + POSTS_V1);
    await generate(project.config("v1"), { name: "a", ...quiet });
    await migrate(project.config("v1"), d1Target(db), quiet);
    await generate(project.config("v2"), { name: "b", ...quiet });
    const journalPath = join(project.root, "migrations", "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8"));
    journal.entries[1].when = journal.entries[0].when - 1000;
    writeFileSync(journalPath, JSON.stringify(journal));
    await assert.rejects(migrate(project.config("v2"), d1Target(db), quiet), /0001_b\.sql is dated before 0000_a\.sql/);
  }));

test("a migration whose foreign keys the rows violate fails whole (deferred check at the end of the batch)", () =>
  inProject(async (project, db) => {
    project.schema("v1", USERS_V1 + POSTS_V1.replace(`.notNull().references(() => users.id, { onDelete: "cascade" })`, ".notNull()"));
    await generate(project.config("v1"), quiet);
    await migrate(project.config("v1"), d1Target(db), quiet);
    await db.prepare("insert into posts (author_id, title) values (99, 'orphan')").run();
    project.schema("v2", USERS_V1 + POSTS_V1);
    await generate(project.config("v2"), quiet);
    await assert.rejects(migrate(project.config("v2"), d1Target(db), quiet), /0001_migration\.sql failed[\s\S]*failed when it committed[\s\S]*FOREIGN KEY constraint failed/);
    assert.deepEqual(await rows(db, "select author_id, title from posts"), [{ author_id: 99, title: "orphan" }]);
    assert.deepEqual(await rows(db, "select * from pragma_foreign_key_list('posts')"), []);
    assert.deepEqual(await rows(db, `select tag from "__sluice_migrations"`), [{ tag: "0000_migration" }]);
  }));

test("two concurrent runs apply each migration once", () =>
  inProject(async (project, db) => {
    project.schema("v1", USERS_V1);
    project.schema("v2", USERS_V1 + POSTS_V1);
    await generate(project.config("v1"), quiet);
    await generate(project.config("v2"), quiet);
    const runs = await Promise.all([migrate(project.config("v2"), d1Target(db), quiet), migrate(project.config("v2"), d1Target(db), quiet)]);
    assert.deepEqual(runs.flat().sort(), ["0000_migration", "0001_migration"]);
    assert.deepEqual(await rows(db, `select tag from "__sluice_migrations" order by id`), [{ tag: "0000_migration" }, { tag: "0001_migration" }]);
  }));
