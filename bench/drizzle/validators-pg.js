import { createInsertSchema } from "drizzle-zod";

import { users } from "./schema-pg.js";

export const insertUserSchema = createInsertSchema(users, {
  email: (s) => s.email().max(320),
  name: (s) => s.min(1).max(100),
})
  .omit({ id: true, createdAt: true, updatedAt: true })
  .strict();
