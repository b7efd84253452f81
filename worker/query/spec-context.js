/**
 * @module query/spec-context
 * Collects the values of one query while its spec text is written. Values never enter the
 * text (each becomes `{"param":N}`), so the text is a pure shape and can key the compile cache.
 */
import { SluiceError } from "../errors.js";
import { isColumn } from "../schema/column.js";
import { TABLE } from "../schema/table-meta.js";

/** A node of the expression tree: it writes its own spec text. */
export class Expression {
  /**
   * @param {SpecContext} ctx
   * @returns {string}
   */
  write(ctx) {
    throw new SluiceError("unsupported_feature", `${this.constructor.name} cannot appear in a query spec`);
  }
}

export class SpecContext {
  constructor() {
    /** The values referenced by `{"param":N}`, in N order. */
    this.values = [];
    /** For each value, the column it is compared with or stored in (names it in errors). */
    this.sources = [];
  }

  /** `{"param":N}` for `value`. */
  param(value, source) {
    this.sources.push(source);
    return `{"param":${this.values.push(value) - 1}}`;
  }

  /**
   * The spec of an operand: a column reference, a nested expression, a subquery, or a
   * parameter. `other`
   * is the operand on the other side of a comparison: a value compared with a column is
   * encoded for that column.
   */
  operand(value, other) {
    if (isColumn(value)) return columnRef(value);
    if (value instanceof Expression) return value.write(this);
    // A select (or db.$count) as a value: a subquery.
    if (typeof value?.writeNested === "function") return `{"select":${value.writeNested(this)}}`;
    return this.param(value, isColumn(other) ? other : undefined);
  }
}

/** The `{"col":[table,key]}` text of a column whose table belongs to a loaded schema. */
export function columnRef(column) {
  if (column.ref === undefined) {
    const meta = column.table?.[TABLE];
    throw new SluiceError("unknown_table", `table "${meta?.name}" is not part of the database's schema`, {
      path: [meta?.name ?? "", column.key ?? column.name],
    });
  }
  return column.ref;
}

/** The key of a table that belongs to a loaded schema. */
export function tableKey(table) {
  const meta = table?.[TABLE];
  if (meta === undefined) throw new SluiceError("unknown_table", "expected a table object");
  if (meta.key === undefined) {
    throw new SluiceError("unknown_table", `table "${meta.name}" is not part of the database's schema`, {
      path: [meta.name],
    });
  }
  return meta.key;
}
