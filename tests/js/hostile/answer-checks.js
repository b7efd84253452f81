// What every refusal must look like: a 4xx JSON body that names the problem, and nothing in
// it that tells an attacker how the server is built (SQL, engine names, file paths, stacks).
import assert from "node:assert/strict";

import { carriedStrings } from "./request.js";

const LEAKS = [
  /\b(?:select|insert\s+into|delete\s+from|update\s+\S+\s+set|returning|values\s*\()/i,
  /sqlite|postgres|pg_|libpq|SQLSTATE|D1_|syntax error|constraint/i,
  /\bat\s+\S+\s+\(|node_modules|\.(?:m?js|cpp|h|wasm):\d/i,
  /(?:^|[\s"'(])\/(?:work|tmp|home|usr|var|etc|root|src|worker|build)\//,
];

/** Every string in a parsed JSON body, keys included. */
function stringsOf(value, into = []) {
  if (typeof value === "string") into.push(value);
  else if (Array.isArray(value)) value.forEach((item) => stringsOf(item, into));
  else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      into.push(key);
      stringsOf(item, into);
    }
  }
  return into;
}

function messagesOf(body) {
  if (typeof body.error === "string") return [body.error];
  return [...(body.formErrors ?? []), ...Object.values(body.fieldErrors ?? {}).flat()];
}

/**
 * Checks one answer to a refused request against its case: the status (exact, or any 4xx),
 * a JSON body with at least one message, the field or text the case says it must name, and
 * no leak once the strings the request itself carried are taken out.
 */
export async function assertRefusal(res, c) {
  const text = await res.text();
  if (c.status) assert.equal(res.status, c.status, text.slice(0, 300));
  else assert.ok(res.status >= 400 && res.status < 500, `status ${res.status}: ${text.slice(0, 300)}`);
  assert.match(res.headers.get("content-type") ?? "", /^application\/json/);
  const body = JSON.parse(text);
  const messages = messagesOf(body);
  assert.ok(messages.length > 0 && messages.every((m) => typeof m === "string" && m.length > 0), text.slice(0, 300));
  if (c.field) assert.ok(Object.hasOwn(body.fieldErrors ?? {}, c.field), `names ${c.field}: ${text.slice(0, 300)}`);
  const answered = stringsOf(body);
  if (c.names) assert.ok(answered.some((s) => s.includes(c.names)), `names ${c.names}: ${text.slice(0, 300)}`);
  for (const leak of LEAKS) {
    // Echoes are only taken out of a string that looks like a leak: a request may carry
    // 40 000 of them.
    for (const suspect of answered.filter((s) => leak.test(s))) {
      assert.doesNotMatch(withoutEchoes(suspect, carriedStrings(c.request)), leak);
    }
  }
}

function withoutEchoes(text, echoes) {
  return echoes.reduce((rest, echo) => rest.split(echo).join(""), text);
}
