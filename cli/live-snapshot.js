/**
 * @module cli/live-snapshot
 * A live database as a canonical snapshot, so that push can ask the core for the plan from it
 * to the schema exactly as generate does between two snapshot files.
 *
 * A database keeps less than a snapshot says (SQLite stores a boolean as `integer`, neither
 * database knows a column's JS key), so the live facts are read against the schema: a column
 * whose type, nullability and default the database reports exactly as the schema's column
 * would be created is that column; any other is described from the database's facts alone, and
 * so differs from the schema's column in what actually differs. Constraints and indexes are
 * matched the same way, by columns (and by name where the database keeps names).
 */
import { isDeepStrictEqual } from "node:util";

import { snapshotShape } from "./introspect.js";

const PG_TYPES = {
  integer: "integer", smallint: "integer", bigint: "bigint", text: "text", boolean: "boolean", date: "date",
  json: "json", jsonb: "jsonb", uuid: "uuid", "double precision": "real", real: "real",
};
const NOW = { sqlite: /julianday\('now'\)|date\('now'\)/i, postgres: /^(now\(\)|current_timestamp|current_date)$/i };
const RANDOM_UUID = { sqlite: /randomblob/i, postgres: /^gen_random_uuid\(\)$/i };

/**
 * @param {Awaited<ReturnType<typeof import("./live-facts.js").sqliteFacts>>} facts
 * @param {object} desired the schema's canonical snapshot
 * @param {"sqlite"|"postgres"} dialect the core's dialect name
 * @returns {object} a canonical snapshot of the live database
 */
export function liveSnapshot(facts, desired, dialect) {
  const wantShape = snapshotShape(desired, dialect);
  const wanted = new Map(desired.tables.map((t) => [t.name, t]));
  const tableKey = (name) => wanted.get(name)?.key ?? name;
  const columnKeys = new Map();
  for (const [name, live] of Object.entries(facts.shape.tables)) {
    const want = wanted.get(name);
    columnKeys.set(name, new Map(Object.keys(live.columns).map((c) => [c, want?.columns.find((w) => w.name === c)?.key ?? c])));
  }
  const keysOf = (table, names) => names.map((n) => columnKeys.get(table)?.get(n) ?? n);

  const tables = Object.entries(facts.shape.tables).map(([name, live]) => {
    const want = wanted.get(name);
    const context = { dialect, facts, table: name, want, wantShape: wantShape.tables[name], enums: facts.shape.enums, desired };
    const columns = Object.entries(live.columns).map(([column, shape]) => liveColumn(context, column, shape, keysOf(name, [column])[0]));
    const uniques = [];
    const indexes = [];
    for (const ix of live.indexes) {
      const keys = keysOf(name, ix.columns);
      const sameKeys = (list) => isDeepStrictEqual(list, keys);
      const unique = want?.uniques.find((u) => sameKeys(u.columns) && (ix.name === null || u.name === ix.name));
      const index = want?.indexes.find((w) => w.name === ix.name && sameKeys(w.columns) && w.unique === ix.unique);
      if (ix.unique && unique) uniques.push(unique);
      else if (index) indexes.push(index);
      else if (ix.name === null || facts.uniqueConstraints[name]?.includes(ix.name))
        uniques.push({ name: ix.name ?? `${name}_${ix.columns.join("_")}_unique`, columns: keys });
      else indexes.push({ name: ix.name, columns: keys, unique: ix.unique });
    }
    const foreignKeys = live.foreignKeys.map((fk) => {
      const key = {
        columns: keysOf(name, fk.columns), table: tableKey(fk.table), references: keysOf(fk.table, fk.references),
        onDelete: fk.onDelete, onUpdate: fk.onUpdate,
      };
      const match = want?.foreignKeys.find(
        (w) => (fk.name === null || w.name === fk.name) &&
          isDeepStrictEqual([w.columns, w.table, w.references, w.onDelete ?? "no action", w.onUpdate ?? "no action"],
            [key.columns, key.table, key.references, key.onDelete, key.onUpdate]),
      );
      return match ?? { name: fk.name ?? `${name}_${fk.columns.join("_")}_fk`, ...key };
    });
    return { key: tableKey(name), name, columns, primaryKey: keysOf(name, live.primaryKey), uniques, indexes, foreignKeys, checks: liveChecks(context) };
  });
  const enums = dialect === "postgres"
    ? Object.entries(facts.shape.enums).map(([name, values]) => ({ name, values }))
    : desired.enums.filter((e) => tables.some((t) => t.columns.some((c) => c.enum === e.name)));
  return { version: 1, enums, tables };
}

/** The schema's column when the database holds exactly it, else the column the database describes. */
function liveColumn(context, name, shape, key) {
  const { dialect, facts, table, want, wantShape } = context;
  const expression = facts.defaults[table]?.[name];
  const wanted = want?.columns.find((c) => c.name === name);
  if (
    wanted !== undefined &&
    isDeepStrictEqual(shape, wantShape.columns[name]) &&
    sameDefault(expression, wanted, dialect) &&
    (dialect === "postgres" || wanted.type !== "enum" || facts.sql[table].includes(sqliteEnumCheck(context.desired, wanted)))
  )
    return wanted;
  const column = { key, name, ...liveType(name, shape.type, expression, context), notNull: shape.notNull };
  const def = liveDefault(expression, dialect);
  if (def !== undefined) column.default = def;
  return column;
}

function liveType(name, type, expression, { dialect, enums, facts, table }) {
  if (dialect === "sqlite") {
    // AUTOINCREMENT is said of the table's one primary key column: only that column is a serial.
    const autoincrement = /\bautoincrement\b/i.test(facts.sql[table] ?? "") && type === "integer";
    if (autoincrement && isDeepStrictEqual(facts.shape.tables[table].primaryKey, [name])) return { type: "serial" };
    return { type: ["integer", "real", "text"].includes(type) ? type : "text" };
  }
  if (expression?.startsWith("nextval(")) return { type: type === "bigint" ? "bigserial" : "serial" };
  if (PG_TYPES[type]) return { type: PG_TYPES[type] };
  let m = /^character varying(?:\((\d+)\))?$/.exec(type);
  if (m) return m[1] ? { type: "varchar", length: Number(m[1]) } : { type: "varchar" };
  m = /^numeric(?:\((\d+),(\d+)\))?$/.exec(type);
  if (m) return m[1] ? { type: "numeric", precision: Number(m[1]), scale: Number(m[2]) } : { type: "numeric" };
  m = /^timestamp(?:\(\d+\))? with(out)? time zone$/.exec(type);
  if (m) return m[1] ? { type: "timestamp" } : { type: "timestamp", withTimezone: true };
  if (enums[type]) return { type: "enum", enum: type };
  return { type: "text" };
}

function sameDefault(expression, column, dialect) {
  if (column.type === "serial" || column.type === "bigserial")
    return dialect === "postgres" ? Boolean(expression?.startsWith("nextval(")) : expression === undefined;
  const def = column.default;
  if (def === undefined || def.kind === "fn") return expression === undefined;
  if (expression === undefined) return false;
  if (def.kind === "now") return NOW[dialect].test(stripParens(expression));
  if (def.kind === "random_uuid") return RANDOM_UUID[dialect].test(stripParens(expression));
  const live = literal(expression, dialect);
  if (live === undefined) return false;
  if (column.type === "json" || column.type === "jsonb") {
    try {
      return typeof live === "string" && isDeepStrictEqual(JSON.parse(live), def.value);
    } catch {
      return false;
    }
  }
  if (column.type === "boolean" && dialect === "sqlite") return live === (def.value ? 1 : 0);
  if (typeof def.value === "number" && typeof live === "string") return Number(live) === def.value;
  if (typeof def.value === "string" && typeof live === "number") return String(live) === def.value;
  return live === def.value;
}

function liveDefault(expression, dialect) {
  if (expression === undefined || expression.startsWith("nextval(")) return undefined;
  const bare = stripParens(expression);
  if (NOW[dialect].test(bare)) return { kind: "now" };
  if (RANDOM_UUID[dialect].test(bare)) return { kind: "random_uuid" };
  const value = literal(expression, dialect);
  return { kind: "value", value: value === undefined ? expression : value };
}

/** A default's constant: string, number, boolean or null; undefined for any other expression. */
function literal(expression, dialect) {
  let text = stripParens(expression);
  if (dialect === "postgres") text = text.replace(/(?:::[a-z_][\w ".]*(?:\(\d+(?:,\d+)?\))?(?:\[\])?)+$/i, "");
  text = stripParens(text);
  const quoted = /^'((?:[^']|'')*)'$/s.exec(text);
  if (quoted) return quoted[1].replaceAll("''", "'");
  if (/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text)) return Number(text);
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === "true";
  if (/^null$/i.test(text)) return null;
  return undefined;
}

function stripParens(text) {
  let t = text.trim();
  while (t.startsWith("(") && t.endsWith(")") && balanced(t.slice(1, -1))) t = t.slice(1, -1).trim();
  return t;
}

function balanced(text) {
  let depth = 0;
  for (const ch of text) {
    depth += ch === "(" ? 1 : ch === ")" ? -1 : 0;
    if (depth < 0) return false;
  }
  return depth === 0;
}

// The check SQLite columns of an enum carry (table_ddl.cpp writes it the same way).
function sqliteEnumCheck(desired, column) {
  const values = desired.enums.find((e) => e.name === column.enum)?.values ?? [];
  return `check (${ident(column.name)} in (${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", ")}))`;
}

// Checks the database holds: the schema's by name (and, in SQLite, by its text in the table's
// SQL); in Postgres also the ones the schema no longer has, so that they are dropped.
function liveChecks({ dialect, facts, table, want }) {
  if (dialect === "sqlite")
    return (want?.checks ?? []).filter((ck) => (facts.sql[table] ?? "").includes(`constraint ${ident(ck.name)} check (${ck.sql})`));
  return Object.entries(facts.checks[table] ?? {}).map(([name, sql]) => want?.checks.find((ck) => ck.name === name) ?? { name, sql });
}

function ident(name) {
  return `"${name.replaceAll('"', '""')}"`;
}
