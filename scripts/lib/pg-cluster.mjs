// A private PostgreSQL cluster for tests and benchmarks: a temporary directory, a free
// loopback port, password authentication (so a wrong password is really refused), and the
// `postgres` user when we are root, since Postgres refuses to run as root. stop() shuts it
// down and removes the directory; a process exit does the same as a last resort.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/** Where initdb, postgres, psql and pgbench live: $SLUICE_PG_BIN, else `pg_config --bindir`. */
export function postgresBinDir() {
  if (process.env.SLUICE_PG_BIN) return process.env.SLUICE_PG_BIN;
  try {
    return execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error("PostgreSQL not found: install postgresql and libpq-dev (scripts/bootstrap.sh), or set SLUICE_PG_BIN");
  }
}

/** A loopback port nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// Postgres refuses to run as root; as root, every server-side step runs as `postgres`.
function serverUser() {
  if (process.getuid?.() !== 0) return {};
  const id = (flag) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
}

/** Runs a command to completion; rejects with its output when it fails. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${path.basename(command)} failed (${code}):\n${output}`)),
    );
  });
}

/**
 * Starts a cluster with one superuser and one database, both named `sluice` unless told.
 * Resolves to { host, port, socketDir, user, password, database, url, binDir, stop() }:
 * `url` is a libpq URL for the loopback port; `socketDir` reaches it over a Unix socket.
 */
export async function startCluster({ user = "sluice", database = "sluice", settings = {} } = {}) {
  const binDir = postgresBinDir();
  const owner = serverUser();
  const dir = mkdtempSync(path.join(os.tmpdir(), "sluice-pg-"));
  let server = null;
  const cleanup = () => {
    if (server && server.exitCode === null) server.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  };
  process.on("exit", cleanup);

  try {
    const password = randomBytes(12).toString("hex");
    const pwfile = path.join(dir, "pwfile");
    writeFileSync(pwfile, password + "\n", { mode: 0o600 });
    if (owner.uid !== undefined) {
      chownSync(dir, owner.uid, owner.gid);
      chownSync(pwfile, owner.uid, owner.gid);
    }
    const data = path.join(dir, "data");
    await run(
      path.join(binDir, "initdb"),
      ["-D", data, "-U", user, `--pwfile=${pwfile}`, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync"],
      owner,
    );

    // A throwaway cluster: durability settings off, since nothing here must survive a crash.
    const config = {
      listen_addresses: "127.0.0.1",
      unix_socket_directories: dir,
      fsync: "off",
      synchronous_commit: "off",
      full_page_writes: "off",
      max_connections: "200",
      lc_messages: "C",
      ...settings,
    };
    let port = 0;
    let log = "";
    for (let attempt = 0; ; attempt++) {
      port = await freePort();
      const args = ["-D", data, "-p", String(port)];
      for (const [name, value] of Object.entries(config)) args.push("-c", `${name}=${value}`);
      server = spawn(path.join(binDir, "postgres"), args, { ...owner, stdio: ["ignore", "ignore", "pipe"] });
      log = "";
      const ready = await new Promise((resolve) => {
        // The log is drained for the server's whole life, so a full pipe never blocks it.
        server.stderr.on("data", (d) => {
          if (log.length < 65536) log += d;
          if (log.includes("ready to accept connections")) resolve(true);
        });
        server.on("exit", () => resolve(false));
      });
      if (ready) break;
      // Another process may have taken the port between freePort() and the bind: retry.
      if (attempt === 2 || !log.includes("could not bind")) throw new Error(`postgres did not start:\n${log}`);
    }

    const env = { ...process.env, PGPASSWORD: password };
    await run(
      path.join(binDir, "psql"),
      ["-X", "-q", "-h", dir, "-p", String(port), "-U", user, "-d", "postgres", "-c", `CREATE DATABASE "${database}"`],
      { env },
    );

    const stop = async () => {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once("exit", resolve));
        server.kill("SIGINT"); // fast shutdown: open sessions are ended
        const timer = setTimeout(() => server.kill("SIGKILL"), 10_000);
        await exited;
        clearTimeout(timer);
      }
      cleanup();
      process.off("exit", cleanup);
    };
    return {
      host: "127.0.0.1",
      port,
      socketDir: dir,
      user,
      password,
      database,
      url: `postgres://${user}:${password}@127.0.0.1:${port}/${database}`,
      binDir,
      stop,
    };
  } catch (error) {
    cleanup();
    process.off("exit", cleanup);
    throw error;
  }
}
