/**
 * @module cli/state-lock
 * One sluice process at a time on a local D1's state folder. Two workerd instances opening the
 * same SQLite files at once fail to start (SQLITE_BUSY while the runtime boots), so the second
 * process waits here instead; a lock left by a process that died is taken over.
 */
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { CliError } from "./errors.js";

const LOCK_FILE = "sluice.lock";

/**
 * Waits until the folder's lock is free (at most waitMs) and takes it.
 * @returns {Promise<() => void>} releases the lock
 */
export async function lockStateFolder(folder, waitMs) {
  mkdirSync(folder, { recursive: true });
  const path = join(folder, LOCK_FILE);
  const mine = String(process.pid);
  const deadline = Date.now() + waitMs;
  for (let pause = 20; ; pause = Math.min(pause * 2, 500)) {
    try {
      writeFileSync(path, mine, { flag: "wx" });
      return () => releaseIfMine(path, mine);
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
    const holder = readHolder(path);
    if (holder !== undefined && !isAlive(holder)) {
      releaseIfMine(path, String(holder));
      continue;
    }
    if (Date.now() >= deadline)
      throw new CliError(`another sluice process (pid ${holder}) still holds ${path} after ${Math.round(waitMs / 1000)} s`);
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

function readHolder(path) {
  try {
    const pid = Number.parseInt(readFileSync(path, "utf8"), 10);
    return Number.isInteger(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

function releaseIfMine(path, owner) {
  if (readHolder(path) === Number(owner)) unlinkSync(path);
}
