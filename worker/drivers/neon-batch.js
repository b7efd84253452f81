/**
 * @module drivers/neon-batch
 * Splits a Neon batch body `{"results":[{...},{...}]}` into the bytes of each result without
 * parsing it: each slice is a single-query body the core decodes as it decodes `run`'s answer.
 * One pass over the bytes counting brackets outside strings; measured on Node 20 at about a
 * fifth of JSON.parse + JSON.stringify of each result (0.34 ms against 1.66 ms for 240 KB).
 * The core reading the i-th result itself would make the pass unnecessary.
 *
 * Results carry no statement text, only their command tag: a result whose tag is not its
 * statement's verb is an answer out of order (the core checks each result's width against
 * the plan; two results of one verb and width cannot be told apart).
 */
import { invalidAnswer } from "./invalid-answer.js";

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
// Results are the objects inside `{"results":[`, two levels down.
const RESULT_DEPTH = 2;

/**
 * The results of a batch body, in order, one per statement.
 * @param {Uint8Array} bytes
 * @param {{ sql: string }[]} statements
 * @param {string} sql the statements joined, for errors about the whole answer
 * @returns {Uint8Array[]} one view per result (no copies)
 */
export function splitResults(bytes, statements, sql) {
  const results = split(bytes);
  if (results === undefined) throw invalidAnswer("a batch body that is not one whole JSON object", sql);
  if (results.length !== statements.length) {
    throw invalidAnswer(`${results.length} results to a batch of ${statements.length} statements`, sql);
  }
  statements.forEach((statement, i) => {
    const verb = VERB.exec(statement.sql)?.[1].toUpperCase();
    const command = commandOf(results[i]);
    if (verb !== undefined && command !== verb) {
      throw invalidAnswer(`result ${i + 1} of the batch tagged ${command ?? "with no command"} for a ${verb}`, statement.sql);
    }
  });
  return results;
}

// The statements sluice writes start with their verb; others (a CTE, DDL) are not checked.
const VERB = /^\s*(select|insert|update|delete)\b/i;
const COMMAND_KEY = new TextEncoder().encode('"command":"');
const ascii = new TextDecoder();

// A result's top-level `"command":"TAG"`. Inside a JSON string every quote is escaped, so
// the key's bytes can only be the key itself; no other object of a result has that key.
function commandOf(result) {
  const at = indexOf(result, COMMAND_KEY);
  if (at === -1) return undefined;
  const start = at + COMMAND_KEY.length;
  const end = result.indexOf(QUOTE, start);
  return end === -1 ? undefined : ascii.decode(result.subarray(start, end));
}

function indexOf(bytes, needle) {
  const first = needle[0];
  for (let i = bytes.indexOf(first); i !== -1 && i + needle.length <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && bytes[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

// The result slices, or undefined when the body is not one object closed at its end (a body
// cut short, or bytes after it).
function split(bytes) {
  const results = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  let end = bytes.length;
  while (end > 0 && SPACE.has(bytes[end - 1])) end--;
  let first = 0;
  while (first < end && SPACE.has(bytes[first])) first++;
  if (bytes[first] !== OPEN_OBJECT || bytes[end - 1] !== CLOSE_OBJECT) return undefined;
  for (let i = first, n = end; i < n; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) {
      inString = true;
    } else if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
      if (depth === RESULT_DEPTH && b === OPEN_OBJECT) start = i;
      depth++;
    } else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) {
      depth--;
      if (depth === RESULT_DEPTH && start !== -1) {
        results.push(bytes.subarray(start, i + 1));
        start = -1;
      } else if (depth === 0 && i !== end - 1) {
        return undefined;
      }
    }
  }
  return depth === 0 && !inString ? results : undefined;
}
