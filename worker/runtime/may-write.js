/**
 * @module runtime/may-write
 * Whether a statement shape may write, read from its spec text: errors say whether a write
 * was committed, and a statement that writes nothing never committed one. Reads are specs
 * whose kind reads and that hold no write anywhere (a CTE may write); any other kind, raw
 * statements included, may write.
 */
const READ_KIND = /^\{"schema":\d+,"dialect":"\w+","kind":"(?:select|count|findMany|findFirst)"/;
const WRITE_KIND = /"kind":"(?:insert|update|delete|execute)"/;

/** @param {string} specText */
export function mayWrite(specText) {
  return !READ_KIND.test(specText) || WRITE_KIND.test(specText);
}
