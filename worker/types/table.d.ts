// Tables, their row types, indexes and relations.
import type { SQL } from "./operators.js";
import type { AnyColumn, AnyColumnBuilder, Column, ColumnInput, ColumnValue, ConfigOf } from "./columns.js";
import type { builderInfo, indexInfo, relationInfo, relationsInfo, Simplify, tableInfo } from "./internal.js";

/** Any table, as builders and relations accept them. */
export interface AnyTable {
  readonly [tableInfo]: { name: string; columns: Record<string, AnyColumn> };
}

/** The columns of table `TName` once `table()` has adopted the builders. */
export type BuildColumns<TName extends string, TBuilders extends Record<string, AnyColumnBuilder>> = {
  [K in keyof TBuilders]: Column<TBuilders[K][typeof builderInfo], TName>;
};

export interface TableBase<TName extends string, TColumns extends Record<string, AnyColumn>> extends AnyTable {
  readonly [tableInfo]: { name: TName; columns: TColumns };
  /** Type-only: `typeof users.$inferSelect` is a row as queries return it. */
  readonly $inferSelect: SelectRow<TColumns>;
  /** Type-only: `typeof users.$inferInsert` is what `insert().values()` accepts. */
  readonly $inferInsert: InsertRow<TColumns>;
}

/** A table object: its columns are its properties (`users.email`). */
export type Table<TName extends string, TColumns extends Record<string, AnyColumn>> = TableBase<TName, TColumns> & TColumns;

/** The SQL name given to `table()`. */
export type TableName<TTable extends AnyTable> = TTable[typeof tableInfo]["name"];

/** The adopted columns of a table, keyed by property name. */
export type TableColumns<TTable extends AnyTable> = TTable[typeof tableInfo]["columns"];

/** Any one column of `TTable`, so a target or relation field cannot come from another table. */
export type ColumnOf<TTable extends AnyTable> = TableColumns<TTable>[keyof TableColumns<TTable>];

/** The tables of a schema namespace: the only ones `db` builders accept. */
export type SchemaTable<TSchema> = Extract<TSchema[keyof TSchema], AnyTable>;

/** The key a table is exported under in the schema: its key in `db.query` and in join results. */
export type SchemaKey<TSchema, TTable extends AnyTable> = Extract<
  {
    [K in keyof TSchema]: TSchema[K] extends AnyTable ? (TableName<TSchema[K]> extends TableName<TTable> ? K : never) : never;
  }[keyof TSchema],
  string
>;

export type SelectRow<TColumns extends Record<string, AnyColumn>> = Simplify<{
  [K in keyof TColumns]: ColumnValue<TColumns[K]>;
}>;

/** Keys insert may leave out: nullable columns and columns with a default. */
type OptionalInsertKeys<TColumns extends Record<string, AnyColumn>> = {
  [K in keyof TColumns]: ConfigOf<TColumns[K]>["notNull"] extends true
    ? ConfigOf<TColumns[K]>["hasDefault"] extends true ? K : never
    : K;
}[keyof TColumns];

export type InsertRow<TColumns extends Record<string, AnyColumn>> = Simplify<
  { [K in Exclude<keyof TColumns, OptionalInsertKeys<TColumns>>]: ColumnInput<TColumns[K]> } & {
    [K in OptionalInsertKeys<TColumns>]?: ColumnInput<TColumns[K]>;
  }
>;

export type InferSelect<TTable extends AnyTable> = SelectRow<TableColumns<TTable>>;
export type InferInsert<TTable extends AnyTable> = InsertRow<TableColumns<TTable>>;
/**
 * What `update().set()` and `onConflictDoUpdate({ set })` accept: any subset of an insert row,
 * each value or a `sql` fragment (`views: sql\`${posts.views} + 1\``).
 */
export type UpdateSet<TTable extends AnyTable> = { [K in keyof InferInsert<TTable>]?: InferInsert<TTable>[K] | SQL };

/** An index declaration, complete once `.on()` has named its columns. */
export interface Index {
  readonly [indexInfo]: true;
}

export interface IndexBuilder {
  on(...columns: [AnyColumn, ...AnyColumn[]]): Index;
}

export declare function index(name: string): IndexBuilder;
export declare function uniqueIndex(name: string): IndexBuilder;

/** The optional third argument of `table()`: indexes, given the table's columns. */
export type ExtraConfig<TColumns> = (columns: TColumns) => Record<string, Index> | readonly Index[];

export declare function table<TName extends string, TBuilders extends Record<string, AnyColumnBuilder>>(
  name: TName,
  columns: TBuilders,
  extra?: ExtraConfig<BuildColumns<TName, TBuilders>>,
): Table<TName, BuildColumns<TName, TBuilders>>;

/**
 * A `one()` relation: the related row, or `null` when there can be none (`TNullable`): as
 * drizzle types it, a row is always there when every `fields` column is NOT NULL (the foreign key
 * guarantees it), and may be missing from the other side, or over a nullable column.
 */
export interface One<TTarget extends AnyTable = AnyTable, TNullable extends boolean = boolean> {
  readonly [relationInfo]: { kind: "one"; target: TTarget; nullable: TNullable };
}

/** Whether a `one()` over these columns can find no row: when any of them may be null. */
type NullableFields<TFields extends readonly AnyColumn[]> = null extends ColumnValue<TFields[number]> ? true : false;

/** A `many()` relation: an array of related rows, empty when there are none. */
export interface Many<TTarget extends AnyTable = AnyTable> {
  readonly [relationInfo]: { kind: "many"; target: TTarget };
}

export type Relation = One | Many;

/** Tells apart several relations between the same two tables; both sides give the same name. */
export interface RelationName {
  relationName?: string;
}

/** The join of a `one()` relation: `fields` of the source table equal `references` of the target. */
export interface OneConfig<TSource extends AnyTable, TTarget extends AnyTable> extends RelationName {
  fields: ColumnOf<TSource>[];
  references: ColumnOf<TTarget>[];
}

export interface RelationHelpers<TSource extends AnyTable> {
  /** Without `fields`, the join comes from the `one()` with fields declared on the target. */
  one<TTarget extends AnyTable, TFields extends ColumnOf<TSource>[]>(
    target: TTarget,
    config: OneConfig<TSource, TTarget> & { fields: [...TFields] },
  ): One<TTarget, NullableFields<TFields>>;
  one<TTarget extends AnyTable>(target: TTarget, config?: RelationName & { fields?: never; references?: never }): One<TTarget, true>;
  /** The join comes from the `one()` with fields declared on the target. */
  many<TTarget extends AnyTable>(target: TTarget, config?: RelationName): Many<TTarget>;
}

/** The result of `relations()`; the schema namespace is searched for it by table name. */
export interface Relations<TName extends string = string, TRelations extends Record<string, Relation> = Record<string, Relation>> {
  readonly [relationsInfo]: { table: TName; relations: TRelations };
}

export declare function relations<TTable extends AnyTable, TRelations extends Record<string, Relation>>(
  table: TTable,
  define: (helpers: RelationHelpers<TTable>) => TRelations,
): Relations<TableName<TTable>, TRelations>;
