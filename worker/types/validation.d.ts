// Validators derived from a table, refined with a zod-like recorder. Refinements add checks,
// never change a value's type, so the validated data type is the table's insert (or update) row.
import type { AnyColumn, ConfigOf } from "./columns.js";
import type { ValidationError } from "./errors.js";
import type { Simplify } from "./internal.js";
import type { AnyTable, InferInsert, TableColumns } from "./table.js";

/** Checks for text columns (enum, varchar, text, uuid, numeric). Lengths count characters. */
export interface StringRefiner {
  email(): this;
  url(): this;
  uuid(): this;
  min(length: number): this;
  max(length: number): this;
  length(length: number): this;
  regex(pattern: RegExp): this;
}

/** Checks for number columns. */
export interface NumberRefiner {
  min(value: number): this;
  max(value: number): this;
  int(): this;
  gt(value: number): this;
  gte(value: number): this;
  lt(value: number): this;
  lte(value: number): this;
}

/** Booleans, timestamps and JSON have no refinements; the callback can only return its argument. */
export interface ValueRefiner {}

/** 64-bit integers (number | string) count as numbers: their checks are numeric. */
export type RefinerFor<TColumn extends AnyColumn> = [ConfigOf<TColumn>["data"]] extends [string]
  ? StringRefiner
  : number extends ConfigOf<TColumn>["data"]
    ? NumberRefiner
    : ValueRefiner;

/** `createInsertSchema(users, { email: (s) => s.email().max(320) })`: one callback per column. */
export type Refinements<TTable extends AnyTable> = {
  [K in keyof TableColumns<TTable>]?: (refiner: RefinerFor<TableColumns<TTable>[K]>) => RefinerFor<TableColumns<TTable>[K]>;
};

/** zod's `flatten()` shape: form-level messages, then messages per field. */
export interface FlattenedErrors {
  formErrors: string[];
  fieldErrors: Partial<Record<string, string[]>>;
}

export type SafeParseResult<TData> = { success: true; data: TData } | { success: false; error: ValidationError };

/** `check()` failures come ready to send: an HTTP status and the JSON error body. */
export type CheckResult<TData> = { success: true; data: TData } | { success: false; status: number; body: Uint8Array };

/**
 * A validator's Standard Schema side (v1, the interface zod, valibot and arktype share): what
 * libraries that accept any validator call. An issue's `path` is its field's key.
 */
export interface StandardSchemaProps<TData> {
  readonly version: 1;
  readonly vendor: "sluice";
  readonly validate: (value: unknown) => StandardResult<TData>;
  readonly types?: { readonly input: TData; readonly output: TData };
}

export type StandardResult<TData> =
  | { readonly value: TData; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<{ readonly message: string; readonly path?: ReadonlyArray<PropertyKey> }> };

/** A mask naming keys of `TData`; an unknown key is an error. */
type KeyMask<K extends PropertyKey> = { readonly [P in K]: true };

export interface Validator<TData extends object> {
  omit<K extends keyof TData>(mask: KeyMask<K>): Validator<Simplify<Omit<TData, K>>>;
  pick<K extends keyof TData>(mask: KeyMask<K>): Validator<Simplify<Pick<TData, K>>>;
  /** Rejects unknown keys instead of dropping them. */
  strict(): Validator<TData>;
  partial(): Validator<Partial<TData>>;
  safeParse(value: unknown): SafeParseResult<TData>;
  /** Throws a `ValidationError` listing every issue. */
  parse(value: unknown): TData;
  /** Validates a JSON request body (bytes, or text) without parsing it into JS objects first. */
  check(body: ArrayBuffer | ArrayBufferView | string): CheckResult<TData>;
  readonly "~standard": StandardSchemaProps<TData>;
}

export declare function createInsertSchema<TTable extends AnyTable>(
  table: TTable,
  refinements?: Refinements<TTable>,
): Validator<InferInsert<TTable>>;

/** Every column optional, as for `update().set()`. */
export declare function createUpdateSchema<TTable extends AnyTable>(
  table: TTable,
  refinements?: Refinements<TTable>,
): Validator<Partial<InferInsert<TTable>>>;
