/**
 * @module schema/enum-type
 * Named enumerations: a Postgres enum type, a checked text column on SQLite.
 */
import { SluiceError } from "../errors.js";
import { Column } from "./column.js";

const ENUM = Symbol("sluice.enum");
let created = 0;

/**
 * Declares an enum and returns its column helper.
 * @example
 * export const roleEnum = enumType("role", ["admin", "editor", "viewer"]);
 * const users = table("users", { role: roleEnum("role").notNull().default("viewer") });
 * @param {string} name the SQL type name
 * @param {readonly string[]} values
 * @returns {((name?: string) => Column) & { enumName: string, enumValues: readonly string[] }}
 */
export function enumType(name, values) {
  if (!Array.isArray(values) || values.length === 0) {
    throw new SluiceError("invalid_document", `enum "${name}" needs at least one value`);
  }
  const definition = { name, values: [...values], order: created++ };
  const helper = (columnName) => {
    const column = new Column("enum", typeof columnName === "string" ? columnName : undefined, { enum: name });
    column.enumDefinition = definition;
    return column;
  };
  helper.enumName = name;
  helper.enumValues = definition.values;
  helper[ENUM] = definition;
  return helper;
}

/** drizzle's name for the same thing. */
export const pgEnum = enumType;

/** The definition behind an enum helper, or undefined for anything else. */
export function enumDefinition(value) {
  return typeof value === "function" ? value[ENUM] : undefined;
}
