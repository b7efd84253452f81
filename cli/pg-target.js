/**
 * @module cli/pg-target
 * Migrations on Postgres over Neon's HTTP SQL endpoint (Neon itself, or sluice-gateway
 * locally): a migration is one `{queries:[...]}` batch, which Neon runs as one transaction:
 * an advisory lock (so concurrent runs queue), the ledger row, then the statements.
 * `ALTER TYPE ... ADD VALUE` is the exception: a value added inside a transaction cannot be
 * used before it commits, so it runs on its own before the batch, as `ADD VALUE IF NOT EXISTS`
 * so that running the migration again after a failure is harmless.
 */
import { neonEndpoint } from "../worker/drivers/neon-endpoint.js";
import { CliError } from "./errors.js";
import { APPLIED, LEDGER } from "./migrate.js";

const LOCK = `select pg_advisory_xact_lock(hashtext('${LEDGER}'))`;
const CREATE_LEDGER =
  `create table if not exists "${LEDGER}" ("id" serial primary key, "tag" text not null unique, ` +
  `"hash" text not null, "created_at" bigint not null, "applied_at" timestamptz not null default now())`;
const ADD_VALUE = /^\s*alter\s+type\s+.+?\s+add\s+value\s+(?!if\s+not\s+exists\b)/is;
const ADD_VALUE_ANY = /^\s*alter\s+type\s+.+?\s+add\s+value\s/is;
const REHEARSAL = "sluice: rehearsal, rolled back";

/** A refusal by Postgres: its message, SQLSTATE and, when given, detail, hint and position. */
export class PostgresError extends Error {
  constructor(fields) {
    super(fields.message);
    this.name = "PostgresError";
    this.code = fields.code;
    for (const key of ["detail", "hint", "position"]) if (typeof fields[key] === "string") this[key] = fields[key];
  }

  /** The message, SQLSTATE, detail and hint on one line, as migrate reports it. */
  describe() {
    const state = this.code ? ` (SQLSTATE ${this.code})` : "";
    return [`${this.message}${state}`, this.detail, this.hint && `hint: ${this.hint}`].filter(Boolean).join("; ");
  }
}

/**
 * Where to send queries for a config: `neon.connectionString` (or drizzle-kit's
 * `dbCredentials.url`), else $DATABASE_URL; `neon.endpoint`, else $NEON_HTTP_ENDPOINT, else
 * the endpoint Neon derives from the connection string.
 * @param {import("./config.js").Config} config
 * @returns {{ connectionString: string, endpoint: string, authToken?: string }}
 */
export function neonCredentials(config, env = process.env) {
  const connectionString = config.neon?.connectionString ?? env.DATABASE_URL;
  if (!connectionString)
    throw new CliError('migrate: no Postgres connection string: set neon.connectionString in the config, or DATABASE_URL');
  let endpoint = config.neon?.endpoint ?? env.NEON_HTTP_ENDPOINT;
  if (!endpoint && LOCAL_HOSTS.has(hostOf(connectionString)))
    throw new CliError(
      `migrate: ${hostOf(connectionString)} is this machine: give the local gateway's endpoint in neon.endpoint or ` +
        "NEON_HTTP_ENDPOINT (npm run gateway prints it), e.g. http://127.0.0.1:4444/sql",
    );
  if (!endpoint) {
    try {
      endpoint = neonEndpoint(connectionString, { jwt: config.neon?.authToken !== undefined });
    } catch (error) {
      throw new CliError(`migrate: ${error.message}`);
    }
  }
  return { connectionString, endpoint, authToken: config.neon?.authToken };
}

// A connection string naming this machine has no Neon endpoint to derive: it is a local gateway's.
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

function hostOf(connectionString) {
  try {
    return new URL(connectionString).hostname;
  } catch {
    return undefined;
  }
}

/**
 * Queries over Neon's HTTP protocol, rows as arrays of Postgres text values.
 * @param {{ connectionString: string, endpoint: string, authToken?: string, fetch?: typeof fetch }} options
 */
export function neonSql({ connectionString, endpoint, authToken, fetch = globalThis.fetch }) {
  const headers = {
    "Neon-Connection-String": connectionString,
    "Neon-Raw-Text-Output": "true",
    "Neon-Array-Mode": "true",
    "Content-Type": "application/json",
  };
  if (authToken !== undefined) headers.Authorization = `Bearer ${authToken}`;
  const post = async (body) => {
    let response;
    try {
      response = await fetch(endpoint, { method: "POST", headers, body: JSON.stringify(body) });
    } catch (error) {
      throw new CliError(`cannot reach ${endpoint}: ${error.cause?.message ?? error.message}`);
    }
    const text = await response.text();
    if (response.ok) return JSON.parse(text);
    let fields;
    try {
      fields = JSON.parse(text);
    } catch {
      // not Neon's error shape: reported with the status below
    }
    if (response.status === 400 && typeof fields?.code === "string") throw new PostgresError(fields);
    throw new CliError(`${endpoint} answered HTTP ${response.status}: ${text.slice(0, 500)}`);
  };
  return {
    /** @returns {Promise<string[][]>} the rows of one statement */
    query: async (sql, params = []) => (await post({ query: sql, params })).rows,
    /**
     * One transaction of statements, each SQL text or `{ query, params }`.
     * @returns {Promise<string[][][]>} the rows of each statement
     */
    batch: async (statements) =>
      (await post({ queries: statements.map((s) => (typeof s === "string" ? { query: s, params: [] } : s)) })).results.map((r) => r.rows),
  };
}

/**
 * @param {ReturnType<typeof neonSql>} sql
 * @returns {import("./migrate.js").MigrationTarget}
 */
export function pgTarget(sql) {
  return {
    async ensureLedger() {
      // The lock: two first runs at once would both try to create the table's row type.
      await sql.batch([LOCK, CREATE_LEDGER]);
    },
    async applied() {
      const rows = await sql.query(APPLIED);
      return rows.map(([tag, hash, createdAt]) => ({ tag, hash, created_at: Number(createdAt) }));
    },
    outsideTransaction: (statement) => ADD_VALUE_ANY.test(statement),
    async applyOutside(statement) {
      await sql.query(statement.replace(ADD_VALUE, (prefix) => `${prefix}if not exists `));
    },
    async apply({ tag, hash, when, statements }) {
      const record = {
        query: `insert into "${LEDGER}" ("tag", "hash", "created_at") values ($1, $2, $3)`,
        params: [tag, hash, String(when)],
      };
      await sql.batch([LOCK, record, ...statements]);
    },
    async rehearse(statements) {
      try {
        await sql.batch([...statements, `do $$ begin raise exception '${REHEARSAL}'; end $$`]);
      } catch (error) {
        return error instanceof PostgresError && error.message === REHEARSAL ? undefined : error;
      }
      throw new CliError("a rehearsal batch committed: the endpoint does not run batches as one transaction");
    },
  };
}
