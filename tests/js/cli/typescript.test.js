// A TypeScript project uses the CLI as it is: sluice.config.ts (or .mts) and a .ts schema that
// imports its siblings the ways TypeScript allows (no extension, `.js` for a `.ts` file), with
// types, enums and `import type`; and the small things a new user meets on the way.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import { SLUICE_URL, runSluice, tempProject } from "./support.js";

const TYPESCRIPT_PROJECT = {
  "src/db/config-type.ts": `export interface Config { schema: string; out: string; dialect: "sqlite" | "postgresql"; d1?: { binding: string } }\n`,
  "src/db/columns.ts": `import * as s from ${JSON.stringify(SLUICE_URL)};
export const timestamps = { createdAt: s.timestamp("created_at").notNull().defaultNow() };
`,
  "src/db/roles.ts": `export enum Role { Admin = "admin", Viewer = "viewer" }\n`,
  "src/db/schema.ts": `import * as s from ${JSON.stringify(SLUICE_URL)};
import { timestamps } from "./columns";
import { Role } from "./roles.js";
import type { Config } from "./config-type";
const roles: [string, ...string[]] = [Role.Admin, Role.Viewer];
export const role = s.enumType("role", roles);
export const users = s.table("users", { id: s.serial("id").primaryKey(), role: role("role").notNull(), ...timestamps });
export type Unused = Config;
`,
};

const CONFIG = `import type { Config } from "./src/db/config-type";
const config: Config = { schema: "./src/db/schema.ts", out: "./migrations", dialect: "sqlite", d1: { binding: "DB" } };
export default config;
`;

for (const name of ["sluice.config.ts", "sluice.config.mts"]) {
  test(`${name} and a .ts schema: generate writes the migration, check reads it`, () => {
    const project = tempProject({ ...TYPESCRIPT_PROJECT, [name]: CONFIG });
    try {
      const generate = runSluice(project.root, ["generate", "--name", "init"]);
      assert.equal(generate.code, 0, generate.stderr);
      assert.equal(generate.stdout, "Wrote migrations/0000_init.sql (1 statement)\n");
      assert.match(readFileSync(join(project.root, "migrations/0000_init.sql"), "utf8"), /^create table "users" \("id" .*"role" text not null check \("role" in \('admin', 'viewer'\)\), "created_at" integer not null/);
      const check = runSluice(project.root, ["check"]);
      assert.equal(check.code, 0, check.stderr);
      assert.equal(check.stderr, "");
    } finally {
      project.dispose();
    }
  });
}

test("an unknown config key is named in a warning, and the command still runs", () => {
  const project = tempProject({
    "sluice.config.json": JSON.stringify({ schema: "./s.js", dialect: "sqlite", verbose: true, breakpoints: false }),
  });
  try {
    const run = runSluice(project.root, ["check"]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      run.stderr,
      'sluice: warning: sluice.config.json: unknown key "verbose" is ignored\n' +
        'sluice: warning: sluice.config.json: unknown key "breakpoints" is ignored\n',
    );
  } finally {
    project.dispose();
  }
});
