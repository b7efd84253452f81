// `sluice/neon-http`: the Neon HTTP SQL driver. It needs only `fetch`, so it runs wherever the
// Worker runs; a local sluice-gateway (or any Neon-compatible endpoint) is reached through
// `endpoint`.
import type { Driver } from "../index.js";

export interface NeonHttpOptions {
  /** `postgres://user:password@host/database`; the endpoint is derived from its host. */
  connectionString: string;
  /** The URL to POST queries to, instead of `https://api.<region host>/sql`. */
  endpoint?: string;
  /** Replaces the global `fetch` (tests, proxies, retries); typed as little as the driver uses. */
  fetch?: (
    input: string,
    init: { method: "POST"; headers: Record<string, string>; body: string; signal?: AbortSignal },
  ) => Promise<{ status: number; arrayBuffer(): Promise<ArrayBuffer> }>;
  /** Sent as `Authorization: Bearer <token>` (Neon's JWT authorization); read at every request. */
  authToken?: string | (() => string | Promise<string>);
  /** Rejects a request with a TransportError (kind "timeout") after this many milliseconds, and cancels it. */
  timeoutMs?: number;
  /** Passed to `fetch`: cancels requests once it fires (a TransportError of kind "aborted"). */
  signal?: AbortSignal;
}

export declare function neonHttp(options: NeonHttpOptions): Driver;
