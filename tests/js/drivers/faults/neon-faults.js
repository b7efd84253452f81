// Every Neon fault the suite injects, with the TransportError kind it must give and what a
// write's error must say about its commit: a call without an answer, or a server error, may
// have run ("unknown"); a client error ran nothing (false); a 200 answer ran (true).
import { UNCHANGED } from "./neon-fetch.js";

const never = () => new Promise(() => {});

const NO_ANSWER = { kind: "network", committed: "unknown", rejects: true };
const ODD_RESPONSE = { kind: "invalid_answer", committed: "unknown", rejects: true };
const SERVER_ERROR = { kind: "http", committed: "unknown", rejects: true };
const CLIENT_ERROR = { kind: "http", committed: false, rejects: true };
const BAD_BODY = { kind: "invalid_answer", committed: true, rejects: true };
const BAD_ANSWER = { kind: "invalid_answer", committed: true };

const hasRows = (r) => Array.isArray(r.rows) && r.rows.length > 0;

// Every row of a result changed; results without rows are left alone.
const rows = (change) => (r) => (hasRows(r) ? { ...r, rows: r.rows.map(change) } : UNCHANGED);

// Every text cell changed.
const cells = (change) => (r) => {
  if (!hasRows(r) || !r.rows.some((row) => row.some((c) => typeof c === "string"))) return UNCHANGED;
  return { ...r, rows: r.rows.map((row) => row.map((c) => (typeof c === "string" ? change(c) : c))) };
};

// The row count of a result that has one.
const rowCount = (value) => (r) => (typeof r.rowCount === "number" ? { ...r, rowCount: value } : UNCHANGED);

const withoutKey = (key) => (r) => {
  const { [key]: _, ...rest } = r;
  return rest;
};

const list = (change) => (results) => (results.length > 1 ? change(results) : UNCHANGED);

// Inserts a byte that is never UTF-8 into the first text cell.
function brokenUtf8(body) {
  const at = body.indexOf(0x22, new TextDecoder().decode(body).indexOf('"rows":[["') + 9);
  if (at < 0 || new TextDecoder().decode(body).indexOf('"rows":[["') < 0) return UNCHANGED;
  return new Uint8Array([...body.subarray(0, at + 1), 0xff, ...body.subarray(at + 1)]);
}

export const NEON_FAULTS = [
  { name: "fetch throws", ...NO_ANSWER, call: () => { throw new TypeError("fetch is not a function"); } },
  { name: "fetch rejects", ...NO_ANSWER, call: () => Promise.reject(new TypeError("fetch failed")) },
  { name: "fetch rejects with an AbortError", ...NO_ANSWER, call: () => Promise.reject(new DOMException("The operation was aborted", "AbortError")) },
  { name: "fetch resolves undefined", ...ODD_RESPONSE, call: async () => undefined },
  { name: "fetch resolves a status that is text", ...ODD_RESPONSE, call: async () => ({ status: "200", arrayBuffer: async () => new ArrayBuffer(0) }) },
  { name: "fetch resolves a response without a body reader", ...ODD_RESPONSE, call: async () => ({ status: 200 }) },
  { name: "the body cannot be read", ...NO_ANSWER, call: async () => ({ status: 200, arrayBuffer: () => Promise.reject(new TypeError("terminated")) }) },
  { name: "the body reads as text", ...BAD_BODY, call: async () => ({ status: 200, arrayBuffer: async () => '{"fields":[],"rows":[]}' }) },
  { name: "HTTP 500 with text", ...SERVER_ERROR, answer: [500, "internal server error"] },
  { name: "HTTP 502 without a body", ...SERVER_ERROR, answer: [502, null] },
  { name: "HTTP 503 with a JSON message", ...SERVER_ERROR, answer: [503, '{"message":"too many connections"}'] },
  { name: "HTTP 504 with HTML", ...SERVER_ERROR, answer: [504, "<html><body>Gateway Timeout</body></html>"] },
  { name: "HTTP 401 with a JSON message", ...CLIENT_ERROR, answer: [401, '{"message":"password authentication failed"}'] },
  { name: "HTTP 400 that is not JSON", ...CLIENT_ERROR, answer: [400, "bad request"] },
  { name: "HTTP 400 without an SQLSTATE", ...CLIENT_ERROR, answer: [400, '{"message":"missing Neon-Connection-String"}'] },
  { name: "HTTP 400 with a numeric code", ...CLIENT_ERROR, answer: [400, '{"message":"x","code":23505}'] },
  { name: "HTTP 404 with HTML", ...CLIENT_ERROR, answer: [404, "<html>not found</html>"] },
  { name: "HTTP 204", ...CLIENT_ERROR, answer: [204, null] },
  { name: "200 with an empty body", ...BAD_BODY, answer: [200, ""] },
  { name: "200 with HTML", ...BAD_BODY, answer: [200, "<html>maintenance</html>"] },
  { name: "200 with {}", ...BAD_BODY, answer: [200, "{}"] },
  { name: "200 with []", ...BAD_BODY, answer: [200, "[]"] },
  { name: "200 with null", ...BAD_BODY, answer: [200, "null"] },
  { name: "200 with a number", ...BAD_BODY, answer: [200, "42"] },
  { name: "200 with {results: []}", ...BAD_BODY, answer: [200, '{"results":[]}'] },
  { name: "the body is cut in half", ...BAD_BODY, bytes: (b) => b.subarray(0, b.length >> 1) },
  { name: "the body loses its last byte", ...BAD_BODY, bytes: (b) => b.subarray(0, b.length - 1) },
  // The core reads a single body up to its closing brace and ignores what follows: the value
  // is right, so either a typed error or that value is fine there.
  { name: "the body has a trailing brace", ...BAD_ANSWER, bytes: (b) => new Uint8Array([...b, 0x7d]) },
  { name: "a text cell is not UTF-8", ...BAD_ANSWER, bytes: brokenUtf8 },
  { name: "rows are missing", ...BAD_ANSWER, result: withoutKey("rows") },
  { name: "fields are missing", ...BAD_ANSWER, result: withoutKey("fields") },
  { name: "fields are a string", ...BAD_ANSWER, result: (r) => ({ ...r, fields: "id" }) },
  { name: "rows are an object", ...BAD_ANSWER, result: (r) => ({ ...r, rows: {} }) },
  { name: "rows are shorter than fields", ...BAD_ANSWER, result: rows((row) => row.slice(0, -1)) },
  { name: "rows are longer than fields", ...BAD_ANSWER, result: rows((row) => [...row, "x"]) },
  { name: "a row is an object", ...BAD_ANSWER, result: rows((row) => ({ ...row })) },
  { name: "text cells are objects", ...BAD_ANSWER, result: cells(() => ({})) },
  { name: "text cells are arrays", ...BAD_ANSWER, result: cells(() => ["1"]) },
  { name: "text cells are booleans", ...BAD_ANSWER, result: cells(() => true) },
  { name: "text cells are not what their type reads", ...BAD_ANSWER, result: cells(() => "zz") },
  { name: "rowCount is a string", ...BAD_ANSWER, result: (r) => rowCount(String(r.rowCount))(r) },
  { name: "rowCount is missing", ...BAD_ANSWER, result: (r) => (typeof r.rowCount === "number" ? withoutKey("rowCount")(r) : UNCHANGED) },
  { name: "rowCount is null", ...BAD_ANSWER, result: rowCount(null) },
  { name: "rowCount is negative", ...BAD_ANSWER, result: rowCount(-1) },
  { name: "rowCount is fractional", ...BAD_ANSWER, result: rowCount(0.5) },
  { name: "the command tag is missing", ...BAD_ANSWER, result: withoutKey("command") },
  { name: "the command tag is another verb", ...BAD_ANSWER, result: (r) => ({ ...r, command: r.command === "SELECT" ? "DELETE" : "SELECT" }) },
  { name: "batch results in reverse order", ...BAD_ANSWER, list: list((results) => ({ results: [...results].reverse() })) },
  { name: "batch results one fewer", ...BAD_ANSWER, list: (results) => ({ results: results.slice(0, -1) }) },
  { name: "batch results one more", ...BAD_ANSWER, list: (results) => ({ results: [...results, results.at(-1)] }) },
  { name: "batch results are an object", ...BAD_ANSWER, list: (results) => ({ results: { ...results } }) },
  { name: "batch results are missing", ...BAD_ANSWER, list: () => ({}) },
  { name: "fetch never settles", kind: "timeout", committed: "unknown", rejects: true, timeoutMs: 30, call: never },
  { name: "fetch gives up only when its signal fires", kind: "timeout", committed: "unknown", rejects: true, timeoutMs: 30, call: (go, init) => new Promise((_, reject) => init.signal.addEventListener("abort", () => reject(init.signal.reason))) },
  { name: "the body never ends", kind: "timeout", committed: "unknown", rejects: true, timeoutMs: 30, call: async () => ({ status: 200, arrayBuffer: never }) },
  { name: "fetch never settles and the signal fires", kind: "aborted", committed: "unknown", rejects: true, abortAfterMs: 10, call: never },
];
