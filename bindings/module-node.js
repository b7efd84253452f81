// Node, Deno and Bun: compile the module from the file next to this one.
import { readFileSync } from "node:fs";

export default new WebAssembly.Module(readFileSync(new URL("./sluice.wasm", import.meta.url)));
