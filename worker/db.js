/**
 * @module db
 * `createDb` binds a schema to a driver. The schema document is loaded into the core once
 * per schema object and isolate, so creating a db per request (as Workers do with `env`)
 * costs only this object.
 */
import { limitsProblem } from "./drivers/deadline.js";
import { SluiceError } from "./errors.js";
import { resolveLogger } from "./logger.js";
import { checkExpression } from "./query/arguments.js";
import { CountQuery } from "./query/count.js";
import { DeleteQuery } from "./query/delete.js";
import { InsertQuery } from "./query/insert.js";
import { QueryBuilder } from "./query/builder.js";
import { RawQuery } from "./query/raw.js";
import { RelationalQuery } from "./query/relational.js";
import { SelectQuery } from "./query/select.js";
import { SOURCE, isSource, namedSource } from "./query/subquery.js";
import { SQL } from "./query/sql-tag.js";
import { UpdateQuery } from "./query/update.js";
import { executeBatch } from "./runtime/execute.js";
import { loadedSchema } from "./runtime/schema-registry.js";

export class Database {
  constructor({ schema, driver, logger }) {
    if (schema === undefined) throw new SluiceError("invalid_document", "createDb needs { schema }");
    if (driver?.dialect !== "sqlite" && driver?.dialect !== "postgres") {
      throw new SluiceError("invalid_value", "createDb needs { driver } with a dialect (e.g. d1(env.DB))");
    }
    this.driver = driver;
    this.dialect = driver.dialect;
    this.schema = loadedSchema(schema);
    this.logger = resolveLogger(logger);
    // Every spec starts alike: only the statement part varies.
    this.prefix = `{"schema":${this.schema.id},"dialect":"${this.dialect}",`;
    /** `db.query.<tableKey>.findMany / findFirst`. */
    this.query = relationalApi(this);
  }

  /**
   * @param {Record<string, object>} [fields] a projection `{ key: column }`; all columns
   *   (grouped per table when joined) when omitted
   */
  select(fields) {
    return new SelectQuery(this, fields);
  }

  /** `select distinct`: like select(), each distinct row once. */
  selectDistinct(fields) {
    return new SelectQuery(this, fields, true);
  }

  /**
   * Postgres' `select distinct on (...)`: the first row of each group of `on` (order by them
   * first). SQLite has no such clause: a SluiceError (unsupported_feature) there.
   * @param {object[]} on columns or expressions
   * @param {Record<string, object>} [fields]
   */
  selectDistinctOn(on, fields) {
    if (!Array.isArray(on) || on.length === 0) {
      throw new SluiceError("invalid_value", "selectDistinctOn() needs an array of one or more columns");
    }
    return new SelectQuery(this, fields, on.map((e, i) => checkExpression(e, `selectDistinctOn() item ${i + 1}`)));
  }

  /**
   * A CTE: `db.$with("name").as(query)`, read like a table once given to `db.with(...)`; its
   * fields are read as `cte.key`. `query` is a select (or a callback receiving the db).
   * @param {string} alias
   */
  $with(alias) {
    return {
      as: (query) => {
        const body = typeof query === "function" ? query(this) : query;
        if (body instanceof QueryBuilder && !(body instanceof SelectQuery)) {
          throw new SluiceError("unsupported_feature", `$with("${alias}").as(): a CTE holds a select; a write in a CTE (insert/update/delete ... returning) is not supported`);
        }
        if (!(body instanceof SelectQuery)) throw new SluiceError("invalid_value", `$with("${alias}").as(): expected a select query`);
        return namedSource(alias, body, true, body.as(alias));
      },
    };
  }

  /**
   * Statements (select, insert, update, delete) that can read the CTEs `ctes` (from `$with`),
   * written once before the statement: `db.with(sq).select().from(sq)`.
   * @param {...object} ctes
   */
  with(...ctes) {
    for (const [i, cte] of ctes.entries()) {
      if (!isSource(cte) || !cte[SOURCE].cte) throw new SluiceError("invalid_value", `with() argument ${i + 1}: expected a CTE from db.$with()`);
    }
    const withCtes = (builder) => {
      builder.withList = ctes;
      return builder;
    };
    return {
      select: (fields) => withCtes(this.select(fields)),
      selectDistinct: (fields) => withCtes(this.selectDistinct(fields)),
      selectDistinctOn: (on, fields) => withCtes(this.selectDistinctOn(on, fields)),
      insert: (table) => withCtes(this.insert(table)),
      update: (table) => withCtes(this.update(table)),
      delete: (table) => withCtes(this.delete(table)),
    };
  }

  /** @param {object} table */
  insert(table) {
    return new InsertQuery(this, table);
  }

  /** @param {object} table */
  update(table) {
    return new UpdateQuery(this, table);
  }

  /** @param {object} table */
  delete(table) {
    return new DeleteQuery(this, table);
  }

  /**
   * The number of rows of `table` (matching `condition`).
   * @returns {CountQuery} a thenable resolving to a number
   */
  $count(table, condition) {
    return new CountQuery(this, table, condition);
  }

  /**
   * A raw statement; values are bound as parameters.
   * @param {SQL} statement from the `sql` tag
   * @returns {RawQuery} a thenable resolving to the rows as objects
   */
  execute(statement) {
    if (!(statement instanceof SQL)) throw new SluiceError("invalid_value", "db.execute() takes a sql`` statement");
    return new RawQuery(this, statement);
  }

  /**
   * Interactive transactions cannot exist here: neither D1 nor Neon's HTTP endpoint keeps a
   * transaction open between requests. Always a rejected SluiceError (unsupported_feature)
   * naming what replaces it.
   */
  transaction() {
    return Promise.reject(
      new SluiceError(
        "unsupported_feature",
        "db.transaction(): D1 and Neon's HTTP endpoint run no interactive transactions; " +
          "use db.batch([...]) (one atomic round trip) or one statement that does it all " +
          "(a data-modifying CTE, insert ... select, upsert)",
      ),
    );
  }

  /**
   * Runs builders in one atomic round trip; resolves to their results, in order. If one
   * statement fails, none has any effect.
   * @param {QueryBuilder[]} builders
   * @param {object} [options] for the driver's transaction (neonHttp: `isolationLevel`,
   *   `readOnly`, `deferrable`; D1 takes none), and for the round trip: `timeoutMs`, `signal`
   */
  batch(builders, options) {
    const problem = limitsProblem(options);
    if (problem !== undefined) return Promise.reject(new SluiceError("invalid_value", `db.batch(): ${problem}`));
    for (const b of builders) {
      if (!(b instanceof QueryBuilder) || b.db !== this) {
        return Promise.reject(new SluiceError("invalid_value", "db.batch() takes builders of this db"));
      }
    }
    return executeBatch(this, builders, false, options);
  }
}

class TableQueries {
  constructor(db, table) {
    this.db = db;
    this.table = table;
  }

  /** Rows of the table with their relations nested. */
  findMany(config) {
    return new RelationalQuery(this.db, "findMany", this.table, config);
  }

  /** The first matching row with its relations; resolves to undefined when none matches. */
  findFirst(config) {
    return new RelationalQuery(this.db, "findFirst", this.table, config);
  }
}

function relationalApi(db) {
  const api = {};
  for (const [key, table] of db.schema.tables) api[key] = new TableQueries(db, table);
  return api;
}

/**
 * Binds a schema (the module namespace: `import * as schema from "./schema.js"`) to a driver.
 * @example
 * import * as schema from "./schema.js";
 * import { d1 } from "sluice/d1";
 * const db = createDb({ schema, driver: d1(env.DB), logger: false });
 * @param {{ schema: object, driver: object, logger?: boolean | { logQuery(sql: string, params: unknown[]): void } }} options
 */
export function createDb(options) {
  return new Database(options);
}
