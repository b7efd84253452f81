/**
 * @module query/prepared
 * `builder.prepare("name")`: the statement's shape written and compiled once; each
 * `execute({ ... })` only fills the `sql.placeholder()` values and binds.
 * @example
 * const byId = db.select().from(users).where(eq(users.id, sql.placeholder("id"))).prepare("byId");
 * await byId.execute({ id: 1 });
 */
import { SluiceError } from "../errors.js";
import { bind, run } from "../runtime/execute.js";
import { compiled } from "../runtime/compile-cache.js";
import { nonValueKind } from "./arguments.js";
import { Placeholder } from "./placeholder.js";
import { SpecContext } from "./spec-context.js";

export class PreparedQuery {
  /**
   * @param {import("./builder.js").QueryBuilder} builder
   * @param {string} [name] names the statement in errors
   */
  constructor(builder, name) {
    const ctx = new SpecContext();
    this.db = builder.db;
    this.name = name;
    this.specText = builder.writeSpec(ctx);
    this.values = ctx.values;
    this.sources = ctx.sources;
    this.runLimits = builder.runLimits;
    /** The indexes of `values` that are placeholders. */
    this.open = [];
    for (let i = 0; i < this.values.length; i++) if (this.values[i] instanceof Placeholder) this.open.push(i);
    compiled(this.db.schema.id, this.specText, this.db.dialect);
  }

  /**
   * Runs with `values` for the placeholders; resolves to JS objects.
   * @param {Record<string, unknown>} [values]
   */
  async execute(values) {
    return run(this.db, bind(this.db, this.specText, this.#fill(values), this.sources), false, this.runLimits);
  }

  /**
   * Runs with `values` for the placeholders; resolves to the result as JSON bytes.
   * @param {Record<string, unknown>} [values]
   */
  async bytes(values) {
    return run(this.db, bind(this.db, this.specText, this.#fill(values), this.sources), true, this.runLimits);
  }

  #fill(given = {}) {
    const out = this.values.slice();
    for (const i of this.open) {
      const { name } = out[i];
      const where = `${this.name === undefined ? "prepared statement" : `prepared statement "${this.name}"`}: placeholder "${name}"`;
      if (!Object.hasOwn(given, name)) throw new SluiceError("invalid_value", `${where} has no value`, { path: [name] });
      const kind = nonValueKind(given[name]);
      if (kind !== undefined) throw new SluiceError("invalid_value", `${where}: expected a value, got ${kind}`, { path: [name] });
      out[i] = given[name];
    }
    return out;
  }
}
