/**
 * @module cli/d1-http-target
 * Migrations on a D1 database over its REST API (d1-http.js): the binding's target (ledger row
 * and statements in ONE `{"batch": [...]}` request, rehearsals that end in a failing statement),
 * reporting what D1 refused by its v4 error codes and messages.
 */
import { D1HttpError } from "./d1-http.js";
import { d1Target } from "./d1-target.js";

/**
 * @param {ReturnType<typeof import("./d1-http.js").d1Http>} client
 * @returns {import("./migrate.js").MigrationTarget}
 */
export function d1HttpTarget(client) {
  return {
    ...d1Target(client),
    describeError: (error) => (error instanceof D1HttpError ? error.describe() : error.message),
  };
}
