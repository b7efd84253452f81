/**
 * @module query/operators
 * Filter operators. Each returns an expression node; values become parameters, columns
 * become references, and the SQL is written by the core for the target dialect.
 * @example
 * db.select().from(users).where(and(eq(users.role, "admin"), gt(users.id, 10)));
 * // postgres: select ... from "users" where ("users"."role" = $1 and "users"."id" > $2)
 * // sqlite:   select ... from "users" where ("users"."role" = ? and "users"."id" > ?)
 */
import { SluiceError } from "../errors.js";
import { isColumn } from "../schema/column.js";
import { checkCondition, checkOperand } from "./arguments.js";
import { Placeholder } from "./placeholder.js";
import { Expression } from "./spec-context.js";
import { isNestable } from "./subquery.js";

class Comparison extends Expression {
  constructor(op, left, right) {
    super();
    this.op = op;
    this.left = checkOperand(left, `${op}() argument 1`, right);
    this.right = checkOperand(right, `${op}() argument 2`, left);
  }

  write(ctx) {
    return `{"op":"${this.op}","left":${ctx.operand(this.left, this.right)},"right":${ctx.operand(this.right, this.left)}}`;
  }
}

// A list of plain values is one parameter (an array), so every length is one statement shape
// and one compiled plan, and D1's 100-parameter limit never meets a long list. A list that
// holds columns or expressions is written item by item.
class Membership extends Expression {
  constructor(op, left, list) {
    super();
    this.op = op;
    this.left = checkOperand(left, `${op}() argument 1`);
    // Postgres types the array from a column on the left; anything else is written as a list.
    // So is a list for a real column: SQLite reads json_each's numbers with its own parser,
    // which misses the exact double for some values, where a bound double is exact.
    if (isNestable(list)) {
      this.asOneValue = false;
      this.list = list;
      return;
    }
    this.asOneValue = isColumn(this.left) && this.left.type !== "real";
    if (list instanceof Placeholder && this.asOneValue) {
      this.list = list;
      return;
    }
    if (!Array.isArray(list)) throw new SluiceError("invalid_value", `${op} needs an array of values`);
    for (let i = 0; i < list.length; i++) {
      const item = checkOperand(list[i], `${op}() list item ${i + 1}`, left);
      if (isColumn(item) || item instanceof Expression) this.asOneValue = false;
    }
    this.list = list;
  }

  write(ctx) {
    const left = ctx.operand(this.left);
    if (isNestable(this.list)) return `{"op":"${this.op}","left":${left},"right":${ctx.operand(this.list)}}`;
    if (this.asOneValue) return `{"op":"${this.op}","left":${left},"right":${ctx.param(this.list, this.left)}}`;
    let items = "";
    for (let i = 0; i < this.list.length; i++) {
      items += (i ? "," : "") + ctx.operand(this.list[i], this.left);
    }
    return `{"op":"${this.op}","left":${left},"right":[${items}]}`;
  }
}

class Unary extends Expression {
  constructor(op, arg) {
    super();
    this.op = op;
    this.arg = op === "not" ? checkCondition(arg, "not() argument", false) : checkOperand(arg, `${op}() argument`);
  }

  write(ctx) {
    return `{"op":"${this.op}","arg":${ctx.operand(this.arg)}}`;
  }
}

class Range extends Expression {
  constructor(op, arg, low, high) {
    super();
    this.op = op;
    this.arg = checkOperand(arg, `${op}() argument 1`);
    this.low = checkOperand(low, `${op}() argument 2`, arg);
    this.high = checkOperand(high, `${op}() argument 3`, arg);
  }

  write(ctx) {
    const arg = ctx.operand(this.arg);
    return `{"op":"${this.op}","arg":${arg},"low":${ctx.operand(this.low, this.arg)},"high":${ctx.operand(this.high, this.arg)}}`;
  }
}

// `exists (select ...)`: whether the select finds any row.
class Exists extends Expression {
  constructor(op, query) {
    super();
    if (!isNestable(query)) throw new SluiceError("invalid_value", `${op}() takes a select query`, { path: [op] });
    this.op = op;
    this.query = query;
  }

  write(ctx) {
    return `{"op":"${this.op}","arg":${ctx.operand(this.query)}}`;
  }
}

class Logical extends Expression {
  constructor(op, args) {
    super();
    this.op = op;
    // drizzle lets callers pass undefined for "no condition here": `and(a, flag ? b : undefined)`.
    this.args = args.filter((a, i) => checkCondition(a, `${op}() argument ${i + 1}`) !== undefined);
  }

  write(ctx) {
    let args = "";
    for (let i = 0; i < this.args.length; i++) args += (i ? "," : "") + ctx.operand(this.args[i]);
    return `{"op":"${this.op}","args":[${args}]}`;
  }
}

/** `left = right` (a null value compares with `=`, as in drizzle; use isNull for IS NULL). */
export const eq = (left, right) => new Comparison("eq", left, right);
/** `left <> right` */
export const ne = (left, right) => new Comparison("ne", left, right);
/** `left > right` */
export const gt = (left, right) => new Comparison("gt", left, right);
/** `left >= right` */
export const gte = (left, right) => new Comparison("gte", left, right);
/** `left < right` */
export const lt = (left, right) => new Comparison("lt", left, right);
/** `left <= right` */
export const lte = (left, right) => new Comparison("lte", left, right);
/** `left like pattern` */
export const like = (left, pattern) => new Comparison("like", left, pattern);
/** `left not like pattern` */
export const notLike = (left, pattern) => new Comparison("notLike", left, pattern);
/** Case-insensitive like (`ilike` on Postgres, `like` on SQLite, which ignores ASCII case). */
export const ilike = (left, pattern) => new Comparison("ilike", left, pattern);
/** Case-insensitive not like. */
export const notIlike = (left, pattern) => new Comparison("notIlike", left, pattern);
/**
 * `left in (...)`; an empty list is false. A list of values is bound as one parameter; a
 * select of one field is a subquery.
 */
export const inArray = (left, values) => new Membership("inArray", left, values);
/** `left not in (...)`; an empty list is true. */
export const notInArray = (left, values) => new Membership("notInArray", left, values);
/** `arg is null` */
export const isNull = (arg) => new Unary("isNull", arg);
/** `arg is not null` */
export const isNotNull = (arg) => new Unary("isNotNull", arg);
/** `not (condition)` */
export const not = (condition) => new Unary("not", condition);
/** `arg between low and high` */
export const between = (arg, low, high) => new Range("between", arg, low, high);
/** `arg not between low and high` */
export const notBetween = (arg, low, high) => new Range("notBetween", arg, low, high);
/** `exists (select ...)`: the select finds a row. */
export const exists = (query) => new Exists("exists", query);
/** `not exists (select ...)` */
export const notExists = (query) => new Exists("notExists", query);
/** All conditions; undefined ones are skipped, none means no condition. */
export const and = (...conditions) => new Logical("and", conditions);
/** Any condition; undefined ones are skipped. */
export const or = (...conditions) => new Logical("or", conditions);

/** The operators handed to relational `where` callbacks: `(t, { eq }) => eq(t.published, true)`. */
export const operators = {
  eq, ne, gt, gte, lt, lte, like, notLike, ilike, notIlike, inArray, notInArray,
  isNull, isNotNull, not, between, notBetween, and, or, exists, notExists,
};
