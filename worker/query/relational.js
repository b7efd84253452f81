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
import { QueryBuilder, writeWhere } from "./builder.js";
import { operators } from "./operators.js";
import { orderings, writeOrder } from "./ordering.js";
import { tableKey } from "./spec-context.js";

const CONFIG_KEYS = new Set(["columns", "where", "orderBy", "limit", "offset", "with"]);

function checkConfig(config, path) {
  for (const key in config) {
    if (!CONFIG_KEYS.has(key)) {
      throw new SluiceError("unsupported_feature", `relational query option "${key}" is not supported`, {
        path: [...path, key],
      });
    }
  }
}

// `{ id: true, email: true }` keeps those; `{ body: false }` keeps all but those. Table order.
function writeColumns(table, columns, path) {
  const meta = table[TABLE];
  let include = false;
  for (const key in columns) {
    if (!Object.hasOwn(table, key)) {
      throw new SluiceError("unknown_column", `table "${meta.name}" has no column "${key}"`, { path: [...path, key] });
    }
    if (columns[key]) include = true;
  }
  const keys = [];
  for (const column of meta.columns) {
    const flag = columns[column.key];
    if (include ? flag === true : flag !== false) keys.push(column.key);
  }
  return JSON.stringify(keys);
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
    this.config = config;
    checkConfig(config, []);
  }

  writeSpec(ctx) {
    const head = `${this.db.prefix}"kind":"${this.kind}","table":${JSON.stringify(tableKey(this.table))}`;
    return `${head}${this.#writeLevel(ctx, this.table, this.config, [], this.kind === "findMany")}}`;
  }

  // The options of one level: the root query or one relation in `with`.
  #writeLevel(ctx, table, config, path, withLimit) {
    let out = "";
    if (config.columns !== undefined) out += `,"columns":${writeColumns(table, config.columns, path)}`;
    const where = typeof config.where === "function" ? config.where(table, operators) : config.where;
    out += writeWhere(ctx, where);
    const order = typeof config.orderBy === "function" ? config.orderBy(table, orderings) : config.orderBy;
    if (order !== undefined) out += `,"orderBy":${writeOrder(ctx, order)}`;
    // findFirst limits itself to one row.
    if (withLimit && config.limit !== undefined) out += `,"limit":${ctx.param(config.limit)}`;
    if (config.offset !== undefined) out += `,"offset":${ctx.param(config.offset)}`;
    if (config.with !== undefined) out += this.#writeWith(ctx, table, config.with, path);
    return out;
  }

  #writeWith(ctx, table, relations, path) {
    const known = this.db.schema.relations.get(table);
    let items = "";
    for (const key in relations) {
      const option = relations[key];
      if (option === undefined || option === false) continue;
      const relation = known?.get(key);
      const where = [...path, key];
      if (relation === undefined) {
        throw new SluiceError("unknown_relation", `table "${table[TABLE].name}" has no relation "${key}"`, {
          path: where,
        });
      }
      let item = `{"key":${JSON.stringify(key)}`;
      if (option !== true) {
        checkConfig(option, where);
        item += this.#writeLevel(ctx, relation.target, option, where, true);
      }
      items += `${items ? "," : ""}${item}}`;
    }
    return items ? `,"with":[${items}]` : "";
  }
}
