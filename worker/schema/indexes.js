/**
 * @module schema/indexes
 * Index declarations for a table's extra-config callback.
 */
import { SluiceError } from "../errors.js";
import { isColumn } from "./column.js";

export class Index {
  constructor(name, unique) {
    this.name = name;
    this.unique = unique;
    this.columns = [];
  }

  /** @param {...import("./column.js").Column} columns */
  on(...columns) {
    for (const column of columns) {
      if (!isColumn(column)) throw new SluiceError("invalid_document", `index "${this.name}" lists a non-column`);
    }
    this.columns = columns;
    return this;
  }
}

/** @param {string} name @example index("users_role_idx").on(t.role) */
export function index(name) {
  return new Index(name, false);
}

/** @param {string} name @example uniqueIndex("users_email_idx").on(t.email) */
export function uniqueIndex(name) {
  return new Index(name, true);
}
