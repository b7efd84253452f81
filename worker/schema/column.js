/**
 * @module schema/column
 * A column builder: created by a column helper (`varchar("email", { length: 320 })`),
 * refined by chained modifiers, then adopted by `table()`, which gives it its key and table.
 * After that the same object is the column reference used in queries (`users.email`).
 */
import { SluiceError } from "../errors.js";
import { TABLE } from "./table-meta.js";

const FK_ACTIONS = new Set(["cascade", "restrict", "no action", "set null", "set default"]);

export class Column {
  /**
   * @param {string} type a §1 column type
   * @param {string | undefined} name the SQL name; the property key when omitted
   * @param {object} [options] type options: `length`, `withTimezone`, `precision`, `scale`, `enum`
   */
  constructor(type, name, options = {}) {
    this.type = type;
    this.name = name;
    this.options = options;
    /** Property key in the table, set by table(). */
    this.key = undefined;
    /** The owning table object, set by table(). */
    this.table = undefined;
    this.isNotNull = type === "serial" || type === "bigserial";
    this.isPrimaryKey = false;
    /** `true` for the default drizzle-kit name, a string for an explicit one. */
    this.uniqueName = undefined;
    /** §1 `default` object. */
    this.defaultSpec = undefined;
    this.defaultFn = undefined;
    this.onUpdateFn = undefined;
    this.reference = undefined;
    /** `{ name, values }` for enum columns. */
    this.enumDefinition = undefined;
    /** `{"col":[table,key]}` text, filled when the schema document names the table. */
    this.ref = undefined;
  }

  notNull() {
    this.isNotNull = true;
    return this;
  }

  primaryKey() {
    this.isPrimaryKey = true;
    this.isNotNull = true;
    return this;
  }

  /** Unique constraint; named `<table>_<column>_unique` (drizzle-kit) unless `name` is given. */
  unique(name) {
    this.uniqueName = name ?? true;
    return this;
  }

  /** A literal default, written into the DDL. Dates are stored as ISO text. */
  default(value) {
    if (typeof value === "function") {
      throw new SluiceError("invalid_document", `use $defaultFn for a computed default of ${describeColumn(this)}`);
    }
    this.defaultSpec = { kind: "value", value: value instanceof Date ? value.toISOString() : value };
    return this;
  }

  /** Defaults to the current time on the database side. */
  defaultNow() {
    this.defaultSpec = { kind: "now" };
    return this;
  }

  /** Defaults to a random UUID on the database side. */
  defaultRandom() {
    this.defaultSpec = { kind: "random_uuid" };
    return this;
  }

  /**
   * A default computed in JS on every insert that leaves the column unset (never once per
   * statement shape, never over a value the caller set).
   * @param {() => unknown} fn
   */
  $defaultFn(fn) {
    this.defaultFn = fn;
    this.defaultSpec = { kind: "fn" };
    return this;
  }

  /**
   * A value computed in JS on every update (and upsert) that does not set the column; also
   * the insert value when the column has no other default, as in drizzle.
   * @param {() => unknown} fn
   */
  $onUpdate(fn) {
    this.onUpdateFn = fn;
    return this;
  }

  /**
   * A foreign key to `target()`, named as drizzle-kit does (`posts_author_id_users_id_fk`).
   * @param {() => Column} target a thunk, so tables may refer to tables defined later
   * @param {{ onDelete?: string, onUpdate?: string }} [actions]
   */
  references(target, actions = {}) {
    for (const action of [actions.onDelete, actions.onUpdate]) {
      if (action !== undefined && !FK_ACTIONS.has(action)) {
        throw new SluiceError("invalid_document", `unknown foreign key action "${action}"`);
      }
    }
    this.reference = { target, onDelete: actions.onDelete ?? "no action", onUpdate: actions.onUpdate ?? "no action" };
    return this;
  }
}

/** @param {unknown} value */
export function isColumn(value) {
  return value instanceof Column;
}

/** `users.email` for messages (SQL names when the key is not known yet). */
export function describeColumn(column) {
  const tableName = column.table === undefined ? "?" : column.table[TABLE].name;
  return `${tableName}.${column.key ?? column.name}`;
}
