/**
 * @module runtime/params
 * Parameter encoding per dialect, chosen by the `type` the compiler gives each parameter
 * (docs/internals.md §2). Encoders are picked once per compiled statement shape; per call
 * only the values run through them.
 *
 * sqlite (D1): booleans as 1/0, timestamps as epoch milliseconds, dates as `YYYY-MM-DD`,
 * JSON as text, JS BigInt as decimal text (the binding rejects BigInt), numbers bound to text
 * columns as their text (D1 would store a bound 7 in a TEXT column as "7.0").
 * postgres (Neon HTTP): every non-null value as text, the way the server parses it.
 *
 * Both: no string and no JSON value holding U+0000 or an unpaired surrogate is sent (the
 * validator's rule, src/validate/unstorable_text.h): Postgres refuses both, D1 would keep the
 * first and store the second as bytes that read back as U+FFFD.
 */
import { describeColumn } from "../schema/column.js";
import { SluiceError } from "../errors.js";
import { TABLE } from "../schema/table-meta.js";

const INTEGER_TEXT = /^-?\d+$/;
const DATE_TEXT = /^\d{4}-\d{2}-\d{2}$/;
const UNSTORABLE_CHARACTER = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// JSON.stringify escapes U+0000 and unpaired surrogates (a pair it writes as it is); the match
// starts at a run of backslashes, so an escaped backslash followed by "u0000" stays text.
const UNSTORABLE_ESCAPE = /(?<!\\)(?:\\\\)*\\u(0000|d[89a-f][0-9a-f]{2})/;

function invalid(column, message) {
  if (column === undefined) return new SluiceError("invalid_value", `a parameter: ${message}`);
  const meta = column.table[TABLE];
  return new SluiceError("invalid_value", `${describeColumn(column)}: ${message}`, {
    path: [meta.key ?? meta.name, column.key],
  });
}

function unstorable(column, codePoint) {
  if (codePoint === 0) return invalid(column, "must not contain U+0000 (NUL)");
  const hex = codePoint.toString(16).toUpperCase();
  return invalid(column, `must not contain an unpaired surrogate (U+${hex})`);
}

function checkText(text, column) {
  if (text.includes("\0") || !text.isWellFormed()) {
    throw unstorable(column, text.match(UNSTORABLE_CHARACTER)[0].charCodeAt(0));
  }
}

function jsonText(value, column) {
  const text = JSON.stringify(value);
  if (typeof text === "string" && text.includes("\\u")) {
    const found = text.match(UNSTORABLE_ESCAPE);
    if (found) throw unstorable(column, Number.parseInt(found[1], 16));
  }
  return text;
}

function missing(column) {
  return invalid(column, "value is undefined (use null for SQL NULL)");
}

function epochMs(value, column) {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw invalid(column, "invalid Date");
    return ms;
  }
  if (typeof value === "string") {
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) throw invalid(column, `"${value}" is not a timestamp`);
    return ms;
  }
  if (typeof value === "number" && Number.isFinite(value)) return value;
  throw invalid(column, `expected a Date, an ISO-8601 string or epoch milliseconds, got ${typeof value}`);
}

function dateText(value, column) {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw invalid(column, "invalid Date");
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === "string" && DATE_TEXT.test(value)) return value;
  throw invalid(column, `expected a Date or a YYYY-MM-DD string`);
}

function integerValue(value, column) {
  if (typeof value === "number") {
    if (Number.isInteger(value)) return value;
    throw invalid(column, `${value} is not an integer`);
  }
  if (typeof value === "bigint") return String(value);
  if (typeof value === "string" && INTEGER_TEXT.test(value)) return value;
  throw invalid(column, `expected an integer, got ${typeof value}`);
}

function numberValue(value, column) {
  if (typeof value === "number" || typeof value === "string") return value;
  if (typeof value === "bigint") return String(value);
  throw invalid(column, `expected a number, got ${typeof value}`);
}

function booleanValue(value, column) {
  if (typeof value === "boolean") return value;
  if (value === 0 || value === 1) return value === 1;
  throw invalid(column, `expected a boolean, got ${typeof value}`);
}

function textValue(value, column) {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  throw invalid(column, `expected a string, got ${typeof value}`);
}

// Each encoder receives a value that is neither null nor undefined.
const sqlite = {
  integer: (v, c) => {
    const n = integerValue(v, c);
    return typeof n === "string" && Number.isSafeInteger(Number(n)) ? Number(n) : n;
  },
  bigint: integerValue,
  real: numberValue,
  numeric: numberValue,
  text: textValue,
  uuid: textValue,
  boolean: (v, c) => (booleanValue(v, c) ? 1 : 0),
  timestamp: epochMs,
  date: dateText,
  json: jsonText,
  any: (v) => {
    switch (typeof v) {
      case "boolean":
        return v ? 1 : 0;
      case "bigint":
        return String(v);
      case "object":
        if (v instanceof Date) return epochMs(v);
        if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer) return v;
        return jsonText(v);
      default:
        return v;
    }
  },
};

const postgres = {
  integer: (v, c) => String(integerValue(v, c)),
  bigint: (v, c) => String(integerValue(v, c)),
  real: (v, c) => String(numberValue(v, c)),
  numeric: (v, c) => String(numberValue(v, c)),
  text: textValue,
  uuid: textValue,
  boolean: (v, c) => (booleanValue(v, c) ? "true" : "false"),
  timestamp: (v, c) => (typeof v === "string" ? (epochMs(v, c), v) : new Date(epochMs(v, c)).toISOString()),
  date: dateText,
  json: jsonText,
  any: (v) => {
    if (typeof v === "string") return v;
    if (v instanceof Date) return new Date(epochMs(v)).toISOString();
    if (typeof v === "object") return jsonText(v);
    return String(v);
  },
};

const DIALECTS = { sqlite, postgres };

/**
 * The encoder for one parameter `type` in `dialect`: `(value, column?) => encoded`, where
 * `column` only names the culprit in errors. null stays null; undefined is an error; so is a
 * string holding U+0000 or an unpaired surrogate, whatever the type.
 * @param {"sqlite"|"postgres"} dialect
 * @param {string} type
 */
export function encoderFor(dialect, type) {
  const table = DIALECTS[dialect];
  if (table === undefined) throw new SluiceError("unsupported_feature", `unknown dialect "${dialect}"`);
  const encode = table[type] ?? table.any;
  return (value, column) => {
    if (value === null) return null;
    if (value === undefined) throw missing(column);
    if (typeof value === "string") checkText(value, column);
    return encode(value, column);
  };
}

// A list bound as one parameter (inArray): SQLite reads a JSON array with json_each, Postgres
// an array literal typed by the column it is compared with (`= any($1)`).
const quoteArrayItem = (item) => (item === null ? "NULL" : `"${item.replace(/[\\"]/g, "\\$&")}"`);
const LISTS = {
  sqlite: (items) => JSON.stringify(items),
  postgres: (items) => `{${items.map(quoteArrayItem).join(",")}}`,
};

/**
 * The encoder for a list of values bound as one parameter: each item through the encoder of
 * `type`, then the dialect's one array value.
 * @param {"sqlite"|"postgres"} dialect
 * @param {string} type the items' type
 */
export function listEncoderFor(dialect, type) {
  const item = encoderFor(dialect, type);
  const join = LISTS[dialect];
  return (values, column) => {
    if (!Array.isArray(values)) throw invalid(column, "expected an array of values");
    const items = new Array(values.length);
    for (let i = 0; i < values.length; i++) items[i] = item(values[i], column);
    return join(items);
  };
}

/**
 * Encodes one compiled statement's parameters from the caller's values.
 * @param {{ refs: number[], constants: unknown[], encoders: Function[] }} statement
 *   `refs[i]` indexes `values` or is -1 for the constant `constants[i]`
 * @param {unknown[]} values
 * @param {unknown[]} sources the column each value is compared with or stored in, if any
 */
export function encodeParams(statement, values, sources) {
  const { refs, constants, encoders } = statement;
  const out = new Array(refs.length);
  for (let i = 0; i < refs.length; i++) {
    const ref = refs[i];
    out[i] = ref < 0 ? encoders[i](constants[i]) : encoders[i](values[ref], sources[ref]);
  }
  return out;
}
