// Aggregates, typed as drizzle types them: count a number, sum and avg a string (Postgres
// answers numeric; the digits are kept as text), min and max the column's own value. Each is
// null over no rows, except count.
import type { AnyColumn, ColumnValue } from "./columns.js";
import type { Sortable, TypedExpression } from "./operators.js";

export declare function count(expression?: Sortable): TypedExpression<number>;
export declare function countDistinct(expression: Sortable): TypedExpression<number>;
export declare function sum(expression: Sortable): TypedExpression<string | null>;
export declare function sumDistinct(expression: Sortable): TypedExpression<string | null>;
export declare function avg(expression: Sortable): TypedExpression<string | null>;
export declare function avgDistinct(expression: Sortable): TypedExpression<string | null>;
export declare function min<TColumn extends AnyColumn>(column: TColumn): TypedExpression<ColumnValue<TColumn> | null>;
export declare function max<TColumn extends AnyColumn>(column: TColumn): TypedExpression<ColumnValue<TColumn> | null>;
