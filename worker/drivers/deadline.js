/**
 * @module drivers/deadline
 * Bounds a driver call by a timeout and by the caller's AbortSignals. The call gets a signal
 * of its own (fetch cancels the request with it), and the answer is raced against both, so a
 * call that ignores its signal (a D1 binding, a stalled body) still ends on time. With no
 * timeout and no signal the call runs as it is: no timer, no listener, no extra promise.
 */
import { TransportError } from "../errors.js";

// setTimeout fires at once for delays past a signed 32-bit count of milliseconds.
const LONGEST_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * Checks a `timeoutMs` option: undefined, or a whole number of milliseconds from 1 to 2^31 - 1.
 * @param {unknown} ms
 * @returns {string | undefined} what is wrong with it
 */
export function timeoutProblem(ms) {
  if (ms === undefined) return undefined;
  if (!Number.isInteger(ms) || ms < 1 || ms > LONGEST_TIMEOUT_MS) {
    return `timeoutMs must be a whole number of milliseconds from 1 to ${LONGEST_TIMEOUT_MS}, got ${describe(ms)}`;
  }
  return undefined;
}

/**
 * Checks `{ timeoutMs, signal }` options.
 * @param {{ timeoutMs?: unknown, signal?: unknown } | undefined} options
 * @returns {string | undefined} what is wrong with them
 */
export function limitsProblem(options) {
  const problem = timeoutProblem(options?.timeoutMs);
  if (problem !== undefined) return problem;
  if (options?.signal !== undefined && !isSignal(options.signal)) return "signal must be an AbortSignal";
  return undefined;
}

// Whether `signal` can be listened to as an AbortSignal (any realm's).
function isSignal(signal) {
  return typeof signal?.aborted === "boolean" && typeof signal.addEventListener === "function";
}

/**
 * A driver's own bounds from its options, checked.
 * @param {{ timeoutMs?: number, signal?: AbortSignal } | undefined} options
 * @param {string} where names the driver in errors, e.g. `d1()`
 * @returns {{ timeoutMs: number | undefined, signal: AbortSignal | undefined }}
 */
export function driverLimits(options, where) {
  const problem = limitsProblem(options);
  if (problem !== undefined) throw new TransportError(`${where}: ${problem}`, { kind: "configuration" });
  return { timeoutMs: options?.timeoutMs, signal: options?.signal };
}

const describe = (value) => (typeof value === "number" ? String(value) : typeof value);

/**
 * The limits of one call: the call's own, else the driver's.
 * @param {{ timeoutMs?: number, signal?: AbortSignal }} driver
 * @param {{ timeoutMs?: number, signal?: AbortSignal } | undefined} call
 */
export function limitsOf(driver, call) {
  if (call === undefined && driver.timeoutMs === undefined && driver.signal === undefined) return undefined;
  const timeoutMs = call?.timeoutMs ?? driver.timeoutMs;
  const signals = [driver.signal, call?.signal].filter((s) => s !== undefined);
  return timeoutMs === undefined && signals.length === 0 ? undefined : { timeoutMs, signals };
}

/**
 * Runs `start(signal)` within `limits`.
 * @template T
 * @param {(signal: AbortSignal | undefined) => Promise<T>} start
 * @param {{ timeoutMs?: number, signals: AbortSignal[] } | undefined} limits from limitsOf
 * @param {string} sql names the statement in the errors
 * @returns {Promise<T>}
 */
export function within(start, limits, sql) {
  if (limits === undefined) return start(undefined);
  const fired = limits.signals.find((s) => s.aborted);
  if (fired !== undefined) return Promise.reject(aborted(fired.reason, sql, false));
  const controller = new AbortController();
  return new Promise((resolve, reject) => {
    let timer;
    const listeners = [];
    const settle = (finish, value) => {
      clearTimeout(timer);
      for (const [signal, listener] of listeners) signal.removeEventListener("abort", listener);
      finish(value);
    };
    // The call is given up: a fetch still running is cancelled.
    const giveUp = (error) => {
      settle(reject, error);
      controller.abort(error);
    };
    for (const signal of limits.signals) {
      const listener = () => giveUp(aborted(signal.reason, sql, "unknown"));
      signal.addEventListener("abort", listener);
      listeners.push([signal, listener]);
    }
    if (limits.timeoutMs !== undefined) {
      const ms = limits.timeoutMs;
      timer = setTimeout(() => giveUp(new TransportError(`no answer within ${ms} ms`, { kind: "timeout", committed: "unknown", sql })), ms);
    }
    start(controller.signal).then(
      (value) => settle(resolve, value),
      (error) => settle(reject, error),
    );
  });
}

function aborted(reason, sql, committed) {
  const why = reason instanceof Error ? reason.message : reason === undefined ? "no reason given" : String(reason);
  return new TransportError(`aborted by the caller's signal: ${why}`, { kind: "aborted", committed, sql, cause: reason });
}
