/**
 * @module schema/schema-document
 * Turns a schema module namespace (`import * as schema`) into the schema document the core
 * loads (docs/internals.md §1), and gives each table its key: the name it is exported under.
 */
import { SluiceError } from "../errors.js";
import { enumDefinition } from "./enum-type.js";
import { Index } from "./indexes.js";
import { Relations, relationEntries } from "./relations.js";
import { TABLE, isTable } from "./table-meta.js";

/**
 * @typedef {object} SchemaInfo
 * @property {object} document the §1 document
 * @property {Map<string, object>} tables table objects by key, in document order
 * @property {Map<object, Map<string, { kind: "one"|"many", target: object }>>} relations
 */

/**
 * Builds the document of every table, enum and relations object exported by `namespace`.
 * Tables and enums keep their definition order (a namespace lists its names sorted).
 * @param {Record<string, unknown>} namespace
 * @returns {SchemaInfo}
 */
export function schemaDocument(namespace) {
  const tables = [];
  const declared = [];
  const enums = new Map();
  for (const [exportName, value] of Object.entries(namespace)) {
    if (isTable(value)) {
      assignKey(value, exportName);
      if (!tables.includes(value)) tables.push(value);
    } else if (value instanceof Relations) {
      declared.push(value);
    } else {
      const definition = enumDefinition(value);
      if (definition !== undefined) addEnum(enums, definition);
    }
  }
  tables.sort((a, b) => a[TABLE].order - b[TABLE].order);
  for (const t of tables) assignColumnRefs(t);
  return build(tables, declared, enums, (t) => t[TABLE].key);
}

/**
 * The document of one table and the tables its foreign keys reach, keyed by SQL name and
 * without relations: enough for a validator whose table was never given to createDb.
 * @param {object} root a table object
 */
export function tableDocument(root) {
  const tables = [root];
  for (let i = 0; i < tables.length; i++) {
    for (const column of tables[i][TABLE].columns) {
      if (column.reference === undefined) continue;
      const target = column.reference.target().table;
      if (!tables.includes(target)) tables.push(target);
    }
  }
  return build(tables, [], new Map(), (t) => t[TABLE].name);
}

function build(tables, declared, enums, keyOf) {
  const inSchema = new Set(tables);
  for (const t of tables) {
    for (const column of t[TABLE].columns) if (column.enumDefinition) addEnum(enums, column.enumDefinition);
  }
  const relations = resolveRelations(declared, inSchema, keyOf);
  const document = {
    version: 1,
    enums: [...enums.values()].sort((a, b) => a.order - b.order).map(({ name, values }) => ({ name, values })),
    tables: tables.map((t) => tableEntry(t, inSchema, keyOf, relations.get(t) ?? [])),
  };
  const targets = new Map();
  for (const [t, list] of relations) {
    targets.set(t, new Map(list.map(({ key, kind, target }) => [key, { kind, target }])));
  }
  return { document, tables: new Map(tables.map((t) => [keyOf(t), t])), relations: targets };
}

function assignKey(t, key) {
  const meta = t[TABLE];
  if (meta.key !== undefined && meta.key !== key) {
    throw new SluiceError(
      "invalid_document",
      `table "${meta.name}" is exported as both "${meta.key}" and "${key}"; a table has one key`,
    );
  }
  meta.key = key;
}

function assignColumnRefs(t) {
  const tableKey = JSON.stringify(t[TABLE].key);
  for (const column of t[TABLE].columns) column.ref = `{"col":[${tableKey},${JSON.stringify(column.key)}]}`;
}

function addEnum(enums, definition) {
  const known = enums.get(definition.name);
  if (known === undefined) {
    enums.set(definition.name, definition);
  } else if (known !== definition && JSON.stringify(known.values) !== JSON.stringify(definition.values)) {
    throw new SluiceError("invalid_document", `two enums are named "${definition.name}"`);
  }
}

function tableEntry(t, inSchema, keyOf, relations) {
  const meta = t[TABLE];
  return {
    key: keyOf(t),
    name: meta.name,
    columns: meta.columns.map(columnEntry),
    primaryKey: meta.columns.filter((c) => c.isPrimaryKey).map((c) => c.key),
    uniques: meta.columns
      .filter((c) => c.uniqueName !== undefined)
      .map((c) => ({ name: c.uniqueName === true ? `${meta.name}_${c.name}_unique` : c.uniqueName, columns: [c.key] })),
    indexes: indexEntries(t),
    foreignKeys: meta.columns.filter((c) => c.reference !== undefined).map((c) => foreignKeyEntry(c, inSchema, keyOf)),
    checks: [],
    relations: relations.map(({ key, kind, target, fields, references }) => ({
      key,
      kind,
      table: keyOf(target),
      fields,
      references,
    })),
  };
}

function columnEntry(c) {
  const entry = { key: c.key, name: c.name, type: c.type };
  const { length, precision, scale, withTimezone } = c.options;
  if (length !== undefined) entry.length = length;
  if (precision !== undefined) entry.precision = precision;
  if (scale !== undefined) entry.scale = scale;
  if (withTimezone) entry.withTimezone = true;
  if (c.enumDefinition) entry.enum = c.enumDefinition.name;
  if (c.isPrimaryKey) entry.primaryKey = true;
  if (c.isNotNull) entry.notNull = true;
  // A JS $onUpdate also fills inserts when nothing else does, so it counts as a default.
  const fallback = c.onUpdateFn ? { kind: "fn" } : undefined;
  const def = c.defaultSpec ?? fallback;
  if (def !== undefined) entry.default = def;
  if (c.onUpdateFn) entry.onUpdate = true;
  return entry;
}

function indexEntries(t) {
  const meta = t[TABLE];
  if (meta.extra === undefined) return [];
  const declared = meta.extra(t);
  const items = Array.isArray(declared) ? declared : Object.values(declared ?? {});
  return items.map((item) => {
    if (!(item instanceof Index)) {
      throw new SluiceError("invalid_document", `table "${meta.name}": extra config may only hold indexes`);
    }
    for (const c of item.columns) {
      if (c.table !== t) throw new SluiceError("invalid_document", `index "${item.name}" names a column of another table`);
    }
    return { name: item.name, columns: item.columns.map((c) => c.key), unique: item.unique };
  });
}

function foreignKeyEntry(c, inSchema, keyOf) {
  const target = c.reference.target();
  const from = c.table[TABLE];
  if (target?.table === undefined || !inSchema.has(target.table)) {
    throw new SluiceError("invalid_document", `${from.name}.${c.name} references a column outside the schema`, {
      path: [keyOf(c.table), c.key],
    });
  }
  const to = target.table[TABLE];
  return {
    name: `${from.name}_${c.name}_${to.name}_${target.name}_fk`,
    columns: [c.key],
    table: keyOf(target.table),
    references: [target.key],
    onDelete: c.reference.onDelete,
    onUpdate: c.reference.onUpdate,
  };
}

// Evaluates every relations() object and makes each relation explicit: a many() or a
// one() without fields takes its columns from the inverse one() declared on the target.
function resolveRelations(declared, inSchema, keyOf) {
  const raw = new Map();
  for (const d of declared) {
    if (!inSchema.has(d.table)) throw new SluiceError("invalid_document", "relations() of a table outside the schema");
    const list = raw.get(d.table) ?? [];
    for (const [key, relation] of relationEntries(d)) list.push({ key, relation });
    raw.set(d.table, list);
  }
  const resolved = new Map();
  for (const [t, list] of raw) {
    resolved.set(
      t,
      list.map(({ key, relation }) => {
        const where = [keyOf(t), key];
        if (!inSchema.has(relation.target)) {
          throw new SluiceError("unknown_table", `relation "${key}" targets a table outside the schema`, { path: where });
        }
        if (relation.kind === "one" && relation.fields !== undefined) {
          checkColumns(relation.fields, t, where);
          checkColumns(relation.references, relation.target, where);
          return explicit(key, "one", relation.target, relation.fields, relation.references);
        }
        const inverse = findInverse(raw.get(relation.target) ?? [], t, relation, where);
        return explicit(key, relation.kind, relation.target, inverse.references, inverse.fields);
      }),
    );
  }
  return resolved;
}

function explicit(key, kind, target, fields, references) {
  return { key, kind, target, fields: fields.map((c) => c.key), references: references.map((c) => c.key) };
}

function checkColumns(columns, owner, path) {
  if (!Array.isArray(columns) || columns.length === 0 || columns.some((c) => c?.table !== owner)) {
    throw new SluiceError("invalid_document", `relation "${path[1]}" lists columns of the wrong table`, { path });
  }
}

function findInverse(candidates, source, relation, path) {
  const matches = candidates.filter(
    ({ relation: r }) =>
      r.kind === "one" &&
      r.fields !== undefined &&
      r.target === source &&
      (relation.relationName === undefined || r.relationName === relation.relationName),
  );
  if (matches.length !== 1) {
    const problem = matches.length === 0 ? "has no inverse one() with fields" : "is ambiguous: give both sides a relationName";
    throw new SluiceError("unknown_relation", `relation "${path[1]}" ${problem}`, { path });
  }
  return matches[0].relation;
}
