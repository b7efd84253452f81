// migrate and push over D1's REST API, against a local stand-in for it (support/d1-rest.js)
// over a Miniflare D1: the binding path's cases, each migration one batch request, and the
// CLI's messages for a refused token, an unreachable endpoint and a bad config.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { checkConfig } from "../../../cli/config.js";
import { CliError } from "../../../cli/errors.js";
import { generate } from "../../../cli/generate.js";
import { snapshotShape, sqliteSchema } from "../../../cli/introspect.js";
import { migrate } from "../../../cli/migrate.js";
import { pushConfigured } from "../../../cli/push.js";
import { openTarget } from "../../../cli/targets.js";
import { startD1Rest } from "../support/d1-rest.js";
import { POSTS_V1, USERS_V1, latestSnapshot, quiet, startD1, tempProject } from "./support.js";

let d1;
let rest;
before(async () => {
  d1 = await startD1();
  rest = await startD1Rest(d1.binding);
});
after(async () => {
  await rest.close();
  await d1.mf.dispose();
});

const rows = async (sql) => (await d1.binding.prepare(sql).all()).results;

async function freshDb() {
  const tables = await rows("select name from sqlite_schema where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%'");
  for (const { name } of tables.reverse()) await d1.binding.prepare(`drop table "${name}"`).run();
}

/** The project's config for a schema version, reaching the database through the REST API. */
function restConfig(project, version, d1Block = {}) {
  return checkConfig(
    {
      schema: `./${version}.js`,
      out: "./migrations",
      dialect: "sqlite",
      d1: { accountId: rest.accountId, databaseId: rest.databaseId, token: rest.token, apiBase: rest.apiBase, ...d1Block },
    },
    project.root,
    "sluice.config.js",
    {},
  );
}

async function migrateRest(config, options = quiet) {
  const { target, dispose } = await openTarget(config);
  try {
    return await migrate(config, target, options);
  } finally {
    await dispose();
  }
}

async function inProject(body) {
  const project = tempProject();
  await freshDb();
  try {
    await body(project);
  } finally {
    project.dispose();
  }
}

test("migrations are applied over the REST API, each as one batch request, and a rerun does nothing", () =>
  inProject(async (project) => {
    project.schema("v1", USERS_V1 + POSTS_V1);
    project.schema("v2", USERS_V1.replace(`s.text("name"),`, `s.text("name").notNull().default("anonymous"),`) + POSTS_V1);
    await generate(project.config("v1"), { name: "init", ...quiet });
    const lines = [];
    assert.deepEqual(await migrateRest(restConfig(project, "v1"), { log: (l) => lines.push(l) }), ["0000_init"]);
    assert.match(lines[0], /^0000_init\.sql: applied \(\d+ ms\)$/);
    await d1.binding.prepare("insert into users (id, email, name) values (1, 'a@x', 'A')").run();
    await d1.binding.prepare("insert into posts (author_id, title) values (1, 'p1')").run();

    // A rebuild of users and its child posts: one request holds the ledger row and every statement.
    await generate(project.config("v2"), { name: "name required", ...quiet });
    rest.requests.length = 0;
    assert.deepEqual(await migrateRest(restConfig(project, "v2")), ["0001_name_required"]);
    const batches = rest.requests.filter((r) => Array.isArray(r.batch));
    assert.equal(batches.length, 1);
    const statements = readFileSync(join(project.root, "migrations", "0001_name_required.sql"), "utf8").split("--> statement-breakpoint");
    assert.equal(batches[0].batch.length, statements.length + 1);
    assert.match(batches[0].batch[0].sql, /^insert into "__sluice_migrations"/);
    assert.ok(batches[0].batch[0].params.every((p) => typeof p === "string"), "params go as strings, as documented");

    assert.deepEqual(await sqliteSchema(d1.binding), snapshotShape(latestSnapshot(project.config("v2")), "sqlite"));
    assert.deepEqual(await rows("select p.title, u.name from posts p join users u on u.id = p.author_id"), [{ title: "p1", name: "A" }]);
    assert.deepEqual(await rows(`select tag, typeof(created_at) as t from "__sluice_migrations" order by id`), [
      { tag: "0000_init", t: "integer" },
      { tag: "0001_name_required", t: "integer" },
    ]);
    const again = [];
    assert.deepEqual(await migrateRest(restConfig(project, "v2"), { log: (l) => again.push(l) }), []);
    assert.deepEqual(again, ["No pending migrations."]);
  }));

test("a failing migration over the REST API leaves the database and the ledger unchanged and names the statement", () =>
  inProject(async (project) => {
    project.schema("v1", USERS_V1);
    await generate(project.config("v1"), quiet);
    await migrateRest(restConfig(project, "v1"));
    await d1.binding.prepare("insert into users (email, name) values ('a@x', 'same'), ('b@x', 'same')").run();
    project.schema("v2", USERS_V1.replace(`s.text("name"),`, `s.text("name").unique(),`));
    await generate(project.config("v2"), quiet);
    const schemaBefore = await rows("select name, sql from sqlite_schema order by name");
    await assert.rejects(migrateRest(restConfig(project, "v2")), (e) => {
      assert.ok(e instanceof CliError);
      assert.match(e.message, /^0001_migration\.sql failed, nothing of it was applied:/);
      assert.match(e.message, /statement \d+ of \d+: insert into "__\w*users" .* from "users"/);
      assert.match(e.message, /database: code 7500: UNIQUE constraint failed: __\w*users\.name/);
      return true;
    });
    assert.deepEqual(await rows("select name, sql from sqlite_schema order by name"), schemaBefore);
    assert.equal((await rows("select * from users")).length, 2);
    assert.deepEqual(await rows(`select tag from "__sluice_migrations"`), [{ tag: "0000_migration" }]);
  }));

test("an edited or out-of-order migration is refused by name over the REST API", () =>
  inProject(async (project) => {
    project.schema("v1", USERS_V1);
    project.schema("v2", USERS_V1 + POSTS_V1);
    project.schema("v3", USERS_V1.replace(`s.text("name"),`, `s.text("name"), bio: s.text("bio"),`) + POSTS_V1);
    for (const v of ["v1", "v2", "v3"]) await generate(project.config(v), { name: v, ...quiet });
    await migrateRest(restConfig(project, "v3"));
    await d1.binding.prepare(`delete from "__sluice_migrations" where tag = '0001_v2'`).run();
    await assert.rejects(migrateRest(restConfig(project, "v3")), /0001_v2\.sql sorts before 0002_v3\.sql, which is already applied/);

    await freshDb();
    await migrateRest(restConfig(project, "v3"));
    const file = join(project.root, "migrations", "0000_v1.sql");
    writeFileSync(file, readFileSync(file, "utf8") + "-- tweak\n");
    await assert.rejects(migrateRest(restConfig(project, "v3")), /0000_v1\.sql was edited after it was applied/);
  }));

test("push works over the REST API and refuses data loss the same way", () =>
  inProject(async (project) => {
    project.schema("v1", USERS_V1 + POSTS_V1);
    project.schema("v2", USERS_V1);
    assert.ok((await pushConfigured(restConfig(project, "v1"), quiet)).length > 0);
    assert.deepEqual(Object.keys((await sqliteSchema(d1.binding)).tables), ["posts", "users"]);
    assert.deepEqual(await pushConfigured(restConfig(project, "v1"), quiet), []);
    await d1.binding.prepare("insert into users (id, email) values (1, 'a@x')").run();
    await d1.binding.prepare("insert into posts (author_id, title) values (1, 'p1'), (1, 'p2')").run();
    await assert.rejects(pushConfigured(restConfig(project, "v2"), quiet), /push would lose data:\n {2}- table posts is dropped.*\(2 rows\)/);
    assert.equal((await rows("select * from posts")).length, 2);
  }));

test("a refused token, an unreachable endpoint and a non-JSON answer are one-line errors naming the endpoint, never the token", () =>
  inProject(async (project) => {
    project.schema("v1", USERS_V1);
    await generate(project.config("v1"), quiet);
    const endpoint = `${rest.apiBase}/accounts/${rest.accountId}/d1/database/${rest.databaseId}/query`;
    await assert.rejects(migrateRest(restConfig(project, "v1", { token: "s3cret-wrong" })), (e) => {
      assert.ok(e instanceof CliError);
      assert.equal(
        e.message,
        `D1 REST API at ${endpoint} refused the API token (HTTP 403, code 10000: Authentication error): ` +
          `check d1.token / $CLOUDFLARE_API_TOKEN and its D1 permission`,
      );
      return true;
    });
    const closed = createServer();
    await new Promise((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = closed.address().port;
    await new Promise((resolve) => closed.close(resolve));
    await assert.rejects(migrateRest(restConfig(project, "v1", { apiBase: `http://127.0.0.1:${port}/client/v4`, token: "s3cret" })), (e) => {
      assert.match(e.message, /^D1 REST API at http:\/\/127\.0\.0\.1:\d+\/client\/v4\/accounts\/acct-test\/d1\/database\/db-test\/query is unreachable: .*ECONNREFUSED/);
      assert.doesNotMatch(e.message, /s3cret|\n/);
      return true;
    });
    const proxy = createServer((req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html><body>502 Bad Gateway</body></html>");
    });
    await new Promise((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    try {
      await assert.rejects(migrateRest(restConfig(project, "v1", { apiBase: `http://127.0.0.1:${proxy.address().port}/v4`, token: "s3cret" })), (e) => {
        assert.match(e.message, /D1 REST API at http:\/\/127\.0\.0\.1:\d+\/v4\/accounts\/acct-test\/d1\/database\/db-test\/query answered HTTP 502 without a Cloudflare v4 JSON envelope: <html><body>502 Bad Gateway/);
        assert.doesNotMatch(e.message, /s3cret|\n/);
        return true;
      });
    } finally {
      await new Promise((resolve) => proxy.close(resolve));
    }
    assert.deepEqual(await rows("select name from sqlite_schema where name = 'users'"), []);
  }));

test("the REST config takes the environment's credentials and names what is missing", () => {
  const root = "/";
  const base = { schema: "./s.js", dialect: "sqlite" };
  const env = { CLOUDFLARE_ACCOUNT_ID: "a", CLOUDFLARE_D1_DATABASE_ID: "d", CLOUDFLARE_API_TOKEN: "t" };
  assert.deepEqual(checkConfig({ ...base, d1: { accountId: "x" } }, root, "c", env).d1, {
    kind: "rest", accountId: "x", databaseId: "d", token: "t", apiBase: "https://api.cloudflare.com/client/v4",
  });
  assert.equal(checkConfig({ ...base, d1: { binding: "DB" } }, root, "c", env).d1.kind, "local");
  assert.throws(() => checkConfig({ ...base, d1: { accountId: "x" } }, root, "c", {}), /c: D1's REST API needs "d1.databaseId" \(or \$CLOUDFLARE_D1_DATABASE_ID\)/);
  assert.throws(() => checkConfig({ ...base, d1: { binding: "DB", token: "t" } }, root, "c", env), /names both a binding .* and REST API credentials/);
  assert.throws(() => checkConfig({ ...base, d1: { apiBase: "ftp://x" } }, root, "c", env), /"d1.apiBase" must be an http\(s\) URL/);
  assert.equal(checkConfig({ ...base, d1: { apiBase: "http://127.0.0.1:8787/client/v4/" } }, root, "c", env).d1.apiBase, "http://127.0.0.1:8787/client/v4");
});
