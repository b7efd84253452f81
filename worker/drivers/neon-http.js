/**
 * @module drivers/neon-http
 * The Neon HTTP SQL driver: `createDb({ schema, driver: neonHttp({ connectionString }) })`.
 * One `fetch` per query or batch, no Neon client in the bundle. The driver interface is
 * described in ./d1.js; here every payload is bytes of Neon's answer, which the core decodes
 * (format 1) without a JSON.parse in JS.
 *
 * Requests ask for raw text values in array mode, as Neon's own client does, so the core sees
 * Postgres text (`t`, `2024-01-02 03:04:05.123+00`, int8 as digits) and converts it by the plan.
 * Parameters arrive already encoded as strings by the runtime's postgres encoders.
 */
import { TransportError } from "../errors.js";
import { driverLimits, limitsOf, within } from "./deadline.js";
import { invalidAnswer, shown } from "./invalid-answer.js";
import { payload } from "./neon-answers.js";
import { splitResults } from "./neon-batch.js";
import { neonEndpoint } from "./neon-endpoint.js";
import { neonError, unreachable } from "./neon-errors.js";

const ISOLATION_LEVELS = new Set(["ReadUncommitted", "ReadCommitted", "RepeatableRead", "Serializable"]);
const utf8 = new TextDecoder();

const isArrayBuffer = (value) => Object.prototype.toString.call(value) === "[object ArrayBuffer]";

// Each statement shape's SQL as a JSON string, made once: its quoted identifiers would have
// JSON.stringify escape dozens of characters on every request. Bounded for apps that build
// SQL text per request.
const sqlJson = new Map();
const SQL_JSON_LIMIT = 1000;

function queryJson(statement) {
  let text = sqlJson.get(statement.sql);
  if (text === undefined) {
    if (sqlJson.size >= SQL_JSON_LIMIT) sqlJson.clear();
    text = JSON.stringify(statement.sql);
    sqlJson.set(statement.sql, text);
  }
  return `{"query":${text},"params":${JSON.stringify(statement.params ?? [])}}`;
}

function batchHeaders({ isolationLevel, readOnly, deferrable } = {}) {
  const headers = {};
  if (isolationLevel !== undefined) {
    if (!ISOLATION_LEVELS.has(isolationLevel)) {
      throw new TransportError(`isolationLevel must be one of ${[...ISOLATION_LEVELS].join(", ")}`, { kind: "configuration" });
    }
    headers["Neon-Batch-Isolation-Level"] = isolationLevel;
  }
  if (readOnly !== undefined) headers["Neon-Batch-Read-Only"] = String(Boolean(readOnly));
  if (deferrable !== undefined) headers["Neon-Batch-Deferrable"] = String(Boolean(deferrable));
  return headers;
}

class NeonHttpDriver {
  #endpoint;
  #fetch;
  #authToken;
  // The headers every request sends; with a fixed token, Authorization included.
  #headers;

  constructor({ connectionString, endpoint, fetch, authToken, timeoutMs, signal } = {}) {
    if (typeof connectionString !== "string") {
      throw new TransportError("neonHttp() needs { connectionString } (postgres://user:password@host/db)", { kind: "configuration" });
    }
    this.dialect = "postgres";
    this.format = 1;
    Object.assign(this, driverLimits({ timeoutMs, signal }, "neonHttp()"));
    this.#endpoint = endpoint ?? neonEndpoint(connectionString, { jwt: authToken !== undefined });
    // Called through a closure: Workers reject `fetch` invoked as a method of another object.
    this.#fetch = fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#authToken = authToken;
    this.#headers = {
      "Content-Type": "application/json",
      "Neon-Connection-String": connectionString,
      "Neon-Raw-Text-Output": "true",
      "Neon-Array-Mode": "true",
    };
    if (authToken !== undefined && typeof authToken !== "function") this.#headers.Authorization = `Bearer ${authToken}`;
  }

  // A token given as a function is asked for on every request (it may rotate).
  async #headersWith(extra) {
    const headers = { ...this.#headers, ...extra };
    if (typeof this.#authToken === "function") {
      const token = await this.#authToken();
      if (token !== undefined) headers.Authorization = `Bearer ${token}`;
    }
    return headers;
  }

  // POSTs one body; resolves to the answer's bytes, or rejects with a sluice error. A status
  // is an answer: a body that cannot be read after it is a connection lost mid-answer.
  async #post(body, headers, sql, signal) {
    let response;
    try {
      const init = { method: "POST", headers, body };
      if (signal !== undefined) init.signal = signal;
      response = await this.#fetch(this.#endpoint, init);
    } catch (e) {
      throw unreachable(e, sql);
    }
    if (!Number.isInteger(response?.status) || typeof response.arrayBuffer !== "function") {
      const error = invalidAnswer(`${shown(response)} where an HTTP response was expected`, sql);
      error.committed = "unknown";
      throw error;
    }
    let buffer;
    try {
      buffer = await response.arrayBuffer();
    } catch (e) {
      throw unreachable(e, sql);
    }
    if (!isArrayBuffer(buffer)) throw invalidAnswer(`a body that is ${shown(buffer)}, not bytes`, sql);
    const bytes = new Uint8Array(buffer);
    if (response.status !== 200) throw neonError(response.status, utf8.decode(bytes), sql);
    return bytes;
  }

  /**
   * @param {{ sql: string, params: unknown[], returns: string }} statement
   * @param {{ timeoutMs?: number, signal?: AbortSignal }} [limits] this call's, over the driver's
   */
  run(statement, limits) {
    return within((signal) => this.#run(statement, signal), limitsOf(this, limits), statement.sql);
  }

  async #run(statement, signal) {
    const body = queryJson(statement);
    const headers = typeof this.#authToken === "function" ? await this.#headersWith() : this.#headers;
    return payload(statement, await this.#post(body, headers, statement.sql, signal));
  }

  /**
   * Runs the statements as one transaction in one request (Neon's non-interactive batch).
   * @param {{ sql: string, params: unknown[], returns: string }[]} statements
   * @param {{ isolationLevel?: "ReadUncommitted"|"ReadCommitted"|"RepeatableRead"|"Serializable",
   *   readOnly?: boolean, deferrable?: boolean, timeoutMs?: number, signal?: AbortSignal }} [options]
   */
  batch(statements, options) {
    const sql = statements.map((s) => s.sql).join(";\n");
    return within((signal) => this.#batch(statements, options, sql, signal), limitsOf(this, options), sql);
  }

  async #batch(statements, options, sql, signal) {
    const headers = await this.#headersWith(batchHeaders(options));
    const body = `{"queries":[${statements.map(queryJson).join(",")}]}`;
    const results = splitResults(await this.#post(body, headers, sql, signal), statements, sql);
    return results.map((result, i) => payload(statements[i], result));
  }
}

/**
 * A driver for Neon's HTTP SQL endpoint (or sluice-gateway in front of any Postgres).
 * @example
 * const db = createDb({ schema, driver: neonHttp({ connectionString: env.DATABASE_URL }) });
 * @param {{ connectionString: string, endpoint?: string, fetch?: typeof fetch,
 *   authToken?: string | (() => string | Promise<string>), timeoutMs?: number,
 *   signal?: AbortSignal }} options
 *   `endpoint` replaces the URL derived from the connection string (a local gateway);
 *   `authToken` is sent as `Authorization: Bearer` (Neon's JWT authorization); `timeoutMs`
 *   and `signal` bound every request (a query's own `.timeout()` replaces `timeoutMs`)
 */
export function neonHttp(options) {
  return new NeonHttpDriver(options);
}
