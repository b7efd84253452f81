// The same builders compiled by the core for both dialects, parameters encoded for each.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import * as schema from "../../../worker/app/schema.js";
import { posts, users } from "../../../worker/app/schema.js";
import { and, createDb, eq, sql } from "../../../worker/index.js";
import { recordingDriver } from "../helpers.js";

const lite = createDb({ schema, driver: recordingDriver("sqlite") });
const pg = createDb({ schema, driver: recordingDriver("postgres") });
const when = new Date("2024-01-01T10:00:00.000Z");

describe("toSQL per dialect", () => {
  it("sqlite binds 1/0 and epoch milliseconds; postgres binds text", () => {
    const query = (db) => db.select().from(posts).where(and(eq(posts.published, true), eq(posts.createdAt, when)));
    const a = query(lite).toSQL();
    const b = query(pg).toSQL();
    assert.match(a.sql, /"posts"\."published" = \? and "posts"\."created_at" = \?/);
    assert.deepEqual(a.params, [1, when.getTime()]);
    assert.match(b.sql, /"posts"\."published" = \$1 and "posts"\."created_at" = \$2/);
    assert.deepEqual(b.params, ["true", "2024-01-01T10:00:00.000Z"]);
  });

  it("insert constants from the catalog are encoded like values", () => {
    const a = lite.insert(users).values({ email: "a@x.org", name: "A" }).toSQL();
    assert.ok(a.params.includes("viewer"));
    assert.ok(a.params.every((p) => typeof p !== "boolean"));
    const b = pg.insert(users).values({ email: "a@x.org", name: "A", isActive: false }).toSQL();
    assert.ok(b.params.every((p) => p === null || typeof p === "string"));
    assert.ok(b.params.includes("false"));
  });

  it("raw statements use each dialect's placeholders", () => {
    const statement = sql`select ${users.id} from ${users} where ${users.email} = ${"a@x.org"} and ${users.isActive} = ${true}`;
    assert.deepEqual(lite.execute(statement).toSQL(), {
      sql: 'select "users"."id" from "users" where "users"."email" = ? and "users"."is_active" = ?',
      params: ["a@x.org", 1],
    });
    assert.deepEqual(pg.execute(statement).toSQL(), {
      sql: 'select "users"."id" from "users" where "users"."email" = $1 and "users"."is_active" = $2',
      params: ["a@x.org", "true"],
    });
  });
});
