import { createInsertSchema } from "drizzle-zod";

import { posts, users } from "./schema.js";

export const insertUserSchema = createInsertSchema(users, {
  email: (s) => s.email().max(320),
  name: (s) => s.min(1).max(100),
})
  .omit({ id: true, createdAt: true, updatedAt: true })
  .strict();

export const insertPostSchema = createInsertSchema(posts, {
  title: (s) => s.min(3).max(200),
  body: (s) => s.min(1),
}).omit({ id: true, createdAt: true });
