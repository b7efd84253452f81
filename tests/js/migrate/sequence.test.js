// Ten schema versions, each written by `generate` and applied by `migrate`, on a Miniflare D1
// and on a private PostgreSQL behind the gateway. After every step the introspected live
// schema is the snapshot's and every row is still there with its values; under strict, the
// column drop is refused until --allow-data-loss.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { CliError } from "../../../cli/errors.js";
import { generate } from "../../../cli/generate.js";
import { snapshotShape } from "../../../cli/introspect.js";
import { migrate } from "../../../cli/migrate.js";
import { latestSnapshot, liveDatabases, quiet, tempProject } from "./support.js";

const ROLE = (values) => `export const role = s.enumType("role", ${JSON.stringify(values)});\n`;
const USERS = (columns, extra = "") => `
export const users = s.table("users", {
  id: s.serial("id").primaryKey(),
  email: s.text("email").notNull(),
  ${columns}
}${extra});`;
const POSTS = (authorId, title, extra = "") => `
export const posts = s.table("posts", {
  id: s.serial("id").primaryKey(),
  authorId: ${authorId},
  title: ${title},
}${extra});`;
const AUTHOR = `s.integer("author_id").notNull()`;
const AUTHOR_FK = `${AUTHOR}.references(() => users.id, { onDelete: "cascade" })`;
const TAGS = `
export const tags = s.table("tags", {
  id: s.serial("id").primaryKey(),
  postId: s.integer("post_id").notNull().references(() => posts.id, { onDelete: "cascade" }),
  tag: s.text("tag").notNull(),
}, (t) => ({ onePerPost: s.uniqueIndex("tags_post_tag_idx").on(t.postId, t.tag) }));`;

// The versions in order: [migration name, schema module body, generate options]. The test
// inserts rows between steps and checks them after each.
const STEPS = [
  ["init", ROLE(["admin", "viewer"]) + USERS(`name: s.text("name"), role: role("role").notNull().default("viewer"),`) +
    POSTS(AUTHOR, `s.varchar("title", { length: 100 }).notNull()`)],
  ["bio default", ROLE(["admin", "viewer"]) + USERS(`name: s.text("name"), role: role("role").notNull().default("viewer"), bio: s.text("bio").notNull().default("none"),`) +
    POSTS(AUTHOR, `s.varchar("title", { length: 100 }).notNull()`)],
  ["rename name", ROLE(["admin", "viewer"]) + USERS(`fullName: s.text("full_name"), role: role("role").notNull().default("viewer"), bio: s.text("bio").notNull().default("none"),`) +
    POSTS(AUTHOR, `s.varchar("title", { length: 100 }).notNull()`), { renames: [{ from: "users.name", to: "users.full_name" }] }],
  ["title text", ROLE(["admin", "viewer"]) + USERS(`fullName: s.text("full_name"), role: role("role").notNull().default("viewer"), bio: s.text("bio").notNull().default("none"),`) +
    POSTS(AUTHOR, `s.text("title").notNull()`), { allowDataLoss: true }],
  ["editor role", ROLE(["admin", "editor", "viewer"]) + USERS(`fullName: s.text("full_name"), role: role("role").notNull().default("editor"), bio: s.text("bio").notNull().default("none"),`) +
    POSTS(AUTHOR, `s.text("title").notNull()`)],
  ["author fk", ROLE(["admin", "editor", "viewer"]) + USERS(`fullName: s.text("full_name"), role: role("role").notNull().default("editor"), bio: s.text("bio").notNull().default("none"),`) +
    POSTS(AUTHOR_FK, `s.text("title").notNull()`)],
  ["drop bio", ROLE(["admin", "editor", "viewer"]) + USERS(`fullName: s.text("full_name"), role: role("role").notNull().default("editor"),`) +
    POSTS(AUTHOR_FK, `s.text("title").notNull()`), { allowDataLoss: true }],
  ["name required", ROLE(["admin", "editor", "viewer"]) + USERS(`fullName: s.text("full_name").notNull().default("anonymous"), role: role("role").notNull().default("editor"),`) +
    POSTS(AUTHOR_FK, `s.text("title").notNull()`)],
  ["indexes", ROLE(["admin", "editor", "viewer"]) +
    USERS(`fullName: s.text("full_name").notNull().default("anonymous"), role: role("role").notNull().default("editor"),`, `, (t) => ({ emailIdx: s.uniqueIndex("users_email_idx").on(t.email) })`) +
    POSTS(AUTHOR_FK, `s.text("title").notNull()`, `, (t) => ({ byAuthor: s.index("posts_author_idx").on(t.authorId) })`)],
  ["tags", ROLE(["admin", "editor", "viewer"]) +
    USERS(`fullName: s.text("full_name").notNull().default("anonymous"), role: role("role").notNull().default("editor"),`, `, (t) => ({ emailIdx: s.uniqueIndex("users_email_idx").on(t.email) })`) +
    POSTS(AUTHOR_FK, `s.text("title").notNull()`, `, (t) => ({ byAuthor: s.index("posts_author_idx").on(t.authorId) })`) + TAGS],
];

for (const [kind, start] of Object.entries(liveDatabases)) {
  describe(`ten schema versions on ${kind}`, () => {
    let live;
    before(async () => {
      live = await start();
    });
    after(async () => {
      await live?.stop();
    });

    test("each generated, applied, introspected as its snapshot, every row kept", async () => {
      const project = tempProject({ strict: true, dialect: live.dialect });
      try {
        const step = async (i, check) => {
          const [name, body, options = {}] = STEPS[i];
          const version = `v${i}`;
          project.schema(version, body);
          const config = project.config(version);
          const entry = await generate(config, { name, ...options, ...quiet });
          assert.equal(entry.tag, `${String(i).padStart(4, "0")}_${name.replace(" ", "_")}`);
          assert.deepEqual(await migrate(config, live.target(), quiet), [entry.tag]);
          assert.deepEqual(await live.shape(), snapshotShape(latestSnapshot(config), config.coreDialect), `schema after ${entry.tag}`);
          await check();
        };
        const users = () => live.rows("select * from users order by id");
        const posts = () => live.rows("select id, author_id, title from posts order by id");
        const POSTS_ROWS = [[1, 1, "p1"], [2, 1, "p2"], [3, 2, "p3"]];

        await step(0, async () => {
          await live.run([
            "insert into users (email, name, role) values ('a@x', 'A', 'admin'), ('b@x', null, 'viewer'), ('c@x', 'C', 'viewer')",
            "insert into posts (author_id, title) values (1, 'p1'), (1, 'p2'), (2, 'p3')",
            // id 3 was handed out: no later user may get it again.
            "delete from users where id = 3",
          ]);
        });
        await step(1, async () => {
          assert.deepEqual(await users(), [[1, "a@x", "A", "admin", "none"], [2, "b@x", null, "viewer", "none"]]);
        });
        await step(2, async () => {
          assert.deepEqual(await live.rows("select id, full_name from users order by id"), [[1, "A"], [2, null]]);
        });
        await step(3, async () => {
          assert.deepEqual(await posts(), POSTS_ROWS);
        });
        await step(4, async () => {
          await live.run(["insert into users (email) values ('d@x')"]);
          assert.deepEqual(await users(), [
            [1, "a@x", "A", "admin", "none"],
            [2, "b@x", null, "viewer", "none"],
            [4, "d@x", null, "editor", "none"],
          ]);
        });
        await step(5, async () => {
          assert.deepEqual(await posts(), POSTS_ROWS);
          await assert.rejects(live.run(["insert into posts (id, author_id, title) values (99, 99, 'orphan')"]));
        });

        // strict: dropping bio is refused, nothing written, until --allow-data-loss.
        project.schema("v6", STEPS[6][1]);
        await assert.rejects(generate(project.config("v6"), quiet), (e) => e instanceof CliError && /column users\.bio is dropped with its values[\s\S]*--allow-data-loss/.test(e.message));
        assert.deepEqual(await migrate(project.config("v6"), live.target(), quiet), []);
        await step(6, async () => {
          assert.deepEqual(await users(), [[1, "a@x", "A", "admin"], [2, "b@x", null, "viewer"], [4, "d@x", null, "editor"]]);
        });

        // full_name NOT NULL: SQLite rebuilds users and posts, which references it with a cascade.
        await live.run(["update users set full_name = 'B' where id = 2", "update users set full_name = 'D' where id = 4"]);
        await step(7, async () => {
          assert.deepEqual(await posts(), POSTS_ROWS);
          await live.run(["insert into users (email) values ('e@x')", "insert into posts (author_id, title) values (4, 'p4')"]);
          assert.deepEqual(await users(), [
            [1, "a@x", "A", "admin"],
            [2, "b@x", "B", "viewer"],
            [4, "d@x", "D", "editor"],
            [5, "e@x", "anonymous", "editor"],
          ]);
          assert.deepEqual(await posts(), [...POSTS_ROWS, [4, 4, "p4"]]);
        });
        await step(8, async () => {
          await assert.rejects(live.run(["insert into users (email) values ('a@x')"]), "users_email_idx holds");
          assert.equal((await users()).length, 4);
        });
        await step(9, async () => {
          await live.run(["insert into tags (post_id, tag) values (1, 'x'), (4, 'y')"]);
          await assert.rejects(live.run(["insert into tags (post_id, tag) values (1, 'x')"]), "tags_post_tag_idx holds");
          await live.run(["delete from users where id = 4"]);
          assert.deepEqual(await live.rows("select post_id, tag from tags order by post_id"), [[1, "x"]]);
          assert.deepEqual(await posts(), POSTS_ROWS);
        });
      } finally {
        project.dispose();
      }
    });
  });
}
