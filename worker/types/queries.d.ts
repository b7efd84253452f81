// The query builders behind `db.select/insert/update/delete`. Each builder is a thenable that
// resolves to its rows, so the result type is carried in `Query<TResult>`.
import type { AnyColumn, ColumnValue, TableOfColumn } from "./columns.js";
import type { Simplify } from "./internal.js";
import type { Condition, OrderTerm, Placeholder, Sortable, TypedExpression } from "./operators.js";
import type { AnySource, AnySubquery, SourceKey, SourceName, SourceRow, Subquery } from "./subqueries.js";
import type { AnyTable, ColumnOf, InferInsert, InferSelect, SchemaTable, UpdateSet } from "./table.js";

/** What every builder has: it is a thenable, with `bytes()` and `toSQL()` besides. */
export interface Query<TResult> extends PromiseLike<TResult> {
  catch<TCaught = never>(onRejected?: ((reason: unknown) => TCaught | PromiseLike<TCaught>) | null): Promise<TResult | TCaught>;
  finally(onFinally?: (() => void) | null): Promise<TResult>;
  /** The JSON text of the result, for an HTTP body, without building JS objects. */
  bytes(): Promise<Uint8Array>;
  toSQL(): { sql: string; params: unknown[] };
  /**
   * Bounds the round trip: past `ms` (a whole number of milliseconds) it rejects with a
   * TransportError of kind "timeout". Replaces the driver's `timeoutMs`.
   */
  timeout(ms: number): this;
  /** Compiled once; `execute({ ... })` fills its `sql.placeholder()`s. */
  prepare(name?: string): Prepared<TResult>;
  /** drizzle's marker for builders composed in functions: the builder itself. */
  $dynamic(): this;
}

/** A prepared statement: each run only binds the placeholders' values. */
export interface Prepared<TResult> {
  execute(values?: Record<string, unknown>): Promise<TResult>;
  bytes(values?: Record<string, unknown>): Promise<Uint8Array>;
}

/** The result of a write without `returning()`. */
export interface WriteResult {
  rowsAffected: number;
}

/**
 * A projection: output keys mapped to columns or typed expressions
 * (`{ id: posts.id, authorName: users.name, posts: count() }`).
 */
export type Projection = Record<string, AnyColumn | TypedExpression<unknown>>;

type FieldValue<TField, TNullable extends string> = TField extends AnyColumn
  ? ColumnValue<TField> | (TableOfColumn<TField> extends TNullable ? null : never)
  : TField extends TypedExpression<infer TValue>
    ? TValue
    : never;

/**
 * A projected row. Columns of a table in `TNullable` (left-joined) may be null even when the
 * column is not: the join can find no row.
 */
export type ProjectedRow<TFields extends Projection, TNullable extends string = never> = Simplify<{
  [K in keyof TFields]: FieldValue<TFields[K], TNullable>;
}>;

/**
 * A joined table, under its schema key: its SQL name (which its columns carry), its row and
 * whether a left join can leave it empty.
 */
export interface Joined {
  name: string;
  row: object;
  nullable: boolean;
  source: unknown;
}

type NullableTables<TJoins extends Record<string, Joined>> = {
  [K in keyof TJoins]: TJoins[K]["nullable"] extends true ? TJoins[K]["name"] : never;
}[keyof TJoins];

/**
 * A select row. With a projection, the projection's shape; without one, the table's row, or,
 * once something is joined, one key per table, as exported from the schema
 * (`{ posts: {...}, users: {...} | null }`). `TFromNullable`: a right or full join can leave the
 * selected-from table without a row.
 */
export type SelectResultRow<
  TSchema,
  TFields extends Projection | undefined,
  TFrom extends AnySource,
  TJoins extends Record<string, Joined>,
  TFromNullable extends boolean = false,
> = TFields extends Projection
  ? ProjectedRow<TFields, NullableTables<TJoins> | (TFromNullable extends true ? SourceName<TFrom> : never)>
  : [keyof TJoins] extends [never]
    ? SourceRow<TFrom>
    : Simplify<
        { [K in SourceKey<TSchema, TFrom>]: SourceRow<TFrom> | (TFromNullable extends true ? null : never) } & {
          [K in keyof TJoins]: TJoins[K]["row"] | (TJoins[K]["nullable"] extends true ? null : never);
        }
      >;

type Join<TSchema, TTable extends AnySource, TNullable extends boolean> = {
  [K in SourceKey<TSchema, TTable>]: { name: SourceName<TTable>; row: SourceRow<TTable>; nullable: TNullable; source: TTable };
};

/** Every table joined so far, once a right or full join can leave each without a row. */
type AllNullable<TJoins extends Record<string, Joined>> = {
  [K in keyof TJoins]: { name: TJoins[K]["name"]; row: TJoins[K]["row"]; nullable: true; source: TJoins[K]["source"] };
};

/** `db.select(...)` before `.from()`. */
export interface SelectFrom<TSchema, TFields extends Projection | undefined> {
  /** A table of the schema, a subquery (`select.as("sq")`) or a CTE given to `db.with()`. */
  from<TTable extends SchemaTable<TSchema> | AnySubquery>(table: TTable): SelectQuery<TSchema, TFields, TTable, {}>;
}

/**
 * What a select's callbacks receive, as in drizzle: the projection; without one the table, or
 * once something is joined one entry per table under its schema key.
 */
export type Selection<
  TSchema,
  TFields extends Projection | undefined,
  TFrom extends AnySource,
  TJoins extends Record<string, Joined>,
> = TFields extends Projection
  ? TFields
  : [keyof TJoins] extends [never]
    ? TFrom
    : { [K in SourceKey<TSchema, TFrom>]: TFrom } & { [K in keyof TJoins]: TJoins[K]["source"] };

export interface SelectQuery<
  TSchema,
  TFields extends Projection | undefined,
  TFrom extends AnySource,
  TJoins extends Record<string, Joined>,
  TFromNullable extends boolean = false,
> extends Query<SelectResultRow<TSchema, TFields, TFrom, TJoins, TFromNullable>[]> {
  innerJoin<TTable extends SchemaTable<TSchema> | AnySubquery>(
    table: TTable,
    on: Condition | ((fields: Selection<TSchema, TFields, TFrom, TJoins & Join<TSchema, TTable, false>>) => Condition),
  ): SelectQuery<TSchema, TFields, TFrom, TJoins & Join<TSchema, TTable, false>, TFromNullable>;
  leftJoin<TTable extends SchemaTable<TSchema> | AnySubquery>(
    table: TTable,
    on: Condition | ((fields: Selection<TSchema, TFields, TFrom, TJoins & Join<TSchema, TTable, true>>) => Condition),
  ): SelectQuery<TSchema, TFields, TFrom, TJoins & Join<TSchema, TTable, true>, TFromNullable>;
  rightJoin<TTable extends SchemaTable<TSchema> | AnySubquery>(
    table: TTable,
    on: Condition | ((fields: Selection<TSchema, TFields, TFrom, TJoins & Join<TSchema, TTable, false>>) => Condition),
  ): SelectQuery<TSchema, TFields, TFrom, AllNullable<TJoins> & Join<TSchema, TTable, false>, true>;
  fullJoin<TTable extends SchemaTable<TSchema> | AnySubquery>(
    table: TTable,
    on: Condition | ((fields: Selection<TSchema, TFields, TFrom, TJoins & Join<TSchema, TTable, true>>) => Condition),
  ): SelectQuery<TSchema, TFields, TFrom, AllNullable<TJoins> & Join<TSchema, TTable, true>, true>;
  crossJoin<TTable extends SchemaTable<TSchema> | AnySubquery>(
    table: TTable,
  ): SelectQuery<TSchema, TFields, TFrom, TJoins & Join<TSchema, TTable, false>, TFromNullable>;
  where(
    condition: Condition | undefined | ((fields: Selection<TSchema, TFields, TFrom, TJoins>) => Condition | undefined),
  ): this;
  groupBy(...items: Sortable[]): this;
  groupBy(items: readonly Sortable[]): this;
  groupBy(items: (fields: Selection<TSchema, TFields, TFrom, TJoins>) => Sortable | readonly Sortable[]): this;
  having(
    condition: Condition | undefined | ((fields: Selection<TSchema, TFields, TFrom, TJoins>) => Condition | undefined),
  ): this;
  orderBy(...terms: OrderTerm[]): this;
  orderBy(terms: readonly OrderTerm[]): this;
  orderBy(
    terms: (fields: Selection<TSchema, TFields, TFrom, TJoins>) => OrderTerm | readonly OrderTerm[],
  ): this;
  limit(count: number | Placeholder): this;
  offset(count: number | Placeholder): this;
  /** This select as a subquery for from and joins; `sq.key` reads its fields. */
  as<TAlias extends string>(alias: TAlias): Subquery<TAlias, SelectResultRow<TSchema, TFields, TFrom, TJoins, TFromNullable>>;
  /**
   * Set operations with a select of the same fields; orderBy/limit/offset after them apply to
   * the combined rows. `intersectAll`/`exceptAll` are Postgres only.
   */
  union(query: Query<SelectResultRow<TSchema, TFields, TFrom, TJoins, TFromNullable>[]>): this;
  unionAll(query: Query<SelectResultRow<TSchema, TFields, TFrom, TJoins, TFromNullable>[]>): this;
  intersect(query: Query<SelectResultRow<TSchema, TFields, TFrom, TJoins, TFromNullable>[]>): this;
  intersectAll(query: Query<SelectResultRow<TSchema, TFields, TFrom, TJoins, TFromNullable>[]>): this;
  except(query: Query<SelectResultRow<TSchema, TFields, TFrom, TJoins, TFromNullable>[]>): this;
  exceptAll(query: Query<SelectResultRow<TSchema, TFields, TFrom, TJoins, TFromNullable>[]>): this;
}

/** `onConflict*` targets: a column of the inserted table, or several for a composite key. */
export type ConflictTarget<TTable extends AnyTable> = ColumnOf<TTable> | ColumnOf<TTable>[];

/** `db.insert(table)` before `.values()`. */
export interface InsertInto<TTable extends AnyTable, TDb = unknown> {
  values(rows: InferInsert<TTable> | readonly InferInsert<TTable>[]): InsertQuery<TTable, WriteResult>;
  /**
   * `insert ... select`: each field key of the select names the column it fills; `query` is a
   * select or a callback receiving the db.
   */
  select(
    query: Query<Partial<InferInsert<TTable>>[]> | ((db: TDb) => Query<Partial<InferInsert<TTable>>[]>),
  ): InsertQuery<TTable, WriteResult>;
}

export interface InsertQuery<TTable extends AnyTable, TResult> extends Query<TResult> {
  onConflictDoNothing(config?: { target?: ConflictTarget<TTable> }): this;
  onConflictDoUpdate(config: { target: ConflictTarget<TTable>; set: UpdateSet<TTable> }): this;
  returning(): InsertQuery<TTable, InferSelect<TTable>[]>;
  returning<TFields extends Projection>(fields: TFields): InsertQuery<TTable, ProjectedRow<TFields>[]>;
}

/** `db.update(table)` before `.set()`. */
export interface UpdateSetStep<TTable extends AnyTable> {
  set(values: UpdateSet<TTable>): UpdateQuery<TTable, WriteResult>;
}

export interface UpdateQuery<TTable extends AnyTable, TResult> extends Query<TResult> {
  where(condition: Condition | undefined): this;
  returning(): UpdateQuery<TTable, InferSelect<TTable>[]>;
  returning<TFields extends Projection>(fields: TFields): UpdateQuery<TTable, ProjectedRow<TFields>[]>;
}

export interface DeleteQuery<TTable extends AnyTable, TResult> extends Query<TResult> {
  where(condition: Condition | undefined): this;
  returning(): DeleteQuery<TTable, InferSelect<TTable>[]>;
  returning<TFields extends Projection>(fields: TFields): DeleteQuery<TTable, ProjectedRow<TFields>[]>;
}
