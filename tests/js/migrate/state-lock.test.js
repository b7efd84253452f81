// The local D1 state folder's lock: taken, waited for, taken over from a dead process.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

import { CliError } from "../../../cli/errors.js";
import { lockStateFolder } from "../../../cli/state-lock.js";

function withFolder(body) {
  const folder = mkdtempSync(join(tmpdir(), "sluice-lock-"));
  return body(folder).finally(() => rmSync(folder, { recursive: true, force: true }));
}

test("a held lock makes the next taker wait until it is released", () =>
  withFolder(async (folder) => {
    const release = await lockStateFolder(folder, 1000);
    let second = false;
    const waiting = lockStateFolder(folder, 5000).then((releaseSecond) => {
      second = true;
      return releaseSecond;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(second, false);
    release();
    (await waiting)();
    assert.equal(existsSync(join(folder, "sluice.lock")), false);
  }));

test("a lock held past the wait is a CliError naming the holder", () =>
  withFolder(async (folder) => {
    const release = await lockStateFolder(folder, 1000);
    await assert.rejects(lockStateFolder(folder, 50), (error) => error instanceof CliError && error.message.includes(`pid ${process.pid}`));
    release();
  }));

test("a lock left by a process that has exited is taken over", () =>
  withFolder(async (folder) => {
    const exited = spawnSync(process.execPath, ["-e", ""]).pid;
    writeFileSync(join(folder, "sluice.lock"), String(exited));
    const release = await lockStateFolder(folder, 50);
    assert.equal(readFileSync(join(folder, "sluice.lock"), "utf8"), String(process.pid));
    release();
  }));
