/**
 * @module query/sql-tag
 * The `sql` template tag for raw statements run with `db.execute`. Interpolated values are
 * always bound parameters; columns and tables become quoted identifiers; nested `sql`
 * fragments are inlined.
 * @example
 * await db.execute(sql`select ${users.name} from ${users} where ${users.id} = ${id}`);
 * // postgres: select "users"."name" from "users" where "users"."id" = $1
 * // sqlite:   select "users"."name" from "users" where "users"."id" = ?
 */
import { isColumn } from "../schema/column.js";
import { TABLE, isTable } from "../schema/table-meta.js";
import { SluiceError } from "../errors.js";
import { Expression } from "./spec-context.js";

const quote = (name) => `"${name.replaceAll('"', '""')}"`;

class Raw {
  constructor(text) {
    this.text = text;
  }
}

export class SQL extends Expression {
  constructor(strings, values) {
    super();
    this.strings = strings;
    this.values = values;
  }

  write() {
    throw new SluiceError("unsupported_feature", "sql`` fragments run only through db.execute()");
  }

  /**
   * The statement text for `dialect` and its values, in placeholder order.
   * @param {"sqlite"|"postgres"} dialect
   * @returns {{ sql: string, values: unknown[] }}
   */
  toQuery(dialect) {
    const values = [];
    const text = this.#append(dialect, values);
    return { sql: text, values };
  }

  #append(dialect, values) {
    let out = this.strings[0];
    for (let i = 0; i < this.values.length; i++) {
      const v = this.values[i];
      if (v instanceof SQL) out += v.#append(dialect, values);
      else if (v instanceof Raw) out += v.text;
      else if (isColumn(v)) out += `${quote(v.table[TABLE].name)}.${quote(v.name)}`;
      else if (isTable(v)) out += quote(v[TABLE].name);
      else out += dialect === "postgres" ? `$${values.push(v)}` : (values.push(v), "?");
      out += this.strings[i + 1];
    }
    return out;
  }
}

/**
 * Tagged template for a raw statement.
 * @param {TemplateStringsArray} strings
 * @param {...unknown} values
 */
export function sql(strings, ...values) {
  return new SQL(strings, values);
}

/** Text spliced in verbatim: never pass user input. */
sql.raw = (text) => new Raw(String(text));
