import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";

import * as tutorial from "../../../worker/app/schema.js";
import {
  enumType,
  integer,
  jsonb,
  numeric,
  relations,
  serial,
  table,
  text,
  timestamp,
  uuid,
  varchar,
} from "../../../worker/index.js";
import { schemaDocument } from "../../../worker/schema/schema-document.js";

const fixture = JSON.parse(readFileSync(new URL("../../cpp/fixtures/tutorial_schema.json", import.meta.url), "utf8"));

describe("schema document", () => {
  it("of the tutorial schema equals the core's fixture", () => {
    assert.deepEqual(schemaDocument(tutorial).document, fixture);
  });

  it("keys tables by export name and keeps definition order", () => {
    const { tables } = schemaDocument(tutorial);
    assert.deepEqual([...tables.keys()], ["users", "posts"]);
  });

  it("names unique constraints and foreign keys as drizzle-kit does", () => {
    const accounts = table("accounts", {
      id: serial().primaryKey(),
      handle: varchar({ length: 40 }).notNull().unique(),
      code: text("code").unique("accounts_code_key"),
    });
    const sessions = table("sessions", {
      id: uuid("id").primaryKey().defaultRandom(),
      accountId: integer("account_id").references(() => accounts.id, { onDelete: "set null", onUpdate: "cascade" }),
    });
    const doc = schemaDocument({ accounts, sessions }).document;
    assert.deepEqual(doc.tables[0].uniques, [
      { name: "accounts_handle_unique", columns: ["handle"] },
      { name: "accounts_code_key", columns: ["code"] },
    ]);
    assert.deepEqual(doc.tables[1].foreignKeys, [
      {
        name: "sessions_account_id_accounts_id_fk",
        columns: ["accountId"],
        table: "accounts",
        references: ["id"],
        onDelete: "set null",
        onUpdate: "cascade",
      },
    ]);
    assert.deepEqual(doc.tables[1].columns[0], {
      key: "id",
      name: "id",
      type: "uuid",
      primaryKey: true,
      notNull: true,
      default: { kind: "random_uuid" },
    });
  });

  it("writes type options, JS defaults and enums used but not exported", () => {
    const level = enumType("level", ["low", "high"]);
    const items = table("items", {
      id: serial().primaryKey(),
      price: numeric({ precision: 10, scale: 2 }),
      level: level(),
      data: jsonb().default({ a: 1 }),
      seenAt: timestamp("seen_at"),
      token: text().$defaultFn(() => "x"),
      touchedAt: timestamp().$onUpdate(() => new Date()),
    });
    const doc = schemaDocument({ items }).document;
    assert.deepEqual(doc.enums, [{ name: "level", values: ["low", "high"] }]);
    assert.deepEqual(doc.tables[0].columns.slice(1), [
      { key: "price", name: "price", type: "numeric", precision: 10, scale: 2 },
      { key: "level", name: "level", type: "enum", enum: "level" },
      { key: "data", name: "data", type: "jsonb", default: { kind: "value", value: { a: 1 } } },
      { key: "seenAt", name: "seen_at", type: "timestamp" },
      { key: "token", name: "token", type: "text", default: { kind: "fn" } },
      { key: "touchedAt", name: "touchedAt", type: "timestamp", default: { kind: "fn" }, onUpdate: true },
    ]);
  });

  it("rejects a many() without an inverse one()", () => {
    const a = table("a", { id: serial().primaryKey() });
    const b = table("b", { id: serial().primaryKey(), aId: integer() });
    const aRelations = relations(a, ({ many }) => ({ bs: many(b) }));
    assert.throws(() => schemaDocument({ a, b, aRelations }), { code: "unknown_relation", path: ["a", "bs"] });
  });

  it("resolves a many() among several inverses by relationName", () => {
    const people = table("people", { id: serial().primaryKey() });
    const notes = table("notes", { id: serial().primaryKey(), authorId: integer(), editorId: integer() });
    const peopleRelations = relations(people, ({ many }) => ({
      written: many(notes, { relationName: "author" }),
      edited: many(notes, { relationName: "editor" }),
    }));
    const notesRelations = relations(notes, ({ one }) => ({
      author: one(people, { fields: [notes.authorId], references: [people.id], relationName: "author" }),
      editor: one(people, { fields: [notes.editorId], references: [people.id], relationName: "editor" }),
    }));
    const doc = schemaDocument({ people, notes, peopleRelations, notesRelations }).document;
    assert.deepEqual(doc.tables[0].relations, [
      { key: "written", kind: "many", table: "notes", fields: ["id"], references: ["authorId"] },
      { key: "edited", kind: "many", table: "notes", fields: ["id"], references: ["editorId"] },
    ]);
  });

  it("rejects a foreign key to a table outside the schema", () => {
    const outside = table("outside", { id: serial().primaryKey() });
    const inside = table("inside", { id: serial().primaryKey(), ref: integer().references(() => outside.id) });
    assert.throws(() => schemaDocument({ inside }), { code: "invalid_document" });
  });
});
