/**
 * @module validate/refinements
 * The object a refinement callback receives: it records checks instead of running them, so
 * `(s) => s.email().max(320)` becomes `[{"check":"email"},{"check":"max","value":320}]` in
 * the validator spec (docs/internals.md §4) and the core runs them.
 */
import { SluiceError } from "../errors.js";

function number(check, n) {
  if (typeof n !== "number" || !Number.isFinite(n)) {
    throw new SluiceError("invalid_value", `${check}() needs a finite number`);
  }
  return n;
}

export class Refinement {
  constructor() {
    /** The recorded checks, in call order. */
    this.checks = [];
  }

  #add(check, value) {
    return this.#push(value === undefined ? { check } : { check, value });
  }

  #push(check) {
    this.checks.push(check);
    return this;
  }

  /** A valid email address. */
  email() {
    return this.#add("email");
  }

  /** An absolute URL. */
  url() {
    return this.#add("url");
  }

  /** A UUID. */
  uuid() {
    return this.#add("uuid");
  }

  /** At least n characters (strings) or at least n (numbers). */
  min(n) {
    return this.#add("min", number("min", n));
  }

  /** At most n characters (strings) or at most n (numbers). */
  max(n) {
    return this.#add("max", number("max", n));
  }

  /** Exactly n characters. */
  length(n) {
    return this.#add("length", number("length", n));
  }

  /**
   * Matches the pattern (ECMAScript syntax; flags i, m, s and u; g and y mean nothing for a
   * single test and are dropped).
   * @param {RegExp | string} pattern
   */
  regex(pattern) {
    if (typeof pattern === "string") return this.#push({ check: "regex", pattern });
    if (!(pattern instanceof RegExp)) throw new SluiceError("invalid_value", "regex() needs a RegExp or a string");
    const flags = pattern.flags.replace(/[gy]/g, "");
    return this.#push(flags ? { check: "regex", pattern: pattern.source, flags } : { check: "regex", pattern: pattern.source });
  }

  /** A whole number. */
  int() {
    return this.#add("int");
  }

  /** Greater than n. */
  gt(n) {
    return this.#add("gt", number("gt", n));
  }

  /** At least n. */
  gte(n) {
    return this.#add("gte", number("gte", n));
  }

  /** Less than n. */
  lt(n) {
    return this.#add("lt", number("lt", n));
  }

  /** At most n. */
  lte(n) {
    return this.#add("lte", number("lte", n));
  }
}

/**
 * Runs each refinement callback on a fresh recorder.
 * @param {Record<string, (s: Refinement) => Refinement>} refinements keyed by column key
 * @returns {Record<string, object[]>} the §4 `refine` object
 */
export function recordRefinements(refinements) {
  const out = {};
  for (const [key, refine] of Object.entries(refinements)) {
    if (typeof refine !== "function") {
      throw new SluiceError("invalid_value", `refinement "${key}" must be a callback like (s) => s.min(1)`, {
        path: [key],
      });
    }
    const recorder = new Refinement();
    const returned = refine(recorder);
    if (returned !== recorder) {
      throw new SluiceError("invalid_value", `refinement "${key}" must return the object it was given`, {
        path: [key],
      });
    }
    out[key] = recorder.checks;
  }
  return out;
}
