// Requests the router must refuse before any body is read: odd ids in the path, odd query
// parameters, unknown paths and methods, bodies declared as something other than JSON.
import { bare, rawJson } from "../request.js";

const ODD_IDS = [
  "abc", "-1", "0", "01", "+1", "1e3", "1.0", "0x10", "1_000", "2147483648", "9999999999999999999",
  "%00", "1%00", "%20", "1%20", "%D9%A1", "%EF%BC%91", "%F0%9D%9F%8F", "1;drop%20table%20users",
  "1%27%20or%20%271%27=%271", "1%20or%201=1", "%27", "null", "undefined", "NaN", "Infinity", "[1]", "%7B%7D",
  "9".repeat(64_000),
];

// GET /users/ is the list itself; PATCH and DELETE without an id are unknown routes.
const EMPTY_ID_ROUTES = ["PATCH", "DELETE"];

const ODD_LIMITS = ["0", "51", "-1", "abc", "1e1", "0x10", "1.5", "1;drop%20table%20users", "%20", "%00", "%EF%BC%91", "99999999999", "1%27%20or%20%271%27=%271", "", "9".repeat(64_000)];
const ODD_OFFSETS = ["-1", "2147483648", "abc", "1.5", "%00", "1%20union%20select%201", "1e3", ""];

const UNKNOWN_PATHS = [
  "/", "/admin", "/users/1/posts", "/users/1/extra", "/posts/1", "/etc/passwd", "/users/%2e%2e/%2e%2e/etc/passwd",
  "/%00", "/users%00", "/.env", "/.git/config", "/wp-login.php", "/healthz/x", "/USERS", `/${"a".repeat(4096)}`,
];

const WRONG_METHODS = [
  ["PUT", "/users"], ["PUT", "/users/1"], ["DELETE", "/users"], ["POST", "/users/1"], ["PATCH", "/users"],
  ["GET", "/posts"], ["PATCH", "/posts"], ["DELETE", "/posts"], ["OPTIONS", "/users"], ["OPTIONS", "/users/1"],
  ["POST", "/healthz"], ["DELETE", "/healthz"],
  // Methods the Worker has no route for at all; workerd itself answers 501 (text) to a
  // method it does not know, such as LINK or BREW, before the Worker runs.
  ...["PROPFIND", "PURGE", "MKCOL", "COPY", "MOVE", "LOCK", "REPORT", "SEARCH", "QUERY"].map((method) => [method, "/users/1"]),
];

const NOT_JSON_TYPES = [
  undefined, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml",
  "text/json", "application/jsonx", "application/json-seq", "application/json, text/plain", "json", "*/*",
];

// A 64 000-digit id is a case; its name need not be.
const shown = (text) => (text.length > 40 ? `${text.slice(0, 20)}… (${text.length} characters)` : text);

const USER_BODY = '{"email":"typed@example.com","name":"Typed"}';

export function routeCases() {
  const cases = [];
  for (const id of ODD_IDS) {
    cases.push({ name: `GET /users/${shown(id)}`, request: bare("GET", `/users/${id}`), status: 400, names: "id" });
    cases.push({ name: `PATCH /users/${shown(id)}`, request: rawJson(`/users/${id}`, '{"name":"Odd"}', "PATCH"), status: 400, names: "id" });
    cases.push({ name: `DELETE /users/${shown(id)}`, request: bare("DELETE", `/users/${id}`), status: 400, names: "id" });
  }
  for (const method of EMPTY_ID_ROUTES) {
    cases.push({ name: `${method} /users/ (no id)`, request: bare(method, "/users/"), status: 404, names: "not found" });
  }
  for (const id of ["999", "2147483647"]) {
    cases.push({ name: `PATCH /users/${id} (no such user)`, request: rawJson(`/users/${id}`, '{"name":"Ghost"}', "PATCH"), status: 404, names: "not found" });
    cases.push({ name: `DELETE /users/${id} (no such user)`, request: bare("DELETE", `/users/${id}`), status: 404, names: "not found" });
  }
  for (const limit of ODD_LIMITS) {
    cases.push({ name: `GET /users?limit=${shown(limit)}`, request: bare("GET", `/users?limit=${limit}`), status: 400, field: "limit" });
  }
  for (const offset of ODD_OFFSETS) {
    cases.push({ name: `GET /users?offset=${offset}`, request: bare("GET", `/users?offset=${offset}`), status: 400, field: "offset" });
  }
  for (const path of UNKNOWN_PATHS) {
    cases.push({ name: `GET ${shown(path)}`, request: bare("GET", path), status: 404, names: "not found" });
  }
  for (const [method, path] of WRONG_METHODS) {
    const request = method === "GET" ? bare(method, path) : rawJson(path, USER_BODY, method);
    cases.push({ name: `${method} ${path}`, request, status: 404, names: "not found" });
  }
  for (const type of NOT_JSON_TYPES) {
    const headers = type === undefined ? {} : { "content-type": type };
    // Bytes, not a string: fetch would give a string body a text/plain type of its own. Fresh
    // bytes per request: a sent buffer may be transferred, and so emptied.
    const body = () => new TextEncoder().encode(USER_BODY);
    for (const [method, path] of [["POST", "/users"], ["PATCH", "/users/1"]]) {
      cases.push({ name: `${method} ${path} as ${type ?? "no content type"}`, request: rawJson(path, body, method, headers), status: 415, names: "content-type" });
    }
  }
  return cases;
}
