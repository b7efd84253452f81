/**
 * @module query/sql-tag
 * The `sql` template tag: a raw fragment usable wherever an expression goes (select fields,
 * where, orderBy, groupBy, having, update and upsert `set`) and as a whole statement for
 * `db.execute`. The fragment is written into the query spec as its text pieces and nodes; the
 * core binds its values, qualifies its columns and quotes its tables and identifiers, as for
 * every other expression, so those rules live in one place.
 * @example
 * await db.execute(sql`select ${users.name} from ${users} where ${users.id} = ${id}`);
 * // postgres: select "users"."name" from "users" where "users"."id" = $1
 * // sqlite:   select "users"."name" from "users" where "users"."id" = ?
 * await db.update(posts).set({ title: sql`${posts.title} || ${"!"}` }).where(eq(posts.id, 1));
 */
import { SluiceError } from "../errors.js";
import { isColumn } from "../schema/column.js";
import { isTable } from "../schema/table-meta.js";
import { nonValueKind } from "./arguments.js";
import { Placeholder } from "./placeholder.js";
import { Expression, columnRef, tableKey } from "./spec-context.js";
import { isNestable } from "./subquery.js";

class Raw {
  constructor(text) {
    this.text = text;
  }
}

class Identifier {
  constructor(name) {
    this.name = name;
  }
}

const MAPPINGS = new Map([
  [Number, "number"],
  [String, "string"],
  [Boolean, "boolean"],
]);

export class SQL extends Expression {
  constructor(strings, values) {
    super();
    this.strings = strings;
    this.values = values;
    this.mapping = undefined;
    this.alias = undefined;
    for (let i = 0; i < values.length; i++) {
      const kind = interpolated(values[i]) ? undefined : nonValueKind(values[i]);
      if (kind !== undefined) {
        throw new SluiceError("invalid_value", `sql\`\` value ${i + 1}: expected a column, a table, a fragment, a select or a value, got ${kind}`);
      }
    }
  }

  /**
   * How the value reads when selected: `Number`, `String`, `Boolean`, or a column (its type,
   * timestamps as Date). Without it, the database's own JSON of the value.
   * @param {NumberConstructor | StringConstructor | BooleanConstructor | object} decoder
   */
  mapWith(decoder) {
    if (isColumn(decoder)) {
      this.mapping = columnRef(decoder);
    } else if (MAPPINGS.has(decoder)) {
      this.mapping = JSON.stringify(MAPPINGS.get(decoder));
    } else {
      throw new SluiceError("invalid_value", "mapWith() takes Number, String, Boolean or a column");
    }
    return this;
  }

  /** Names the fragment where SQL needs a name for it (a subquery's column). */
  as(alias) {
    this.alias = String(alias);
    return this;
  }

  write(ctx) {
    let parts = "";
    const text = (piece) => {
      if (piece !== "") parts += `${parts ? "," : ""}${JSON.stringify(piece)}`;
    };
    const node = (spec) => {
      parts += `${parts ? "," : ""}${spec}`;
    };
    text(this.strings[0]);
    for (let i = 0; i < this.values.length; i++) {
      const v = this.values[i];
      if (v instanceof Raw) text(v.text);
      else if (v instanceof Identifier) node(`{"ident":${JSON.stringify(v.name)}}`);
      else if (isTable(v)) node(`{"table":${JSON.stringify(tableKey(v))}}`);
      else node(ctx.operand(v));
      text(this.strings[i + 1]);
    }
    return `{"sql":[${parts}]${this.mapping === undefined ? "" : `,"mapWith":${this.mapping}`}}`;
  }
}

// A select (or db.$count) in a fragment is a subquery: `sql\`(${db.select(...)})\``.
function interpolated(value) {
  return value instanceof Raw || value instanceof Identifier || isTable(value) || isColumn(value) || value instanceof Expression || isNestable(value);
}

/**
 * Tagged template for a raw fragment.
 * @param {TemplateStringsArray} strings
 * @param {...unknown} values
 */
export function sql(strings, ...values) {
  return new SQL(strings, values);
}

/** Text spliced in verbatim: never pass user input. */
sql.raw = (text) => new SQL(["", ""], [new Raw(String(text))]);

/** A name quoted as an identifier (`"name"`). */
sql.identifier = (name) => {
  if (typeof name !== "string" || name === "") throw new SluiceError("invalid_value", "sql.identifier() needs a name");
  return new SQL(["", ""], [new Identifier(name)]);
};

/**
 * A value left open in a prepared statement: `prepared.execute({ [name]: value })` fills it.
 * @param {string} name
 */
sql.placeholder = (name) => {
  if (typeof name !== "string" || name === "") throw new SluiceError("invalid_value", "sql.placeholder() needs a name");
  return new Placeholder(name);
};

/** A fragment with no text, for building fragments conditionally. */
sql.empty = () => new SQL([""], []);

/**
 * The fragments (or values) one after another, `separator` between them.
 * @param {unknown[]} items
 * @param {SQL | string} [separator] a fragment, or text spliced in verbatim
 */
sql.join = (items, separator) => {
  if (!Array.isArray(items)) throw new SluiceError("invalid_value", "sql.join() takes an array");
  if (typeof separator === "string") separator = new Raw(separator);
  const strings = [""];
  const values = [];
  items.forEach((item, i) => {
    if (i > 0 && separator !== undefined) {
      values.push(separator);
      strings.push("");
    }
    values.push(item);
    strings.push("");
  });
  return new SQL(strings, values);
};
