/**
 * @module query/insert
 * `db.insert(table).values(row | rows)`, with onConflictDoNothing / onConflictDoUpdate and
 * returning. A multi-row insert over the driver's parameter limit (D1: 100) is compiled into
 * several statements that the driver sends as one atomic batch.
 * @example
 * await db.insert(users).values({ email, name }).returning();
 * // postgres: insert into "users" ("email", "name", ...) values ($1, $2, ...) returning ...
 * // sqlite:   insert into "users" ("email", "name", ...) values (?, ?, ...) returning ...
 */
import { SluiceError } from "../errors.js";
import { isColumn } from "../schema/column.js";
import { TABLE } from "../schema/table-meta.js";
import { QueryBuilder, checkFields, writeReturning } from "./builder.js";
import { SelectQuery } from "./select.js";
import { writeWith } from "./subquery.js";
import { tableKey } from "./spec-context.js";
import { writeInsertRow, writeSet } from "./write-values.js";

function targetKeys(table, target, what) {
  const list = Array.isArray(target) ? target : [target];
  return list.map((c) => {
    if (!isColumn(c) || c.table !== table) {
      throw new SluiceError("invalid_value", `${what} target must be columns of "${table[TABLE].name}"`);
    }
    return c.key;
  });
}

function rejectExtras(config, what) {
  for (const key of ["where", "targetWhere", "setWhere"]) {
    if (config[key] !== undefined) throw new SluiceError("unsupported_feature", `${what}: "${key}" is not supported`);
  }
}

export class InsertQuery extends QueryBuilder {
  constructor(db, table) {
    super(db);
    tableKey(table);
    this.table = table;
    this.rows = undefined;
    this.source = undefined;
    this.conflict = undefined;
    this.returningFields = undefined;
    /** CTEs from `db.with(...)`. */
    this.withList = [];
  }

  /** @param {object | object[]} rows */
  values(rows) {
    const list = Array.isArray(rows) ? rows : [rows];
    if (list.length === 0) throw new SluiceError("invalid_value", "insert().values() needs at least one row");
    this.rows = list;
    return this;
  }

  /**
   * `insert into t (...) select ...`: each field key of the select names the column it fills
   * (columns with a database default may be left out). Takes a select or a callback that
   * receives the db and returns one.
   * @param {SelectQuery | ((db: object) => SelectQuery)} query
   */
  select(query) {
    const body = typeof query === "function" ? query(this.db) : query;
    if (!(body instanceof SelectQuery)) throw new SluiceError("invalid_value", "insert().select(): expected a select query");
    this.source = body;
    return this;
  }

  /** @param {{ target?: object | object[] }} [config] */
  onConflictDoNothing(config = {}) {
    rejectExtras(config, "onConflictDoNothing");
    const target = config.target === undefined ? undefined : targetKeys(this.table, config.target, "onConflictDoNothing");
    this.conflict = { action: "nothing", target };
    return this;
  }

  /**
   * On a conflict on `target`, update with `set` (plus $onUpdate columns it leaves unset).
   * @param {{ target: object | object[], set: object }} config
   */
  onConflictDoUpdate(config) {
    rejectExtras(config, "onConflictDoUpdate");
    if (config.set === undefined) throw new SluiceError("invalid_value", "onConflictDoUpdate needs set");
    this.conflict = { action: "update", target: targetKeys(this.table, config.target, "onConflictDoUpdate"), set: config.set };
    return this;
  }

  /** @param {Record<string, object>} [fields] all columns when omitted */
  returning(fields) {
    this.returningFields = fields === undefined ? true : checkFields(fields, "returning()");
    return this;
  }

  writeSpec(ctx) {
    let spec = `${this.db.prefix}"kind":"insert"${writeWith(ctx, this.withList)},"table":${JSON.stringify(tableKey(this.table))}`;
    if (this.source !== undefined) {
      spec += `,"select":${this.source.writeNested(ctx)}`;
    } else {
      if (this.rows === undefined) throw new SluiceError("invalid_value", "insert() needs .values() or .select()");
      let rows = "";
      for (let i = 0; i < this.rows.length; i++) rows += (i ? "," : "") + writeInsertRow(ctx, this.table, this.rows[i]);
      spec += `,"rows":[${rows}]`;
    }
    const conflict = this.conflict;
    if (conflict !== undefined) {
      spec += `,"onConflict":{"action":"${conflict.action}"`;
      if (conflict.target !== undefined) spec += `,"target":${JSON.stringify(conflict.target)}`;
      if (conflict.set !== undefined) spec += `,"set":${writeSet(ctx, this.table, conflict.set, "onConflictDoUpdate")}`;
      spec += "}";
    }
    return `${spec}${writeReturning(ctx, this.returningFields)}}`;
  }
}
