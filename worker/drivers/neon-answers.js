/**
 * @module drivers/neon-answers
 * Neon answers (HTTP 200 bodies) checked against the shape the statement's `returns` promises
 * before they become payloads (see ./d1.js). Bodies of "rows" statements go to the core as
 * bytes, unparsed: the core's decoder checks them against the plan. The others are small or
 * handed to the caller as objects, so they are parsed and checked here: `{fields, rows,
 * rowCount, command}`, array mode, raw text cells. Anything else is an invalid_answer
 * TransportError naming the statement.
 */
import { invalidAnswer, shown } from "./invalid-answer.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });

// Commands whose tag always carries a row count: their rowCount must be one.
const COUNTED = new Set(["INSERT", "UPDATE", "DELETE", "MERGE", "SELECT", "COPY", "MOVE", "FETCH"]);

const INTEGER_TEXT = /^-?\d+$/;
// Postgres' spellings of float4/float8 text output.
const FLOAT_TEXT = /^(?:-?(?:\d+\.?\d*(?:e[+-]?\d+)?)|NaN|-?Infinity)$/i;

function integer(text) {
  if (!INTEGER_TEXT.test(text)) throw new Error(`${shown(text)} is not an integer`);
  return Number(text);
}

function float(text) {
  if (!FLOAT_TEXT.test(text)) throw new Error(`${shown(text)} is not a number`);
  return Number(text);
}

function boolean(text) {
  if (text !== "t" && text !== "f") throw new Error(`${shown(text)} is not a boolean`);
  return text === "t";
}

// Raw statements resolve to objects; their text cells get the JSON types Neon itself gives
// when raw text is off (bool, int2/int4/oid, float4/float8, json/jsonb), the rest stay text.
const CELL = {
  16: boolean,
  21: integer,
  23: integer,
  26: integer,
  700: float,
  701: float,
  114: JSON.parse,
  3802: JSON.parse,
};

const isRecord = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * One result `{fields, rows, rowCount, command}` parsed from `bytes` and checked.
 * @param {Uint8Array} bytes
 * @param {string} sql
 */
function parseResult(bytes, sql) {
  let result;
  try {
    result = JSON.parse(utf8.decode(bytes));
  } catch (e) {
    throw invalidAnswer("a body that is not JSON", sql, e);
  }
  if (!isRecord(result)) throw invalidAnswer(`${shown(result)} where a result object was expected`, sql);
  const { fields, rows } = result;
  if (!Array.isArray(fields)) throw invalidAnswer(`fields that are ${shown(fields)}, not an array`, sql);
  if (!Array.isArray(rows)) throw invalidAnswer(`rows that are ${shown(rows)}, not an array`, sql);
  for (const field of fields) {
    if (!isRecord(field) || typeof field.name !== "string" || !Number.isInteger(field.dataTypeID)) {
      throw invalidAnswer(`a field that is not {name, dataTypeID}: ${shown(field)}`, sql);
    }
  }
  for (const row of rows) {
    if (!Array.isArray(row) || row.length !== fields.length) {
      throw invalidAnswer(`a row of ${shown(row)} cells for ${fields.length} fields`, sql);
    }
    for (const cell of row) {
      if (cell !== null && typeof cell !== "string") throw invalidAnswer(`a cell that is ${shown(cell)}, not text or null`, sql);
    }
  }
  return result;
}

function objects(bytes, sql) {
  const { fields, rows } = parseResult(bytes, sql);
  const convert = fields.map((f) => CELL[f.dataTypeID]);
  return rows.map((row) => {
    const object = {};
    fields.forEach((field, i) => {
      const cell = row[i];
      if (cell === null || convert[i] === undefined) {
        object[field.name] = cell;
        return;
      }
      try {
        object[field.name] = convert[i](cell);
      } catch (e) {
        throw invalidAnswer(`a cell of ${field.name} (type ${field.dataTypeID}) that does not read: ${e.message}`, sql, e);
      }
    });
    return object;
  });
}

// A write without `returning`: the body is a few bytes (`"fields":[],"rows":[]`), so parsing
// it costs nothing. Commands without a count (DDL) answer a null rowCount.
function rowsAffected(bytes, sql) {
  const { rowCount, command } = parseResult(bytes, sql);
  if (rowCount === null && typeof command === "string" && !COUNTED.has(command)) return { rowsAffected: 0 };
  if (!Number.isSafeInteger(rowCount) || rowCount < 0) {
    throw invalidAnswer(`rowCount ${rowCount === undefined ? "missing" : `${shown(rowCount)} (not a count)`}`, sql);
  }
  return { rowsAffected: rowCount };
}

// A statement that builds its final JSON itself answers one row with one text cell.
function jsonCell(bytes, sql) {
  const { fields, rows } = parseResult(bytes, sql);
  if (fields.length !== 1 || rows.length > 1) {
    throw invalidAnswer(`${rows.length} rows of ${fields.length} fields where one JSON text was expected`, sql);
  }
  if (rows.length === 0) return "[]";
  if (typeof rows[0][0] !== "string") throw invalidAnswer(`a JSON cell that is ${shown(rows[0][0])}, not text`, sql);
  return rows[0][0];
}

/**
 * The payload of one statement's answer.
 * @param {{ sql: string, returns: string }} statement
 * @param {Uint8Array} bytes
 */
export function payload(statement, bytes) {
  switch (statement.returns) {
    case "json":
      return jsonCell(bytes, statement.sql);
    case "none":
      return rowsAffected(bytes, statement.sql);
    case "objects":
      return objects(bytes, statement.sql);
    default:
      return bytes;
  }
}
