/**
 * @module query/count
 * `db.$count(table, condition?)`: resolves to a number.
 * @example
 * await db.$count(posts, eq(posts.published, true));
 * // postgres: select count(*) from "posts" where "posts"."published" = $1
 * // sqlite:   select count(*) from "posts" where "posts"."published" = ?
 */
import { checkCondition } from "./arguments.js";
import { QueryBuilder, writeWhere } from "./builder.js";
import { tableKey } from "./spec-context.js";

export class CountQuery extends QueryBuilder {
  constructor(db, table, condition) {
    super(db);
    tableKey(table);
    this.table = table;
    this.condition = checkCondition(condition, "$count() argument 2");
  }

  writeSpec(ctx) {
    return `${this.db.prefix}"kind":"count","table":${JSON.stringify(tableKey(this.table))}${writeWhere(ctx, this.condition)}}`;
  }
}
