// A fetch that forwards to a real Neon-compatible endpoint and injects one fault: the call
// itself replaced (a throw, a rejection, an odd response, a promise that never settles), a
// fixed HTTP answer, the real body's bytes altered, or the real 200 body reshaped (each result
// of a batch, or the batch's list). `fired()` says whether the fault changed anything.
export const UNCHANGED = Symbol("unchanged");

const text = new TextDecoder();
const utf8 = new TextEncoder();

/**
 * @param {{ call?: (go: () => Promise<Response>, init: object) => unknown,
 *   answer?: [number, string], bytes?: (body: Uint8Array) => Uint8Array | typeof UNCHANGED,
 *   result?: (result: object) => object | typeof UNCHANGED,
 *   list?: (results: object[]) => unknown } | undefined} fault
 */
export function faultyFetch(fault = {}) {
  let fired = false;
  const change = (value) => {
    if (value === UNCHANGED) return UNCHANGED;
    fired = true;
    return value;
  };

  const reshape = (body) => {
    if (fault.result === undefined && fault.list === undefined) return UNCHANGED;
    const json = JSON.parse(text.decode(body));
    if (Array.isArray(json.results)) {
      if (fault.list !== undefined) return change(fault.list(json.results));
      let changed = false;
      const results = json.results.map((r) => {
        const out = fault.result(r);
        if (out === UNCHANGED) return r;
        changed = true;
        return out;
      });
      return changed ? change({ ...json, results }) : UNCHANGED;
    }
    return fault.result === undefined ? UNCHANGED : change(fault.result(json));
  };

  const fetch = async (url, init) => {
    const go = () => globalThis.fetch(url, init);
    if (fault.call !== undefined) {
      fired = true;
      return fault.call(go, init);
    }
    if (fault.answer !== undefined) {
      fired = true;
      const [status, body] = fault.answer;
      return new Response(body === null ? null : body, { status });
    }
    const response = await go();
    if (response.status !== 200) return response;
    let body = new Uint8Array(await response.arrayBuffer());
    if (fault.bytes !== undefined) {
      const altered = change(fault.bytes(body));
      if (altered !== UNCHANGED) body = altered;
    } else {
      const reshaped = reshape(body);
      if (reshaped !== UNCHANGED) body = utf8.encode(JSON.stringify(reshaped));
    }
    return new Response(body, { status: 200 });
  };
  return { fetch, fired: () => fired };
}
