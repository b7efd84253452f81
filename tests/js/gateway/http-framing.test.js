// HTTP/1.1 framing per RFC 9112 over a raw socket: a request framed two ways is refused and
// its connection closed (nothing after it is read as a request), a head that trickles in or
// a connection left quiet is closed, and connections beyond the cap are turned away.
import assert from "node:assert/strict";
import net from "node:net";
import { after, before, test } from "node:test";

import { startClusterWithGateway } from "../../../scripts/lib/gateway.mjs";
import { exchange } from "./raw-http.mjs";

const HEADER_TIMEOUT_MS = 800;
const IDLE_TIMEOUT_MS = 800;
const MAX_CONNECTIONS = 6;

let env;
let connectionString;

before(async () => {
  env = await startClusterWithGateway([
    "--threads", "2", "--pool-size", "2",
    "--header-timeout-ms", String(HEADER_TIMEOUT_MS),
    "--idle-timeout-ms", String(IDLE_TIMEOUT_MS),
    "--max-connections", String(MAX_CONNECTIONS),
  ]);
  const { user, password, database } = env.cluster;
  connectionString = `postgresql://${user}:${password}@ep-framing-000000.sluice.invalid/${database}`;
});

after(async () => {
  await env?.stop();
});

const body = JSON.stringify({ query: "SELECT 1 AS one" });
const head = (extra) => `POST /sql HTTP/1.1\r\nHost: x\r\nNeon-Connection-String: ${connectionString}\r\n${extra}\r\n`;
// A whole, valid request: if the gateway ever answers it, it read smuggled bytes as a request.
const smuggled = () => head(`Content-Length: ${body.length}\r\n`) + body;

async function assertRefusedAndClosed(request, status) {
  const { responses, closed } = await exchange(env.gateway.port, request);
  assert.equal(responses.length, 1, `one answer, not one for the bytes after it: ${JSON.stringify(responses)}`);
  assert.equal(responses[0].status, status);
  assert.equal(responses[0].headers.connection, "close");
  assert.ok(JSON.parse(responses[0].body).message);
  assert.equal(closed, true, "the connection is closed");
}

test("a valid request on the same socket is answered, and the connection kept", async () => {
  const { responses, closed } = await exchange(env.gateway.port, smuggled() + smuggled(), { waitMs: 300 });
  assert.deepEqual(responses.map((r) => r.status), [200, 200]);
  assert.equal(closed, false);
});

test("Content-Length with Transfer-Encoding: 400 and close (request smuggling shape)", async () => {
  const chunks = "0\r\n\r\n";
  const trailing = smuggled();
  await assertRefusedAndClosed(
    head(`Content-Length: ${chunks.length + trailing.length}\r\nTransfer-Encoding: chunked\r\n`) + chunks + trailing,
    400,
  );
  await assertRefusedAndClosed(head("Transfer-Encoding: chunked\r\nContent-Length: 5\r\n") + chunks + trailing, 400);
});

test("a Transfer-Encoding other than exactly chunked: 501 and close", async () => {
  for (const codings of [
    "Transfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n",
    "Transfer-Encoding: gzip, chunked\r\n",
    "Transfer-Encoding: identity\r\n",
    "Transfer-Encoding: chunked, chunked\r\n",
  ]) {
    await assertRefusedAndClosed(head(codings) + "0\r\n\r\n" + smuggled(), 501);
  }
});

test("differing Content-Length headers: 400 and close", async () => {
  await assertRefusedAndClosed(
    head(`Content-Length: ${body.length}\r\nContent-Length: ${body.length + 1}\r\n`) + body + " " + smuggled(),
    400,
  );
});

test("a head that trickles in is cut off at the header timeout with a 408", async () => {
  const bytes = [...head(`Content-Length: ${body.length}\r\n`)].slice(0, 40);
  const { responses, closed, elapsedMs } = await exchange(env.gateway.port, bytes, { pauseMs: 100, waitMs: 500 });
  assert.equal(closed, true);
  assert.equal(responses[0]?.status, 408);
  assert.ok(elapsedMs < HEADER_TIMEOUT_MS * 2.5, `closed after ${elapsedMs} ms`);
});

test("a quiet connection is closed at the idle timeout", async () => {
  const { closed, elapsedMs } = await exchange(env.gateway.port, [], { waitMs: IDLE_TIMEOUT_MS * 4 });
  assert.equal(closed, true);
  assert.ok(elapsedMs < IDLE_TIMEOUT_MS * 2.5, `closed after ${elapsedMs} ms`);
});

test("connections beyond the cap get 503 with Retry-After, and a freed place is taken again", async () => {
  const open = await Promise.all(
    Array.from({ length: MAX_CONNECTIONS }, () => new Promise((resolve, reject) => {
      const socket = net.connect(env.gateway.port, "127.0.0.1", () => resolve(socket));
      socket.on("error", reject);
    })),
  );
  try {
    // Accepted in the background: give the loops a moment to count them.
    await new Promise((r) => setTimeout(r, 100));
    const { responses, closed } = await exchange(env.gateway.port, smuggled());
    assert.equal(closed, true);
    assert.equal(responses[0].status, 503);
    assert.equal(responses[0].headers["retry-after"], "1");
  } finally {
    for (const socket of open) socket.destroy();
  }
  await new Promise((r) => setTimeout(r, 100));
  const { responses } = await exchange(env.gateway.port, smuggled(), { waitMs: 300 });
  assert.equal(responses[0].status, 200);
});

test("the idle timeout counts from the answer, not from the request a slow query answered", async () => {
  const slow = JSON.stringify({ query: `SELECT pg_sleep(${(IDLE_TIMEOUT_MS * 1.5) / 1000})` });
  const request = head(`Content-Length: ${slow.length}\r\n`) + slow;
  // Sent again after a sweep (every half timeout) has surely looked, and within the idle
  // timeout counted from the first answer.
  const socket = net.connect(env.gateway.port, "127.0.0.1");
  let received = "";
  let closed = false;
  socket.on("data", (d) => (received += d));
  socket.on("close", () => (closed = true));
  socket.on("error", () => {});
  await new Promise((resolve) => socket.on("connect", resolve));
  socket.write(request);
  while (!received.includes("\r\n\r\n") && !closed) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, IDLE_TIMEOUT_MS * 0.65));
  assert.equal(closed, false, "closed before the idle timeout had passed since the answer");
  socket.write(smuggled());
  await new Promise((r) => setTimeout(r, 400));
  socket.destroy();
  assert.equal(received.match(/HTTP\/1\.1 200/g)?.length, 2, received);
});
