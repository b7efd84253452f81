// `npm run gateway`: the two lines it prints are the pair `sluice migrate` and a Neon client
// need, and `sluice migrate` given exactly those reaches the database.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../../", import.meta.url));

async function freePort() {
  const server = createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test("the gateway prints DATABASE_URL and NEON_HTTP_ENDPOINT, and migrate needs nothing else", { timeout: 120_000 }, async () => {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, "scripts/gateway.mjs"), "--port", String(port)], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise((resolve) => child.on("exit", resolve));
  const project = mkdtempSync(join(tmpdir(), "sluice-gateway-"));
  let stdout = "";
  try {
    await new Promise((resolve, reject) => {
      child.stdout.on("data", (d) => {
        stdout += d;
        if (/^NEON_HTTP_ENDPOINT=/m.test(stdout)) resolve();
      });
      exited.then((code) => reject(new Error(`gateway exited (${code}):\n${stdout}`)));
    });
    const [, databaseUrl] = /^DATABASE_URL=(postgres:\/\/\S+@localhost:\d+\/\S+)$/m.exec(stdout);
    const [, endpoint] = /^NEON_HTTP_ENDPOINT=(\S+)$/m.exec(stdout);
    assert.equal(endpoint, `http://127.0.0.1:${port}/sql`);

    writeFileSync(join(project, "sluice.config.json"), JSON.stringify({ schema: "./schema.js", out: "./migrations", dialect: "postgresql" }));
    const migrate = spawnSync(process.execPath, [join(root, "bin/sluice.js"), "migrate"], {
      cwd: project,
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: databaseUrl, NEON_HTTP_ENDPOINT: endpoint },
    });
    assert.equal(migrate.stderr, "");
    assert.equal(migrate.stdout, "No pending migrations.\n");
  } finally {
    child.kill("SIGINT");
    await exited;
    rmSync(project, { recursive: true, force: true });
  }
});
