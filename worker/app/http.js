// Small HTTP helpers shared by the routes: JSON responses from bytes or objects, request
// bodies read with a size cap, and path/query parameter parsing that never throws.
export const MAX_BODY_BYTES = 1024 * 1024;
const JSON_HEADERS = { "content-type": "application/json; charset=utf-8" };
const encoder = new TextEncoder();

/** A response whose body is JSON text or bytes already serialised by the core. */
export function jsonBytes(bytes, status = 200) {
  return new Response(bytes, { status, headers: JSON_HEADERS });
}

export function jsonError(status, message, extra) {
  return jsonBytes(encoder.encode(JSON.stringify({ error: message, ...extra })), status);
}

/** The fieldErrors shape the validators use, for checks made outside a validator. */
export function fieldError(status, field, message) {
  return jsonBytes(
    encoder.encode(JSON.stringify({ formErrors: [], fieldErrors: { [field]: [message] } })),
    status,
  );
}

export class HttpError extends Error {
  constructor(response) {
    super(`HTTP ${response.status}`);
    this.response = response;
  }
}

/**
 * The request body as bytes, refusing anything but JSON and anything over MAX_BODY_BYTES
 * (checked on the declared length first, then while streaming, so a lying or absent
 * Content-Length cannot make the Worker buffer more than the cap).
 */
export async function readJsonBody(request) {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
    throw new HttpError(jsonError(415, "content-type must be application/json"));
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw new HttpError(tooLarge());
  if (!request.body) return new Uint8Array(0);
  const chunks = [];
  let total = 0;
  for await (const chunk of request.body) {
    total += chunk.byteLength;
    if (total > MAX_BODY_BYTES) throw new HttpError(tooLarge());
    chunks.push(chunk);
  }
  if (chunks.length === 1) return chunks[0];
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function tooLarge() {
  return jsonError(413, `body exceeds ${MAX_BODY_BYTES} bytes`);
}

const MAX_INT32 = 2147483647;

/** A positive 32-bit id from a path segment, or null. */
export function parseId(text) {
  if (!/^[1-9][0-9]{0,9}$/.test(text)) return null;
  const id = Number(text);
  return id <= MAX_INT32 ? id : null;
}

/** An integer query parameter within [min, max], its default when absent, or null. */
export function parseIntParam(text, { min, max, fallback }) {
  if (text === undefined) return fallback;
  if (!/^-?[0-9]{1,10}$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

/** `[{...}]` -> `{...}`: a one-row `returning()` body without parsing it. */
export function onlyRow(bytes) {
  return bytes.subarray(1, bytes.byteLength - 1);
}
