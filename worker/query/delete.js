/**
 * @module query/delete
 * `db.delete(table).where(condition).returning(fields?)`.
 * @example
 * await db.delete(users).where(eq(users.id, 1)).returning({ id: users.id });
 * // postgres: delete from "users" where "users"."id" = $1 returning "id"
 * // sqlite:   delete from "users" where "users"."id" = ? returning "id"
 */
import { FilteredWriteQuery } from "./filtered-write.js";

export class DeleteQuery extends FilteredWriteQuery {
  writeSpec(ctx) {
    return this.writeFilteredSpec(ctx, "delete", "");
  }
}
