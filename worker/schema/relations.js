/**
 * @module schema/relations
 * Relations between tables for the relational query API (`db.query.users.findMany({ with })`).
 * `one()` names the joining columns; `many()` is resolved against the inverse `one()` of
 * its target when the schema document is built, so the document is always explicit.
 */
import { SluiceError } from "../errors.js";
import { isTable } from "./table-meta.js";

export class Relations {
  constructor(table, define) {
    this.table = table;
    this.define = define;
  }
}

class One {
  constructor(target, config) {
    this.kind = "one";
    this.target = target;
    this.fields = config?.fields;
    this.references = config?.references;
    this.relationName = config?.relationName;
  }
}

class Many {
  constructor(target, config) {
    this.kind = "many";
    this.target = target;
    this.relationName = config?.relationName;
  }
}

const helpers = {
  /**
   * @param {object} target
   * @param {{ fields: object[], references: object[], relationName?: string }} [config]
   */
  one: (target, config) => new One(target, config),
  /** @param {object} target @param {{ relationName?: string }} [config] */
  many: (target, config) => new Many(target, config),
};

/**
 * Declares the relations of `table`.
 * @example
 * export const usersRelations = relations(users, ({ many }) => ({ posts: many(posts) }));
 * export const postsRelations = relations(posts, ({ one }) => ({
 *   author: one(users, { fields: [posts.authorId], references: [users.id] }),
 * }));
 * @param {object} table
 * @param {(h: typeof helpers) => Record<string, One | Many>} define
 */
export function relations(table, define) {
  if (!isTable(table)) throw new SluiceError("invalid_document", "relations() needs a table");
  return new Relations(table, define);
}

/** Evaluates a Relations object: `[key, One | Many][]` in declaration order. */
export function relationEntries(declared) {
  return Object.entries(declared.define(helpers));
}
