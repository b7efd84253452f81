// Temp migration folders with schema modules written per version, and a Miniflare D1.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { Miniflare } from "miniflare";

import { checkConfig } from "../../../cli/config.js";

const sluice = new URL("../../../worker/index.js", import.meta.url).href;

/** A temp project: `schema(version, body)` writes a schema module, `config(version)` points at it. */
export function tempProject({ strict = false } = {}) {
  const root = mkdtempSync(join(tmpdir(), "sluice-migrate-"));
  return {
    root,
    schema(version, body) {
      writeFileSync(join(root, `${version}.js`), `import * as s from ${JSON.stringify(sluice)};\n${body}\n`);
    },
    config(version) {
      return checkConfig({ schema: `./${version}.js`, out: "./migrations", dialect: "sqlite", strict }, root);
    },
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

export async function startD1() {
  const mf = new Miniflare({ modules: true, script: "export default {}", d1Databases: ["DB"] });
  return { mf, binding: await mf.getD1Database("DB") };
}

export const quiet = { log: () => {} };

export const USERS_V1 = `
export const users = s.table("users", {
  id: s.serial("id").primaryKey(),
  email: s.text("email").notNull(),
  name: s.text("name"),
}, (t) => ({ emailIdx: s.uniqueIndex("users_email_idx").on(t.email) }));`;

export const POSTS_V1 = `
export const posts = s.table("posts", {
  id: s.serial("id").primaryKey(),
  authorId: s.integer("author_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  title: s.text("title").notNull(),
});`;
