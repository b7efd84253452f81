// Filter operators, ordering and the raw `sql` tag. Comparisons take the column first and a value
// of that column's type (or a column holding the same type), so `eq(users.id, "x")` is an error.
import type { AnyColumn, ColumnValue, ConfigOf } from "./columns.js";
import type { columnInfo, conditionInfo, orderInfo, sqlInfo, valueInfo } from "./internal.js";

/** A condition built by the operators or the `sql` tag; the core compiles it. */
export interface Condition {
  readonly [conditionInfo]: true;
}

/** An ordering term made by `asc()` or `desc()`. */
export interface OrderBy {
  readonly [orderInfo]: "asc" | "desc";
}

/** An expression whose value is a `TValue`, such as an aggregate (`count()` is a number). */
export interface TypedExpression<TValue> {
  readonly [valueInfo]: TValue;
}

/** What can be sorted, grouped or aggregated: a column or a typed expression. */
export type Sortable = AnyColumn | TypedExpression<unknown>;

/** An `orderBy` item: `asc()`/`desc()`, or a bare column or expression, which sorts ascending. */
export type OrderTerm = OrderBy | Sortable;

/**
 * A raw fragment made by the `sql` tag: a condition, a value of type `TValue` (a select field,
 * an orderBy or groupBy term, a `set` value), or a whole statement for `db.execute()`.
 * Interpolated values are bound as parameters; columns, tables and `sql.identifier()` names
 * are quoted.
 */
export interface SQL<TValue = unknown> extends Condition, TypedExpression<TValue> {
  readonly [sqlInfo]: true;
  /** Reads the selected value as a number, a string, a boolean, or a column's type. */
  mapWith(decoder: NumberConstructor): SQL<number>;
  mapWith(decoder: StringConstructor): SQL<string>;
  mapWith(decoder: BooleanConstructor): SQL<boolean>;
  mapWith<TColumn extends AnyColumn>(column: TColumn): SQL<ColumnValue<TColumn>>;
  as(alias: string): SQL<TValue>;
}

/** A column whose values can stand where a `TData` is expected (`eq(posts.authorId, users.id)`). */
interface ColumnHolding<TData> {
  readonly [columnInfo]: { config: { data: TData } };
}

type StringColumn = ColumnHolding<string>;

/** What may stand on the right of a comparison with `TColumn`: a value to bind, or another column. */
export type Operand<TColumn extends AnyColumn> =
  | ConfigOf<TColumn>["input"]
  | ColumnHolding<ConfigOf<TColumn>["data"]>
  | SelectOfOne<ConfigOf<TColumn>["data"]>
  | Placeholder;

/** A value left open in a prepared statement (`sql.placeholder("id")`), filled by `execute({ id })`. */
export interface Placeholder<TName extends string = string> {
  readonly name: TName;
}

export declare function eq<TColumn extends AnyColumn>(column: TColumn, value: Operand<TColumn>): Condition;
export declare function eq<TValue>(expression: TypedExpression<TValue>, value: NonNullable<TValue> | TypedExpression<TValue> | ColumnHolding<NonNullable<TValue>>): Condition;
export declare function ne<TColumn extends AnyColumn>(column: TColumn, value: Operand<TColumn>): Condition;
export declare function ne<TValue>(expression: TypedExpression<TValue>, value: NonNullable<TValue> | TypedExpression<TValue> | ColumnHolding<NonNullable<TValue>>): Condition;
export declare function gt<TColumn extends AnyColumn>(column: TColumn, value: Operand<TColumn>): Condition;
export declare function gt<TValue>(expression: TypedExpression<TValue>, value: NonNullable<TValue> | TypedExpression<TValue> | ColumnHolding<NonNullable<TValue>>): Condition;
export declare function gte<TColumn extends AnyColumn>(column: TColumn, value: Operand<TColumn>): Condition;
export declare function gte<TValue>(expression: TypedExpression<TValue>, value: NonNullable<TValue> | TypedExpression<TValue> | ColumnHolding<NonNullable<TValue>>): Condition;
export declare function lt<TColumn extends AnyColumn>(column: TColumn, value: Operand<TColumn>): Condition;
export declare function lt<TValue>(expression: TypedExpression<TValue>, value: NonNullable<TValue> | TypedExpression<TValue> | ColumnHolding<NonNullable<TValue>>): Condition;
export declare function lte<TColumn extends AnyColumn>(column: TColumn, value: Operand<TColumn>): Condition;
export declare function lte<TValue>(expression: TypedExpression<TValue>, value: NonNullable<TValue> | TypedExpression<TValue> | ColumnHolding<NonNullable<TValue>>): Condition;

/** Pattern operators only apply to text columns. */
export declare function like(column: StringColumn, pattern: string): Condition;
export declare function notLike(column: StringColumn, pattern: string): Condition;
export declare function ilike(column: StringColumn, pattern: string): Condition;
export declare function notIlike(column: StringColumn, pattern: string): Condition;

/** An empty list is allowed: `inArray` is then false and `notInArray` true. */
/** A select of one field, as a list of values or one value (a subquery). */
export interface SelectOfOne<TValue> extends PromiseLike<Record<string, TValue>[]> {
  as(alias: string): unknown;
}

export declare function inArray<TColumn extends AnyColumn>(column: TColumn, values: readonly ConfigOf<TColumn>["input"][] | Placeholder | SelectOfOne<ConfigOf<TColumn>["data"]>): Condition;
export declare function notInArray<TColumn extends AnyColumn>(column: TColumn, values: readonly ConfigOf<TColumn>["input"][] | Placeholder | SelectOfOne<ConfigOf<TColumn>["data"]>): Condition;
/** Whether the select finds a row. */
export declare function exists(query: PromiseLike<unknown[]>): Condition;
export declare function notExists(query: PromiseLike<unknown[]>): Condition;

export declare function isNull(column: AnyColumn): Condition;
export declare function isNotNull(column: AnyColumn): Condition;

export declare function between<TColumn extends AnyColumn>(column: TColumn, low: Operand<TColumn>, high: Operand<TColumn>): Condition;
export declare function notBetween<TColumn extends AnyColumn>(column: TColumn, low: Operand<TColumn>, high: Operand<TColumn>): Condition;

/** `undefined` entries are skipped, so optional filters can be passed as they are. */
export declare function and(...conditions: (Condition | undefined)[]): Condition;
export declare function or(...conditions: (Condition | undefined)[]): Condition;
export declare function not(condition: Condition): Condition;

export declare function asc(column: Sortable): OrderBy;
export declare function desc(column: Sortable): OrderBy;

export declare const sql: {
  <TValue = unknown>(strings: TemplateStringsArray, ...values: unknown[]): SQL<TValue>;
  /** Text spliced in verbatim: never pass user input. */
  raw(text: string): SQL;
  identifier(name: string): SQL;
  empty(): SQL;
  join(items: readonly unknown[], separator?: SQL | string): SQL;
  placeholder<TName extends string>(name: TName): Placeholder<TName>;
};

/** The operators handed to relational-query `where` callbacks: `where: (p, { eq }) => eq(p.published, true)`. */
export interface Operators {
  eq: typeof eq;
  ne: typeof ne;
  gt: typeof gt;
  gte: typeof gte;
  lt: typeof lt;
  lte: typeof lte;
  like: typeof like;
  notLike: typeof notLike;
  ilike: typeof ilike;
  notIlike: typeof notIlike;
  inArray: typeof inArray;
  notInArray: typeof notInArray;
  isNull: typeof isNull;
  isNotNull: typeof isNotNull;
  between: typeof between;
  notBetween: typeof notBetween;
  and: typeof and;
  or: typeof or;
  not: typeof not;
  exists: typeof exists;
  notExists: typeof notExists;
}

/** The helpers handed to relational-query `orderBy` callbacks. */
export interface OrderOperators {
  asc: typeof asc;
  desc: typeof desc;
}
