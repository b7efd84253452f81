// A real `wrangler dev` for a test: started in a project folder on a free loopback port, given
// to `body` as its base URL once it is ready, and stopped (with the workerd it started) after.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const WRANGLER = join(fileURLToPath(new URL("../../../", import.meta.url)), "node_modules/wrangler/bin/wrangler.js");
export const WRANGLER_ENV = { ...process.env, CI: "1", WRANGLER_SEND_METRICS: "false" };

/**
 * @template T
 * @param {string} root the project folder (its wrangler config)
 * @param {string[]} args more `wrangler dev` arguments
 * @param {(base: string) => Promise<T>} body
 * @returns {Promise<T>}
 */
export async function withWranglerDev(root, args, body) {
  const port = await freePort();
  const dev = spawn(process.execPath, [WRANGLER, "dev", "--ip", "127.0.0.1", "--port", String(port), ...args], {
    cwd: root,
    env: WRANGLER_ENV,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const exited = new Promise((resolve) => dev.once("exit", resolve));
  let output = "";
  try {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`wrangler dev did not start in 60 s:\n${output}`)), 60_000);
      const seen = (chunk) => {
        output += chunk;
        if (/Ready on http/.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      dev.stdout.on("data", seen);
      dev.stderr.on("data", seen);
      exited.then((code) => reject(new Error(`wrangler dev exited (${code}):\n${output}`)));
    });
    return await body(`http://127.0.0.1:${port}`);
  } finally {
    process.kill(-dev.pid, "SIGTERM");
    await exited;
  }
}

export async function freePort() {
  const server = createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}
