// Every case of the suite. A case is { name, query: (db, schema, ops, dialect) => builder },
// written once for both libraries (`ops` is the library's operators and helpers), plus:
// `write` (compare returned rows and every table afterwards, on a fresh seed), `unordered`
// (rows compared as a set: the query fixes no order), `dialects` (where the feature exists),
// and `drizzleWrong: { [dialect]: { why, reference } }` where drizzle's own answer is wrong:
// sluice must then answer what `reference` (run through drizzle) answers.
import { AGGREGATE_CASES } from "./aggregates.js";
import { COMBINED_CASES } from "./combined.js";
import { EDGE_CASES } from "./edges.js";
import { JOIN_CASES } from "./joins.js";
import { PARAMETER_LIMIT_CASES } from "./parameter-limit.js";
import { RELATIONAL_CASES } from "./relational.js";
import { SELECT_CASES } from "./select.js";
import { SQL_CASES } from "./sql.js";
import { WHERE_CASES } from "./where.js";
import { WRITE_CASES } from "./writes.js";

export const CASES = [
  ...SELECT_CASES,
  ...WHERE_CASES,
  ...JOIN_CASES,
  ...AGGREGATE_CASES,
  ...SQL_CASES,
  ...RELATIONAL_CASES,
  ...WRITE_CASES,
  ...PARAMETER_LIMIT_CASES,
  ...EDGE_CASES,
  ...COMBINED_CASES,
];

/** Cases for features being built now; run-cases.js lists them as skipped, naming the feature. */
export { PENDING } from "./pending.js";
