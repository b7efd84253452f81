/**
 * @module schema/table
 * `table()` turns a map of column builders into a table object whose properties are the
 * columns themselves, so `users.email` can be used directly in queries.
 */
import { SluiceError } from "../errors.js";
import { isColumn } from "./column.js";
import { TABLE } from "./table-meta.js";

let created = 0;

/**
 * Declares a table.
 * @example
 * const users = table("users", {
 *   id: serial("id").primaryKey(),
 *   email: varchar("email", { length: 320 }).notNull(),
 * }, (t) => ({ emailIdx: uniqueIndex("users_email_idx").on(t.email) }));
 * @param {string} name the SQL name
 * @param {Record<string, import("./column.js").Column>} columns keyed by property name
 * @param {(t: object) => object | unknown[]} [extra] indexes, given the table's columns
 */
export function table(name, columns, extra) {
  const result = {};
  const list = [];
  for (const [key, column] of Object.entries(columns)) {
    if (!isColumn(column)) throw new SluiceError("invalid_document", `${name}.${key} is not a column`);
    if (column.table !== undefined) {
      throw new SluiceError("invalid_document", `${name}.${key} already belongs to another table`);
    }
    column.key = key;
    column.name ??= key;
    column.table = result;
    list.push(column);
    result[key] = column;
  }
  Object.defineProperty(result, TABLE, {
    value: {
      name,
      // The schema key (the export name), set when a schema document is built.
      key: undefined,
      columns: list,
      extra,
      // Tables keep their definition order in the document: module namespaces sort names.
      order: created++,
    },
  });
  return Object.freeze(result);
}
