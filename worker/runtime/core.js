/**
 * @module runtime/core
 * The one core instance of this isolate. Catalogs, compiled plans and validators live in its
 * memory for the isolate's lifetime, so every cache keyed by their ids is per isolate too.
 */
import module from "#sluice-module";
import { Core } from "../../bindings/loader.js";

let core;
let chosen = module;

/**
 * Makes the shared Core use a larger build of the same module (the CLI's, which also plans
 * migrations). Only possible before the Core's first use.
 * @param {WebAssembly.Module} larger
 */
export function preferModule(larger) {
  if (core !== undefined && chosen !== larger) throw new Error("the sluice core already runs another module");
  chosen = larger;
}

/** The shared Core, instantiated on first use (not at import, to keep cold start lean). */
export function sharedCore() {
  core ??= new Core(chosen);
  return core;
}
