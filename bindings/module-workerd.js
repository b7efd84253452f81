// Workers forbid compiling WebAssembly at run time; wrangler hands us the module precompiled.
import module from "./sluice.wasm";

export default module;
