/**
 * @module query/delete
 * `db.delete(table).where(condition).returning(fields?)`.
 * @example
 * await db.delete(users).where(eq(users.id, 1)).returning({ id: users.id });
 * // postgres: delete from "users" where "users"."id" = $1 returning "id"
 * // sqlite:   delete from "users" where "users"."id" = ? returning "id"
 */
import { QueryBuilder, writeReturning, writeWhere } from "./builder.js";
import { tableKey } from "./spec-context.js";

export class DeleteQuery extends QueryBuilder {
  constructor(db, table) {
    super(db);
    tableKey(table);
    this.table = table;
    this.condition = undefined;
    this.returningFields = undefined;
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
    const head = `${this.db.prefix}"kind":"delete","table":${JSON.stringify(tableKey(this.table))}`;
    return `${head}${writeWhere(ctx, this.condition)}${writeReturning(ctx, this.returningFields)}}`;
  }
}
