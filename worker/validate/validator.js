/**
 * @module validate/validator
 * Validators generated from a table, run by the core: createInsertSchema / createUpdateSchema.
 * The request body goes to the core as bytes and comes back either as the accepted object
 * or as zod's `flatten()` JSON, ready to be a 400 response body.
 */
import { STATUS_INVALID, STATUS_OK } from "../../bindings/loader.js";
import { SluiceError, ValidationError, coreError } from "../errors.js";
import { TABLE, isTable } from "../schema/table-meta.js";
import { sharedCore } from "../runtime/core.js";
import { parseWithDates } from "../runtime/parse-with-dates.js";
import { schemaOfTable } from "../runtime/schema-registry.js";
import { recordRefinements } from "./refinements.js";
import { standardSchema } from "./standard-schema.js";

const encoder = new TextEncoder();
const INVALID_JSON = encoder.encode('{"error":"invalid JSON body"}');

function keysOf(table, mask, what) {
  const keys = [];
  for (const key in mask) {
    if (!Object.hasOwn(table, key)) {
      throw new SluiceError("unknown_column", `${what}: table "${table[TABLE].name}" has no column "${key}"`, {
        path: [key],
      });
    }
    if (mask[key]) keys.push(key);
  }
  return keys;
}

export class Validator {
  #id;
  #dateKeys;

  /**
   * @param {object} table
   * @param {{ mode: "insert"|"update", omit?: string[], pick?: string[],
   *   unknownKeys: "strict"|"strip", refine: Record<string, object[]> }} options
   */
  constructor(table, options) {
    this.table = table;
    this.options = options;
  }

  /** The §4 spec this validator registers. */
  spec() {
    const { id, key } = schemaOfTable(this.table);
    const { mode, omit, pick, unknownKeys, refine } = this.options;
    const spec = { schema: id, table: key, mode };
    if (omit !== undefined) spec.omit = omit;
    if (pick !== undefined) spec.pick = pick;
    spec.unknownKeys = unknownKeys;
    spec.refine = refine;
    return spec;
  }

  #derive(changes) {
    return new Validator(this.table, { ...this.options, ...changes });
  }

  /** Without the masked keys: `.omit({ id: true })`. */
  omit(mask) {
    const keys = keysOf(this.table, mask, "omit");
    return this.#derive({ omit: [...new Set([...(this.options.omit ?? []), ...keys])] });
  }

  /** Only the masked keys: `.pick({ name: true })`. */
  pick(mask) {
    const keys = keysOf(this.table, mask, "pick");
    const pick = this.options.pick === undefined ? keys : this.options.pick.filter((k) => keys.includes(k));
    return this.#derive({ pick });
  }

  /** Rejects keys the table does not have (they are stripped otherwise). */
  strict() {
    return this.#derive({ unknownKeys: "strict" });
  }

  /** Every key optional: update semantics. */
  partial() {
    return this.#derive({ mode: "update" });
  }

  #register() {
    if (this.#id === undefined) {
      const answer = sharedCore().registerValidator(schemaOfTable(this.table).id, JSON.stringify(this.spec()));
      if (answer.status !== STATUS_OK) throw coreError(answer.text);
      this.#id = JSON.parse(answer.text).validator;
      const stamps = new Set(this.table[TABLE].columns.filter((c) => c.type === "timestamp").map((c) => c.key));
      this.#dateKeys = stamps.size ? stamps : undefined;
    }
    return this.#id;
  }

  #run(input) {
    const id = this.#register();
    const answer = sharedCore().validate(id, input, false);
    if (answer.status === STATUS_OK) return { ok: true, data: parseWithDates(answer.text, this.#dateKeys) };
    if (answer.status === STATUS_INVALID) return { ok: false, flat: answer.text };
    const error = coreError(answer.text);
    if (error.code === "invalid_json") return { ok: false, flat: undefined };
    throw error;
  }

  /**
   * Validates a request body without the caller parsing it.
   * @example
   * const checked = insertUserSchema.check(await c.req.arrayBuffer());
   * if (!checked.success) return new Response(checked.body, { status: checked.status });
   * @param {Uint8Array | ArrayBuffer | string} body
   * @returns {{ success: true, data: object } | { success: false, status: 400, body: Uint8Array }}
   */
  check(body) {
    let input = body;
    if (body instanceof ArrayBuffer) input = new Uint8Array(body);
    else if (ArrayBuffer.isView(body) && !(body instanceof Uint8Array)) {
      input = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
    }
    const out = this.#run(input);
    if (out.ok) return { success: true, data: out.data };
    return { success: false, status: 400, body: out.flat === undefined ? INVALID_JSON.slice() : encoder.encode(out.flat) };
  }

  /**
   * @param {unknown} value
   * @returns {{ success: true, data: object } | { success: false, error: ValidationError }}
   */
  safeParse(value) {
    const out = this.#run(JSON.stringify(value) ?? "null");
    if (out.ok) return { success: true, data: out.data };
    const flat = out.flat === undefined ? { formErrors: ["Invalid JSON"], fieldErrors: {} } : JSON.parse(out.flat);
    return { success: false, error: new ValidationError(flat) };
  }

  /** The Standard Schema interface (validate/standard-schema.js). */
  get ["~standard"]() {
    return standardSchema((value) => this.safeParse(value));
  }

  /**
   * The accepted object, or throws ValidationError.
   * @param {unknown} value
   */
  parse(value) {
    const out = this.safeParse(value);
    if (!out.success) throw out.error;
    return out.data;
  }
}

function create(table, refinements, mode) {
  if (!isTable(table)) throw new SluiceError("invalid_value", `create${mode === "insert" ? "Insert" : "Update"}Schema needs a table`);
  const refine = recordRefinements(refinements ?? {});
  keysOf(table, Object.fromEntries(Object.keys(refine).map((k) => [k, true])), "refinements");
  return new Validator(table, { mode, unknownKeys: "strip", refine });
}

/**
 * A validator for inserts: required columns are those without a default that are not null.
 * @example
 * const insertUserSchema = createInsertSchema(users, {
 *   email: (s) => s.email().max(320),
 *   name: (s) => s.min(1).max(100),
 * }).omit({ id: true, createdAt: true, updatedAt: true }).strict();
 * @param {object} table
 * @param {Record<string, (s: import("./refinements.js").Refinement) => object>} [refinements]
 */
export function createInsertSchema(table, refinements) {
  return create(table, refinements, "insert");
}

/**
 * A validator for updates: every column optional.
 * @param {object} table
 * @param {Record<string, (s: import("./refinements.js").Refinement) => object>} [refinements]
 */
export function createUpdateSchema(table, refinements) {
  return create(table, refinements, "update");
}
