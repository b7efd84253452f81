/**
 * `app.onError(sluiceErrors())`: sluice's errors answered with the status their kind means
 * (400 invalid input, 409 unique, 422 or 409 foreign key, 503 unreachable database), anything
 * else handed to `onUnexpected` (by default logged, and a 500). Typed without Hono, so that it
 * fits any Hono version's `onError`.
 */
export interface SluiceErrorsOptions {
  /** What an error that is not sluice's becomes; by default it is logged and answered with a 500. */
  onUnexpected?: (error: unknown, c: unknown) => Response | Promise<Response>;
}

export declare function sluiceErrors(options?: SluiceErrorsOptions): (error: Error, c: unknown) => Response | Promise<Response>;
