// A fetch for Neon's HTTP SQL endpoint that replays answers recorded from a real one
// (sluice-gateway in front of a private PostgreSQL). Both libraries get the same kind of
// answer: a Response-shaped object over the recorded bytes, whose json()/text()/arrayBuffer()
// do what a runtime's Response does with a body already in memory (decode and parse, or
// copy), so each pays the deserialisation it would pay in a Worker and nothing else.

const decoder = new TextDecoder();

// Requests are told apart by their body (SQL and bound values), except timestamps: a write's
// $onUpdate/$defaultFn value differs at every execution and must not defeat the replay.
const ISO_TIMESTAMP = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}(?::?\d{2})?)?/g;

function requestKey(init) {
  if (typeof init?.body !== "string") throw new Error("a Neon request body is JSON text");
  return init.body.replace(ISO_TIMESTAMP, "<time>");
}

/** Forwards every request to `endpoint` and keeps each answer's status and bytes by key. */
export function recordingFetch(endpoint, recordings = new Map()) {
  const fetchAndRecord = async (_input, init) => {
    const response = await fetch(endpoint, init);
    const bytes = new Uint8Array(await response.arrayBuffer());
    recordings.set(requestKey(init), { status: response.status, bytes });
    return new RecordedResponse(response.status, bytes);
  };
  fetchAndRecord.recordings = recordings;
  return fetchAndRecord;
}

class RecordedResponse {
  #bytes;

  constructor(status, bytes) {
    this.status = status;
    this.ok = status >= 200 && status < 300;
    this.#bytes = bytes;
  }

  async arrayBuffer() {
    return this.#bytes.slice().buffer;
  }

  async text() {
    return decoder.decode(this.#bytes);
  }

  async json() {
    return JSON.parse(decoder.decode(this.#bytes));
  }
}

/** A fetch that answers from recordings only; an unrecorded request is a bench bug. */
export function replayFetch(recordings) {
  return async (_input, init) => {
    const key = requestKey(init);
    const answer = recordings.get(key);
    if (answer === undefined) throw new Error(`no recorded Neon answer for: ${key.slice(0, 300)}`);
    return new RecordedResponse(answer.status, answer.bytes);
  };
}
