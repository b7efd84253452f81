// check: every way a migrations folder can drift from what generate wrote is one line naming
// the file; a consistent folder is one OK line and exit status 0.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import { checkFolder } from "../../../cli/check.js";
import { generate } from "../../../cli/generate.js";
import { POSTS_V1, SLUICE_BIN, USERS_V1, quiet, tempProject } from "./support.js";


// Three generated migrations; `body(project, out)` damages the folder.
async function withFolder(body) {
  const project = tempProject();
  try {
    project.schema("v1", USERS_V1);
    project.schema("v2", USERS_V1 + POSTS_V1);
    project.schema("v3", USERS_V1.replace(`s.text("name"),`, `s.text("name"), bio: s.text("bio"),`) + POSTS_V1);
    for (const v of ["v1", "v2", "v3"]) await generate(project.config(v), { name: v, ...quiet });
    await body(project, join(project.root, "migrations"));
  } finally {
    project.dispose();
  }
}

const editJson = (path, edit) => {
  const value = JSON.parse(readFileSync(path, "utf8"));
  edit(value);
  writeFileSync(path, JSON.stringify(value, null, 2));
};

test("a folder generate wrote is consistent", () =>
  withFolder(async (project) => {
    assert.deepEqual(checkFolder(project.config("v3")), []);
  }));

test("an edited SQL file is named", () =>
  withFolder(async (project, out) => {
    writeFileSync(join(out, "0001_v2.sql"), readFileSync(join(out, "0001_v2.sql"), "utf8") + "-- edit\n");
    assert.deepEqual(checkFolder(project.config("v3")), ["0001_v2.sql: modified since it was generated (its hash is not the journal's)"]);
  }));

test("missing SQL and snapshot files, and stray ones, are named", () =>
  withFolder(async (project, out) => {
    renameSync(join(out, "0002_v3.sql"), join(out, "0002_other.sql"));
    rmSync(join(out, "meta", "0001_snapshot.json"));
    writeFileSync(join(out, "meta", "0007_snapshot.json"), "{}");
    assert.deepEqual(checkFolder(project.config("v3")), [
      "meta/0001_snapshot.json: missing (the snapshot of 0001_v2)",
      "0002_v3.sql: missing (the journal names it)",
      "0002_other.sql: not in the journal",
      "meta/0007_snapshot.json: no journal entry for it",
    ]);
  }));

test("a broken prevId chain, a duplicate id and an unreadable snapshot are named", () =>
  withFolder(async (project, out) => {
    const first = JSON.parse(readFileSync(join(out, "meta", "0000_snapshot.json"), "utf8"));
    editJson(join(out, "meta", "0001_snapshot.json"), (s) => {
      s.prevId = "11111111-1111-1111-1111-111111111111";
    });
    editJson(join(out, "meta", "0002_snapshot.json"), (s) => {
      s.id = first.id;
      s.schema.tables[0].columns[0].type = "blob";
    });
    const problems = checkFolder(project.config("v3"));
    assert.equal(problems.length, 3, problems.join("\n"));
    assert.match(problems[0], /^meta\/0001_snapshot\.json: prevId 1111.* is not the id of the previous snapshot/);
    assert.match(problems[1], /^meta\/0002_snapshot\.json: id .* is also the id of meta\/0000_snapshot\.json/);
    assert.match(problems[2], /^meta\/0002_snapshot\.json: its schema does not load: .*blob/);
  }));

test("journal problems: dialect, dates out of order, invalid JSON", () =>
  withFolder(async (project, out) => {
    const journal = join(out, "meta", "_journal.json");
    editJson(journal, (j) => {
      j.dialect = "postgresql";
      j.entries[2].when = j.entries[1].when;
    });
    assert.deepEqual(checkFolder(project.config("v3")), [
      "meta/_journal.json: dialect is postgresql, the config says sqlite",
      "meta/_journal.json: 0002_v3 is dated before 0001_v2",
    ]);
    writeFileSync(journal, "{");
    assert.match(checkFolder(project.config("v3"))[0], /^meta\/_journal\.json: not valid JSON/);
  }));

test("the CLI prints OK and exits 0, or one line per problem and exits 1", () =>
  withFolder(async (project, out) => {
    writeFileSync(join(project.root, "sluice.config.json"), JSON.stringify({ schema: "./v3.js", out: "./migrations", dialect: "sqlite" }));
    const ok = spawnSync(process.execPath, [SLUICE_BIN, "check"], { cwd: project.root, encoding: "utf8" });
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(ok.stdout, "OK: 3 migration(s), journal, snapshots and SQL files consistent\n");
    writeFileSync(join(out, "0000_v1.sql"), "drop table users;\n");
    writeFileSync(join(out, "0009_extra.sql"), "select 1;\n");
    const bad = spawnSync(process.execPath, [SLUICE_BIN, "check"], { cwd: project.root, encoding: "utf8" });
    assert.equal(bad.status, 1);
    assert.deepEqual(bad.stderr.trim().split("\n").slice(1), [
      "0000_v1.sql: modified since it was generated (its hash is not the journal's)",
      "0009_extra.sql: not in the journal",
    ]);
  }));
