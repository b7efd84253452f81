/**
 * @module query/update
 * `db.update(table).set(values).where(condition).returning(fields?)`. Columns with
 * `$onUpdate` the caller leaves unset get a value computed for this execution.
 * @example
 * await db.update(users).set({ name }).where(eq(users.id, 1)).returning();
 * // postgres: update "users" set "name" = $1, "updated_at" = $2 where "users"."id" = $3 returning ...
 * // sqlite:   update "users" set "name" = ?, "updated_at" = ? where "users"."id" = ? returning ...
 */
import { SluiceError } from "../errors.js";
import { QueryBuilder, writeReturning, writeWhere } from "./builder.js";
import { tableKey } from "./spec-context.js";
import { writeSet } from "./write-values.js";

export class UpdateQuery extends QueryBuilder {
  constructor(db, table) {
    super(db);
    tableKey(table);
    this.table = table;
    this.values = undefined;
    this.condition = undefined;
    this.returningFields = undefined;
  }

  /** @param {object} values undefined entries count as not set */
  set(values) {
    this.values = values;
    return this;
  }

  /** @param {object | undefined} condition */
  where(condition) {
    this.condition = condition;
    return this;
  }

  /** @param {Record<string, object>} [fields] all columns when omitted */
  returning(fields) {
    this.returningFields = fields ?? true;
    return this;
  }

  writeSpec(ctx) {
    if (this.values === undefined) throw new SluiceError("invalid_value", "update() needs .set()");
    const set = writeSet(ctx, this.table, this.values, "update().set()");
    const head = `${this.db.prefix}"kind":"update","table":${JSON.stringify(tableKey(this.table))},"set":${set}`;
    return `${head}${writeWhere(ctx, this.condition)}${writeReturning(ctx, this.returningFields)}}`;
  }
}
