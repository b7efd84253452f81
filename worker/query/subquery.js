/**
 * @module query/subquery
 * Selects used inside other statements: a select with `.as("sq")` (a row source for from and
 * joins), a CTE from `db.$with("name").as(query)`, and a select (or `db.$count`) used as a
 * value. Their fields are read as `sq.field`: `{"field":["sq","field"]}` in the spec, typed by
 * the core from the inner select.
 * @example
 * const sq = db.select({ authorId: posts.authorId, n: count() }).from(posts).groupBy(posts.authorId).as("sq");
 * await db.select({ name: users.name, n: sq.n }).from(users).innerJoin(sq, eq(sq.authorId, users.id));
 * // postgres: select "users"."name", "sq"."n" from "users" inner join (select "posts"."author_id"
 * //   as "authorId", count(*) as "n" from "posts" group by "posts"."author_id") "sq" on ...
 */
import { SluiceError } from "../errors.js";
import { isColumn } from "../schema/column.js";
import { TABLE } from "../schema/table-meta.js";
import { Expression, tableKey } from "./spec-context.js";

/** The hidden description of a subquery or CTE: its alias, its select, whether it is a CTE. */
export const SOURCE = Symbol("sluice.source");

/** A field of a subquery or CTE, read by the query around it. */
export class SourceField extends Expression {
  /** @param {string} alias @param {string} key @param {object} selected what the inner select selects */
  constructor(alias, key, selected) {
    super();
    this.alias = alias;
    this.key = key;
    /** The inner column (when it is one), for the types of values compared with it. */
    this.selected = selected;
  }

  write() {
    return `{"field":${JSON.stringify([this.alias, this.key])}}`;
  }
}

/**
 * The keys a select returns and what each selects: its projection, or its table's columns.
 * @param {object} query a select builder
 * @param {string} where names the call in errors
 */
function selectedFields(query, where) {
  if (query.fields !== undefined) return query.fields;
  if (query.joins?.length) {
    throw new SluiceError("unsupported_feature", `${where}: a select with joins needs a projection (select({ ... }))`);
  }
  const source = query.table;
  if (source?.[SOURCE] !== undefined) return source;
  if (source?.[TABLE] === undefined) throw new SluiceError("invalid_value", `${where}: the select needs .from(table)`);
  const fields = {};
  for (const key of Object.keys(source)) if (isColumn(source[key])) fields[key] = source[key];
  return fields;
}

/**
 * A named row source: one SourceField per selected key, and the SOURCE description.
 * @param {string} alias
 * @param {object} query a select builder (or, for a CTE, a write with returning)
 * @param {boolean} cte
 * @param {Record<string, object>} fields
 */
export function namedSource(alias, query, cte, fields) {
  if (typeof alias !== "string" || alias.length === 0) {
    throw new SluiceError("invalid_value", `${cte ? "$with()" : "as()"}: expected a non-empty alias`);
  }
  const source = { [SOURCE]: { alias, query, cte } };
  for (const key of Object.keys(fields)) {
    const selected = fields[key];
    source[key] = new SourceField(alias, key, selected instanceof SourceField ? selected.selected : selected);
  }
  return source;
}

/** `select.as(alias)`: the select as a subquery for from and joins. */
export function subquery(query, alias) {
  return namedSource(alias, query, false, selectedFields(query, "as()"));
}

/** Whether `value` is a subquery or CTE made by as() or $with(). */
export function isSource(value) {
  return typeof value === "object" && value !== null && value[SOURCE] !== undefined;
}

/**
 * The spec members naming a source in from or a join: `"table":"users"`,
 * `"as":"sq","query":{...}` or `"cte":"name"`.
 */
export function writeSourceMembers(ctx, source) {
  const meta = source[SOURCE];
  if (meta === undefined) return `"table":${JSON.stringify(tableKey(source))}`;
  if (meta.cte) return `"cte":${JSON.stringify(meta.alias)}`;
  return `"as":${JSON.stringify(meta.alias)},"query":${meta.query.writeNested(ctx)}`;
}

/** Whether `value` is a builder that can be a subquery's body (a select, `db.$count`). */
export function isNestable(value) {
  return typeof value === "object" && value !== null && typeof value.writeNested === "function";
}

/** `,"with":[{"as":name,"query":S},...]` for the CTEs given to `db.with()`, or nothing. */
export function writeWith(ctx, ctes) {
  if (ctes === undefined || ctes.length === 0) return "";
  let out = "";
  for (const cte of ctes) {
    const meta = cte[SOURCE];
    out += `${out ? "," : ""}{"as":${JSON.stringify(meta.alias)},"query":${meta.query.writeNested(ctx)}}`;
  }
  return `,"with":[${out}]`;
}
