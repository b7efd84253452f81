// push on a Miniflare D1 and on a private PostgreSQL behind the gateway: the live schema is
// read, diffed against the schema and made to match it; rows survive; data loss is refused
// without --force, naming what would go and how many rows hold it; renames need an answer.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

import { CliError } from "../../../cli/errors.js";
import { snapshotShape } from "../../../cli/introspect.js";
import { schemaSnapshot } from "../../../cli/core-plan.js";
import { push } from "../../../cli/push.js";
import { POSTS_V1, SLUICE_BIN, USERS_V1, liveDatabases, quiet, tempProject } from "./support.js";

const ROLES = `export const role = s.enumType("role", ["admin", "viewer"]);\n`;
const V1 = USERS_V1 + POSTS_V1;
// name gains NOT NULL and a default (a SQLite rebuild of users and of posts, its child), bio is new.
const V2 = USERS_V1.replace(`s.text("name"),`, `s.text("name").notNull().default("anonymous"), bio: s.text("bio").default(""),`) + POSTS_V1;

for (const [kind, start] of Object.entries(liveDatabases)) {
  describe(`push on ${kind}`, () => {
    let live;
    before(async () => {
      live = await start();
    });
    after(async () => {
      await live?.stop();
    });

    async function inProject(body) {
      await live.reset();
      const project = tempProject({ dialect: live.dialect });
      try {
        await body(project);
      } finally {
        project.dispose();
      }
    }

    // Pushes `version` and checks that the live schema is now the schema's.
    async function pushAndCompare(project, version, options = {}) {
      const config = project.config(version);
      const applied = await push(config, live.db(), { ...quiet, ...options });
      assert.deepEqual(await live.shape(), snapshotShape(await schemaSnapshot(config.schema), config.coreDialect));
      assert.deepEqual(await push(config, live.db(), quiet), [], "a second push finds nothing to do");
      return applied;
    }

    test("creates the schema, then changes it keeping every row, parents and children", () =>
      inProject(async (project) => {
        project.schema("v1", V1);
        project.schema("v2", V2);
        assert.ok((await pushAndCompare(project, "v1")).length >= 2);
        await live.run([
          "insert into users (id, email, name) values (1, 'a@x', 'A'), (2, 'b@x', 'B')",
          "insert into posts (id, author_id, title) values (1, 1, 'p1'), (2, 1, 'p2'), (3, 2, 'p3')",
        ]);
        const lines = [];
        await pushAndCompare(project, "v2", { log: (l) => lines.push(l) });
        assert.match(lines[0], /^Read the live schema: 2 table\(s\) \(\d+ ms\)$/);
        assert.match(lines.at(-1), /^Applied \d+ statement\(s\) \(\d+ ms\)$/);
        assert.deepEqual(await live.rows("select p.id, p.title, u.name, u.bio from posts p join users u on u.id = p.author_id order by p.id"), [
          [1, "p1", "A", ""],
          [2, "p2", "A", ""],
          [3, "p3", "B", ""],
        ]);
      }));

    test("a changed default is seen and applied", () =>
      inProject(async (project) => {
        project.schema("v2", V2);
        project.schema("v3", V2.replace(`default("anonymous")`, `default("nobody")`));
        await pushAndCompare(project, "v2");
        await live.run(["insert into users (id, email, name) values (1, 'a@x', 'A')"]);
        assert.ok((await pushAndCompare(project, "v3")).length > 0);
        await live.run(["insert into users (id, email) values (2, 'b@x')"]);
        assert.deepEqual(await live.rows("select id, name from users order by id"), [[1, "A"], [2, "nobody"]]);
      }));

    test("data loss is refused without --force, listing what and how many rows; nothing changes", () =>
      inProject(async (project) => {
        project.schema("v1", V1);
        project.schema("small", USERS_V1.replace(`name: s.text("name"),`, ""));
        await pushAndCompare(project, "v1");
        await live.run([
          "insert into users (id, email, name) values (1, 'a@x', 'A'), (2, 'b@x', null)",
          "insert into posts (id, author_id, title) values (1, 1, 'p1'), (2, 1, 'p2'), (3, 2, 'p3')",
        ]);
        const shapeBefore = await live.shape();
        await assert.rejects(push(project.config("small"), live.db(), quiet), (e) => {
          assert.ok(e instanceof CliError);
          assert.equal(
            e.message,
            "push would lose data:\n" +
              "  - column users.name is dropped with its values (1 non-null value)\n" +
              "  - table posts is dropped with all its rows (3 rows)\n" +
              "Nothing was changed. Run again with --force if that is intended.",
          );
          return true;
        });
        assert.deepEqual(await live.shape(), shapeBefore);
        assert.deepEqual(await live.rows("select count(*) from posts"), [[3]]);
        await pushAndCompare(project, "small", { force: true });
        assert.deepEqual(await live.rows("select id, email from users order by id"), [[1, "a@x"], [2, "b@x"]]);
      }));

    test("a rename needs an answer; --rename keeps the column's values", () =>
      inProject(async (project) => {
        project.schema("v1", USERS_V1);
        project.schema("renamed", USERS_V1.replace(`name: s.text("name"),`, `fullName: s.text("full_name"),`));
        await pushAndCompare(project, "v1");
        await live.run(["insert into users (id, email, name) values (1, 'a@x', 'A')"]);
        await assert.rejects(push(project.config("renamed"), live.db(), quiet), /table users: columns name are gone and full_name are new[\s\S]*--rename users\.name=users\.full_name/);
        await pushAndCompare(project, "renamed", { renames: [{ from: "users.name", to: "users.full_name" }] });
        assert.deepEqual(await live.rows("select id, full_name from users"), [[1, "A"]]);
      }));

    test("an enum gains a value; an index and a unique constraint are added", () =>
      inProject(async (project) => {
        const withRole = USERS_V1.replace(`s.text("name"),`, `s.text("name"), role: role("role").notNull().default("viewer"),`);
        project.schema("v1", ROLES + withRole + POSTS_V1);
        project.schema("v2", ROLES.replace(`"viewer"]`, `"viewer", "guest"]`) +
          withRole.replace(`default("viewer")`, `default("guest")`).replace(`s.text("name")`, `s.text("name").unique()`) +
          POSTS_V1.replace("});", `}, (t) => ({ byAuthor: s.index("posts_author_idx").on(t.authorId) }));`));
        await pushAndCompare(project, "v1");
        await live.run(["insert into users (id, email, name, role) values (1, 'a@x', 'A', 'admin')", "insert into posts (author_id, title) values (1, 'p1')"]);
        await pushAndCompare(project, "v2");
        await live.run(["insert into users (id, email, name) values (2, 'b@x', 'B')"]);
        assert.deepEqual(await live.rows("select id, role from users order by id"), [[1, "admin"], [2, "guest"]]);
        assert.deepEqual(await live.rows("select count(*) from posts"), [[1]]);
      }));
  });
}

test("the CLI pushes to the local D1 of a wrangler config, and exits 1 listing data loss", async () => {
  const project = tempProject();
  const run = (...args) => spawnSync(process.execPath, [SLUICE_BIN, "push", ...args], { cwd: project.root, encoding: "utf8", input: "" });
  try {
    writeFileSync(
      join(project.root, "wrangler.toml"),
      `name = "push-cli"\ncompatibility_date = "2025-09-01"\n\n[[d1_databases]]\nbinding = "DB"\n` +
        `database_name = "push"\ndatabase_id = "00000000-0000-4000-8000-0000000000aa"\n`,
    );
    const config = (v) => JSON.stringify({ schema: `./${v}.js`, dialect: "sqlite", d1: { binding: "DB", configPath: "./wrangler.toml", persist: { path: "./state" } } });
    project.schema("v1", V1);
    project.schema("small", USERS_V1);
    writeFileSync(join(project.root, "sluice.config.json"), config("v1"));
    const first = run();
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /^Read the live schema: 0 table\(s\) \(\d+ ms\)\nApplied 3 statement\(s\) \(\d+ ms\)\n$/);
    writeFileSync(join(project.root, "sluice.config.json"), config("small"));
    const refused = run();
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /^sluice: push would lose data:\n  - table posts is dropped with all its rows \(0 rows\)\n/);
    const forced = run("--force");
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(run().stdout, /No changes: the database matches the schema\./);
  } finally {
    project.dispose();
  }
});
