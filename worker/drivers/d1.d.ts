// `sluice/d1`: the Cloudflare D1 driver. The binding's type is declared here, reduced to what a
// driver needs, so the package does not depend on @cloudflare/workers-types; a real `env.DB`
// binding satisfies it.
import type { Driver } from "../index.js";

export interface D1Result {
  results: unknown[];
  meta: { changes: number };
}

export interface D1PreparedStatement {
  bind(...values: unknown[]): D1PreparedStatement;
  /** Rows as arrays of cells. */
  raw(): Promise<unknown[][]>;
  run(): Promise<D1Result>;
  all(): Promise<D1Result>;
}

export interface D1Database {
  prepare(query: string): D1PreparedStatement;
  /** Runs the statements in one implicit transaction. */
  batch(statements: D1PreparedStatement[]): Promise<D1Result[]>;
}

/** Bounds on every call of the driver. */
export interface D1Options {
  /** Rejects a call with a TransportError (kind "timeout") after this many milliseconds. */
  timeoutMs?: number;
  /**
   * Rejects calls with a TransportError (kind "aborted") once it fires; D1 cannot cancel a
   * statement already sent, its answer is no longer awaited.
   */
  signal?: AbortSignal;
}

export declare function d1(binding: D1Database, options?: D1Options): Driver;
