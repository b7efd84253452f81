// Every case of the suite. A case is { name, query: (db, schema, ops, dialect) => builder },
// written once for both libraries (`ops` is the library's operators and helpers), plus:
// `write` (compare returned rows and every table afterwards, on a fresh seed), `unordered`
// (rows compared as a set: the query fixes no order), `dialects` (where the feature exists),
// and `drizzleWrong: { [dialect]: { why, reference } }` where drizzle's own answer is wrong:
// sluice must then answer what `reference` (run through drizzle) answers.
import { SELECT_CASES } from "./select.js";

export const CASES = [...SELECT_CASES];

/** Cases for features being built now; run-cases.js lists them as skipped, naming the feature. */
export { PENDING } from "./pending.js";
