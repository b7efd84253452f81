/**
 * @module cli/live-facts
 * What push reads from a live database besides introspect.js's shape: each column's default
 * expression as the database keeps it, check constraints, which unique indexes are constraints,
 * and (SQLite) each table's CREATE text, which alone holds AUTOINCREMENT and the enum checks.
 *
 *   { defaults: { users: { name: "'anonymous'" } }, checks: { users: { users_email_check: "..." } },
 *     uniqueConstraints: { users: ["users_name_unique"] }, sql: { users: "create table ..." } }
 */
import { PG_TABLES, postgresSchema, sqliteSchema } from "./introspect.js";

/**
 * Two queries whatever the number of tables: over D1's REST API each query is a request.
 * @param {import("@cloudflare/workers-types").D1Database} binding
 */
export async function sqliteFacts(binding) {
  const all = async (sql) => (await binding.prepare(sql).all()).results;
  const shape = await sqliteSchema(binding);
  const facts = { shape, defaults: {}, checks: {}, uniqueConstraints: {}, sql: {} };
  const tables = Object.keys(shape.tables);
  const names = tables.map((name) => `'${name.replaceAll("'", "''")}'`).join(", ");
  for (const name of tables) facts.defaults[name] = {};
  for (const { name, sql } of await all(`select name, sql from sqlite_schema where type = 'table' and name in (${names})`))
    facts.sql[name] = sql;
  for (const c of await all(
    `select m.name as tbl, p.name, p.dflt_value from sqlite_schema m, pragma_table_info(m.name) p ` +
      `where m.type = 'table' and m.name in (${names}) and p.dflt_value is not null`,
  ))
    facts.defaults[c.tbl][c.name] = c.dflt_value;
  return facts;
}

/** @param {{ query: (sql: string) => Promise<string[][]> }} sql */
export async function postgresFacts(sql) {
  const shape = await postgresSchema(sql);
  const facts = { shape, defaults: {}, checks: {}, uniqueConstraints: {}, sql: {} };
  for (const name of Object.keys(shape.tables)) {
    facts.defaults[name] = {};
    facts.checks[name] = {};
    facts.uniqueConstraints[name] = [];
  }
  for (const [table, column, expression] of await sql.query(
    `select c.relname, a.attname, pg_get_expr(d.adbin, d.adrelid) from pg_attrdef d
     join pg_class c on c.oid = d.adrelid join pg_attribute a on a.attrelid = d.adrelid and a.attnum = d.adnum
     where ${PG_TABLES}`,
  ))
    facts.defaults[table][column] = expression;
  for (const [table, name, kind, definition] of await sql.query(
    `select c.relname, k.conname, k.contype, pg_get_constraintdef(k.oid) from pg_constraint k
     join pg_class c on c.oid = k.conrelid where ${PG_TABLES} and k.contype in ('c', 'u')`,
  )) {
    if (kind === "u") facts.uniqueConstraints[table].push(name);
    else facts.checks[table][name] = definition.replace(/^CHECK \((.*)\)$/s, "$1");
  }
  return facts;
}
