// Input 100 000 levels deep, and the deepest input each reader accepts, through the real
// WebAssembly module: every call answers with a typed error or a result, and the module keeps
// working. The same calls run through the stack-checked build (CMakeLists.txt), where a stack
// pointer past the module's stack calls an import that throws: a reader that would overflow
// (silently, in the shipped module) fails here instead.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";

import { Core, INPUT_NEON, INPUT_ROWS, STATUS_ERROR, STATUS_OK } from "../../../bindings/loader.js";

const root = new URL("../../../", import.meta.url);
const builds = [
  ["the Worker's module", "bindings/sluice.wasm"],
  ["the stack-checked build", "build/wasm/sluice-stack-check.wasm"],
];
const schemaText = readFileSync(new URL("tests/cpp/fixtures/tutorial_schema.json", root), "utf8");

const DEEP = 100_000;
const DOCUMENT_DEPTH = 128; // core/json_tree's bound
const nested = (open, depth, middle, close) => open.repeat(depth) + middle + close.repeat(depth);

// The deepest nesting of arrays and objects in a JSON text.
function containerDepth(text) {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "[" || c === "{") deepest = Math.max(deepest, ++depth);
    else if (c === "]" || c === "}") depth--;
  }
  return deepest;
}

// The largest k for which make(k) stays within the documents' depth bound.
function deepest(make) {
  let k = 0;
  while (containerDepth(make(k + 1)) <= DOCUMENT_DEPTH) k++;
  return k;
}

// The largest k for which `accepts(make(k))`.
function deepestAccepted(make, accepts) {
  let k = 0;
  while (accepts(make(k + 1))) k++;
  return k;
}

const eqId = '{"op":"eq","left":{"col":["users","id"]},"right":{"param":0}}';
const specs = {
  "not chain": (k) => `{"dialect":"postgres","kind":"select","table":"users","where":${nested('{"op":"not","arg":', k, eqId, "}")}}`,
  "and chain": (k) =>
    `{"dialect":"sqlite","kind":"select","table":"users","where":${nested('{"op":"and","args":[', k, eqId, `,${eqId}]}`)}}`,
  relations: (k) => relations(k, ""),
  "relations around 32 operators": (k) =>
    relations(k, `,"where":${nested('{"op":"not","arg":', 31, `{"op":"isNull","arg":{"col":["${k % 2 ? "posts" : "users"}","id"]}}`, "}")}`),
};

// users -> posts -> author -> posts ..., `innermost` added to the deepest level.
function relations(k, innermost) {
  let with_ = "";
  for (let i = 0; i < k; i++) with_ += `,"with":[{"key":"${i % 2 ? "author" : "posts"}"`;
  return `{"dialect":"postgres","kind":"findMany","table":"users"${with_}${innermost}${"}]".repeat(k)}}`;
}

function call({ status, text }) {
  return { status, body: JSON.parse(text) };
}

function expectTyped(result, code) {
  const { status, body } = call(result);
  assert.equal(status, STATUS_ERROR);
  assert.equal(body.code, code, body.message);
  return body;
}

for (const [name, path] of builds) {
  describe(`deep input, ${name}`, () => {
    const core = new Core(new WebAssembly.Module(readFileSync(new URL(path, root))));
    const schemaId = call(core.loadSchema(schemaText)).body.schema;
    const usersPlan = call(core.compile(schemaId, '{"dialect":"postgres","kind":"findMany","table":"users","with":[{"key":"posts"}]}')).body.plan;
    const validatorId = call(core.registerValidator(schemaId, '{"table":"users","unknownKeys":"strict"}')).body.validator;

    // The module still answers ordinary calls exactly as before.
    function stillWorks() {
      assert.equal(call(core.loadSchema(schemaText)).status, STATUS_OK);
      const { body } = call(core.compile(schemaId, '{"dialect":"sqlite","kind":"select","table":"users","where":' + eqId + "}"));
      assert.match(body.statements[0].sql, /where "users"\."id" = \?/);
      const valid = call(core.validate(validatorId, '{"email":"a@b.co","name":"A"}'));
      assert.deepEqual([valid.status, valid.body.email], [STATUS_OK, "a@b.co"]);
    }

    it("refuses schema documents 100 000 levels deep and loads the deepest default", () => {
      const body = expectTyped(core.loadSchema(nested('{"tables":', DEEP, "[]", "}")), "invalid_json");
      assert.match(body.message, /nested too deeply/);
      const withDefault = (k) =>
        `{"version":1,"tables":[{"key":"t","name":"t","primaryKey":["id"],"columns":[{"key":"id","name":"id","type":"integer","primaryKey":true},` +
        `{"key":"j","name":"j","type":"json","default":{"kind":"value","value":${nested("[", k, "", "]")}}}]}]}`;
      expectTyped(core.loadSchema(withDefault(DEEP)), "invalid_json");
      assert.equal(core.loadSchema(withDefault(deepest(withDefault))).status, STATUS_OK);
      stillWorks();
    });

    for (const [shape, make] of Object.entries(specs)) {
      it(`compiles the deepest ${shape} and refuses one 100 000 levels deep`, () => {
        const body = expectTyped(core.compile(schemaId, make(DEEP)), "invalid_json");
        assert.match(body.message, /nested too deeply/);
        const k = deepestAccepted(make, (spec) => core.compile(schemaId, spec).status === STATUS_OK);
        assert.ok(k > 30, `${k} levels`);
        const refused = call(core.compile(schemaId, make(k + 1)));
        assert.equal(refused.status, STATUS_ERROR);
        assert.match(refused.body.message, /nested/);
        stillWorks();
      });
    }

    it("refuses validator specs and regexes nested too deeply, loads the deepest regex", () => {
      expectTyped(core.registerValidator(schemaId, nested('{"refine":', DEEP, "{}", "}")), "invalid_json");
      const regex = (pattern) => `{"table":"users","refine":{"name":[{"check":"regex","pattern":"${pattern}"}]}}`;
      const body = expectTyped(core.registerValidator(schemaId, regex(nested("(", DEEP, "a", ")"))), "invalid_document");
      assert.match(body.message, /groups nested too deeply/);
      const deepestRegex = call(core.registerValidator(schemaId, regex(nested("(?:", 64, "a|b", ")*"))));
      assert.equal(deepestRegex.status, STATUS_OK, deepestRegex.body.message);
      const valid = call(core.validate(deepestRegex.body.validator, '{"email":"a@b.co","name":"abba"}'));
      assert.equal(valid.status, STATUS_OK);
      stillWorks();
    });

    it("answers bodies 100 000 levels deep with invalid_json", () => {
      for (const body of [
        `{"email":"a@b.co","name":"A","extra":${nested("[", DEEP, "", "]")}}`,
        `{"email":"a@b.co","name":${nested('{"a":', DEEP, "1", "}")}}`,
        nested("[", DEEP, "", "]"),
      ])
        expectTyped(core.validate(validatorId, body), "invalid_json");
      stillWorks();
    });

    it("answers database results 100 000 levels deep with typed errors", () => {
      const deepArray = nested("[", DEEP, "", "]");
      const row = (posts) => `[1,"a@b.co","A","admin",true,0,0,${posts}]`;
      const neon = (rows) => `{"fields":[],"x":${deepArray},"rows":${rows}}`;
      for (const [format, input] of [
        [INPUT_ROWS, `[${row(deepArray)}]`],
        [INPUT_ROWS, `[${row(JSON.stringify(deepArray))}]`],
        [INPUT_ROWS, deepArray],
        [INPUT_NEON, neon(deepArray)],
      ]) {
        const { status, body } = call(core.decode(usersPlan, format, input, false));
        assert.equal(status, STATUS_ERROR);
        assert.match(body.code, /^invalid_(json|result)$/);
      }
      // A member the decoder does not read is skipped without recursion, however deep.
      const skipped = call(core.decode(usersPlan, INPUT_NEON, neon(`[${row("[]")}]`), false));
      assert.deepEqual([skipped.status, skipped.body[0].posts], [STATUS_OK, []]);
      const fine = call(core.decode(usersPlan, INPUT_ROWS, `[${row("[]")}]`, false));
      assert.deepEqual([fine.status, fine.body[0].posts], [STATUS_OK, []]);
      stillWorks();
    });
  });
}
