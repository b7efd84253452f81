// node bench/validator-width.mjs: the validator over 10 MB bodies in the WebAssembly module,
// ordinary members against distinct unknown keys (strip and strict), each the median of a few
// runs. Every reader is meant to be linear in its input, so the unknown-key bodies should cost
// no more than about twice the ordinary one; a list searched per unknown key made them
// quadratic (minutes for 10 MB).
import { readFileSync } from "node:fs";

import { Core } from "../bindings/loader.js";

const SIZE = 10_000_000;
const RUNS = 5;

const core = new Core(new WebAssembly.Module(readFileSync(new URL("../bindings/sluice.wasm", import.meta.url))));
const schemaText = readFileSync(new URL("../tests/cpp/fixtures/tutorial_schema.json", import.meta.url), "utf8");
const schemaId = JSON.parse(core.loadSchema(schemaText).text).schema;
const validator = (unknownKeys) =>
  JSON.parse(core.registerValidator(schemaId, JSON.stringify({ table: "users", unknownKeys })).text).validator;

// `{"email":...,"name":...` followed by members from `member(i)` up to SIZE bytes.
function body(member) {
  const parts = ['{"email":"a@b.co","name":"A"'];
  let size = parts[0].length;
  for (let i = 0; size < SIZE; i++) {
    const m = `,${member(i)}`;
    parts.push(m);
    size += m.length;
  }
  parts.push("}");
  return new TextEncoder().encode(parts.join(""));
}

function median(validatorId, bytes) {
  const times = [];
  for (let r = 0; r < RUNS; r++) {
    const start = performance.now();
    const { status } = core.validate(validatorId, bytes, false);
    times.push(performance.now() - start);
    if (r === 0 && status === 1) throw new Error("the body was refused as malformed");
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)];
}

const ordinary = body(() => '"name":"abcdefgh"');
const unknown = body((i) => `"k${i}":0`);
const strip = validator("strip");
const strict = validator("strict");

const base = median(strip, ordinary);
console.log(`validator, 10 MB bodies (median of ${RUNS}), ms`);
console.log(`ordinary members, strip           ${base.toFixed(1)}`);
for (const [label, id] of [
  ["distinct unknown keys, strip", strip],
  ["distinct unknown keys, strict", strict],
]) {
  const ms = median(id, unknown);
  console.log(`${label.padEnd(34)}${ms.toFixed(1)}  (${(ms / base).toFixed(2)}x)`);
}
