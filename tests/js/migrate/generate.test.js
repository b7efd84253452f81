// generate's questions and refusals: renames without a terminal, strict data loss, and the
// CLI's exit status.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import { CliError } from "../../../cli/errors.js";
import { generate } from "../../../cli/generate.js";
import { SLUICE_BIN, USERS_V1, quiet, tempProject } from "./support.js";

const RENAMED = USERS_V1.replace(`name: s.text("name"),`, `fullName: s.text("full_name"),`);

test("a dropped and an added column without a terminal is an error naming both", async () => {
  const project = tempProject();
  try {
    project.schema("v1", USERS_V1);
    project.schema("v2", RENAMED);
    await generate(project.config("v1"), quiet);
    await assert.rejects(generate(project.config("v2"), quiet), (e) => {
      assert.ok(e instanceof CliError);
      assert.match(e.message, /table users: columns name are gone and full_name are new/);
      assert.match(e.message, /--rename users\.name=users\.full_name/);
      return true;
    });
  } finally {
    project.dispose();
  }
});

test("--rename answers the question; --no-renames drops and creates", async () => {
  const project = tempProject();
  try {
    project.schema("v1", USERS_V1);
    project.schema("v2", RENAMED);
    await generate(project.config("v1"), quiet);
    const renamed = await generate(project.config("v2"), { renames: [{ from: "users.name", to: "users.full_name" }], ...quiet });
    const text = readFileSync(join(project.root, "migrations", `${renamed.tag}.sql`), "utf8");
    assert.equal(text, `alter table "users" rename column "name" to "full_name";\n`);
  } finally {
    project.dispose();
  }
  const other = tempProject();
  try {
    other.schema("v1", USERS_V1);
    other.schema("v2", RENAMED);
    await generate(other.config("v1"), quiet);
    const replaced = await generate(other.config("v2"), { noRenames: true, ...quiet });
    const text = readFileSync(join(other.root, "migrations", `${replaced.tag}.sql`), "utf8");
    assert.match(text, /add column "full_name" text/);
    assert.match(text, /drop column "name"/);
  } finally {
    other.dispose();
  }
});

test("strict refuses data loss unless allowed, listing what would be lost", async () => {
  const project = tempProject({ strict: true });
  try {
    project.schema("v1", USERS_V1);
    project.schema("v2", USERS_V1.replace(`name: s.text("name"),`, ""));
    await generate(project.config("v1"), quiet);
    await assert.rejects(generate(project.config("v2"), quiet), /column users\.name is dropped with its values[\s\S]*--allow-data-loss/);
    assert.ok(await generate(project.config("v2"), { allowDataLoss: true, ...quiet }));
  } finally {
    project.dispose();
  }
});

test("the CLI exits non-zero with the message when it cannot ask", () => {
  const project = tempProject();
  try {
    project.schema("v1", USERS_V1);
    project.schema("v2", RENAMED);
    const config = (v) => JSON.stringify({ schema: `./${v}.js`, out: "./migrations", dialect: "sqlite" });
    writeFileSync(join(project.root, "sluice.config.json"), config("v1"));
    const first = spawnSync(process.execPath, [SLUICE_BIN, "generate", "--name", "init"], { cwd: project.root, encoding: "utf8" });
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /0000_init\.sql/);
    writeFileSync(join(project.root, "sluice.config.json"), config("v2"));
    const second = spawnSync(process.execPath, [SLUICE_BIN, "generate"], { cwd: project.root, encoding: "utf8" });
    assert.equal(second.status, 1);
    assert.match(second.stderr, /^sluice: Renamed or dropped-and-created\?/);
    const third = spawnSync(process.execPath, [SLUICE_BIN, "generate", "--rename", "users.name=users.full_name"], { cwd: project.root, encoding: "utf8" });
    assert.equal(third.status, 0, third.stderr);
  } finally {
    project.dispose();
  }
});
