/**
 * @module sluice
 * A type-safe data layer for edge functions: schema DSL, query builders, validators and
 * `createDb`. Drivers live in their own entry points (`sluice/d1`).
 */
export {
  serial,
  bigserial,
  integer,
  bigint,
  real,
  numeric,
  text,
  varchar,
  boolean,
  timestamp,
  date,
  json,
  jsonb,
  uuid,
} from "./schema/column-types.js";
export { enumType, pgEnum } from "./schema/enum-type.js";
export { table } from "./schema/table.js";
export { index, uniqueIndex } from "./schema/indexes.js";
export { relations } from "./schema/relations.js";
export {
  eq,
  ne,
  gt,
  gte,
  lt,
  lte,
  like,
  notLike,
  ilike,
  notIlike,
  inArray,
  notInArray,
  isNull,
  isNotNull,
  between,
  notBetween,
  and,
  or,
  not,
  exists,
  notExists,
} from "./query/operators.js";
export { union, unionAll, intersect, intersectAll, except, exceptAll } from "./query/select.js";
export { asc, desc } from "./query/ordering.js";
export { avg, avgDistinct, count, countDistinct, max, min, sum, sumDistinct } from "./query/aggregates.js";
export { sql } from "./query/sql-tag.js";
export { createDb } from "./db.js";
export { createInsertSchema, createUpdateSchema } from "./validate/validator.js";
export { SluiceError, DatabaseError, TransportError, ValidationError } from "./errors.js";
