/**
 * @module query/relational
 * `db.query.<table>.findMany(config)` / `.findFirst(config)`: rows with their relations
 * nested, in one statement. `where` and `orderBy` may be values or callbacks receiving the
 * level's table and the operators, as in drizzle.
 * @example
 * await db.query.users.findFirst({ where: eq(users.id, 1), with: { posts: true } });
 * // postgres: one statement, relations aggregated with json_agg in lateral joins
 * // sqlite:   one statement, relations as correlated json_group_array subqueries,
 * //           the whole result returned by SQLite as one JSON text cell
 */
import { SluiceError } from "../errors.js";
import { TABLE } from "../schema/table-meta.js";
import { checkCondition, checkCount, checkOrderTerms } from "./arguments.js";
import { QueryBuilder, writeWhere } from "./builder.js";
import { operators } from "./operators.js";
import { orderings, writeOrder } from "./ordering.js";
import { tableKey } from "./spec-context.js";

const CONFIG_KEYS = new Set(["columns", "where", "orderBy", "limit", "offset", "with"]);

const isPlainObject = (value) =>
  typeof value === "object" && value !== null && [Object.prototype, null].includes(Object.getPrototypeOf(value));

function checkConfig(config, path) {
  const where = path.length ? `with.${path.join(".")}` : "the query's options";
  if (!isPlainObject(config)) {
    throw new SluiceError("invalid_value", `${where}: expected an object of options`, { path });
  }
  for (const key in config) {
    if (!CONFIG_KEYS.has(key)) {
      throw new SluiceError("unsupported_feature", `relational query option "${key}" is not supported`, {
        path: [...path, key],
      });
    }
  }
  if (config.columns !== undefined && !isPlainObject(config.columns)) {
    throw new SluiceError("invalid_value", `${where}.columns: expected an object of column keys to true or false`, {
      path: [...path, "columns"],
    });
  }
  if (config.with !== undefined && !isPlainObject(config.with)) {
    throw new SluiceError("invalid_value", `${where}.with: expected an object of relation names`, {
      path: [...path, "with"],
    });
  }
}

/**
 * The columns a level selects, as drizzle selects them: when any is `true`, those, in the
 * caller's order; otherwise every column but those set to `false`, in table order — so `{}`
 * selects none of the table's own columns (only its `with` relations). `undefined` counts as
 * not listed.
 */
function writeColumns(table, columns, path) {
  const meta = table[TABLE];
  const listed = [];
  let include = false;
  for (const key in columns) {
    const flag = columns[key];
    if (!Object.hasOwn(table, key)) {
      throw new SluiceError("unknown_column", `table "${meta.name}" has no column "${key}"`, { path: [...path, "columns", key] });
    }
    if (flag === undefined) continue;
    if (typeof flag !== "boolean") {
      throw new SluiceError("invalid_value", `columns.${key}: expected true or false, got ${typeof flag}`, {
        path: [...path, "columns", key],
      });
    }
    listed.push(key);
    include ||= flag;
  }
  let keys;
  if (include) keys = listed.filter((key) => columns[key]);
  else if (listed.length === 0) keys = [];
  else keys = meta.columns.map((column) => column.key).filter((key) => columns[key] !== false);
  return JSON.stringify(keys);
}

/**
 * One level of the query (the root, or one relation in `with`) with every option checked and
 * every callback called: what the caller passed is judged where it was passed, and the spec
 * written at execution only encodes it.
 */
function resolveLevel(db, table, config, path, withLimit) {
  checkConfig(config, path);
  const at = (member) => [...path, member].join(".");
  const level = { columns: undefined, where: undefined, order: undefined, limit: undefined, offset: undefined, with: [] };
  if (config.columns !== undefined) level.columns = writeColumns(table, config.columns, path);
  level.where =
    typeof config.where === "function"
      ? checkCondition(config.where(table, operators), `${at("where")} callback's result`)
      : checkCondition(config.where, at("where"));
  if (config.orderBy !== undefined) {
    level.order =
      typeof config.orderBy === "function"
        ? checkOrderTerms(config.orderBy(table, orderings), `${at("orderBy")} callback's result`)
        : checkOrderTerms(config.orderBy, at("orderBy"));
  }
  // findFirst limits itself to one row.
  if (withLimit && config.limit !== undefined) level.limit = checkCount(config.limit, at("limit"));
  if (config.offset !== undefined) level.offset = checkCount(config.offset, at("offset"));
  const known = db.schema.relations.get(table);
  for (const key in config.with) {
    const option = config.with[key];
    if (option === undefined || option === false) continue;
    const where = [...path, key];
    if (option !== true && !isPlainObject(option)) {
      throw new SluiceError("invalid_value", `with.${where.join(".")}: expected true or an object of options`, { path: where });
    }
    const relation = known?.get(key);
    if (relation === undefined) {
      throw new SluiceError("unknown_relation", `table "${table[TABLE].name}" has no relation "${key}"`, { path: where });
    }
    level.with.push({ key, level: option === true ? undefined : resolveLevel(db, relation.target, option, where, true) });
  }
  return level;
}

function writeLevel(ctx, level) {
  let out = "";
  if (level.columns !== undefined) out += `,"columns":${level.columns}`;
  out += writeWhere(ctx, level.where);
  if (level.order !== undefined) out += `,"orderBy":${writeOrder(ctx, level.order)}`;
  if (level.limit !== undefined) out += `,"limit":${ctx.param(level.limit)}`;
  if (level.offset !== undefined) out += `,"offset":${ctx.param(level.offset)}`;
  if (level.with.length === 0) return out;
  let items = "";
  for (const item of level.with) {
    items += `${items ? "," : ""}{"key":${JSON.stringify(item.key)}${item.level === undefined ? "" : writeLevel(ctx, item.level)}}`;
  }
  return `${out},"with":[${items}]`;
}

export class RelationalQuery extends QueryBuilder {
  /**
   * @param {"findMany"|"findFirst"} kind
   * @param {object} table
   * @param {object} [config]
   */
  constructor(db, kind, table, config = {}) {
    super(db);
    this.kind = kind;
    this.table = table;
    this.level = resolveLevel(db, table, config, [], kind === "findMany");
  }

  writeSpec(ctx) {
    const head = `${this.db.prefix}"kind":"${this.kind}","table":${JSON.stringify(tableKey(this.table))}`;
    return `${head}${writeLevel(ctx, this.level)}}`;
  }
}
