// The TypeScript declarations, checked by the compiler: tests/types/example.ts pins inferred row
// types and marks the calls that must not compile, so a clean `tsc` run is the whole assertion.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { test } from "node:test";

const root = fileURLToPath(new URL("../..", import.meta.url));

test("tsc accepts the typed example and rejects every @ts-expect-error line", () => {
  const result = spawnSync("node_modules/.bin/tsc", ["-p", "tests/types", "--noEmit"], {
    cwd: root,
    encoding: "utf8",
    timeout: 120_000,
  });
  assert.equal(result.error, undefined, `tsc did not run: ${result.error?.message}`);
  assert.equal(`${result.stdout}${result.stderr}`, "");
  assert.equal(result.status, 0);
});
