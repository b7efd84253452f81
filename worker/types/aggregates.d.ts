// Aggregates, typed as drizzle types them: count a number, sum and avg a string (Postgres
// answers numeric; the digits are kept as text), min and max the column's own value. Each is
// null over no rows, except count.
import type { AnyColumn, ColumnValue } from "./columns.js";
import type { Sortable, TypedExpression } from "./operators.js";

/** An aggregate; `.as(name)` is accepted as drizzle's subquery fields need it (a no-op here). */
export interface Aggregate<TValue> extends TypedExpression<TValue> {
  as(alias: string): Aggregate<TValue>;
}

export declare function count(expression?: Sortable): Aggregate<number>;
export declare function countDistinct(expression: Sortable): Aggregate<number>;
export declare function sum(expression: Sortable): Aggregate<string | null>;
export declare function sumDistinct(expression: Sortable): Aggregate<string | null>;
export declare function avg(expression: Sortable): Aggregate<string | null>;
export declare function avgDistinct(expression: Sortable): Aggregate<string | null>;
export declare function min<TColumn extends AnyColumn>(column: TColumn): Aggregate<ColumnValue<TColumn> | null>;
export declare function max<TColumn extends AnyColumn>(column: TColumn): Aggregate<ColumnValue<TColumn> | null>;
