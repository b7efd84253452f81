import { DatabaseError } from "../../index.js";
import { fieldError, jsonBytes, onlyRow, readJsonBody } from "../http.js";
import { posts } from "../schema.js";
import { insertPostSchema } from "../validators.js";

export function mountPosts(app) {
  app.post("/posts", async (c) => {
    const input = insertPostSchema.check(await readJsonBody(c.req.raw));
    if (!input.success) return jsonBytes(input.body, input.status);
    try {
      const created = await c.get("db").insert(posts).values(input.data).returning().bytes();
      return jsonBytes(onlyRow(created), 201);
    } catch (error) {
      // posts has one foreign key, so a violation can only mean the author does not exist.
      if (error instanceof DatabaseError && error.kind === "foreign_key_violation") {
        return fieldError(422, "authorId", `no user with id ${input.data.authorId}`);
      }
      throw error;
    }
  });
}
