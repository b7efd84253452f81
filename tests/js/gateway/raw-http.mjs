// HTTP over a raw socket, for requests no HTTP client would send (NUL in a header, conflicting
// framing) and for watching whether the gateway closes the connection.
import net from "node:net";

/** Splits what the gateway sent into responses; every one of its answers has a Content-Length. */
export function parseResponses(text) {
  const responses = [];
  let rest = text;
  for (;;) {
    const end = rest.indexOf("\r\n\r\n");
    if (end < 0) break;
    const [statusLine, ...lines] = rest.slice(0, end).split("\r\n");
    const headers = Object.fromEntries(
      lines.map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]),
    );
    const length = Number(headers["content-length"] ?? 0);
    responses.push({ status: Number(statusLine.split(" ")[1]), headers, body: rest.slice(end + 4, end + 4 + length) });
    rest = rest.slice(end + 4 + length);
  }
  return responses;
}

/**
 * Opens a connection, writes each part of `parts` (strings or Buffers, `pauseMs` apart),
 * then reads until the gateway closes the connection or `waitMs` pass after the last part.
 * Resolves to { responses, closed, elapsedMs }.
 */
export function exchange(port, parts, { waitMs = 1500, pauseMs = 0 } = {}) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(port, "127.0.0.1");
    let received = "";
    let timer;
    const finish = (closed) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ responses: parseResponses(received), closed, elapsedMs: Date.now() - started });
    };
    socket.on("data", (d) => (received += d.toString("latin1")));
    socket.on("close", () => finish(true));
    socket.on("error", (error) => (error.code === "ECONNRESET" ? finish(true) : reject(error)));
    socket.on("connect", async () => {
      for (const [i, part] of (Array.isArray(parts) ? parts : [parts]).entries()) {
        if (i > 0 && pauseMs > 0) await new Promise((r) => setTimeout(r, pauseMs));
        if (socket.destroyed) return;
        socket.write(part);
      }
      timer = setTimeout(() => finish(false), waitMs);
    });
  });
}
