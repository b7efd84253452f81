// Input contracts of the reference API, derived from the schema (as drizzle-zod does) and
// refined like the tutorial. Unknown keys are rejected rather than silently dropped.
import { createInsertSchema, createUpdateSchema } from "../index.js";
import { posts, users } from "./schema.js";

export const insertUserSchema = createInsertSchema(users, {
  email: (s) => s.email().max(320),
  name: (s) => s.min(1).max(100),
})
  .omit({ id: true, createdAt: true, updatedAt: true })
  .strict();

export const updateUserSchema = createUpdateSchema(users, {
  email: (s) => s.email().max(320),
  name: (s) => s.min(1).max(100),
})
  .omit({ id: true, createdAt: true, updatedAt: true })
  .strict();

export const insertPostSchema = createInsertSchema(posts, {
  title: (s) => s.min(3).max(200),
  body: (s) => s.min(1),
})
  .omit({ id: true, createdAt: true })
  .strict();
