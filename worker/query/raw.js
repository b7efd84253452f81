/**
 * @module query/raw
 * `db.execute(sql\`...\`)`: a raw statement. Values are bound, never spliced; rows come
 * back as objects keyed by the database's column names, with the database's own types.
 */
import { SluiceError } from "../errors.js";
import { QueryBuilder } from "./builder.js";

export class RawQuery extends QueryBuilder {
  /** @param {import("./sql-tag.js").SQL} statement */
  constructor(db, statement) {
    super(db);
    this.raw = statement;
  }

  writeSpec() {
    throw new SluiceError("unsupported_feature", "a raw statement has no query spec; see toSQL()");
  }
}
