// The public API of docs/api.md. The declarations live in ./types/, one file per area; this file
// decides what is public. Row types follow the schema: keys are the schema's property names,
// timestamps are `Date`, nullable columns are `T | null`.

export {
  bigint,
  bigserial,
  boolean,
  date,
  enumType,
  integer,
  json,
  jsonb,
  numeric,
  pgEnum,
  real,
  serial,
  text,
  timestamp,
  uuid,
  varchar,
} from "./types/columns.js";
export type {
  AnyColumn,
  BigIntInput,
  BigIntValue,
  Column,
  ColumnBuilder,
  ColumnConfig,
  ColumnInput,
  ColumnType,
  ColumnValue,
  EnumColumnFactory,
  ForeignKeyAction,
  ForeignKeyActions,
  NumericOptions,
  TimestampOptions,
  VarcharOptions,
} from "./types/columns.js";

export { index, relations, table, uniqueIndex } from "./types/table.js";
export type {
  AnyTable,
  Index,
  IndexBuilder,
  InferInsert,
  InferSelect,
  InsertRow,
  Many,
  One,
  OneConfig,
  Relation,
  RelationName,
  RelationHelpers,
  Relations,
  SelectRow,
  Table,
  TableName,
  UpdateSet,
} from "./types/table.js";

export {
  and,
  asc,
  between,
  desc,
  eq,
  exists,
  gt,
  gte,
  ilike,
  inArray,
  isNotNull,
  isNull,
  like,
  lt,
  lte,
  ne,
  not,
  notBetween,
  notExists,
  notIlike,
  notInArray,
  notLike,
  or,
  sql,
} from "./types/operators.js";
export type {
  Condition,
  Operand,
  Operators,
  OrderBy,
  OrderOperators,
  OrderTerm,
  Placeholder,
  SelectOfOne,
  Sortable,
  SQL,
  TypedExpression,
} from "./types/operators.js";
export { avg, avgDistinct, count, countDistinct, max, min, sum, sumDistinct } from "./types/aggregates.js";

export type {
  DeleteQuery,
  InsertInto,
  InsertQuery,
  Prepared,
  ProjectedRow,
  Projection,
  Query,
  SelectFrom,
  SelectQuery,
  SelectResultRow,
  UpdateQuery,
  UpdateSetStep,
  WriteResult,
} from "./types/queries.js";

export type {
  FindFirstConfig,
  FindManyConfig,
  ManyRelationConfig,
  OneRelationConfig,
  RelationalQuery,
  RelationalRow,
} from "./types/relational.js";

export { except, exceptAll, intersect, intersectAll, union, unionAll } from "./types/subqueries.js";
export type { AnyCte, AnySource, AnySubquery, Cte, RowOf, SourceRow, Subquery } from "./types/subqueries.js";

export { createDb } from "./types/database.js";
export type { BatchOptions, BatchResults, Database, DbOptions, Driver, QueryLogger } from "./types/database.js";

export { createInsertSchema, createUpdateSchema } from "./types/validation.js";
export type {
  CheckResult,
  FlattenedErrors,
  NumberRefiner,
  Refinements,
  SafeParseResult,
  StringRefiner,
  Validator,
  ValueRefiner,
} from "./types/validation.js";

export { DatabaseError, SluiceError, TransportError, ValidationError } from "./types/errors.js";
export type { Committed, TransportErrorKind } from "./types/errors.js";
export type { DatabaseErrorKind } from "./types/errors.js";
