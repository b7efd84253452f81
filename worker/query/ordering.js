/**
 * @module query/ordering
 * `asc(col)` / `desc(col)` for orderBy; a bare column sorts ascending.
 */
import { checkExpression } from "./arguments.js";

export class Order {
  constructor(expr, dir) {
    this.expr = expr;
    this.dir = dir;
  }
}

/** Ascending order. */
export const asc = (expr) => new Order(checkExpression(expr, "asc() argument"), "asc");
/** Descending order. */
export const desc = (expr) => new Order(checkExpression(expr, "desc() argument"), "desc");

/** The ordering helpers handed to relational `orderBy` callbacks. */
export const orderings = { asc, desc };

/**
 * `[{"expr":E,"dir":"asc|desc"},...]` for one order item or a list of them. A bare item has no
 * direction, as in drizzle: the database's default is ascending, and a sql`` fragment may
 * carry its own (`sql\`count(*) desc nulls last\``).
 */
export function writeOrder(ctx, items) {
  const list = Array.isArray(items) ? items : [items];
  let out = "";
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const ordered = item instanceof Order;
    const expr = ctx.operand(ordered ? item.expr : item);
    out += `${i ? "," : ""}{"expr":${expr}${ordered ? `,"dir":"${item.dir}"` : ""}}`;
  }
  return `[${out}]`;
}
