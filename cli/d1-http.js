/**
 * @module cli/d1-http
 * A D1 database over Cloudflare's D1 REST API, with the part of the binding's API the CLI uses
 * (`prepare(sql).bind(...).all() / raw() / run()` and `batch()`), so the binding's migration
 * target and push work on it unchanged. `batch()` is ONE `{"batch": [...]}` request.
 *
 *   POST {apiBase}/accounts/{accountId}/d1/database/{databaseId}/query   {"sql","params"} | {"batch":[...]}
 *   200 {"success":true,"errors":[],"messages":[],"result":[{"success":true,"meta":{...},"results":[{...}]}]}
 *   4xx {"success":false,"errors":[{"code":7500,"message":"no such table: x: SQLITE_ERROR"}],...}
 *
 * What the database refuses throws D1HttpError (its codes and messages); a request that gets no
 * v4 answer (unreachable, bad token, not JSON) throws a CliError naming the endpoint, never the token.
 */
import { CliError } from "./errors.js";

/** What D1 answered in a v4 error envelope. */
export class D1HttpError extends Error {
  /** @param {{ code: number, message: string }[]} errors @param {number} status */
  constructor(errors, status) {
    super(errors.map((e) => e.message).join("; ") || `HTTP ${status}`);
    this.name = "D1HttpError";
    this.errors = errors;
    this.status = status;
  }

  /** Each error as "code N: message", as Cloudflare reports it. */
  describe() {
    return this.errors.length === 0 ? this.message : this.errors.map((e) => `code ${e.code}: ${e.message}`).join("; ");
  }
}

// Cloudflare's codes for a token it does not accept (invalid, expired, or without D1 rights).
const AUTH_CODES = new Set([9106, 9109, 10000, 10001]);

/**
 * @param {import("./config.js").D1Rest} d1
 * @param {{ fetch?: typeof fetch }} [options]
 */
export function d1Http(d1, { fetch: send = fetch } = {}) {
  const base = `${d1.apiBase}/accounts/${encodeURIComponent(d1.accountId)}/d1/database/${encodeURIComponent(d1.databaseId)}`;

  async function request(path, body) {
    const endpoint = `${base}/${path}`;
    let response;
    try {
      response = await send(endpoint, {
        method: "POST",
        headers: { authorization: `Bearer ${d1.token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    } catch (error) {
      throw new CliError(`D1 REST API at ${endpoint} is unreachable: ${error.cause?.message ?? error.message}`);
    }
    const text = await response.text();
    let envelope;
    try {
      envelope = JSON.parse(text);
    } catch {
      envelope = undefined;
    }
    if (envelope === null || typeof envelope !== "object" || typeof envelope.success !== "boolean")
      throw new CliError(`D1 REST API at ${endpoint} answered HTTP ${response.status} without a Cloudflare v4 JSON envelope: ${snippet(text)}`);
    const errors = Array.isArray(envelope.errors) ? envelope.errors.map((e) => ({ code: e?.code, message: String(e?.message) })) : [];
    if (response.status === 401 || response.status === 403 || errors.some((e) => AUTH_CODES.has(e.code)))
      throw new CliError(
        `D1 REST API at ${endpoint} refused the API token (HTTP ${response.status}${errors.map((e) => `, code ${e.code}: ${e.message}`).join("")}): ` +
          `check d1.token / $CLOUDFLARE_API_TOKEN and its D1 permission`,
      );
    if (!envelope.success || !response.ok) throw new D1HttpError(errors, response.status);
    const results = envelope.result;
    if (!Array.isArray(results)) throw new CliError(`D1 REST API at ${endpoint} answered success without a result array`);
    const failed = results.find((r) => r?.success === false);
    if (failed !== undefined) throw new D1HttpError([{ code: 0, message: String(failed.error ?? "a statement failed") }], response.status);
    return results;
  }

  const statement = (sql, params = []) => {
    const query = async () => asBindingResult((await request("query", wire(sql, params)))[0]);
    return {
      sql,
      params,
      bind: (...values) => statement(sql, values),
      all: query,
      run: query,
      raw: async () => (await request("raw", wire(sql, params)))[0].results.rows,
    };
  };

  return {
    prepare: (sql) => statement(sql),
    /** @param {{ sql: string, params: unknown[] }[]} statements */
    batch: async (statements) => (await request("query", { batch: statements.map((s) => wire(s.sql, s.params)) })).map(asBindingResult),
  };
}

// One statement's result as the binding gives it.
function asBindingResult(result) {
  return { results: result.results ?? [], meta: result.meta, success: true };
}

// The API documents params as strings; SQLite's column affinity turns "42" back into 42.
function wire(sql, params) {
  return { sql, params: params.map((p) => (typeof p === "number" || typeof p === "bigint" ? String(p) : p)) };
}

function snippet(text) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat === "" ? "(empty body)" : flat.length > 120 ? `${flat.slice(0, 120)}...` : flat;
}
