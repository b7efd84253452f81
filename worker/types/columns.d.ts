// Column helpers and their modifiers. A helper returns a builder whose type records, modifier by
// modifier, what the row types need: the JS value type, nullability and whether the database or
// sluice can supply a value on insert.
import type { builderInfo, columnInfo, Simplify } from "./internal.js";

/** The SQL types of the schema DSL. Only `defaultNow` and `defaultRandom` depend on it. */
export type ColumnType =
  | "serial" | "bigserial" | "integer" | "bigint" | "real" | "numeric" | "text" | "varchar"
  | "boolean" | "timestamp" | "date" | "json" | "jsonb" | "uuid" | "enum";

/** What the type system tracks for one column. */
export interface ColumnConfig {
  type: ColumnType;
  /** The JS type of a value read back, without `null`. */
  data: unknown;
  /** The JS type accepted when writing; wider than `data` where sluice converts (64-bit integers, decimals, dates). */
  input: unknown;
  notNull: boolean;
  /** Set by `.default*()`, `$defaultFn`, `$onUpdate` and the serial types: insert may leave it out. */
  hasDefault: boolean;
}

/**
 * 64-bit integers come back as numbers while they are safe integers and as decimal strings
 * beyond 2^53, so no digit is lost; a `bigint` is accepted when writing.
 */
export type BigIntValue = number | string;
export type BigIntInput = number | string | bigint;

export type ForeignKeyAction = "cascade" | "restrict" | "no action" | "set null" | "set default";

export interface ForeignKeyActions {
  onDelete?: ForeignKeyAction;
  onUpdate?: ForeignKeyAction;
}

/** `C` with the entries of `P` replaced: what a modifier changes. */
type Patch<C extends ColumnConfig, P extends Partial<ColumnConfig>> = Simplify<Omit<C, keyof P> & P>;

/** The modifiers every column has. Each returns the builder with its updated config. */
export interface ColumnBuilderBase<C extends ColumnConfig> {
  readonly [builderInfo]: C;
  notNull(): ColumnBuilder<Patch<C, { notNull: true }>>;
  /** A primary key is implicitly not null. */
  primaryKey(): ColumnBuilder<Patch<C, { notNull: true }>>;
  unique(name?: string): ColumnBuilder<C>;
  default(value: C["input"]): ColumnBuilder<Patch<C, { hasDefault: true }>>;
  /** Computed at every execution that leaves the column unset. */
  $defaultFn(fn: () => C["input"]): ColumnBuilder<Patch<C, { hasDefault: true }>>;
  /** Computed at every update that leaves the column unset, and on insert when there is no other default. */
  $onUpdate(fn: () => C["input"]): ColumnBuilder<Patch<C, { hasDefault: true }>>;
  /** A thunk, so a table may refer to one declared after it. */
  references(target: () => AnyColumn, actions?: ForeignKeyActions): ColumnBuilder<C>;
}

/** `defaultNow()` only makes sense for time columns. */
export interface NowDefault<C extends ColumnConfig> {
  defaultNow(): ColumnBuilder<Patch<C, { hasDefault: true }>>;
}

/** `defaultRandom()` only makes sense for uuid columns. */
export interface RandomDefault<C extends ColumnConfig> {
  defaultRandom(): ColumnBuilder<Patch<C, { hasDefault: true }>>;
}

export type ColumnBuilder<C extends ColumnConfig> = ColumnBuilderBase<C> &
  (C["type"] extends "timestamp" | "date" ? NowDefault<C> : unknown) &
  (C["type"] extends "uuid" ? RandomDefault<C> : unknown);

/** Any builder, as `table()` accepts them. */
export interface AnyColumnBuilder {
  readonly [builderInfo]: ColumnConfig;
}

/**
 * A column once `table()` has adopted it (`users.email`): what queries, operators and
 * projections take. `TTable` is the table's name, so a left join can make its columns nullable.
 */
export interface Column<C extends ColumnConfig = ColumnConfig, TTable extends string = string> {
  readonly [columnInfo]: { config: C; table: TTable };
}

export type AnyColumn = Column;

/** The config of an adopted column. */
export type ConfigOf<TColumn extends AnyColumn> = TColumn[typeof columnInfo]["config"];

/** The name of the table a column belongs to. */
export type TableOfColumn<TColumn extends AnyColumn> = TColumn[typeof columnInfo]["table"];

/** The value a column yields in a row: `data`, or `data | null` when the column is nullable. */
export type ColumnValue<TColumn extends AnyColumn> = ConfigOf<TColumn>["notNull"] extends true
  ? ConfigOf<TColumn>["data"]
  : ConfigOf<TColumn>["data"] | null;

/** The value a column accepts in `values()` and `set()`. */
export type ColumnInput<TColumn extends AnyColumn> = ConfigOf<TColumn>["notNull"] extends true
  ? ConfigOf<TColumn>["input"]
  : ConfigOf<TColumn>["input"] | null;

type NewColumn<TType extends ColumnType, TData, TInput = TData> = ColumnBuilder<{
  type: TType;
  data: TData;
  input: TInput;
  notNull: false;
  hasDefault: false;
}>;

type SerialColumn<TType extends ColumnType, TData, TInput> = ColumnBuilder<{
  type: TType;
  data: TData;
  input: TInput;
  notNull: true;
  hasDefault: true;
}>;

export interface VarcharOptions {
  length?: number;
}

export interface NumericOptions {
  precision?: number;
  scale?: number;
}

export interface TimestampOptions {
  withTimezone?: boolean;
}

// Every helper takes an optional SQL name; the property key in `table()` is used without one.

export declare function serial(name?: string): SerialColumn<"serial", number, number>;
export declare function bigserial(name?: string): SerialColumn<"bigserial", BigIntValue, BigIntInput>;
export declare function integer(name?: string): NewColumn<"integer", number>;
export declare function bigint(name?: string): NewColumn<"bigint", BigIntValue, BigIntInput>;
export declare function real(name?: string): NewColumn<"real", number>;
/** Exact decimal, read as a string so no digit is lost; a number is accepted when writing. */
export declare function numeric(options?: NumericOptions): NewColumn<"numeric", string, string | number>;
export declare function numeric(name: string, options?: NumericOptions): NewColumn<"numeric", string, string | number>;
export declare function text(name?: string): NewColumn<"text", string>;
export declare function varchar(options?: VarcharOptions): NewColumn<"varchar", string>;
export declare function varchar(name: string, options?: VarcharOptions): NewColumn<"varchar", string>;
export declare function boolean(name?: string): NewColumn<"boolean", boolean>;
export declare function timestamp(options?: TimestampOptions): NewColumn<"timestamp", Date>;
export declare function timestamp(name: string, options?: TimestampOptions): NewColumn<"timestamp", Date>;
/** A calendar date, read as `"YYYY-MM-DD"`; a `Date` is accepted when writing. */
export declare function date(name?: string): NewColumn<"date", string, string | Date>;
/** Any JSON value; its shape is not known to the schema. */
export declare function json(name?: string): NewColumn<"json", unknown>;
export declare function jsonb(name?: string): NewColumn<"jsonb", unknown>;
export declare function uuid(name?: string): NewColumn<"uuid", string>;

/** What `enumType` returns: a column helper whose values are the enum's. */
export interface EnumColumnFactory<TValues extends readonly [string, ...string[]]> {
  (name?: string): NewColumn<"enum", TValues[number]>;
  readonly enumName: string;
  readonly enumValues: TValues;
}

/** `const` so `["admin", "editor"]` keeps its literal values without `as const`. */
export declare function enumType<const TValues extends readonly [string, ...string[]]>(
  name: string,
  values: TValues,
): EnumColumnFactory<TValues>;

/** drizzle's name for `enumType`. */
export declare const pgEnum: typeof enumType;
