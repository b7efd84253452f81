/**
 * @module query/placeholder
 * `sql.placeholder("name")`: a value left open in a prepared statement, filled by
 * `prepared.execute({ name: value })`. The statement's shape is written and compiled once.
 */
export class Placeholder {
  /** @param {string} name */
  constructor(name) {
    this.name = name;
  }
}
