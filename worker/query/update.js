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
import { FilteredWriteQuery } from "./filtered-write.js";
import { writeSet } from "./write-values.js";

export class UpdateQuery extends FilteredWriteQuery {
  constructor(db, table) {
    super(db, table);
    this.values = undefined;
  }

  /** @param {object} values undefined entries count as not set */
  set(values) {
    this.values = values;
    return this;
  }

  writeSpec(ctx) {
    if (this.values === undefined) throw new SluiceError("invalid_value", "update() needs .set()");
    return this.writeFilteredSpec(ctx, "update", `,"set":${writeSet(ctx, this.table, this.values, "update().set()")}`);
  }
}
