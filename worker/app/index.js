// The reference Worker: the Drizzle tutorial's users/posts API served by sluice.
import { Hono } from "hono/tiny";

import { sluiceErrors } from "../hono.js";
import { DatabaseError } from "../index.js";
import { dbFor } from "./db.js";
import { HttpError, jsonError } from "./http.js";
import { mountHealth } from "./routes/health.js";
import { mountPosts } from "./routes/posts.js";
import { mountUsers } from "./routes/users.js";

const app = new Hono();

app.use(async (c, next) => {
  c.set("db", dbFor(c.env));
  await next();
});

mountUsers(app);
mountPosts(app);
mountHealth(app);

app.notFound(() => jsonError(404, "not found"));

// The Worker's own refusals first; sluice's errors as sluice/hono maps them.
const sluiceError = sluiceErrors();
app.onError((error, c) => {
  if (error instanceof HttpError) return error.response;
  if (error instanceof DatabaseError && error.kind === "not_null_violation") {
    return jsonError(400, `${error.column ?? "a required value"} is missing`);
  }
  return sluiceError(error, c);
});

export default app;
