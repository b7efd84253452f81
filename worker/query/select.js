/**
 * @module query/select
 * `db.select(fields?).from(table)` with joins, where, orderBy, limit and offset.
 * @example
 * await db.select({ id: posts.id, authorName: users.name }).from(posts)
 *   .innerJoin(users, eq(posts.authorId, users.id)).where(eq(posts.published, true)).limit(10);
 * // postgres: select "posts"."id", "users"."name" from "posts"
 * //   inner join "users" on "posts"."author_id" = "users"."id" where "posts"."published" = $1 limit $2
 * // sqlite: the same with ? placeholders, wrapped so SQLite returns the rows as one JSON cell
 */
import { SluiceError } from "../errors.js";
import { checkCondition, checkCount, checkExpression, checkOrderTerms } from "./arguments.js";
import { QueryBuilder, checkFields, writeFields, writeWhere } from "./builder.js";
import { writeOrder } from "./ordering.js";
import { tableKey } from "./spec-context.js";

export class SelectQuery extends QueryBuilder {
  /**
   * @param {object} db
   * @param {object | undefined} fields
   * @param {true | object[] | undefined} [distinct] selectDistinct (true) or selectDistinctOn
   *   (its expressions)
   */
  constructor(db, fields, distinct) {
    super(db);
    this.fields = fields === undefined ? undefined : checkFields(fields, "select()");
    this.distinct = distinct;
    this.grouping = [];
    this.groupCondition = undefined;
    this.table = undefined;
    this.joins = [];
    this.condition = undefined;
    this.order = undefined;
    this.limitValue = undefined;
    this.offsetValue = undefined;
  }

  /** @param {object} table */
  from(table) {
    tableKey(table); // fails here, not at execution, for a table outside the schema
    this.table = table;
    return this;
  }

  /** @param {object} table @param {object} on */
  innerJoin(table, on) {
    return this.#join("inner", table, on);
  }

  /** Rows of `table` that match nothing come back as null (a null group without projection). */
  leftJoin(table, on) {
    return this.#join("left", table, on);
  }

  /** Every row of `table`; the tables before it are null where nothing matched. */
  rightJoin(table, on) {
    return this.#join("right", table, on);
  }

  /** Every row of both sides; either is null where nothing matched. */
  fullJoin(table, on) {
    return this.#join("full", table, on);
  }

  /** Every row of `table` with every row so far; no condition. */
  crossJoin(table) {
    const key = tableKey(table);
    this.joins.push({ type: "cross", key, table, on: undefined });
    return this;
  }

  #join(type, table, on) {
    const key = tableKey(table);
    this.joins.push({ type, key, table });
    const where = `${type}Join() on`;
    const condition = typeof on === "function" ? checkCondition(on(this.#selection()), `${where} callback's result`, false) : on;
    this.joins.at(-1).on = checkCondition(condition, where, false);
    return this;
  }

  /**
   * What callbacks receive, as in drizzle: the projection, or without one the table's columns,
   * or once something is joined one entry per table under its schema key.
   */
  #selection() {
    if (this.fields !== undefined) return this.fields;
    if (this.table === undefined) throw new SluiceError("invalid_value", "select() needs .from(table) first");
    if (this.joins.length === 0) return this.table;
    const tables = { [tableKey(this.table)]: this.table };
    for (const join of this.joins) tables[join.key] = join.table;
    return tables;
  }

  /**
   * @param {object | undefined | ((fields: object) => object | undefined)} condition
   *   undefined means no condition; a callback receives the selected fields
   */
  where(condition) {
    this.condition =
      typeof condition === "function"
        ? checkCondition(condition(this.#selection()), "where() callback's result")
        : checkCondition(condition, "where()");
    return this;
  }

  /**
   * @param {...object} items columns or expressions, or one array of them, or a callback
   *   receiving the selected fields and returning those
   */
  groupBy(...items) {
    const list =
      items.length === 1 && typeof items[0] === "function"
        ? [items[0](this.#selection())].flat()
        : items.length === 1 && Array.isArray(items[0]) ? items[0] : items;
    this.grouping = list.map((item, i) => checkExpression(item, `groupBy() item ${i + 1}`));
    return this;
  }

  /**
   * @param {object | undefined | ((fields: object) => object | undefined)} condition over
   *   the groups (aggregates allowed); a callback receives the selected fields
   */
  having(condition) {
    this.groupCondition =
      typeof condition === "function"
        ? checkCondition(condition(this.#selection()), "having() callback's result")
        : checkCondition(condition, "having()");
    return this;
  }

  /**
   * @param {...object} items columns (ascending) or asc()/desc(), or one array of them, or a
   *   callback receiving the selected fields and returning those
   */
  orderBy(...items) {
    if (items.length === 1 && typeof items[0] === "function") {
      this.order = checkOrderTerms(items[0](this.#selection()), "orderBy() callback's result");
    } else {
      this.order = checkOrderTerms(items.length === 1 && Array.isArray(items[0]) ? items[0] : items, "orderBy()");
    }
    return this;
  }

  /** @param {number} n */
  limit(n) {
    this.limitValue = checkCount(n, "limit()");
    return this;
  }

  /** @param {number} n */
  offset(n) {
    this.offsetValue = checkCount(n, "offset()");
    return this;
  }

  writeSpec(ctx) {
    if (this.table === undefined) throw new SluiceError("invalid_value", "select() needs .from(table)");
    let spec = `${this.db.prefix}"kind":"select","table":${JSON.stringify(tableKey(this.table))}`;
    if (this.distinct === true) spec += `,"distinct":true`;
    else if (this.distinct !== undefined) spec += `,"distinctOn":[${this.distinct.map((e) => ctx.operand(e)).join(",")}]`;
    if (this.fields !== undefined) spec += `,"fields":${writeFields(ctx, this.fields)}`;
    if (this.joins.length) {
      let joins = "";
      for (let i = 0; i < this.joins.length; i++) {
        const j = this.joins[i];
        const on = j.on === undefined ? "" : `,"on":${ctx.operand(j.on)}`;
        joins += `${i ? "," : ""}{"type":"${j.type}","table":${JSON.stringify(j.key)}${on}}`;
      }
      spec += `,"joins":[${joins}]`;
    }
    spec += writeWhere(ctx, this.condition);
    if (this.grouping.length) spec += `,"groupBy":[${this.grouping.map((e) => ctx.operand(e)).join(",")}]`;
    if (this.groupCondition !== undefined) spec += `,"having":${ctx.operand(this.groupCondition)}`;
    if (this.order !== undefined && this.order.length) spec += `,"orderBy":${writeOrder(ctx, this.order)}`;
    if (this.limitValue !== undefined) spec += `,"limit":${ctx.param(this.limitValue)}`;
    if (this.offsetValue !== undefined) spec += `,"offset":${ctx.param(this.offsetValue)}`;
    return `${spec}}`;
  }
}
