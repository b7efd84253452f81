// The same reference API written the way the Drizzle tutorial does it (Hono + drizzle-orm/d1
// + drizzle-zod), bundled only to compare sizes with sluice's Worker.
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { createUpdateSchema } from "drizzle-zod";
import { Hono } from "hono";

import * as schema from "./schema.js";
import { insertPostSchema, insertUserSchema } from "./validators.js";

const updateUserSchema = createUpdateSchema(schema.users).omit({ id: true, createdAt: true, updatedAt: true });
const app = new Hono();
const dbOf = (c) => drizzle(c.env.DB, { schema });

app.get("/users", async (c) => c.json(await dbOf(c).select().from(schema.users).limit(50)));
app.get("/users/:id", async (c) => {
  const user = await dbOf(c).query.users.findFirst({
    where: eq(schema.users.id, Number(c.req.param("id"))),
    with: { posts: true },
  });
  return user ? c.json(user) : c.json({ error: "not found" }, 404);
});
app.post("/users", async (c) => {
  const parsed = insertUserSchema.safeParse(await c.req.json());
  if (!parsed.success) return c.json(parsed.error.flatten(), 400);
  const [created] = await dbOf(c).insert(schema.users).values(parsed.data).returning();
  return c.json(created, 201);
});
app.post("/posts", async (c) => {
  const parsed = insertPostSchema.safeParse(await c.req.json());
  if (!parsed.success) return c.json(parsed.error.flatten(), 400);
  const [created] = await dbOf(c).insert(schema.posts).values(parsed.data).returning();
  return c.json(created, 201);
});
app.patch("/users/:id", async (c) => {
  const parsed = updateUserSchema.safeParse(await c.req.json());
  if (!parsed.success) return c.json(parsed.error.flatten(), 400);
  const [updated] = await dbOf(c)
    .update(schema.users)
    .set(parsed.data)
    .where(eq(schema.users.id, Number(c.req.param("id"))))
    .returning();
  return updated ? c.json(updated) : c.json({ error: "not found" }, 404);
});
app.delete("/users/:id", async (c) => {
  const [deleted] = await dbOf(c).delete(schema.users).where(eq(schema.users.id, Number(c.req.param("id")))).returning();
  return deleted ? c.json(deleted) : c.json({ error: "not found" }, 404);
});
app.get("/healthz", (c) => c.text("ok"));

export default app;
