// Starts the sluice-gateway binary (src/gateway/) in front of a cluster from pg-cluster.mjs.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { startCluster } from "./pg-cluster.mjs";

/** The binary scripts/build.sh builds; $SLUICE_GATEWAY_BIN points elsewhere. */
export const GATEWAY_BINARY =
  process.env.SLUICE_GATEWAY_BIN ??
  fileURLToPath(new URL("../../build/native/src/gateway/sluice-gateway", import.meta.url));

/**
 * Starts the gateway on a free loopback port (unless `extraArgs` names one), every connection
 * pointed at `cluster` over its Unix socket. Resolves to { port, endpoint, exited, stop() }:
 * `endpoint` is the URL of POST /sql, `exited` settles when the process ends. With
 * `inheritStderr` the gateway's log goes to ours as well; `env` adds variables to the
 * gateway's environment.
 */
export async function startGateway(cluster, extraArgs = [], { inheritStderr = false, env = {} } = {}) {
  if (!existsSync(GATEWAY_BINARY)) {
    throw new Error(`${GATEWAY_BINARY} is missing: run scripts/build.sh (or set SLUICE_GATEWAY_BIN)`);
  }
  const args = ["--port", "0", "--pg-host", cluster.socketDir, "--pg-port", String(cluster.port), ...extraArgs];
  const child = spawn(GATEWAY_BINARY, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
  let stderr = "";
  child.stderr.on("data", (d) => {
    if (stderr.length < 65536) stderr += d;
    if (inheritStderr) process.stderr.write(d);
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const port = await new Promise((resolve, reject) => {
    let stdout = "";
    child.stdout.on("data", (d) => {
      stdout += d;
      const match = /listening on http:\/\/[^\s]+:(\d+)/.exec(stdout);
      if (match) resolve(Number(match[1]));
    });
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`sluice-gateway exited (${code}):\n${stderr}`)));
  });

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return { port, endpoint: `http://127.0.0.1:${port}/sql`, exited, stop, stderr: () => stderr };
}

/**
 * A private cluster (pg-cluster.mjs) with a gateway in front of it; if the gateway fails to
 * start, the cluster is stopped before the error propagates. Resolves to { cluster, gateway,
 * stop() }, `stop` ending both.
 */
export async function startClusterWithGateway(extraArgs = [], options = {}) {
  const cluster = await startCluster();
  try {
    const gateway = await startGateway(cluster, extraArgs, options);
    const stop = async () => {
      await gateway.stop();
      await cluster.stop();
    };
    return { cluster, gateway, stop };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}
