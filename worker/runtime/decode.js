/**
 * @module runtime/decode
 * Turns what a driver returned into the caller's result: the final JSON text the database
 * built (SQLite reads), the final JSON objects of its returned rows joined into an array
 * (SQLite writes), or one `sluice_decode` per payload; then either the JSON bytes as they
 * are, or one JSON.parse (with Date revival). SQLite's final JSON of a plan with reals
 * carries them in an exact form of its own, which one `sluice_decode` turns into JS's.
 */
import { INPUT_FINAL_JSON, STATUS_OK } from "../../bindings/loader.js";
import { coreError } from "../errors.js";
import { sharedCore } from "./core.js";
import { parseWithDates } from "./parse-with-dates.js";
import { checkFinalText, checkFinalValue } from "./result-shape.js";

const encoder = new TextEncoder();

function decodeOne(entry, format, payload, asBytes) {
  const answer = sharedCore().decode(entry.plan, format, payload, asBytes);
  if (answer.status !== STATUS_OK) throw coreError(answer.text);
  return asBytes ? answer.bytes : answer.text;
}

/**
 * The result of one compiled entry from its statements' payloads (several only for a
 * multi-row insert split at the driver's parameter limit: their rows are concatenated).
 * @param {import("./compile-cache.js").CompiledEntry} entry
 * @param {0|1} format the driver's decode input format
 * @param {unknown[]} payloads one per statement
 * @param {boolean} asBytes
 */
export function finish(entry, format, payloads, asBytes) {
  if (entry.result === "none") {
    let rowsAffected = 0;
    for (const p of payloads) rowsAffected += p.rowsAffected;
    return asBytes ? encoder.encode(`{"rowsAffected":${rowsAffected}}`) : { rowsAffected };
  }
  if (entry.finalJson || entry.jsonRows) {
    const text = entry.finalJson ? payloads[0] : joinObjects(payloads);
    const rowCount = entry.finalJson ? undefined : cellCount(payloads);
    if (entry.respell) {
      const out = decodeOne(entry, INPUT_FINAL_JSON, text, asBytes);
      return asBytes ? out : parseFinal(entry, out, rowCount);
    }
    if (!asBytes) return parseFinal(entry, text, rowCount);
    // The database built this text: it goes out as the response body only once it reads.
    checkFinalText(entry, text, rowCount);
    return encoder.encode(text);
  }
  if (payloads.length === 1) {
    const out = decodeOne(entry, format, payloads[0], asBytes);
    return asBytes ? out : parse(entry, out);
  }
  if (asBytes) return joinArrays(payloads.map((p) => decodeOne(entry, format, p, true)));
  const rows = [];
  for (const p of payloads) {
    const text = decodeOne(entry, format, p, false);
    rows.push(...parseWithDates(text, entry.dateKeys));
  }
  return rows;
}

function parse(entry, text) {
  const value = parseWithDates(text, entry.dateKeys);
  return value === null && entry.result === "first" ? undefined : value;
}

// The database's own final JSON, parsed for the caller: its shape is checked on the way.
function parseFinal(entry, text, rowCount) {
  const value = parseWithDates(text, entry.dateKeys);
  checkFinalValue(entry, value, rowCount);
  return value === null && entry.result === "first" ? undefined : value;
}

function cellCount(payloads) {
  let count = 0;
  for (const p of payloads) count += p.length;
  return count;
}

// One JSON array of every statement's row objects, in order: `[` + texts joined by `,` + `]`.
function joinObjects(payloads) {
  if (payloads.length === 1) return `[${payloads[0].join(",")}]`;
  return `[${payloads.flat().join(",")}]`;
}

// Concatenates JSON array texts (`[a,b]` + `[]` + `[c]` → `[a,b,c]`) without parsing them.
function joinArrays(parts) {
  const inner = parts.filter((p) => p.length > 2);
  let size = 2 + Math.max(inner.length - 1, 0);
  for (const p of inner) size += p.length - 2;
  const out = new Uint8Array(size);
  out[0] = 0x5b;
  let at = 1;
  inner.forEach((p, i) => {
    if (i) out[at++] = 0x2c;
    out.set(p.subarray(1, p.length - 1), at);
    at += p.length - 2;
  });
  out[at] = 0x5d;
  return out;
}

/** Raw statements: rows as objects (already objects from the driver). */
export function finishRaw(payload, asBytes) {
  return asBytes ? encoder.encode(JSON.stringify(payload)) : payload;
}
