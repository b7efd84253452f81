/**
 * @module query/raw
 * `db.execute(sql\`...\`)`: a raw statement, compiled by the core like any other (values
 * bound, tables and identifiers quoted); rows come back as objects keyed by the database's
 * column names, with the database's own types.
 */
import { QueryBuilder } from "./builder.js";

export class RawQuery extends QueryBuilder {
  /** @param {import("./sql-tag.js").SQL} statement */
  constructor(db, statement) {
    super(db);
    this.statement = statement;
  }

  writeSpec(ctx) {
    return `${this.db.prefix}"kind":"execute","sql":${this.statement.write(ctx)}}`;
  }
}
