import { asc, eq } from "../../index.js";
import { HttpError, fieldError, jsonBytes, jsonError, onlyRow, parseId, parseIntParam, readJsonBody } from "../http.js";
import { users } from "../schema.js";
import { insertUserSchema, updateUserSchema } from "../validators.js";

const PAGE_MAX = 50;
const NULL_LENGTH = 4;

function requireId(c) {
  const id = parseId(c.req.param("id"));
  if (id === null) throw new HttpError(jsonError(400, "id must be a positive 32-bit integer"));
  return id;
}

function notFound() {
  return jsonError(404, "not found");
}

function isEmptyList(bytes) {
  return bytes.byteLength === 2;
}

export function mountUsers(app) {
  app.get("/users", async (c) => {
    const limit = parseIntParam(c.req.query("limit"), { min: 1, max: PAGE_MAX, fallback: PAGE_MAX });
    if (limit === null) return fieldError(400, "limit", `must be an integer between 1 and ${PAGE_MAX}`);
    const offset = parseIntParam(c.req.query("offset"), { min: 0, max: 2147483647, fallback: 0 });
    if (offset === null) return fieldError(400, "offset", "must be a non-negative integer");
    const body = await c.get("db").select().from(users).orderBy(asc(users.id)).limit(limit).offset(offset).bytes();
    return jsonBytes(body);
  });

  app.get("/users/:id", async (c) => {
    const id = requireId(c);
    const body = await c.get("db").query.users.findFirst({ where: eq(users.id, id), with: { posts: true } }).bytes();
    return body.byteLength === NULL_LENGTH ? notFound() : jsonBytes(body);
  });

  app.post("/users", async (c) => {
    const input = insertUserSchema.check(await readJsonBody(c.req.raw));
    if (!input.success) return jsonBytes(input.body, input.status);
    const created = await c.get("db").insert(users).values(input.data).returning().bytes();
    return jsonBytes(onlyRow(created), 201);
  });

  app.patch("/users/:id", async (c) => {
    const id = requireId(c);
    const input = updateUserSchema.check(await readJsonBody(c.req.raw));
    if (!input.success) return jsonBytes(input.body, input.status);
    if (Object.keys(input.data).length === 0) {
      return jsonError(400, "the body names no field to update");
    }
    const updated = await c.get("db").update(users).set(input.data).where(eq(users.id, id)).returning().bytes();
    return isEmptyList(updated) ? notFound() : jsonBytes(onlyRow(updated));
  });

  app.delete("/users/:id", async (c) => {
    const id = requireId(c);
    const deleted = await c.get("db").delete(users).where(eq(users.id, id)).returning().bytes();
    return isEmptyList(deleted) ? notFound() : jsonBytes(onlyRow(deleted));
  });
}
