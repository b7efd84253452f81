/**
 * @module query/aggregates
 * Aggregate functions for select fields, having and orderBy, with drizzle's result types:
 * count a number, sum and avg a string (Postgres answers numeric; digits are kept as text),
 * min and max the column's own type. Each is null over no rows, except count.
 * @example
 * await db.select({ authorId: posts.authorId, posts: count() }).from(posts)
 *   .groupBy(posts.authorId).having(gt(count(), 1));
 * // postgres: select "author_id", count(*) from "posts" group by "posts"."author_id" having count(*) > $1
 * // sqlite:   the same, each row built as a JSON object by SQLite
 */
import { checkExpression } from "./arguments.js";
import { Expression } from "./spec-context.js";

class Aggregate extends Expression {
  constructor(fn, arg, distinct, name) {
    super();
    this.fn = fn;
    this.arg = arg === undefined && fn === "count" && !distinct ? undefined : checkExpression(arg, `${name}() argument`);
    this.distinct = distinct;
  }

  /**
   * drizzle's `count().as("n")`, which a field of a subquery needs there: the field's key
   * already names it here, so the alias changes nothing.
   */
  as() {
    return this;
  }

  write(ctx) {
    const arg = this.arg === undefined ? "" : `,"arg":${ctx.operand(this.arg)}`;
    return `{"agg":"${this.fn}"${arg}${this.distinct ? ',"distinct":true' : ""}}`;
  }
}

/** `count(*)`, or `count(expr)`: the rows where it is not null. */
export const count = (expr) => new Aggregate("count", expr, false, "count");
/** `count(distinct expr)` */
export const countDistinct = (expr) => new Aggregate("count", expr, true, "countDistinct");
/** `sum(expr)`, as a string */
export const sum = (expr) => new Aggregate("sum", expr, false, "sum");
/** `sum(distinct expr)`, as a string */
export const sumDistinct = (expr) => new Aggregate("sum", expr, true, "sumDistinct");
/** `avg(expr)`, as a string */
export const avg = (expr) => new Aggregate("avg", expr, false, "avg");
/** `avg(distinct expr)`, as a string */
export const avgDistinct = (expr) => new Aggregate("avg", expr, true, "avgDistinct");
/** `min(column)`, of the column's type */
export const min = (expr) => new Aggregate("min", expr, false, "min");
/** `max(column)`, of the column's type */
export const max = (expr) => new Aggregate("max", expr, false, "max");
