// A stand-in for Cloudflare's D1 REST API over a local D1 binding, for tests of the CLI's REST
// path: `/query` and `/raw` with `{sql, params}` (one statement) or `{batch: [...]}` (ONE
// binding.batch, so atomic), Cloudflare's v4 envelopes, a bearer token check, and SQL errors
// as code 7500 with SQLite's message, the way D1 reports them.
import { createServer } from "node:http";

const ROUTE = /^\/client\/v4\/accounts\/([^/]+)\/d1\/database\/([^/]+)\/(query|raw)$/;

/**
 * @param {import("@cloudflare/workers-types").D1Database} binding
 * @param {{ accountId?: string, databaseId?: string, token?: string }} [options]
 * @returns {Promise<{ apiBase: string, accountId: string, databaseId: string, token: string,
 *   requests: object[], close: () => Promise<void> }>}
 */
export async function startD1Rest(binding, { accountId = "acct-test", databaseId = "db-test", token = "test-token" } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const send = (status, envelope) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify({ errors: [], messages: [], ...envelope }));
    };
    const fail = (status, code, message) => send(status, { success: false, errors: [{ code, message }], result: null });
    const route = ROUTE.exec(new URL(req.url, "http://x").pathname);
    if (req.method !== "POST" || route === null) return fail(404, 7000, "No route for that URI");
    if (req.headers.authorization !== `Bearer ${token}`) return fail(403, 10000, "Authentication error");
    if (route[1] !== accountId || route[2] !== databaseId) return fail(404, 7404, "The database could not be found");
    let body;
    try {
      body = JSON.parse(await text(req));
    } catch {
      return fail(400, 10001, "Invalid JSON body");
    }
    requests.push(body);
    const raw = route[3] === "raw";
    try {
      const statements = Array.isArray(body.batch) ? body.batch : [body];
      if (statements.length === 0 || statements.some((s) => typeof s?.sql !== "string"))
        return fail(400, 7400, "each statement needs an sql string");
      if (raw && statements.length > 1) return fail(400, 7400, "this stand-in's /raw takes one statement");
      const prepared = statements.map((s) => binding.prepare(s.sql).bind(...(s.params ?? [])));
      const results = raw
        ? [await rawResult(prepared[0])]
        : (await binding.batch(prepared)).map((r) => ({ success: true, meta: r.meta, results: r.results }));
      send(200, { success: true, result: results });
    } catch (error) {
      fail(400, 7500, String(error.message).replace(/^D1_ERROR: /, ""));
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    apiBase: `http://127.0.0.1:${server.address().port}/client/v4`,
    accountId,
    databaseId,
    token,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

async function text(req) {
  let body = "";
  for await (const chunk of req) body += chunk;
  return body;
}

async function rawResult(statement) {
  const [columns = [], ...rows] = await statement.raw({ columnNames: true });
  return { success: true, meta: {}, results: { columns, rows } };
}
