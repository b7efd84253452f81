/**
 * @module hono
 * `import { sluiceErrors } from "sluice/hono"`: an error handler for a Hono app
 * (`app.onError(sluiceErrors())`) that answers sluice's errors with the status their kind
 * means, so a bad id in a route is a 400, not a 500. It imports nothing from Hono: the core
 * library stays free of it, and the handler is a plain `(error, c) => Response`.
 *
 *   ValidationError, SluiceError "invalid_value"  400  zod's flatten() shape { formErrors, fieldErrors }
 *   DatabaseError unique_violation                 409  { error, field? }
 *   DatabaseError foreign_key_violation            422  { error, field? } (a row refers to one that does
 *                                                       not exist); 409 when a delete finds the row still referenced
 *   TransportError                                 503  { error }
 *   an error that carries its own response         that response (Hono's HTTPException)
 *   anything else                                  onUnexpected(error, c), by default logged and a 500 { error }
 */
import { DatabaseError, SluiceError, TransportError, ValidationError } from "./errors.js";

/**
 * @param {{ onUnexpected?: (error: unknown, c: unknown) => Response | Promise<Response> }} [options]
 * @returns {(error: Error, c: unknown) => Response | Promise<Response>}
 */
export function sluiceErrors({ onUnexpected = unexpected } = {}) {
  return (error, c) => {
    if (typeof error?.getResponse === "function") return error.getResponse();
    if (error instanceof ValidationError) return json(400, error.flatten());
    if (error instanceof DatabaseError) return databaseError(error) ?? onUnexpected(error, c);
    if (error instanceof TransportError) return json(503, { error: "the database cannot be reached" });
    if (error instanceof SluiceError && error.code === "invalid_value") return json(400, flattened(error));
    return onUnexpected(error, c);
  };
}

function databaseError(error) {
  const field = error.column === undefined ? undefined : { field: error.column };
  if (error.kind === "unique_violation") return json(409, { error: `${error.column ?? "value"} already exists`, ...field });
  if (error.kind !== "foreign_key_violation") return undefined;
  if (/^\s*delete\b/i.test(error.sql ?? "")) return json(409, { error: "the row is still referenced by other rows" });
  return json(422, { error: `${error.column ?? "a reference"} names a row that does not exist`, ...field });
}

/** An invalid value as a validator reports it: under its column's key when the error has a path. */
function flattened(error) {
  const key = error.path?.at(-1);
  return key === undefined ? { formErrors: [error.message], fieldErrors: {} } : { formErrors: [], fieldErrors: { [key]: [error.message] } };
}

function unexpected(error) {
  console.error(error);
  return json(500, { error: "internal error" });
}

function json(status, body) {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8" } });
}
