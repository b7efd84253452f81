/**
 * @module query/count
 * `db.$count(table, condition?)`: resolves to a number; as a select field or a value, it is a
 * scalar subquery.
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

  /** As a value (a select field, a where operand): `(select count(*) from ... where ...)`. */
  writeNested(ctx) {
    return `{"table":${JSON.stringify(tableKey(this.table))},"fields":[{"key":"count","expr":{"agg":"count"}}]${writeWhere(ctx, this.condition)}}`;
  }

  writeSpec(ctx) {
    return `${this.db.prefix}"kind":"count","table":${JSON.stringify(tableKey(this.table))}${writeWhere(ctx, this.condition)}}`;
  }
}
