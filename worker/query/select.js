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
import { SOURCE, isSource, subquery, writeSourceMembers, writeWith } from "./subquery.js";

/** The key a table or a subquery/CTE has in callbacks' selections and in the spec. */
function sourceKey(source) {
  return isSource(source) ? source[SOURCE].alias : tableKey(source);
}

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
    /** `[{ op, query }]`: the selects combined with this one (union, ...). */
    this.setOps = [];
    /** CTEs from `db.with(...)`. */
    this.withList = [];
  }

  /** @param {object} table a table, a subquery (`select.as("sq")`) or a CTE (`db.$with()`) */
  from(table) {
    sourceKey(table); // fails here, not at execution, for a table outside the schema
    this.table = table;
    return this;
  }

  /**
   * This select as a subquery for from and joins; its fields are read as `sq.key`.
   * @param {string} alias
   */
  as(alias) {
    return subquery(this, alias);
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
    const key = sourceKey(table);
    this.joins.push({ type: "cross", key, table, on: undefined });
    return this;
  }

  #join(type, table, on) {
    const key = sourceKey(table);
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
    const tables = { [sourceKey(this.table)]: this.table };
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

  /**
   * Combines this select's rows with `query`'s (which selects the same fields): `union`,
   * `unionAll`, `intersect`, `intersectAll`, `except`, `exceptAll`. orderBy, limit and offset
   * called after it apply to the combined rows.
   * @param {SelectQuery} query
   */
  union(query) {
    return this.#combine("union", query);
  }

  unionAll(query) {
    return this.#combine("unionAll", query);
  }

  intersect(query) {
    return this.#combine("intersect", query);
  }

  /** Postgres only: SQLite has no `intersect all` (a SluiceError there). */
  intersectAll(query) {
    return this.#combine("intersectAll", query);
  }

  except(query) {
    return this.#combine("except", query);
  }

  /** Postgres only: SQLite has no `except all` (a SluiceError there). */
  exceptAll(query) {
    return this.#combine("exceptAll", query);
  }

  #combine(op, query) {
    if (!(query instanceof SelectQuery)) {
      throw new SluiceError("invalid_value", `${op}(): expected a select query`, { path: [op] });
    }
    if (this.order !== undefined || this.limitValue !== undefined || this.offsetValue !== undefined) {
      throw new SluiceError("invalid_value", `${op}(): call orderBy/limit/offset after the set operation, on the combined rows`, {
        path: [op],
      });
    }
    this.setOps.push({ op, query });
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
    return `${this.db.prefix}"kind":"select"${writeWith(ctx, this.withList)},${this.#writeBody(ctx)}}`;
  }

  /** The spec of this select inside another statement: a subquery, a CTE, a set member. */
  writeNested(ctx) {
    if (this.withList.length) throw new SluiceError("invalid_value", "a subquery cannot have CTEs of its own: give them to the outer query");
    return `{${this.#writeBody(ctx)}}`;
  }

  #writeBody(ctx) {
    if (this.table === undefined) throw new SluiceError("invalid_value", "select() needs .from(table)");
    let spec = isSource(this.table) ? `"from":{${writeSourceMembers(ctx, this.table)}}` : `"table":${JSON.stringify(tableKey(this.table))}`;
    if (this.distinct === true) spec += `,"distinct":true`;
    else if (this.distinct !== undefined) spec += `,"distinctOn":[${this.distinct.map((e) => ctx.operand(e)).join(",")}]`;
    if (this.fields !== undefined) spec += `,"fields":${writeFields(ctx, this.fields)}`;
    if (this.joins.length) {
      let joins = "";
      for (let i = 0; i < this.joins.length; i++) {
        const j = this.joins[i];
        const on = j.on === undefined ? "" : `,"on":${ctx.operand(j.on)}`;
        joins += `${i ? "," : ""}{"type":"${j.type}",${writeSourceMembers(ctx, j.table)}${on}}`;
      }
      spec += `,"joins":[${joins}]`;
    }
    spec += writeWhere(ctx, this.condition);
    if (this.grouping.length) spec += `,"groupBy":[${this.grouping.map((e) => ctx.operand(e)).join(",")}]`;
    if (this.groupCondition !== undefined) spec += `,"having":${ctx.operand(this.groupCondition)}`;
    if (this.setOps.length) {
      spec += `,"setOps":[${this.setOps.map((s) => `{"op":"${s.op}","query":${s.query.writeNested(ctx)}}`).join(",")}]`;
    }
    if (this.order !== undefined && this.order.length) spec += `,"orderBy":${writeOrder(ctx, this.order)}`;
    if (this.limitValue !== undefined) spec += `,"limit":${ctx.param(this.limitValue)}`;
    if (this.offsetValue !== undefined) spec += `,"offset":${ctx.param(this.offsetValue)}`;
    return spec;
  }
}

/**
 * `union(a, b, ...)` and the other set operators as functions, as drizzle exports them:
 * the first select combined with each of the others, in order.
 */
function setFunction(op) {
  return (first, ...rest) => {
    if (!(first instanceof SelectQuery) || rest.length === 0) {
      throw new SluiceError("invalid_value", `${op}() takes two or more select queries`, { path: [op] });
    }
    for (const query of rest) first[op](query);
    return first;
  };
}

export const union = setFunction("union");
export const unionAll = setFunction("unionAll");
export const intersect = setFunction("intersect");
export const intersectAll = setFunction("intersectAll");
export const except = setFunction("except");
export const exceptAll = setFunction("exceptAll");
