import { sql } from "../../index.js";

export function mountHealth(app) {
  app.get("/healthz", async (c) => {
    await c.get("db").execute(sql`select 1`);
    return c.text("ok");
  });
}
