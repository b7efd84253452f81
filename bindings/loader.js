// Instantiates the sluice core and wraps its C ABI: every call copies bytes into the input
// buffer, runs, copies the response out and releases it, whatever happens.
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const STATUS_OK = 0;
export const STATUS_ERROR = 1;
export const STATUS_INVALID = 2;

export const INPUT_ROWS = 0;
export const INPUT_NEON = 1;
export const INPUT_FINAL_JSON = 2;

// The module is standalone (no Emscripten glue). Its imports are process hooks: an empty
// environment (simdjson asks for an optional override variable) and stubs for calls a core
// without I/O never makes.
function wasiImports(module, memory) {
  const noEnvironment = (countPtr, sizePtr) => {
    const view = new DataView(memory().buffer);
    view.setUint32(countPtr, 0, true);
    view.setUint32(sizePtr, 0, true);
    return 0;
  };
  const known = {
    emscripten_notify_memory_growth: () => {},
    environ_sizes_get: noEnvironment,
    environ_get: () => 0,
  };
  const imports = {};
  for (const { module: from, name, kind } of WebAssembly.Module.imports(module)) {
    if (kind !== "function") continue;
    imports[from] ??= {};
    imports[from][name] =
      known[name] ??
      (() => {
        throw new Error(`sluice core called ${from}.${name}`);
      });
  }
  return imports;
}

export class Core {
  #x;

  constructor(module) {
    const instance = new WebAssembly.Instance(module, wasiImports(module, () => this.#x.memory));
    this.#x = instance.exports;
    // Only the stack-checked test build (CMakeLists.txt) has these: it checks every stack
    // pointer move against limits that must be in place before anything runs.
    const x = this.#x;
    if (x.__set_stack_limits) {
      x.emscripten_stack_init();
      x.__set_stack_limits(x.emscripten_stack_get_base(), x.emscripten_stack_get_end());
    }
    this.#x._initialize?.();
  }

  // Copies `input` (string or bytes) into the module; returns its length in bytes.
  #write(input) {
    const x = this.#x;
    if (typeof input === "string") {
      const room = input.length * 3;
      const ptr = x.sluice_input_buffer(room);
      return encoder.encodeInto(input, new Uint8Array(x.memory.buffer, ptr, room)).written;
    }
    const ptr = x.sluice_input_buffer(input.byteLength);
    new Uint8Array(x.memory.buffer, ptr, input.byteLength).set(input);
    return input.byteLength;
  }

  #take(status, asBytes) {
    const x = this.#x;
    try {
      const view = new Uint8Array(x.memory.buffer, x.sluice_response_ptr(), x.sluice_response_len());
      return asBytes && status === STATUS_OK
        ? { status, bytes: view.slice() }
        : { status, text: decoder.decode(view) };
    } finally {
      x.sluice_response_release();
    }
  }

  // Each returns { status, text } (or { status, bytes } where noted); see docs/internals.md.
  loadSchema(documentText) {
    const len = this.#write(documentText);
    return this.#take(this.#x.sluice_load_schema(len), false);
  }

  compile(schemaId, specText) {
    const len = this.#write(specText);
    return this.#take(this.#x.sluice_compile(schemaId, len), false);
  }

  // Frees a compiled plan; its id may be handed out again by a later compile.
  release(planId) {
    return this.#take(this.#x.sluice_release(planId), false);
  }

  // The module's linear memory in bytes (it only grows): what an isolate pays for the core.
  memoryBytes() {
    return this.#x.memory.buffer.byteLength;
  }

  // Output JSON as bytes (for an HTTP body) or as text (for JSON.parse).
  decode(planId, format, input, asBytes) {
    const len = this.#write(input);
    return this.#take(this.#x.sluice_decode(planId, format, len), asBytes);
  }

  registerValidator(schemaId, specText) {
    const len = this.#write(specText);
    return this.#take(this.#x.sluice_register_validator(schemaId, len), false);
  }

  validate(validatorId, body, asBytes) {
    const len = this.#write(body);
    return this.#take(this.#x.sluice_validate(validatorId, len), asBytes);
  }

  // schemaDdl, snapshot and migrationPlan: only in the CLI's build (sluice-cli.wasm).
  schemaDdl(schemaId, dialect) {
    return this.#take(this.#x.sluice_schema_ddl(schemaId, dialect === "postgres" ? 0 : 1), false);
  }

  snapshot(schemaId) {
    return this.#take(this.#x.sluice_snapshot(schemaId), false);
  }

  migrationPlan(requestText) {
    const len = this.#write(requestText);
    return this.#take(this.#x.sluice_migration_plan(len), false);
  }
}
