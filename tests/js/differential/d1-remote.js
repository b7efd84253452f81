// A local D1 reached through a Worker that runs each statement on its binding. Miniflare's own
// binding proxies every prepare() and bind() as a blocking round trip to workerd, three per
// query; here a statement is one asynchronous request, so the suite's reads overlap. The
// database, its SQLite and D1's binding are the real ones: only the way in differs.
import { Miniflare } from "miniflare";

const WORKER = `
const statement = (db, { sql, params }) => db.prepare(sql).bind(...params);
const run = (db, s) => {
  const bound = statement(db, s);
  if (s.method === "first") return s.column === undefined ? bound.first() : bound.first(s.column);
  if (s.method === "raw") return bound.raw(s.options);
  return bound[s.method]();
};
export default {
  async fetch(request, env) {
    const body = await request.json();
    try {
      const value = body.batch
        ? await env.DB.batch(body.batch.map((s) => statement(env.DB, s)))
        : await run(env.DB, body);
      return Response.json({ value: value ?? null });
    } catch (error) {
      return Response.json({ error: { message: error.message, cause: error.cause?.message } });
    }
  },
};`;

class RemoteStatement {
  constructor(send, sql, params = []) {
    this.send = send;
    this.sql = sql;
    this.params = params;
  }

  bind(...params) {
    return new RemoteStatement(this.send, this.sql, params);
  }

  first(column) {
    return this.send({ sql: this.sql, params: this.params, method: "first", column });
  }

  raw(options) {
    return this.send({ sql: this.sql, params: this.params, method: "raw", options });
  }

  all() {
    return this.send({ sql: this.sql, params: this.params, method: "all" });
  }

  run() {
    return this.send({ sql: this.sql, params: this.params, method: "run" });
  }
}

/** Starts workerd with one D1 database; resolves to { binding, dispose() }. */
export async function startRemoteD1() {
  const mf = new Miniflare({ modules: true, script: WORKER, d1Databases: ["DB"] });
  const send = async (body) => {
    const response = await mf.dispatchFetch("http://d1.invalid/", { method: "POST", body: JSON.stringify(body) });
    const { value, error } = await response.json();
    if (error) throw new Error(error.message, error.cause === undefined ? undefined : { cause: new Error(error.cause) });
    return value;
  };
  const binding = {
    prepare: (sql) => new RemoteStatement(send, sql),
    batch: (statements) => send({ batch: statements.map(({ sql, params }) => ({ sql, params })) }),
  };
  return { binding, dispose: () => mf.dispose() };
}
