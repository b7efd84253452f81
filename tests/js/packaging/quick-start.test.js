// The README's quick start, pasted into a fresh project that installed the packed tarball (and
// has wrangler and hono, linked from this repository's install as `npm i` would give them):
// generate and migrate through the installed CLI with a TypeScript config and schema, then the
// Worker answers through a real `wrangler dev`.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { WRANGLER_ENV, withWranglerDev } from "../support/wrangler-dev.js";
import { REPO, freshProject, pack, run } from "./support.js";

/** The files the quick start shows: a `**path**` line, then the fenced block that is the file. */
function quickStartFiles() {
  const readme = readFileSync(join(REPO, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Quick start"), readme.indexOf("## More"));
  return Object.fromEntries([...section.matchAll(/^\*\*([\w./-]+)\*\*\n\n```\w*\n([\s\S]*?)```$/gm)].map((m) => [m[1], m[2]]));
}

let scratch;
let project;

before(() => {
  scratch = mkdtempSync(join(tmpdir(), "sluice-quick-start-"));
  project = freshProject(pack(scratch).tarball, quickStartFiles());
  for (const name of ["wrangler", "hono"]) symlinkSync(join(REPO, "node_modules", name), join(project.root, "node_modules", name), "dir");
});

after(() => {
  project?.dispose();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

test("the quick start shows the four files", () => {
  assert.deepEqual(Object.keys(quickStartFiles()).sort(), ["sluice.config.ts", "src/db/schema.ts", "src/index.ts", "wrangler.toml"]);
});

test("npx sluice generate && npx sluice migrate, then wrangler dev serves the Worker", { timeout: 180_000 }, async () => {
  const sluice = join(project.root, "node_modules/.bin/sluice");
  const generate = run(sluice, ["generate"], { cwd: project.root, env: WRANGLER_ENV });
  assert.equal(generate.code, 0, generate.output);
  assert.match(generate.output, /^Wrote migrations\/0000_\w+\.sql \(\d+ statements\)\n$/);
  const migrate = run(sluice, ["migrate"], { cwd: project.root, env: WRANGLER_ENV });
  assert.equal(migrate.code, 0, migrate.output);
  assert.match(migrate.output, /^0000_\w+\.sql: applied \(\d+ ms\)\n$/);

  await withWranglerDev(project.root, [], async (base) => {
    const post = (body) => fetch(`${base}/users`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const created = await post({ email: "ada@example.com", name: "Ada" });
    assert.equal(created.status, 201);
    assert.deepEqual(await created.json(), { id: 1, email: "ada@example.com", name: "Ada" });
    const found = await fetch(`${base}/users/1`);
    assert.deepEqual(await found.json(), { id: 1, email: "ada@example.com", name: "Ada", posts: [] });
    const badId = await fetch(`${base}/users/abc`);
    assert.equal(badId.status, 400);
    assert.deepEqual(await badId.json(), { formErrors: [], fieldErrors: { id: ["users.id: NaN is not an integer"] } });
    const taken = await post({ email: "ada@example.com", name: "Ada again" });
    assert.equal(taken.status, 409);
    assert.deepEqual(await taken.json(), { error: "email already exists", field: "email" });
    const invalid = await post({ email: "not an email", name: "B" });
    assert.equal(invalid.status, 400);
    assert.deepEqual(Object.keys((await invalid.json()).fieldErrors), ["email"]);
  });
});
