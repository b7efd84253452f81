// Every CLI failure is one line `sluice: ...` with exit status 1 (or 2 for a command line it
// cannot read), and no stack trace unless --verbose asks for it.
import assert from "node:assert/strict";
import { createServer } from "node:net";
import { after, before, test } from "node:test";

import { startPostgres } from "../migrate/support.js";
import { USERS_SCHEMA, barePackage, runSluice, tempProject } from "./support.js";

const SQLITE = (extra = {}) => JSON.stringify({ schema: "./schema.js", out: "./migrations", dialect: "sqlite", d1: { binding: "DB" }, ...extra });
const POSTGRES = JSON.stringify({ schema: "./schema.js", out: "./migrations", dialect: "postgresql" });
const NO_PG_ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "DATABASE_URL" && k !== "NEON_HTTP_ENDPOINT"));

let pg;
let closedPort;
before(async () => {
  pg = await startPostgres();
  const server = createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  closedPort = server.address().port;
  await new Promise((resolve) => server.close(resolve));
});
after(async () => {
  await pg?.stop();
});

/** Each case: the project's files, the command line, the environment, the exact first line, the exit status. */
const CASES = [
  { name: "no config", files: {}, args: ["check"], line: "sluice: no sluice.config.ts / sluice.config.mts / sluice.config.js / sluice.config.mjs / sluice.config.json in {root}" },
  { name: "--config names no file", files: {}, args: ["check", "--config", "nope.ts"], line: "sluice: --config nope.ts: no such file" },
  { name: "config without schema", files: { "sluice.config.json": "{}" }, args: ["check"], line: 'sluice: sluice.config.json: "schema" must name the schema module' },
  {
    name: "unknown dialect",
    files: { "sluice.config.json": JSON.stringify({ schema: "./s.js", dialect: "mysql" }) },
    args: ["check"],
    line: 'sluice: sluice.config.json: "dialect" must be "sqlite" or "postgresql"',
  },
  { name: "config not JSON", files: { "sluice.config.json": "{ schema:" }, args: ["check"], line: /^sluice: cannot load sluice\.config\.json: .*JSON/ },
  {
    name: "syntax error in a TypeScript config",
    files: { "sluice.config.ts": "export default { schema: './s.ts' as string, ;\n" },
    args: ["check"],
    line: /^sluice: cannot load sluice\.config\.ts: SyntaxError: Expected identifier but found ";" \(.*sluice\.config\.ts:1:\d+\)$/,
  },
  { name: "config throws", files: { "sluice.config.js": "throw new Error('no env');\n" }, args: ["check"], line: "sluice: cannot load sluice.config.js: no env" },
  { name: "missing schema file", files: { "sluice.config.json": SQLITE() }, args: ["generate"], line: `sluice: schema schema.js: no such file (the config's "schema" names it)` },
  {
    name: "syntax error in the schema",
    files: { "sluice.config.json": SQLITE(), "schema.js": "export const users = ;\n" },
    args: ["generate"],
    line: "sluice: cannot load schema schema.js: SyntaxError: Unexpected token ';'",
  },
  {
    name: "schema imports a missing module",
    files: { "sluice.config.json": SQLITE(), "schema.js": 'import "./columns.js";\n' },
    args: ["generate"],
    line: /^sluice: cannot load schema schema\.js: Cannot find module '.*\/columns\.js' imported from .*\/schema\.js$/,
  },
  { name: "unknown command", files: {}, args: ["upgrade"], line: 'sluice: unknown command "upgrade"', code: 2 },
  { name: "unknown option", files: {}, args: ["check", "--dry-run"], line: "sluice: unknown option --dry-run (sluice --help lists them)", code: 2 },
  { name: "option without its value", files: {}, args: ["check", "--config"], line: "sluice: --config needs a value", code: 2 },
  { name: "bad --rename", files: {}, args: ["generate", "--rename", "users"], line: 'sluice: --rename wants old=new (table or table.column), got "users"', code: 2 },
  { name: "two commands", files: {}, args: ["generate", "migrate"], line: 'sluice: unexpected argument "migrate"', code: 2 },
  {
    name: "sqlite without a d1 block",
    files: { "sluice.config.json": JSON.stringify({ schema: "./schema.js", dialect: "sqlite" }) },
    args: ["migrate"],
    line: 'sluice: dialect sqlite needs a d1 block in the config: d1: { binding: "DB" } (local D1) or d1: { accountId, databaseId, token } (REST API)',
  },
  {
    name: "no Postgres connection string",
    files: { "sluice.config.json": POSTGRES },
    args: ["migrate"],
    line: "sluice: migrate: no Postgres connection string: set neon.connectionString in the config, or DATABASE_URL",
  },
  {
    name: "a local Postgres without its endpoint",
    files: { "sluice.config.json": POSTGRES },
    args: ["migrate"],
    env: () => ({ DATABASE_URL: "postgres://u:p@localhost:5432/db" }),
    line:
      "sluice: migrate: localhost is this machine: give the local gateway's endpoint in neon.endpoint or NEON_HTTP_ENDPOINT " +
      "(npm run gateway prints it), e.g. http://127.0.0.1:4444/sql",
  },
  {
    name: "unreachable endpoint",
    files: { "sluice.config.json": POSTGRES },
    args: ["migrate"],
    env: () => ({ DATABASE_URL: pg.credentials.connectionString, NEON_HTTP_ENDPOINT: `http://127.0.0.1:${closedPort}/sql` }),
    line: () => `sluice: cannot reach http://127.0.0.1:${closedPort}/sql: connect ECONNREFUSED 127.0.0.1:${closedPort}`,
  },
  {
    name: "refused password",
    files: { "sluice.config.json": POSTGRES },
    args: ["migrate"],
    env: () => ({ DATABASE_URL: pg.credentials.connectionString.replace(/:[^:@]+@/, ":wrong@"), NEON_HTTP_ENDPOINT: pg.credentials.endpoint }),
    line: 'sluice: cannot read the __sluice_migrations ledger: password authentication failed for user "sluice"',
  },
  {
    name: "no wrangler for the local D1",
    files: { "sluice.config.json": SQLITE(), "migrations/.keep": "" },
    args: ["migrate"],
    bare: true,
    line: "sluice: the local D1 is reached through wrangler, which is not installed: npm i -D wrangler",
  },
  {
    name: "no esbuild for a TypeScript config",
    files: { "sluice.config.ts": "export default {};\n" },
    args: ["check"],
    bare: true,
    line: "sluice: cannot load sluice.config.ts: TypeScript needs esbuild, which comes with wrangler: npm i -D wrangler",
  },
];

for (const c of CASES) {
  test(`sluice ${c.args.join(" ")}: ${c.name}`, () => {
    const project = tempProject(c.files);
    try {
      const bin = c.bare ? barePackage(project.root) : undefined;
      const env = { ...NO_PG_ENV, ...c.env?.() };
      const run = runSluice(project.root, c.args, { env, bin });
      const [first] = run.stderr.split("\n");
      const expected = typeof c.line === "function" ? c.line() : c.line;
      const line = typeof expected === "string" ? expected.replace("{root}", project.root) : expected;
      if (typeof line === "string") assert.equal(first, line, run.stderr);
      else assert.match(first, line, run.stderr);
      assert.equal(run.code, c.code ?? 1, run.stderr);
      assert.doesNotMatch(run.stderr, /^\s+at /m, "no stack trace");

      const verbose = runSluice(project.root, ["--verbose", ...c.args], { env, bin });
      assert.equal(verbose.stderr.split("\n")[0], first);
    } finally {
      project.dispose();
    }
  });
}

test("sluice --version prints the package's version", () => {
  const run = runSluice(process.cwd(), ["--version"]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^\d+\.\d+\.\d+\n$/);
});
