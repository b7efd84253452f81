// `createDb` and the database object it returns.
import type { driverInfo } from "./internal.js";
import type { Condition, SQL, Sortable, TypedExpression } from "./operators.js";
import type { DeleteQuery, InsertInto, Projection, Query, SelectFrom, UpdateSetStep, WriteResult } from "./queries.js";
import type { RelationalQueries } from "./relational.js";
import type { AnyCte, Cte, RowOf } from "./subqueries.js";
import type { SchemaTable } from "./table.js";

/** The select builders, alone or after `db.with(...)`. */
export interface SelectStarts<TSchema> {
  select(): SelectFrom<TSchema, undefined>;
  select<TFields extends Projection>(fields: TFields): SelectFrom<TSchema, TFields>;
  /** `select distinct`: each distinct row once. */
  selectDistinct(): SelectFrom<TSchema, undefined>;
  selectDistinct<TFields extends Projection>(fields: TFields): SelectFrom<TSchema, TFields>;
  /** Postgres only (SQLite: a SluiceError): the first row of each group of `on`. */
  selectDistinctOn(on: readonly Sortable[]): SelectFrom<TSchema, undefined>;
  selectDistinctOn<TFields extends Projection>(on: readonly Sortable[], fields: TFields): SelectFrom<TSchema, TFields>;
}

/** A database connection made by a driver helper such as `d1(env.DB)`; opaque to applications. */
export interface Driver {
  readonly [driverInfo]: true;
}

/** Receives every statement instead of the default `Query: <sql> -- params: [...]` line. */
export interface QueryLogger {
  logQuery(sql: string, params: unknown[]): void;
}

export interface DbOptions<TSchema> {
  /** The schema module namespace (`import * as schema`). */
  schema: TSchema;
  driver: Driver;
  logger?: boolean | QueryLogger;
}

/** How a `batch()` transaction runs, on drivers that can choose (neonHttp), and its bounds. */
export interface BatchOptions {
  isolationLevel?: "ReadUncommitted" | "ReadCommitted" | "RepeatableRead" | "Serializable";
  readOnly?: boolean;
  deferrable?: boolean;
  /** Replaces the driver's `timeoutMs` and the queries' own `.timeout()`. */
  timeoutMs?: number;
  /** Abandons the batch when it fires (besides the driver's signal). */
  signal?: AbortSignal;
}

/** The results of a `batch()`, in the order of its queries. */
export type BatchResults<TQueries extends readonly Query<unknown>[]> = {
  -readonly [I in keyof TQueries]: TQueries[I] extends Query<infer R> ? R : never;
};

export interface Database<TSchema> extends SelectStarts<TSchema> {
  readonly query: RelationalQueries<TSchema>;
  /** A CTE named `alias`, for `db.with(...)`; `query` is a select or a callback making one. */
  $with<TAlias extends string>(
    alias: TAlias,
  ): { as<TQuery extends Query<object[]>>(query: TQuery | ((db: Database<TSchema>) => TQuery)): Cte<TAlias, RowOf<TQuery>> };
  /** Statements that read the CTEs `ctes`, written once before the statement. */
  with(...ctes: AnyCte[]): SelectStarts<TSchema> & Pick<Database<TSchema>, "insert" | "update" | "delete">;
  // Builders take only the schema's tables: sluice knows no other.
  insert<TTable extends SchemaTable<TSchema>>(table: TTable): InsertInto<TTable, Database<TSchema>>;
  update<TTable extends SchemaTable<TSchema>>(table: TTable): UpdateSetStep<TTable>;
  delete<TTable extends SchemaTable<TSchema>>(table: TTable): DeleteQuery<TTable, WriteResult>;
  /** A number; as a select field or a value, a scalar subquery. */
  $count(table: SchemaTable<TSchema>, where?: Condition): Query<number> & TypedExpression<number>;
  /**
   * One atomic round trip; a tuple in, the matching tuple of results out. `options` set the
   * transaction of drivers that have one (neonHttp); D1 ignores them.
   */
  batch<TQueries extends readonly [Query<unknown>, ...Query<unknown>[]]>(
    queries: TQueries,
    options?: BatchOptions,
  ): Promise<BatchResults<TQueries>>;
  /**
   * Always rejects with a SluiceError (unsupported_feature): neither D1 nor Neon's HTTP
   * endpoint keeps a transaction open between requests. Use batch() or one statement.
   */
  transaction(run: (tx: never) => Promise<unknown>): Promise<never>;
  /** Raw rows: the schema does not describe them, so they are not decoded. */
  execute(query: SQL): Query<Record<string, unknown>[]>;
}

export declare function createDb<TSchema extends object>(options: DbOptions<TSchema>): Database<TSchema>;
