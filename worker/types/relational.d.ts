// `db.query.<table>.findMany/findFirst`: configs and result rows, derived from the schema
// namespace. Tables come from its table exports; relations from its `relations()` exports.
import type { AnyColumn } from "./columns.js";
import type { Simplify } from "./internal.js";
import type { Condition, Operators, OrderBy, OrderOperators, OrderTerm } from "./operators.js";
import type { Query } from "./queries.js";
import type { AnyTable, InferSelect, Many, One, Relations, TableColumns, TableName } from "./table.js";

/** `db.query`: one entry per table export of the schema; relations and enums are not tables. */
export type RelationalQueries<TSchema> = {
  readonly [K in keyof TSchema as TSchema[K] extends AnyTable ? K : never]: TSchema[K] extends AnyTable
    ? RelationalQuery<TSchema, TSchema[K]>
    : never;
};

/**
 * The relations declared for `TTable` in the schema, keyed by relation name, or `{}` when there
 * are none. A table may have several `relations()` exports; their relations add up.
 */
export type RelationsOf<TSchema, TTable extends AnyTable> = AllOf<
  NoneAsEmpty<{ [K in keyof TSchema]: TSchema[K] extends Relations<TableName<TTable>, infer R> ? R : never }[keyof TSchema]>
>;

type NoneAsEmpty<T> = [T] extends [never] ? {} : T;

/** `A | B` to `A & B`: each member is put in a parameter position, where candidates intersect. */
type AllOf<U> = (U extends unknown ? (members: U) => void : never) extends (members: infer I) => void ? I : never;

type TargetOf<TRelation> = TRelation extends One<infer T> | Many<infer T> ? T : never;

/** `columns: { id: true }` keeps only the listed columns; `{ body: false }` drops the listed ones. */
export type ColumnsSelection<TTable extends AnyTable> = { [K in keyof TableColumns<TTable>]?: boolean };

export type WhereConfig<TTable extends AnyTable> =
  | Condition
  | ((columns: TableColumns<TTable>, operators: Operators) => Condition | undefined);

export type OrderByConfig<TTable extends AnyTable> =
  | OrderTerm
  | readonly OrderTerm[]
  | ((columns: TableColumns<TTable>, operators: OrderOperators) => OrderTerm | readonly OrderTerm[]);

/** What a `one()` relation in `with` accepts: a single row has nothing to filter, order or page. */
export interface OneRelationConfig<TSchema, TTable extends AnyTable> {
  columns?: ColumnsSelection<TTable>;
  with?: WithConfig<TSchema, TTable>;
}

/** What a `many()` relation in `with` accepts. */
export interface ManyRelationConfig<TSchema, TTable extends AnyTable> extends OneRelationConfig<TSchema, TTable> {
  where?: WhereConfig<TTable>;
  orderBy?: OrderByConfig<TTable>;
  limit?: number;
}

export interface FindFirstConfig<TSchema, TTable extends AnyTable> extends OneRelationConfig<TSchema, TTable> {
  where?: WhereConfig<TTable>;
  orderBy?: OrderByConfig<TTable>;
  offset?: number;
}

export interface FindManyConfig<TSchema, TTable extends AnyTable> extends FindFirstConfig<TSchema, TTable> {
  limit?: number;
}

/** `with`: each relation of the table, `true` for all its columns or a nested config. */
export type WithConfig<TSchema, TTable extends AnyTable> = {
  [R in keyof RelationsOf<TSchema, TTable>]?:
    | true
    | (RelationsOf<TSchema, TTable>[R] extends Many
        ? ManyRelationConfig<TSchema, TargetOf<RelationsOf<TSchema, TTable>[R]>>
        : OneRelationConfig<TSchema, TargetOf<RelationsOf<TSchema, TTable>[R]>>);
};

/** Config values that are not option objects themselves, so their keys are not checked. */
type ConfigLeaf = Condition | OrderBy | AnyColumn | readonly unknown[] | ((...args: never[]) => unknown);

/**
 * `TConfig` with every key unknown to `TShape` turned into `never`, through nested objects
 * (`columns`, `with` and the configs inside it).
 */
type KnownKeysOnly<TConfig, TShape> = {
  [K in keyof TConfig]: K extends keyof TShape
    ? TConfig[K] extends ConfigLeaf
      ? TConfig[K]
      : TConfig[K] extends object
        ? KnownKeysOnly<TConfig[K], Extract<NonNullable<TShape[K]>, object>>
        : TConfig[K]
    : never;
};

/**
 * The parameter of findMany/findFirst, in three parts. `TConfig` is inferred from the argument
 * so the result can follow its `columns` and `with`. An inferred argument escapes the usual
 * excess-property check, so the `NoInfer` part rejects unknown keys (without it,
 * `with: { posts: true, comments: true }` would pass); it must not take part in inference, or
 * nested configs are inferred as `{}`. `TShape` gives callbacks such as
 * `where: (p, { eq }) => ...` their parameter types.
 */
type ConfigArgument<TConfig, TShape> = TShape & TConfig & NoInfer<KnownKeysOnly<TConfig, TShape>>;

/**
 * As drizzle selects them: with any column `true`, those; with only `false` ones, all but
 * those; with none listed (`columns: {}`), none of the table's own columns.
 */
type PickColumns<TRow, TColumns> = [TColumns] extends [undefined]
  ? TRow
  : true extends TColumns[keyof TColumns]
    ? Pick<TRow, { [K in keyof TColumns]: TColumns[K] extends true ? K : never }[keyof TColumns] & keyof TRow>
    : [keyof TColumns] extends [never]
      ? {}
      : Omit<TRow, { [K in keyof TColumns]: TColumns[K] extends false ? K : never }[keyof TColumns]>;

type ColumnsOf<TConfig> = TConfig extends { columns: infer C } ? C : undefined;
type WithOf<TConfig> = TConfig extends { with: infer W } ? W : {};
/** `posts: true` means the default config. */
type NestedConfig<TValue> = TValue extends true ? {} : TValue;

type RelationRow<TSchema, TRelation, TConfig> = TRelation extends Many<infer T>
  ? RelationalRow<TSchema, T, TConfig>[]
  : TRelation extends One<infer T, infer TNullable>
    ? RelationalRow<TSchema, T, TConfig> | (TNullable extends true ? null : never)
    : never;

/** A row of a relational query: the selected columns, then one key per relation in `with`. */
export type RelationalRow<TSchema, TTable extends AnyTable, TConfig> = Simplify<
  PickColumns<InferSelect<TTable>, ColumnsOf<TConfig>> & {
    [R in keyof WithOf<TConfig> & keyof RelationsOf<TSchema, TTable>]: RelationRow<
      TSchema,
      RelationsOf<TSchema, TTable>[R],
      NestedConfig<WithOf<TConfig>[R]>
    >;
  }
>;

export interface RelationalQuery<TSchema, TTable extends AnyTable> {
  findMany<TConfig extends FindManyConfig<TSchema, TTable> = {}>(
    config?: ConfigArgument<TConfig, FindManyConfig<TSchema, TTable>>,
  ): Query<RelationalRow<TSchema, TTable, TConfig>[]>;
  /** `undefined` when no row matches. */
  findFirst<TConfig extends FindFirstConfig<TSchema, TTable> = {}>(
    config?: ConfigArgument<TConfig, FindFirstConfig<TSchema, TTable>>,
  ): Query<RelationalRow<TSchema, TTable, TConfig> | undefined>;
}
