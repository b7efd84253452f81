// The npm tarball: what it holds, that it declares no runtime dependency, and that a fresh
// project installing it (offline, from the packed file) type-checks with declaration emit and
// isolatedModules, and runs a query in Node, in workerd (Miniflare), in Bun and in Deno.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { Miniflare } from "miniflare";

import { startPostgres } from "../migrate/support.js";
import { REPO, freshProject, pack, run, runtimeBinary } from "./support.js";

const SCHEMA_TS = `import { createInsertSchema, integer, relations, serial, table, text } from "sluice";

export const users = table("users", { id: serial("id").primaryKey(), name: text("name").notNull() });
export const posts = table("posts", {
  id: serial("id").primaryKey(),
  authorId: integer("author_id").notNull().references(() => users.id),
  title: text("title").notNull(),
});
export const usersRelations = relations(users, ({ many }) => ({ posts: many(posts) }));
export const postsRelations = relations(posts, ({ one }) => ({ author: one(users, { fields: [posts.authorId], references: [users.id] }) }));
export const insertUserSchema = createInsertSchema(users);
`;

const INDEX_TS = `import { createDb, eq } from "sluice";
import { d1, type D1Database } from "sluice/d1";
import { neonHttp } from "sluice/neon-http";
import { sluiceErrors } from "sluice/hono";
import * as schema from "./schema.js";

export const database = (binding: D1Database) => createDb({ schema, driver: d1(binding) });
export const postgres = (connectionString: string) => createDb({ schema, driver: neonHttp({ connectionString }) });

export async function firstPost(binding: D1Database) {
  const post = await database(binding).query.posts.findFirst({ where: eq(schema.posts.id, 1), with: { author: true } });
  return post === undefined ? undefined : { title: post.title, author: post.author.name };
}

export const onError = sluiceErrors();
`;

// Rows as an editor shows them (and as declaration emit writes them): plain object types.
const ROWS_TS = `import { createDb, createInsertSchema } from "sluice";
import { d1, type D1Database } from "sluice/d1";
import * as schema from "./schema.js";

declare const binding: D1Database;
const db = createDb({ schema, driver: d1(binding) });
export const feed = await db.query.posts.findMany({ columns: { title: true }, with: { author: true } });
export const parsed = createInsertSchema(schema.users).omit({ id: true }).parse({});
`;

const ROWS_DTS = `export declare const feed: {
    title: string;
    author: {
        id: number;
        name: string;
    };
}[];
export declare const parsed: {
    name: string;
};
`;

const TSCONFIG = JSON.stringify({
  compilerOptions: {
    target: "ES2022", module: "ESNext", moduleResolution: "Bundler", lib: ["ES2022", "DOM"], types: [],
    strict: true, declaration: true, isolatedModules: true, skipLibCheck: false, outDir: "types-out",
  },
  include: ["src"],
});

// One script for Node, Bun and Deno: Postgres over Neon's HTTP protocol is one fetch away in each.
const QUERY_MJS = `import { createDb, eq, serial, table, text } from "sluice";
import { neonHttp } from "sluice/neon-http";

const [runtime, connectionString, endpoint] = globalThis.Deno?.args ?? process.argv.slice(2);
const visits = table("visits", { id: serial("id").primaryKey(), runtime: text("runtime").notNull() });
const db = createDb({ schema: { visits }, driver: neonHttp({ connectionString, endpoint }) });
const [row] = await db.insert(visits).values({ runtime }).returning();
console.log(JSON.stringify(await db.query.visits.findFirst({ where: eq(visits.id, row.id) })));
`;

const WORKER_JS = `import { createDb } from "sluice";
import { d1 } from "sluice/d1";
import { users } from "./src/users.js";

export default {
  async fetch(request, env) {
    await env.DB.prepare('create table if not exists "users" ("id" integer primary key, "name" text not null)').run();
    const db = createDb({ schema: { users }, driver: d1(env.DB) });
    await db.insert(users).values({ name: "workerd" });
    return new Response(await db.select().from(users).bytes(), { headers: { "content-type": "application/json" } });
  },
};
`;

const USERS_JS = `import { serial, table, text } from "sluice";
export const users = table("users", { id: serial("id").primaryKey(), name: text("name").notNull() });
`;

const WRANGLER_TOML = `name = "fresh"\nmain = "worker.js"\ncompatibility_date = "2025-09-01"\n`;

let scratch;
let packed;
let project;
let pg;

before(async () => {
  scratch = mkdtempSync(join(tmpdir(), "sluice-pack-"));
  packed = pack(scratch);
  project = freshProject(packed.tarball, {
    "src/schema.ts": SCHEMA_TS,
    "src/index.ts": INDEX_TS,
    "src/rows.ts": ROWS_TS,
    "src/users.js": USERS_JS,
    "tsconfig.json": TSCONFIG,
    "query.mjs": QUERY_MJS,
    "worker.js": WORKER_JS,
    "wrangler.toml": WRANGLER_TOML,
  });
  pg = await startPostgres();
  await pg.sql.query(`create table "visits" ("id" serial primary key, "runtime" text not null)`);
});

after(async () => {
  await pg?.stop();
  project?.dispose();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

test("the tarball holds the wasm, the declarations and the docs, and no test, bench or reference-app file", () => {
  for (const file of ["bindings/sluice.wasm", "bindings/sluice-cli.wasm", "worker/index.d.ts", "worker/hono.d.ts", "worker/types/table.d.ts",
    "docs/api.md", "docs/migrations.md", "docs/internals.md", "README.md", "bin/sluice.js"])
    assert.ok(packed.files.includes(file), `${file} is packed`);
  const stray = packed.files.filter((f) => /^(tests|bench|src|scripts|migrations|worker\/app)\/|\.test\.|^sluice\..*config/.test(f));
  assert.deepEqual(stray, []);
});

test("the package has no runtime dependency; wrangler is an optional peer", () => {
  assert.equal(project.installed.dependencies, undefined);
  assert.deepEqual(project.installed.peerDependenciesMeta, { wrangler: { optional: true } });
  assert.deepEqual(run("npm", ["ls", "--all", "--parseable"], { cwd: project.root }).output.trim().split("\n").map((p) => p.slice(project.root.length)), [
    "",
    "/node_modules/sluice",
  ]);
});

test("tsc: the fresh project type-checks and emits declarations with isolatedModules, rows as plain objects", () => {
  const tsc = join(REPO, "node_modules/typescript/bin/tsc");
  const check = run(process.execPath, [tsc, "-p", ".", "--noEmit"], { cwd: project.root });
  assert.equal(check.output, "");
  assert.equal(check.code, 0);
  const emit = run(process.execPath, [tsc, "-p", ".", "--emitDeclarationOnly"], { cwd: project.root });
  assert.equal(emit.output, "", "declaration emit names every type through the package's entry points");
  assert.equal(emit.code, 0);
  assert.equal(readFileSync(join(project.root, "types-out/rows.d.ts"), "utf8"), ROWS_DTS);
});

test("Node runs a query", () => {
  const node = run(process.execPath, ["query.mjs", "node", pg.credentials.connectionString, pg.credentials.endpoint], { cwd: project.root });
  assert.equal(node.code, 0, node.output);
  assert.match(node.output, /^\{"id":\d+,"runtime":"node"\}\n$/);
});

test("workerd (Miniflare) runs a query in the Worker wrangler bundles", async () => {
  const outdir = join(scratch, "bundle");
  const bundle = run(process.execPath, [join(REPO, "node_modules/wrangler/bin/wrangler.js"), "deploy", "--dry-run", "--outdir", outdir], {
    cwd: project.root,
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" },
  });
  assert.equal(bundle.code, 0, bundle.output);
  const mf = new Miniflare({
    modules: true,
    scriptPath: join(outdir, "worker.js"),
    modulesRoot: outdir,
    modulesRules: [{ type: "CompiledWasm", include: ["**/*.wasm"] }],
    compatibilityDate: "2025-09-01",
    d1Databases: { DB: "fresh" },
  });
  try {
    const response = await mf.dispatchFetch("http://localhost/");
    assert.deepEqual(await response.json(), [{ id: 1, name: "workerd" }]);
  } finally {
    await mf.dispose();
  }
});

test("Bun runs a query", (t) => {
  const bun = runtimeBinary("bun");
  if (bun.reason) return t.skip(bun.reason);
  const result = run(bun.bin, ["query.mjs", "bun", pg.credentials.connectionString, pg.credentials.endpoint], { cwd: project.root });
  assert.equal(result.code, 0, result.output);
  assert.match(result.output, /^\{"id":\d+,"runtime":"bun"\}\n$/);
});

test("Deno runs a query, allowed to read the package's files and to reach the database", (t) => {
  const deno = runtimeBinary("deno");
  if (deno.reason) return t.skip(deno.reason);
  const args = ["run", "--allow-read", "--allow-net", "query.mjs", "deno", pg.credentials.connectionString, pg.credentials.endpoint];
  const result = run(deno.bin, args, { cwd: project.root, env: { ...process.env, DENO_NO_UPDATE_CHECK: "1" } });
  assert.equal(result.code, 0, result.output);
  assert.match(result.output, /^\{"id":\d+,"runtime":"deno"\}\n$/);
});
