/**
 * @module runtime/answer-error
 * A driver's payload that cannot be made into the caller's result (the core's decoder
 * refusing it, a final JSON text that is not JSON or not the result's shape) is the answer's
 * fault, not the caller's: a TransportError of kind "invalid_answer" naming the statements.
 * The database did answer, so a statement that writes has committed its write.
 */
import { TransportError } from "../errors.js";
import { invalidAnswer } from "../drivers/invalid-answer.js";

/**
 * @param {unknown} error what turning the payloads into a result threw
 * @param {{ sql: string }[]} statements whose payloads they were
 * @param {{ writes: boolean }[]} entries every compiled shape of the call (a batch has several)
 */
export function answerError(error, statements, entries) {
  if (error instanceof TransportError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  const wrapped = invalidAnswer(`a result that does not read (${reason})`, statements.map((s) => s.sql).join(";\n"), error);
  wrapped.committed = entries.some((e) => e.writes);
  return wrapped;
}
