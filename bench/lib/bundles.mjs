// Bundles each reference Worker exactly as `wrangler deploy` would (dry run, minified) and
// prints raw and gzip sizes of its JavaScript and WebAssembly.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const root = new URL("../../", import.meta.url).pathname;
const wrangler = join(root, "node_modules/wrangler/bin/wrangler.js");

function bundle(config) {
  const outdir = mkdtempSync(join(tmpdir(), "sluice-bundle-"));
  try {
    execFileSync(process.execPath, [wrangler, "deploy", "--dry-run", "--minify", "--config", config, "--outdir", outdir], {
      cwd: root,
      stdio: "pipe",
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" },
    });
    const sizes = { js: [0, 0], wasm: [0, 0] };
    for (const file of readdirSync(outdir)) {
      const kind = file.endsWith(".wasm") ? "wasm" : file.endsWith(".js") ? "js" : null;
      if (!kind) continue;
      const bytes = readFileSync(join(outdir, file));
      sizes[kind][0] += bytes.byteLength;
      sizes[kind][1] += gzipSync(bytes, { level: 9 }).byteLength;
    }
    return sizes;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const kib = (n) => (n / 1024).toFixed(1);

export async function measureBundles() {
  const rows = [
    ["sluice (Hono + sluice JS + WASM core)", bundle("wrangler.toml")],
    ["drizzle (Hono + drizzle-orm/d1 + drizzle-zod + zod)", bundle("bench/drizzle/wrangler.toml")],
  ];
  console.log("| worker | JS raw | JS gzip | WASM raw | WASM gzip | total gzip |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const [name, { js, wasm }] of rows) {
    console.log(`| ${name} | ${kib(js[0])} | ${kib(js[1])} | ${kib(wasm[0])} | ${kib(wasm[1])} | ${kib(js[1] + wasm[1])} |`);
  }
  const [sluice, drizzle] = rows.map(([, s]) => s.js[1] + s.wasm[1]);
  console.log(`\nsluice / drizzle total gzip: ${(sluice / drizzle).toFixed(2)}`);
}
