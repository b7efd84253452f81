// Every D1 fault the suite injects, with the TransportError kind it must give and what a
// write's error must say about its commit. Nothing reaches the database when prepare or bind
// fails (false); a call that throws or never answers may have run ("unknown"); an answer that
// came back ran (true).
import { UNCHANGED } from "./d1-binding.js";

const never = () => new Promise(() => {});
const lost = () => new Error("Network connection lost.");

const isRows = (answer) => Array.isArray(answer) && answer.every(Array.isArray);

// Reshapes every row of a raw() answer; answers of other methods are left alone.
const rawRows = (change) => (answer, method) => {
  if (method !== "raw" || !isRows(answer) || answer.length === 0) return UNCHANGED;
  return answer.map(change);
};

// Reshapes the string cells of raw() rows and of batch row objects.
const textCells = (change) => (answer, method) => {
  let changed = false;
  const cell = (value) => {
    if (typeof value !== "string") return value;
    changed = true;
    return change(value);
  };
  let out;
  if (method === "raw" && isRows(answer)) out = answer.map((row) => row.map(cell));
  else if (method === "batch" && Array.isArray(answer)) {
    out = answer.map((r) => ({ ...r, results: r.results.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, cell(v)]))) }));
  } else return UNCHANGED;
  return changed ? out : UNCHANGED;
};

// Reshapes the D1Result of run() and of each batch statement.
const results = (change) => (answer, method) => {
  if (method === "run") return change(answer);
  if (method === "batch") return answer.map(change);
  return UNCHANGED;
};

const allResults = (change) => (answer, method) => (method === "all" ? change(answer) : UNCHANGED);

const batchList = (change) => (answer, method) => (method === "batch" ? change(answer) : UNCHANGED);

const NOT_SENT = { kind: "network", committed: false, rejects: true };
const NO_ANSWER = { kind: "network", committed: "unknown", rejects: true };
const BAD_ANSWER = { kind: "invalid_answer", committed: true };

export const D1_FAULTS = [
  { name: "prepare throws an Error", ...NOT_SENT, prepare: () => { throw new Error("internal error"); } },
  { name: "prepare throws a TypeError", ...NOT_SENT, prepare: () => { throw new TypeError("x is not a function"); } },
  { name: "prepare returns null", ...NOT_SENT, kind: "invalid_answer", prepare: () => null },
  { name: "prepare returns an object without methods", ...NOT_SENT, kind: "invalid_answer", prepare: () => ({}) },
  { name: "prepare returns a statement that cannot run", ...NOT_SENT, kind: "invalid_answer", prepare: () => ({ bind() { return this; }, raw: async () => [] }) },
  { name: "bind throws a TypeError", kind: "network", committed: false, bind: () => { throw new TypeError("Type 'object' not supported"); } },
  { name: "bind returns undefined", kind: "invalid_answer", committed: false, bind: () => undefined },
  { name: "a call throws before it starts", ...NO_ANSWER, call: () => { throw lost(); } },
  { name: "a call rejects", ...NO_ANSWER, call: () => Promise.reject(lost()) },
  { name: "a call rejects with a string", ...NO_ANSWER, call: () => Promise.reject("reset") },
  { name: "a call rejects with an error without SQLite code", ...NO_ANSWER, call: () => Promise.reject(new Error("D1_ERROR: internal error")) },
  { name: "a call resolves undefined", ...BAD_ANSWER, rejects: true, call: async () => undefined },
  { name: "a call resolves null", ...BAD_ANSWER, rejects: true, call: async () => null },
  { name: "a call resolves a string", ...BAD_ANSWER, rejects: true, call: async () => "[[1]]" },
  { name: "a call resolves a number", ...BAD_ANSWER, rejects: true, call: async () => 42 },
  { name: "a call resolves {}", ...BAD_ANSWER, rejects: true, call: async () => ({}) },
  { name: "raw rows are objects", ...BAD_ANSWER, reshape: rawRows((row) => ({ ...row })) },
  { name: "raw rows gain a cell", ...BAD_ANSWER, reshape: rawRows((row) => [...row, "x"]) },
  { name: "raw rows lose their cells", ...BAD_ANSWER, reshape: rawRows(() => []) },
  { name: "raw rows are [[123]]", ...BAD_ANSWER, reshape: (a, m) => (m === "raw" && isRows(a) && a.length && typeof a[0][0] === "string" ? [[123]] : UNCHANGED) },
  { name: "a JSON text cell is a number", ...BAD_ANSWER, reshape: textCells(() => 123) },
  { name: "a JSON text cell is not JSON", ...BAD_ANSWER, reshape: textCells((t) => `${t}}`) },
  { name: "a JSON text cell is cut short", ...BAD_ANSWER, reshape: textCells((t) => t.slice(0, -1)) },
  { name: "a JSON text cell holds numbers", ...BAD_ANSWER, reshape: textCells(() => "[1,2]") },
  { name: "a JSON text cell holds a string", ...BAD_ANSWER, reshape: textCells(() => '"text"') },
  { name: "meta.changes is a string", ...BAD_ANSWER, reshape: results((r) => ({ ...r, meta: { ...r.meta, changes: String(r.meta.changes) } })) },
  { name: "meta.changes is missing", ...BAD_ANSWER, reshape: results((r) => ({ ...r, meta: { ...r.meta, changes: undefined } })) },
  { name: "meta.changes is null", ...BAD_ANSWER, reshape: results((r) => ({ ...r, meta: { ...r.meta, changes: null } })) },
  { name: "meta.changes is negative", ...BAD_ANSWER, reshape: results((r) => ({ ...r, meta: { ...r.meta, changes: -1 } })) },
  { name: "meta.changes is fractional", ...BAD_ANSWER, reshape: results((r) => ({ ...r, meta: { ...r.meta, changes: 0.5 } })) },
  { name: "meta is missing", ...BAD_ANSWER, reshape: results(({ meta, ...r }) => r) },
  { name: "all() results are missing", ...BAD_ANSWER, reshape: allResults(({ results, ...r }) => r) },
  { name: "all() results are a string", ...BAD_ANSWER, reshape: allResults((r) => ({ ...r, results: "[]" })) },
  { name: "all() rows are arrays", ...BAD_ANSWER, reshape: allResults((r) => (r.results.length ? { ...r, results: r.results.map(Object.values) } : UNCHANGED)) },
  { name: "batch answers one result fewer", ...BAD_ANSWER, reshape: batchList((list) => list.slice(0, -1)) },
  { name: "batch answers one result more", ...BAD_ANSWER, reshape: batchList((list) => [...list, list.at(-1)]) },
  { name: "batch answers in reverse order", ...BAD_ANSWER, reshape: batchList((list) => (list.length > 1 ? list.reverse() : UNCHANGED)) },
  { name: "batch answers an empty list", ...BAD_ANSWER, reshape: batchList(() => []) },
  { name: "batch rows are arrays", ...BAD_ANSWER, reshape: batchList((list) => list.map((r) => ({ ...r, results: r.results.map(Object.values) }))) },
  { name: "a call never settles", kind: "timeout", committed: "unknown", rejects: true, timeoutMs: 30, call: never },
  { name: "a call never settles and the signal fires", kind: "aborted", committed: "unknown", rejects: true, abortAfterMs: 10, call: never },
];
