/**
 * @module query/write-values
 * The `{"key":E,...}` objects of insert rows and update sets, with the values computed in
 * JS for this execution: $defaultFn (insert), $onUpdate (update, upsert set; insert when the
 * column has no other default). A value the caller set, null included, is never replaced;
 * undefined counts as not set. Keys come out in table order, so the same columns give the
 * same shape whatever order the caller wrote them in.
 */
import { SluiceError } from "../errors.js";
import { TABLE } from "../schema/table-meta.js";

function checkKeys(table, values) {
  for (const key in values) {
    if (!Object.hasOwn(table, key)) {
      throw new SluiceError("unknown_column", `table "${table[TABLE].name}" has no column "${key}"`, {
        path: [table[TABLE].key, key],
      });
    }
  }
}

/** An insert row: the caller's values, then JS defaults for the columns left unset. */
export function writeInsertRow(ctx, table, row) {
  if (typeof row !== "object" || row === null) throw new SluiceError("invalid_value", "an insert row must be an object");
  checkKeys(table, row);
  let out = "";
  for (const column of table[TABLE].columns) {
    let value = row[column.key];
    if (value === undefined) {
      if (column.defaultFn !== undefined) value = column.defaultFn();
      else if (column.onUpdateFn !== undefined && column.defaultSpec === undefined) value = column.onUpdateFn();
      else continue;
    }
    out += `${out ? "," : ""}${JSON.stringify(column.key)}:${ctx.operand(value, column)}`;
  }
  return `{${out}}`;
}

/**
 * An update set: the caller's values, then $onUpdate values for the columns left unset.
 * The caller must set something: an update whose only change would be an $onUpdate
 * timestamp is almost always an empty form or a stripped body, not an intent. To only
 * "touch" a row, set the column explicitly.
 */
export function writeSet(ctx, table, values, what) {
  if (typeof values !== "object" || values === null) throw new SluiceError("invalid_value", `${what} needs an object`);
  checkKeys(table, values);
  let out = "";
  let callerSet = false;
  for (const column of table[TABLE].columns) {
    let value = values[column.key];
    if (value !== undefined) callerSet = true;
    else if (column.onUpdateFn !== undefined) value = column.onUpdateFn();
    else continue;
    out += `${out ? "," : ""}${JSON.stringify(column.key)}:${ctx.operand(value, column)}`;
  }
  if (!callerSet) throw new SluiceError("invalid_value", `${what} has no value to set`, { path: [table[TABLE].key] });
  return `{${out}}`;
}
