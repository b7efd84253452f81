// generate + migrate on a private PostgreSQL through sluice-gateway (Neon's HTTP protocol):
// the D1 cases again, the live schema introspected after each step, enum values added outside
// the transaction, and two migrate processes racing.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { CliError } from "../../../cli/errors.js";
import { generate } from "../../../cli/generate.js";
import { postgresSchema, snapshotShape } from "../../../cli/introspect.js";
import { migrate } from "../../../cli/migrate.js";
import { POSTS_V1, SLUICE_BIN, USERS_V1, latestSnapshot, migrateProcess, quiet, startPostgres, tempProject } from "./support.js";

let pg;
before(async () => {
  pg = await startPostgres();
});
after(async () => {
  await pg?.stop();
});

const rows = (sql) => pg.sql.query(sql);
const ledger = () => rows(`select tag from "__sluice_migrations" order by id`);

async function inProject(body) {
  await pg.reset();
  const project = tempProject({ dialect: "postgresql" });
  try {
    await body(project);
  } finally {
    project.dispose();
  }
}

/** Applies the project's migrations for `version`, then checks the live schema against its snapshot. */
async function migrateAndCompare(project, version, options = quiet) {
  const config = project.config(version);
  const done = await migrate(config, pg.target(), options);
  assert.deepEqual(await postgresSchema(pg.sql), snapshotShape(latestSnapshot(config), "postgres"));
  return done;
}

const ROLES = `export const role = s.enumType("role", ["admin", "viewer"]);\n`;
const WITH_ROLE = USERS_V1.replace(`s.text("name"),`, `s.text("name"), role: role("role").notNull().default("viewer"),`);

test("a sequence of versions is applied, timed step by step, keeping every row and matching each snapshot", () =>
  inProject(async (project) => {
    project.schema("v1", ROLES + WITH_ROLE + POSTS_V1);
    await generate(project.config("v1"), { name: "init", ...quiet });
    const lines = [];
    assert.deepEqual(await migrateAndCompare(project, "v1", { log: (l) => lines.push(l) }), ["0000_init"]);
    assert.match(lines[0], /^0000_init\.sql: applied \(\d+ ms\)$/);
    await pg.sql.batch([
      "insert into users (id, email, name, role) values (1, 'a@x', 'A', 'admin'), (2, 'b@x', null, 'viewer')",
      "insert into posts (author_id, title) values (1, 'p1'), (1, 'p2'), (2, 'p3')",
      "select setval('users_id_seq', 2)",
    ]);

    project.schema("v2", ROLES + WITH_ROLE.replace(`s.text("name"),`, `s.text("name"), bio: s.text("bio"),`) + POSTS_V1);
    await generate(project.config("v2"), { name: "bio", ...quiet });
    // A new enum value used as the default in the same migration: it must be committed first.
    const v3 = ROLES.replace(`"viewer"]`, `"viewer", "guest"]`) +
      WITH_ROLE.replace(`s.text("name"),`, `s.text("name").notNull().default("anonymous"), bio: s.text("bio"),`).replace(`default("viewer")`, `default("guest")`) +
      POSTS_V1;
    project.schema("v3", v3);
    await generate(project.config("v3"), { name: "guest", ...quiet });
    await pg.sql.query("update users set name = 'B' where id = 2");
    lines.length = 0;
    assert.deepEqual(await migrateAndCompare(project, "v3", { log: (l) => lines.push(l) }), ["0001_bio", "0002_guest"]);
    assert.match(lines[0], /^0001_bio\.sql: applied \(\d+ ms\)$/);
    assert.match(lines[1], /^0002_guest\.sql: alter type "role" add value 'guest' applied on its own, outside the migration's transaction \(\d+ ms\)$/);
    assert.match(lines[2], /^0002_guest\.sql: applied \(\d+ ms\)$/);

    assert.deepEqual(await rows("select p.title, u.name, u.role from posts p join users u on u.id = p.author_id order by p.id"), [
      ["p1", "A", "admin"],
      ["p2", "A", "admin"],
      ["p3", "B", "viewer"],
    ]);
    await pg.sql.query("insert into users (email) values ('c@x')");
    assert.deepEqual(await rows("select name, role from users where email = 'c@x'"), [["anonymous", "guest"]]);
    assert.deepEqual(await ledger(), [["0000_init"], ["0001_bio"], ["0002_guest"]]);
    lines.length = 0;
    assert.deepEqual(await migrate(project.config("v3"), pg.target(), { log: (l) => lines.push(l) }), []);
    assert.deepEqual(lines, ["No pending migrations."]);
  }));

test("a failing migration leaves the database and the ledger unchanged, and names the statement", () =>
  inProject(async (project) => {
    project.schema("v1", USERS_V1);
    await generate(project.config("v1"), quiet);
    await migrateAndCompare(project, "v1");
    await pg.sql.query("insert into users (email, name) values ('a@x', 'same'), ('b@x', 'same')");
    project.schema("v2", USERS_V1.replace(`s.text("name"),`, `s.text("name").unique(), bio: s.text("bio"),`));
    await generate(project.config("v2"), quiet);
    const schemaBefore = await postgresSchema(pg.sql);
    await assert.rejects(migrate(project.config("v2"), pg.target(), quiet), (e) => {
      assert.ok(e instanceof CliError);
      assert.match(e.message, /^0001_migration\.sql failed, nothing of it was applied:/);
      assert.match(e.message, /statement 2 of 2: alter table "users" add constraint "users_name_unique" unique \("name"\)/);
      assert.match(e.message, /database: could not create unique index "users_name_unique" \(SQLSTATE 23505\); Key \(name\)=\(same\) is duplicated\./);
      return true;
    });
    assert.deepEqual(await postgresSchema(pg.sql), schemaBefore);
    assert.equal((await rows("select * from users")).length, 2);
    assert.deepEqual(await ledger(), [["0000_migration"]]);
  }));

test("an enum value added before a failing migration stays, is reported, and the rerun applies the rest", () =>
  inProject(async (project) => {
    project.schema("v1", ROLES + WITH_ROLE);
    await generate(project.config("v1"), quiet);
    await migrateAndCompare(project, "v1");
    await pg.sql.query("insert into users (email, name) values ('a@x', 'same'), ('b@x', 'same')");
    project.schema("v2", ROLES.replace(`"viewer"]`, `"viewer", "guest"]`) + WITH_ROLE.replace(`s.text("name"),`, `s.text("name").unique(),`));
    await generate(project.config("v2"), quiet);
    await assert.rejects(
      migrate(project.config("v2"), pg.target(), quiet),
      /0001_migration\.sql failed, nothing else of it was applied \(the 1 statement\(s\) run on their own before it stay; they are skipped when it runs again\)/,
    );
    assert.deepEqual(await rows("select unnest(enum_range(null::role))::text"), [["admin"], ["viewer"], ["guest"]]);
    assert.deepEqual(await ledger(), [["0000_migration"]]);
    await pg.sql.query("update users set name = 'other' where email = 'b@x'");
    assert.deepEqual(await migrateAndCompare(project, "v2"), ["0001_migration"]);
  }));

test("an applied migration edited afterwards is refused by name", () =>
  inProject(async (project) => {
    project.schema("v1", USERS_V1);
    await generate(project.config("v1"), quiet);
    await migrate(project.config("v1"), pg.target(), quiet);
    const file = join(project.root, "migrations", "0000_migration.sql");
    writeFileSync(file, readFileSync(file, "utf8") + "-- tweak\n");
    await assert.rejects(migrate(project.config("v1"), pg.target(), quiet), /0000_migration\.sql was edited after it was applied/);
  }));

test("a migration sorting before the last applied one is refused, never skipped", () =>
  inProject(async (project) => {
    project.schema("v1", USERS_V1);
    project.schema("v2", USERS_V1 + POSTS_V1);
    project.schema("v3", USERS_V1.replace(`s.text("name"),`, `s.text("name"), bio: s.text("bio"),`) + POSTS_V1);
    for (const v of ["v1", "v2", "v3"]) await generate(project.config(v), { name: v, ...quiet });
    await migrate(project.config("v3"), pg.target(), quiet);
    // As if 0001 had arrived from another branch after 0002 was applied.
    await pg.sql.query(`delete from "__sluice_migrations" where tag = '0001_v2'`);
    await assert.rejects(migrate(project.config("v3"), pg.target(), quiet), /0001_v2\.sql sorts before 0002_v3\.sql, which is already applied/);
  }));

test("a pending migration dated before the last applied one is refused, never skipped", () =>
  inProject(async (project) => {
    project.schema("v1", USERS_V1);
    project.schema("v2", USERS_V1 + POSTS_V1);
    await generate(project.config("v1"), { name: "a", ...quiet });
    await migrate(project.config("v1"), pg.target(), quiet);
    await generate(project.config("v2"), { name: "b", ...quiet });
    const journalPath = join(project.root, "migrations", "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8"));
    journal.entries[1].when = journal.entries[0].when - 1000;
    writeFileSync(journalPath, JSON.stringify(journal));
    await assert.rejects(migrate(project.config("v2"), pg.target(), quiet), /0001_b\.sql is dated before 0000_a\.sql/);
  }));

test("a migration whose foreign key the rows violate fails whole", () =>
  inProject(async (project) => {
    project.schema("v1", USERS_V1 + POSTS_V1.replace(`.notNull().references(() => users.id, { onDelete: "cascade" })`, ".notNull()"));
    await generate(project.config("v1"), quiet);
    await migrate(project.config("v1"), pg.target(), quiet);
    await pg.sql.query("insert into posts (author_id, title) values (99, 'orphan')");
    project.schema("v2", USERS_V1 + POSTS_V1);
    await generate(project.config("v2"), quiet);
    const schemaBefore = await postgresSchema(pg.sql);
    await assert.rejects(migrate(project.config("v2"), pg.target(), quiet), /0001_migration\.sql failed[\s\S]*SQLSTATE 23503/);
    assert.deepEqual(await postgresSchema(pg.sql), schemaBefore);
    assert.deepEqual(await rows("select author_id, title from posts"), [["99", "orphan"]]);
    assert.deepEqual(await ledger(), [["0000_migration"]]);
  }));

test("two migrate processes at once apply each migration once", () =>
  inProject(async (project) => {
    const versions = ["v1", "v2", "v3", "v4"];
    project.schema("v1", USERS_V1);
    project.schema("v2", USERS_V1 + POSTS_V1);
    project.schema("v3", USERS_V1.replace(`s.text("name"),`, `s.text("name"), bio: s.text("bio"),`) + POSTS_V1);
    project.schema("v4", USERS_V1.replace(`s.text("name"),`, `s.text("name"), bio: s.text("bio"), age: s.integer("age"),`) + POSTS_V1);
    for (const v of versions) await generate(project.config(v), quiet);
    writeFileSync(join(project.root, "sluice.config.json"), JSON.stringify({ schema: "./v4.js", out: "./migrations", dialect: "postgresql" }));
    const env = { ...process.env, DATABASE_URL: pg.credentials.connectionString, NEON_HTTP_ENDPOINT: pg.credentials.endpoint };
    const runs = await Promise.all([migrateProcess(project.root, env), migrateProcess(project.root, env)]);
    for (const run of runs) assert.equal(run.code, 0, run.stderr);
    const applied = runs.flatMap((r) => [...r.stdout.matchAll(/^(\d{4}_migration)\.sql: applied \(/gm)].map((m) => m[1]));
    assert.deepEqual(applied.sort(), ["0000_migration", "0001_migration", "0002_migration", "0003_migration"]);
    assert.deepEqual(await ledger(), [["0000_migration"], ["0001_migration"], ["0002_migration"], ["0003_migration"]]);
    assert.deepEqual(await postgresSchema(pg.sql), snapshotShape(latestSnapshot(project.config("v4")), "postgres"));
  }));

function migrateWith(root, env) {
  const child = spawnSync(process.execPath, [SLUICE_BIN, "migrate"], { cwd: root, env, encoding: "utf8", timeout: 30_000 });
  return { code: child.status, stderr: child.stderr };
}

test("missing or wrong credentials and an unreachable endpoint are one-line errors", () =>
  inProject(async (project) => {
    project.schema("v1", USERS_V1);
    await generate(project.config("v1"), quiet);
    writeFileSync(join(project.root, "sluice.config.json"), JSON.stringify({ schema: "./v1.js", out: "./migrations", dialect: "postgresql" }));
    const env = { ...process.env };
    delete env.DATABASE_URL;
    delete env.NEON_HTTP_ENDPOINT;
    const none = migrateWith(project.root, env);
    assert.equal(none.code, 1);
    assert.match(none.stderr, /^sluice: migrate: no Postgres connection string: set neon\.connectionString in the config, or DATABASE_URL\n$/);

    const wrong = pg.credentials.connectionString.replace(/:[^:@]+@/, ":wrong@");
    const refused = migrateWith(project.root, { ...env, DATABASE_URL: wrong, NEON_HTTP_ENDPOINT: pg.credentials.endpoint });
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /^sluice: cannot read the __sluice_migrations ledger: password authentication failed for user "sluice"\n$/);

    const away = migrateWith(project.root, { ...env, DATABASE_URL: pg.credentials.connectionString, NEON_HTTP_ENDPOINT: "http://127.0.0.1:9/sql" });
    assert.equal(away.code, 1);
    assert.match(away.stderr, /^sluice: cannot reach http:\/\/127\.0\.0\.1:9\/sql: /);
    assert.deepEqual(await rows(`select count(*) from pg_tables where tablename = '__sluice_migrations'`), [["0"]]);
  }));
