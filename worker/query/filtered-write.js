/**
 * @module query/filtered-write
 * What update and delete share: a target table, an optional condition and `returning`.
 */
import { checkCondition } from "./arguments.js";
import { QueryBuilder, checkFields, writeReturning, writeWhere } from "./builder.js";
import { tableKey } from "./spec-context.js";
import { writeWith } from "./subquery.js";

export class FilteredWriteQuery extends QueryBuilder {
  constructor(db, table) {
    super(db);
    tableKey(table);
    this.table = table;
    this.condition = undefined;
    this.returningFields = undefined;
    /** CTEs from `db.with(...)`. */
    this.withList = [];
  }

  /** @param {object | undefined} condition undefined means every row */
  where(condition) {
    this.condition = checkCondition(condition, "where()");
    return this;
  }

  /** @param {Record<string, object>} [fields] all columns when omitted */
  returning(fields) {
    this.returningFields = fields === undefined ? true : checkFields(fields, "returning()");
    return this;
  }

  /** The spec text of statement `kind` with `members` (leading comma included) after its table. */
  writeFilteredSpec(ctx, kind, members) {
    const head = `${this.db.prefix}"kind":"${kind}"${writeWith(ctx, this.withList)},"table":${JSON.stringify(tableKey(this.table))}${members}`;
    return `${head}${writeWhere(ctx, this.condition)}${writeReturning(ctx, this.returningFields)}}`;
  }
}
