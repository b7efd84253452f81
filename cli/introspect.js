/**
 * @module cli/introspect
 * The live schema of a database in one shape for both dialects, and the shape a snapshot
 * promises, so that the two can be compared with deepEqual. The shape holds what a migration
 * decides: tables, column types as the database reports them, nullability, whether a default
 * exists, primary keys, unique constraints and indexes, foreign keys and (Postgres) enums.
 * Check constraints are not compared: SQLite keeps them only inside the table's SQL text.
 *
 *   { enums: { role: ["admin", ...] },
 *     tables: { users: { columns: { id: { type, notNull, hasDefault } }, primaryKey: ["id"],
 *       indexes: [{ name, columns, unique }], foreignKeys: [{ name, columns, table, references, onDelete, onUpdate }] } } }
 *
 * The migration ledgers (sluice's and wrangler's) are left out.
 * SQLite names neither its unique constraints' indexes nor its foreign keys the way the
 * schema does: there `name` is null for both.
 */
import { LEDGER } from "./migrate.js";

// `wrangler d1 migrations apply` keeps its own ledger; like ours, it is not the schema.
const WRANGLER_LEDGER = "d1_migrations";

const SQLITE_TYPES = {
  serial: "integer", integer: "integer", bigint: "integer", boolean: "integer", timestamp: "integer",
  real: "real", text: "text", varchar: "text", enum: "text", numeric: "text", json: "text", jsonb: "text",
  uuid: "text", date: "text",
};

const PG_ACTIONS = { a: "no action", r: "restrict", c: "cascade", n: "set null", d: "set default" };

/** The condition on `pg_class c` that picks the schema's tables: `public`'s, without the ledger. */
export const PG_TABLES = `c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and c.relname <> '${LEDGER}'`;

/**
 * The live shape of a D1 (or any SQLite with the D1 binding API) database. Each pragma is read
 * for every table in one query (over D1's REST API each query is a request).
 */
export async function sqliteSchema(binding) {
  const tablesAnd = async (pragma, columns, order) => {
    const { results } = await binding
      .prepare(
        `select m.name as tbl, ${columns} from sqlite_schema m${pragma ? `, ${pragma}` : ""} where m.type = 'table' ` +
          `and m.name not like 'sqlite_%' and m.name not like '_cf_%' and m.name not in ('${LEDGER}', '${WRANGLER_LEDGER}') ` +
          `order by m.name${order ? `, ${order}` : ""}`,
      )
      .all();
    return groupBy(results, (row) => row.tbl);
  };
  const names = await tablesAnd("", "m.name");
  const infos = await tablesAnd("pragma_table_info(m.name) p", "p.*", "p.cid");
  const indexColumns = await tablesAnd(
    "pragma_index_list(m.name) l, pragma_index_info(l.name) i",
    `l.name, l."unique", l.origin, i.name as col`,
    "l.seq, i.seqno",
  );
  const foreignKeys = await tablesAnd("pragma_foreign_key_list(m.name) f", "f.*", "f.id, f.seq");
  const tables = {};
  for (const name of names.keys()) {
    const info = infos.get(name) ?? [];
    const columns = {};
    for (const c of info) columns[c.name] = { type: c.type.toLowerCase(), notNull: c.notnull === 1 || c.pk > 0, hasDefault: c.dflt_value !== null };
    const primaryKey = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    const indexes = [];
    for (const [index, cols] of groupBy(indexColumns.get(name) ?? [], (c) => c.name)) {
      if (cols[0].origin === "pk") continue;
      indexes.push({ name: cols[0].origin === "u" ? null : index, columns: cols.map((c) => c.col), unique: cols[0].unique === 1 });
    }
    const keys = [];
    for (const fk of groupBy(foreignKeys.get(name) ?? [], (f) => f.id).values())
      keys.push({
        name: null, columns: fk.map((f) => f.from), table: fk[0].table, references: fk.map((f) => f.to),
        onDelete: fk[0].on_delete.toLowerCase(), onUpdate: fk[0].on_update.toLowerCase(),
      });
    tables[name] = { columns, primaryKey, indexes: sorted(indexes), foreignKeys: sorted(keys) };
  }
  return { enums: {}, tables };
}

/**
 * The live shape of the `public` schema of a Postgres database.
 * @param {{ query: (sql: string, params?: unknown[]) => Promise<string[][]> }} sql rows as arrays of text
 */
export async function postgresSchema(sql) {
  const enums = {};
  for (const [type, label] of await sql.query(
    `select t.typname, e.enumlabel from pg_enum e join pg_type t on t.oid = e.enumtypid
     join pg_namespace n on n.oid = t.typnamespace where n.nspname = 'public' order by t.typname, e.enumsortorder`,
  ))
    (enums[type] ??= []).push(label);
  const tables = {};
  for (const [table, column, type, notNull, hasDefault] of await sql.query(
    `select c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.atthasdef
     from pg_attribute a join pg_class c on c.oid = a.attrelid
     where ${PG_TABLES} and a.attnum > 0 and not a.attisdropped order by c.relname, a.attnum`,
  )) {
    tables[table] ??= { columns: {}, primaryKey: [], indexes: [], foreignKeys: [] };
    tables[table].columns[column] = { type: type.replaceAll('"', ""), notNull: notNull === "t", hasDefault: hasDefault === "t" };
  }
  // Column lists come back one row per column, in key order.
  for (const [table, name, primary, unique, column] of await sql.query(
    `select c.relname, i.relname, x.indisprimary, x.indisunique, a.attname
     from pg_index x join pg_class c on c.oid = x.indrelid join pg_class i on i.oid = x.indexrelid,
     unnest(x.indkey) with ordinality k(attnum, n) join pg_attribute a on a.attnum = k.attnum
     where ${PG_TABLES} and a.attrelid = c.oid order by c.relname, i.relname, k.n`,
  )) {
    if (primary === "t") tables[table].primaryKey.push(column);
    else entry(tables[table].indexes, name, () => ({ name, columns: [], unique: unique === "t" })).columns.push(column);
  }
  for (const [table, name, target, onDelete, onUpdate, column, reference] of await sql.query(
    `select c.relname, f.conname, r.relname, f.confdeltype, f.confupdtype, a.attname, b.attname
     from pg_constraint f join pg_class c on c.oid = f.conrelid join pg_class r on r.oid = f.confrelid,
     unnest(f.conkey, f.confkey) with ordinality k(col, ref, n)
     join pg_attribute a on a.attnum = k.col join pg_attribute b on b.attnum = k.ref
     where f.contype = 'f' and ${PG_TABLES} and a.attrelid = f.conrelid and b.attrelid = f.confrelid
     order by c.relname, f.conname, k.n`,
  )) {
    const key = entry(tables[table].foreignKeys, name, () => ({
      name, columns: [], table: target, references: [], onDelete: PG_ACTIONS[onDelete], onUpdate: PG_ACTIONS[onUpdate],
    }));
    key.columns.push(column);
    key.references.push(reference);
  }
  for (const t of Object.values(tables)) {
    t.indexes = sorted(t.indexes);
    t.foreignKeys = sorted(t.foreignKeys);
  }
  return { enums, tables };
}

/**
 * The shape a database has once the migrations up to `snapshot` are applied.
 * @param {object} snapshot the canonical snapshot (a snapshot file's `schema`)
 * @param {"sqlite"|"postgres"} dialect the core's dialect name
 */
export function snapshotShape(snapshot, dialect) {
  const pg = dialect === "postgres";
  const enums = {};
  if (pg) for (const e of snapshot.enums ?? []) enums[e.name] = [...e.values];
  // A snapshot names tables and columns by their schema keys; the database by their names.
  const byKey = new Map(snapshot.tables.map((t) => [t.key, t]));
  const names = (t, keys) => keys.map((k) => (t.columns.find((c) => c.key === k) ?? t.columns.find((c) => c.name === k)).name);
  const tables = {};
  for (const t of snapshot.tables) {
    const primaryKey = names(t, t.primaryKey);
    const columns = {};
    for (const c of t.columns) {
      columns[c.name] = {
        type: pg ? pgType(c) : sqliteType(c),
        notNull: c.notNull || primaryKey.includes(c.name),
        hasDefault: c.default !== undefined || (pg && c.type === "serial"),
      };
    }
    const indexes = [
      ...t.uniques.map((u) => ({ name: pg ? u.name : null, columns: names(t, u.columns), unique: true })),
      ...t.indexes.map((ix) => ({ name: ix.name, columns: names(t, ix.columns), unique: ix.unique })),
    ];
    const foreignKeys = t.foreignKeys.map((fk) => {
      const target = byKey.get(fk.table) ?? snapshot.tables.find((o) => o.name === fk.table);
      return {
        name: pg ? fk.name : null, columns: names(t, fk.columns), table: target.name, references: names(target, fk.references),
        onDelete: fk.onDelete ?? "no action", onUpdate: fk.onUpdate ?? "no action",
      };
    });
    tables[t.name] = { columns, primaryKey, indexes: sorted(indexes), foreignKeys: sorted(foreignKeys) };
  }
  return { enums, tables };
}

function sqliteType(c) {
  const type = SQLITE_TYPES[c.type];
  if (type === undefined) throw new Error(`introspect: no SQLite type known for ${c.type}`);
  return type;
}

function pgType(c) {
  switch (c.type) {
    case "serial": return "integer";
    case "varchar": return c.length === undefined ? "character varying" : `character varying(${c.length})`;
    case "timestamp": return c.withTimezone ? "timestamp with time zone" : "timestamp without time zone";
    case "real": return "double precision";
    case "numeric": return c.precision === undefined ? "numeric" : `numeric(${c.precision},${c.scale ?? 0})`;
    case "enum": return c.enum;
    default: return c.type;
  }
}

// Node 20 has no Map.groupBy.
function groupBy(rows, keyOf) {
  const groups = new Map();
  for (const row of rows) {
    const key = keyOf(row);
    if (groups.has(key)) groups.get(key).push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

function entry(list, name, make) {
  let found = list.find((e) => e.name === name);
  if (found === undefined) list.push((found = make()));
  return found;
}

function sorted(list) {
  return list.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}
