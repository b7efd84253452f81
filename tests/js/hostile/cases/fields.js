// Bodies that are JSON objects but break a field: every field given every wrong type, text
// no database stores alike, injection strings where the field is not free text, prototype
// and injection keys, duplicate keys whose last value is invalid, values far over a limit.
import { rawJson } from "../request.js";
import { BODY_ROUTES, label } from "./endpoints.js";
import { INJECTIONS, PROTOTYPE_KEYS, UNSTORABLE } from "./hostile-strings.js";

const WRONG_TYPES = {
  string: ["null", "0", "1.5", "true", "[]", "{}", '["x"]', '{"x":"y"}'],
  boolean: ["null", "0", "1", '"true"', '"false"', '""', "[]", "{}"],
  integer: ["null", '"1"', "1.5", "true", "[]", "{}", "2147483648", "-2147483649", "1e999", "1" + "0".repeat(400)],
};

const kindOf = (value) => (typeof value === "number" ? "integer" : typeof value);

/** The route's valid body as JSON text with `field` set to the JSON text `raw` (first). */
function withField(valid, field, raw) {
  const rest = Object.entries(valid).filter(([key]) => key !== field);
  return `{${[`${JSON.stringify(field)}:${raw}`, ...rest.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)].join(",")}}`;
}

/** The valid body with one extra member, given as JSON text. */
const withMember = (valid, member) => `${JSON.stringify(valid).slice(0, -1)},${member}}`;

const HUGE = 900 * 1024;

export function fieldCases() {
  const cases = [];
  const add = (route, name, body, expected) =>
    cases.push({ name: `${label(route)}: ${name}`, request: rawJson(route.path, body, route.method), status: 400, ...expected });

  for (const route of BODY_ROUTES) {
    for (const [field, value] of Object.entries(route.valid)) {
      const kind = kindOf(value);
      for (const raw of WRONG_TYPES[kind]) add(route, `${field} given ${raw.slice(0, 24)}`, withField(route.valid, field, raw), { field });
      if (kind === "string") {
        for (const [literal, names] of UNSTORABLE) add(route, `${field} holding ${literal}`, withField(route.valid, field, literal), { field, names });
        if (!route.unbounded.includes(field)) {
          add(route, `${field} of 900 KiB`, withField(route.valid, field, JSON.stringify("x".repeat(HUGE))), { field });
        }
      }
      if (!route.freeText.includes(field)) {
        for (const injection of INJECTIONS) add(route, `${field} given ${injection}`, withField(route.valid, field, JSON.stringify(injection)), { field });
      }
      const duplicate = `${JSON.stringify(route.valid).slice(0, -1)},${JSON.stringify(field)}:${WRONG_TYPES[kind][0]}}`;
      add(route, `${field} twice, the last one null`, duplicate, { field });
    }
    for (const key of PROTOTYPE_KEYS) {
      add(route, `a ${key} key holding an object`, withMember(route.valid, `${JSON.stringify(key)}:{"role":"admin","isActive":false}`), { names: key });
      add(route, `a ${key} key holding a string`, withMember(route.valid, `${JSON.stringify(key)}:"x"`), { names: key });
    }
    for (const injection of INJECTIONS.slice(0, 6)) {
      add(route, `an unknown key ${injection}`, withMember(route.valid, `${JSON.stringify(injection)}:1`), { names: injection });
    }
    add(route, "an unknown key holding U+0000", withMember(route.valid, String.raw`"na\u0000me":"x"`), {});
    add(route, "a field nesting a __proto__ object", withField(route.valid, Object.keys(route.valid)[0], '{"__proto__":{"x":1}}'), { field: Object.keys(route.valid)[0] });
    const unknownKeys = Array.from({ length: 40_000 }, (_, i) => `"k${i}":0`).join(",");
    add(route, "40 000 distinct unknown keys", withMember(route.valid, unknownKeys), { names: "k39999" });
    add(route, "a field holding 100 000 array items", withField(route.valid, Object.keys(route.valid)[1], `[${"1,".repeat(99_999)}1]`), { field: Object.keys(route.valid)[1] });
  }
  return cases;
}
