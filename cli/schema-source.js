/**
 * @module cli/schema-source
 * A canonical snapshot written back as a schema module: the `table()`, column helpers, indexes
 * and `enumType()` calls that give that snapshot. What the schema DSL cannot say (check
 * constraints, foreign keys and unique constraints over several columns) is left out and
 * reported, never approximated.
 */

/**
 * @param {object} snapshot a canonical snapshot (cli/live-snapshot.js)
 * @param {{ importFrom?: string }} [options]
 * @returns {{ source: string, omitted: string[] }} the module's text; what it could not express
 */
export function schemaSource(snapshot, { importFrom = "sluice" } = {}) {
  const omitted = [];
  const helpers = new Set(["table"]);
  const enumNames = new Map(snapshot.enums.map((e) => [e.name, `${identifier(e.name)}Enum`]));
  const tableNames = new Map(snapshot.tables.map((t) => [t.key, identifier(t.key)]));
  const parts = [];
  if (snapshot.enums.length > 0) helpers.add("enumType");
  for (const e of snapshot.enums)
    parts.push(`export const ${enumNames.get(e.name)} = enumType(${quote(e.name)}, [${e.values.map(quote).join(", ")}]);`);
  for (const t of snapshot.tables) parts.push(tableSource(t, { helpers, enumNames, tableNames, omitted }));
  const source = `import { ${[...helpers].sort().join(", ")} } from ${quote(importFrom)};\n\n${parts.join("\n\n")}\n`;
  return { source, omitted };
}

function tableSource(t, context) {
  const { helpers, omitted } = context;
  const singleForeignKeys = new Map();
  for (const fk of t.foreignKeys) {
    if (fk.columns.length === 1) singleForeignKeys.set(fk.columns[0], fk);
    else omitted.push(`${t.name}: foreign key ${fk.name} over ${fk.columns.length} columns`);
  }
  const singleUniques = new Map();
  for (const u of t.uniques) {
    if (u.columns.length === 1) singleUniques.set(u.columns[0], u);
    else omitted.push(`${t.name}: unique constraint ${u.name} over ${u.columns.length} columns`);
  }
  for (const ck of t.checks) omitted.push(`${t.name}: check constraint ${ck.name} (${ck.sql})`);

  const columns = t.columns.map((c) => {
    let code = columnCall(c, context);
    if (t.primaryKey.includes(c.key)) code += ".primaryKey()";
    else if (c.notNull) code += ".notNull()";
    code += defaultCall(c);
    const unique = singleUniques.get(c.key);
    if (unique) code += unique.name === `${t.name}_${c.name}_unique` ? ".unique()" : `.unique(${quote(unique.name)})`;
    const fk = singleForeignKeys.get(c.key);
    if (fk) code += referenceCall(fk, context);
    return `  ${propertyName(c.key)}: ${code},`;
  });
  let extra = "";
  if (t.indexes.length > 0) {
    const lines = t.indexes.map((ix) => {
      const helper = ix.unique ? "uniqueIndex" : "index";
      helpers.add(helper);
      return `  ${propertyName(identifier(ix.name))}: ${helper}(${quote(ix.name)}).on(${ix.columns.map((k) => `t.${k}`).join(", ")}),`;
    });
    extra = `, (t) => ({\n${lines.join("\n")}\n})`;
  }
  return `export const ${context.tableNames.get(t.key)} = table(${quote(t.name)}, {\n${columns.join("\n")}\n}${extra});`;
}

function columnCall(c, { helpers, enumNames }) {
  if (c.type === "enum") return `${enumNames.get(c.enum)}(${quote(c.name)})`;
  helpers.add(c.type);
  const options = [];
  if (c.type === "varchar" && c.length !== undefined) options.push(`length: ${c.length}`);
  if (c.type === "numeric" && c.precision !== undefined) options.push(`precision: ${c.precision}`, `scale: ${c.scale ?? 0}`);
  if (c.type === "timestamp" && c.withTimezone) options.push("withTimezone: true");
  return `${c.type}(${quote(c.name)}${options.length ? `, { ${options.join(", ")} }` : ""})`;
}

function defaultCall(c) {
  if (c.default === undefined) return "";
  if (c.default.kind === "now") return ".defaultNow()";
  if (c.default.kind === "random_uuid") return ".defaultRandom()";
  return `.default(${JSON.stringify(c.default.value)})`;
}

function referenceCall(fk, { tableNames }) {
  const actions = [];
  if (fk.onDelete && fk.onDelete !== "no action") actions.push(`onDelete: ${quote(fk.onDelete)}`);
  if (fk.onUpdate && fk.onUpdate !== "no action") actions.push(`onUpdate: ${quote(fk.onUpdate)}`);
  const target = `${tableNames.get(fk.table) ?? identifier(fk.table)}.${fk.references[0]}`;
  return `.references(() => ${target}${actions.length ? `, { ${actions.join(", ")} }` : ""})`;
}

/** A JS identifier from a database name: snake_case to camelCase, anything else to `_`. */
export function identifier(name) {
  const camel = name.replace(/[_-]+([a-z0-9])/gi, (_, ch) => ch.toUpperCase()).replace(/[^\w$]/g, "_");
  return /^[a-z_$]/i.test(camel) ? camel : `_${camel}`;
}

function propertyName(key) {
  return /^[a-z_$][\w$]*$/i.test(key) ? key : quote(key);
}

function quote(text) {
  return JSON.stringify(text);
}
