/**
 * @module runtime/core
 * The one core instance of this isolate. Catalogs, compiled plans and validators live in its
 * memory for the isolate's lifetime, so every cache keyed by their ids is per isolate too.
 */
import module from "#sluice-module";
import { Core } from "../../bindings/loader.js";

let core;

/** The shared Core, instantiated on first use (not at import, to keep cold start lean). */
export function sharedCore() {
  core ??= new Core(module);
  return core;
}
