// The requests of the hostile suite as plain data, so a case table can be printed, and the
// strings a request carries are known (the Worker may quote them back in a message).
const JSON_TYPE = { "content-type": "application/json" };

/** A request whose body is sent as given: JSON text, raw bytes or a stream factory. */
export function rawJson(path, body, method = "POST", headers = JSON_TYPE) {
  return { method, path, headers, body };
}

/** A request whose body is `value` serialised by JSON.stringify. */
export function json(path, value, method = "POST") {
  return rawJson(path, JSON.stringify(value), method);
}

/** A request without a body. */
export function bare(method, path, headers = {}) {
  return { method, path, headers };
}

/** The init for fetch: a body factory is called now, so a stream is never sent twice. */
export function fetchInit({ method, headers, body }) {
  const sent = typeof body === "function" ? body() : body;
  const streamed = sent instanceof ReadableStream;
  return { method, headers, body: sent, ...(streamed ? { duplex: "half" } : {}) };
}

/**
 * Every string the request carries (path segments and query values decoded, JSON keys and
 * values of a body that parses): the only text a rejection may quote back.
 */
export function carriedStrings({ path, body }) {
  const strings = [];
  const url = new URL(path, "http://localhost");
  for (const segment of url.pathname.split("/")) strings.push(safeDecode(segment));
  for (const [key, value] of url.searchParams) strings.push(key, value);
  if (typeof body === "string") collect(tryParse(body), strings);
  return strings.filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
}

function safeDecode(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function tryParse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// Iterative: a hostile body may nest 100 000 levels.
function collect(root, into) {
  const pending = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === "string") into.push(value);
    else if (Array.isArray(value)) for (const item of value) pending.push(item);
    else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        into.push(key);
        pending.push(item);
      }
    }
  }
}
