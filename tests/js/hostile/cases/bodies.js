// Bodies that are not a JSON object the routes can read: malformed, truncated, nested
// 100 000 deep, over the size cap, in another encoding.
import { MAX_BODY_BYTES } from "../../../../worker/app/http.js";
import { rawJson } from "../request.js";
import { BODY_ROUTES, label } from "./endpoints.js";

const INVALID_JSON = "invalid JSON body";
const DEPTH = 100_000;

const MALFORMED = [
  ["an empty body", ""],
  ["only whitespace", " \n\t "],
  ["an unclosed object", "{"],
  ["a lone closing brace", "}"],
  ["a key without a value", '{"name"}'],
  ["a colon without a value", '{"name":}'],
  ["a trailing comma", '{"name":"x",}'],
  ["a leading comma", '{,"name":"x"}'],
  ["single quotes", "{'name':'x'}"],
  ["an unquoted key", '{name:"x"}'],
  ["a comment", '{"name":"x" /* c */}'],
  ["NaN", '{"authorId":NaN}'],
  ["Infinity", '{"authorId":Infinity}'],
  ["a leading zero", '{"authorId":01}'],
  ["a hex number", '{"authorId":0x10}'],
  ["a bare minus", '{"authorId":-}'],
  ["an exponent without digits", '{"authorId":1e}'],
  ["two objects", '{"name":"x"}{"name":"y"}'],
  ["text after the object", '{"name":"x"} trailing'],
  ["an invalid escape", String.raw`{"name":"\x41"}`],
  ["a short unicode escape", String.raw`{"name":"\u12"}`],
  ["a raw tab inside a string", '{"name":"a\tb"}'],
  ["a raw newline inside a string", '{"name":"a\nb"}'],
  ["a raw NUL inside a string", '{"name":"a\u0000b"}'],
  ["an unterminated string", '{"name":"x'],
  ["true spelled in capitals", '{"isActive":TRUE}'],
  ["undefined", '{"name":undefined}'],
  ["a JSONP wrapper", 'callback({"name":"x"})'],
  ["a form body", "name=x&email=y"],
];

const INVALID_UTF8 = [
  ["a surrogate's bytes sent raw", [0xed, 0xa0, 0x80]],
  ["a lone continuation byte", [0x80]],
  ["an overlong slash", [0xc0, 0xaf]],
  ["a 0xFF byte", [0xff]],
  ["a truncated 4-byte sequence", [0xf0, 0x9f, 0x98]],
  ["a code point above U+10FFFF", [0xf4, 0x90, 0x80, 0x80]],
];

function bytesInName(bytes) {
  return new Uint8Array([...Buffer.from('{"email":"u@example.com","name":"'), ...bytes, ...Buffer.from('"}')]);
}

const deepArrays = "[".repeat(DEPTH) + "]".repeat(DEPTH);
const deepObjects = '{"a":'.repeat(DEPTH) + "1" + "}".repeat(DEPTH);

const DEEP = [
  ["arrays nested 100 000 deep", deepArrays],
  ["objects nested 100 000 deep", deepObjects],
  ["a field value nested 100 000 deep", `{"name":${deepArrays}}`],
  ["100 000 opening brackets, never closed", "[".repeat(DEPTH)],
  ["objects nested 100 000 deep, never closed", '{"a":'.repeat(DEPTH)],
];

/** A stream of `total` bytes of JSON whitespace with no Content-Length. */
const streamOf = (total) => () =>
  new ReadableStream({
    start(controller) {
      const chunk = new Uint8Array(64 * 1024).fill(0x20);
      for (let sent = 0; sent < total; sent += chunk.byteLength) controller.enqueue(chunk);
      controller.close();
    },
  });

// Just over the cap, declared or streamed: the Worker answers without reading the rest, and
// workerd then resets the connection, so a client with megabytes still to send may see the
// reset instead of the answer (2 in 45 with a declared 4 MiB body).
// `{"name":"` and `"}` are 11 bytes: the first body is the cap plus one.
const OVERSIZED = [
  ["a body one byte over the cap", `{"name":"${"x".repeat(MAX_BODY_BYTES - 10)}"}`],
  ["a body 64 KiB over the cap, streamed without a Content-Length", streamOf(MAX_BODY_BYTES + 64 * 1024)],
];

const TOP_LEVEL = [
  ["null", "null"],
  ["true", "true"],
  ["a number", "42"],
  ["a string", '"name"'],
  ["an empty array", "[]"],
  ["an array of the valid object", null],
];

export function bodyCases() {
  const cases = [];
  for (const route of BODY_ROUTES) {
    const at = label(route);
    for (const [name, text] of MALFORMED) {
      cases.push({ name: `${at}: ${name}`, request: rawJson(route.path, text, route.method), status: 400, names: INVALID_JSON });
    }
    for (const [name, bytes] of INVALID_UTF8) {
      cases.push({ name: `${at}: ${name}`, request: rawJson(route.path, bytesInName(bytes), route.method), status: 400, names: INVALID_JSON });
    }
    for (const [name, text] of DEEP) {
      cases.push({ name: `${at}: ${name}`, request: rawJson(route.path, text, route.method), status: 400 });
    }
    for (const [name, body] of OVERSIZED) {
      cases.push({ name: `${at}: ${name}`, request: rawJson(route.path, body, route.method), status: 413, names: String(MAX_BODY_BYTES) });
    }
    for (const [name, text] of TOP_LEVEL) {
      const body = text ?? JSON.stringify([route.valid]);
      cases.push({ name: `${at}: a top-level ${name}`, request: rawJson(route.path, body, route.method), status: 400, names: "Expected object" });
    }
    const valid = JSON.stringify(route.valid);
    for (let cut = 1; cut < valid.length; cut += 7) {
      cases.push({ name: `${at}: the body truncated to ${cut} bytes`, request: rawJson(route.path, valid.slice(0, cut), route.method), status: 400, names: INVALID_JSON });
    }
  }
  return cases;
}
