// Selects inside other statements: subqueries (`select.as("sq")`) and CTEs (`db.$with`) read
// like tables, their fields as typed expressions, and the set operators as functions.
import type { sourceInfo } from "./internal.js";
import type { TypedExpression } from "./operators.js";
import type { Query } from "./queries.js";
import type { AnyTable, InferSelect, SchemaKey, TableName } from "./table.js";

/** What a subquery or CTE is to the type checker: its alias and its row. */
export interface SourceBrand<TAlias extends string, TRow> {
  readonly [sourceInfo]: { alias: TAlias; row: TRow; cte: boolean };
}

/** A select with `.as(alias)`: usable in from and joins; `sq.key` reads a field. */
export type Subquery<TAlias extends string, TRow> = SourceBrand<TAlias, TRow> & {
  readonly [K in keyof TRow]: TypedExpression<TRow[K]>;
};

/** A CTE from `db.$with(alias).as(query)`: give it to `db.with(...)`, then read it like a table. */
export type Cte<TAlias extends string, TRow> = Subquery<TAlias, TRow> & { readonly [sourceInfo]: { cte: true } };

export type AnySubquery = SourceBrand<string, object>;
export type AnyCte = AnySubquery & { readonly [sourceInfo]: { cte: true } };

/** What a select reads rows from: a table of the schema, a subquery or a CTE. */
export type AnySource = AnyTable | AnySubquery;

/** The row of a source. */
export type SourceRow<TSource> = TSource extends SourceBrand<string, infer TRow>
  ? TRow
  : TSource extends AnyTable
    ? InferSelect<TSource>
    : never;

/** The key a source has in joined rows and callbacks: its schema key, or its alias. */
export type SourceKey<TSchema, TSource> = TSource extends SourceBrand<infer TAlias, object>
  ? TAlias
  : TSource extends AnyTable
    ? SchemaKey<TSchema, TSource>
    : never;

/** The name a source's columns carry (a table's SQL name, or a subquery's alias). */
export type SourceName<TSource> = TSource extends SourceBrand<infer TAlias, object>
  ? TAlias
  : TSource extends AnyTable
    ? TableName<TSource>
    : never;

/** The row type of a select builder. */
export type RowOf<TQuery> = TQuery extends Query<(infer TRow)[]> ? TRow : never;

/**
 * The set operators as functions: the first select combined with each of the others, which
 * select the same fields. Resolves to the first select's rows.
 */
type SetFunction = <TFirst extends Query<unknown[]>>(
  first: TFirst,
  second: Query<RowOf<TFirst>[]>,
  ...rest: Query<RowOf<TFirst>[]>[]
) => TFirst;

export declare const union: SetFunction;
export declare const unionAll: SetFunction;
export declare const intersect: SetFunction;
/** Postgres only: SQLite has no `intersect all` (a SluiceError there). */
export declare const intersectAll: SetFunction;
export declare const except: SetFunction;
/** Postgres only: SQLite has no `except all` (a SluiceError there). */
export declare const exceptAll: SetFunction;
