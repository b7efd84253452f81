/**
 * @module drivers/neon-endpoint
 * Where Neon's HTTP SQL endpoint lives for a connection string, derived as Neon's own client
 * does: the host's first DNS label becomes `api` (`apiauth` with a JWT), the port is ignored,
 * the scheme is always https. A host without a dot is kept as it is.
 */
import { TransportError } from "../errors.js";

const FIRST_LABEL = /^[^.]+\./;

/**
 * @param {string} connectionString `postgres(ql)://user:password@host[:port]/database`
 * @param {{ jwt?: boolean }} [options] `jwt` when requests carry an `Authorization` token
 * @returns {string} the URL to POST queries to
 */
export function neonEndpoint(connectionString, { jwt = false } = {}) {
  let url;
  try {
    url = new URL(connectionString);
  } catch {
    throw new TransportError("neonHttp() needs a postgres:// connection string", { kind: "configuration" });
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new TransportError(`neonHttp() needs a postgres:// connection string, not ${url.protocol}//`, { kind: "configuration" });
  }
  if (url.hostname === "") throw new TransportError("the connection string names no host", { kind: "configuration" });
  const host = url.hostname.replace(FIRST_LABEL, jwt ? "apiauth." : "api.");
  return `https://${host}/sql`;
}
