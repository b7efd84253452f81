import assert from "node:assert/strict";
import { describe, it } from "node:test";

import * as schema from "../../../worker/app/schema.js";
import { posts, users } from "../../../worker/app/schema.js";
import {
  and,
  asc,
  between,
  createDb,
  desc,
  eq,
  gt,
  ilike,
  inArray,
  isNull,
  not,
  notInArray,
  or,
  real,
  serial,
  sql,
  table,
} from "../../../worker/index.js";
import { recordingDriver } from "../helpers.js";

const db = createDb({ schema, driver: recordingDriver() });
const pg = createDb({ schema, driver: recordingDriver("postgres") });
const head = `{"schema":${db.schema.id},"dialect":"sqlite",`;
const col = (t, c) => `{"col":["${t}","${c}"]}`;
const P = (n) => `{"param":${n}}`;

function specOf(builder) {
  const { spec, values } = builder.toSpec();
  JSON.parse(spec);
  return { spec, values };
}

describe("select spec", () => {
  it("carries where, order, limit and offset, values apart", () => {
    const { spec, values } = specOf(
      db.select().from(users).where(eq(users.role, "admin")).orderBy(desc(users.id)).limit(10).offset(0),
    );
    assert.equal(
      spec,
      `${head}"kind":"select","table":"users","where":{"op":"eq","left":${col("users", "role")},"right":${P(0)}},` +
        `"orderBy":[{"expr":${col("users", "id")},"dir":"desc"}],"limit":${P(1)},"offset":${P(2)}}`,
    );
    assert.deepEqual(values, ["admin", 10, 0]);
  });

  it("is the same text for different values", () => {
    const a = specOf(db.select().from(users).where(eq(users.id, 1)).limit(5));
    const b = specOf(db.select().from(users).where(eq(users.id, 2)).limit(50));
    assert.equal(a.spec, b.spec);
    assert.notDeepEqual(a.values, b.values);
  });

  it("writes projections and joins", () => {
    const { spec } = specOf(
      db
        .select({ id: posts.id, authorName: users.name })
        .from(posts)
        .innerJoin(users, eq(posts.authorId, users.id))
        .leftJoin(users, eq(posts.authorId, users.id)),
    );
    const on = `{"op":"eq","left":${col("posts", "authorId")},"right":${col("users", "id")}}`;
    assert.equal(
      spec,
      `${head}"kind":"select","table":"posts","fields":[{"key":"id","expr":${col("posts", "id")}},` +
        `{"key":"authorName","expr":${col("users", "name")}}],` +
        `"joins":[{"type":"inner","table":"users","on":${on}},{"type":"left","table":"users","on":${on}}]}`,
    );
  });

  it("writes every operator shape", () => {
    const { spec, values } = specOf(
      db
        .select()
        .from(users)
        .where(
          and(
            or(inArray(users.id, [1, 2]), notInArray(users.id, [])),
            not(isNull(users.name)),
            between(users.id, 1, 9),
            ilike(users.email, "%@x.org"),
            undefined,
          ),
        )
        .orderBy(users.name, asc(users.id)),
    );
    const id = col("users", "id");
    assert.equal(
      spec,
      `${head}"kind":"select","table":"users","where":{"op":"and","args":[` +
        `{"op":"or","args":[{"op":"inArray","left":${id},"right":${P(0)}},{"op":"notInArray","left":${id},"right":${P(1)}}]},` +
        `{"op":"not","arg":{"op":"isNull","arg":${col("users", "name")}}},` +
        `{"op":"between","arg":${id},"low":${P(2)},"high":${P(3)}},` +
        `{"op":"ilike","left":${col("users", "email")},"right":${P(4)}}]},` +
        `"orderBy":[{"expr":${col("users", "name")}},{"expr":${id},"dir":"asc"}]}`,
    );
    assert.deepEqual(values, [[1, 2], [], 1, 9, "%@x.org"]);
  });

  it("writes a list of values as one parameter, a list with columns item by item", () => {
    const short = specOf(db.select().from(users).where(inArray(users.id, [1])));
    const long = specOf(db.select().from(users).where(inArray(users.id, Array.from({ length: 500 }, (_, i) => i))));
    assert.equal(short.spec, long.spec);
    const id = col("users", "id");
    const reals = table("readings", { id: serial("id").primaryKey(), value: real("value") });
    const realDb = createDb({ schema: { reals }, driver: recordingDriver() });
    const realSpec = specOf(realDb.select().from(reals).where(inArray(reals.value, [0.1, 0.2]))).spec;
    assert.match(realSpec, /"right":\[\{"param":0\},\{"param":1\}\]/, "real lists are bound item by item");
    const mixed = specOf(db.select().from(users).where(inArray(users.id, [users.id, 2])));
    assert.equal(mixed.spec, `${head}"kind":"select","table":"users","where":{"op":"inArray","left":${id},"right":[${id},${P(0)}]}}`);
  });

  it("names the dialect", () => {
    assert.match(pg.select().from(users).toSpec().spec, /"dialect":"postgres"/);
  });

  it("writes raw sql as its text pieces and nodes, values apart", () => {
    const { spec, values } = specOf(
      db.select().from(users).where(sql`${users.id} > ${5} and ${sql.raw("1 = 1")} and ${sql.identifier("x")} ${sql`is not null`}`),
    );
    assert.equal(
      spec,
      `${head}"kind":"select","table":"users","where":{"sql":[${col("users", "id")}," > ",${P(0)}," and ",{"sql":["1 = 1"]}," and ",{"sql":[{"ident":"x"}]}," ",{"sql":["is not null"]}]}}`,
    );
    assert.deepEqual(values, [5]);
  });
});

describe("insert spec", () => {
  it("lists set keys in table order and takes returning", () => {
    const { spec, values } = specOf(db.insert(users).values({ name: "A", email: "a@x.org" }).returning({ id: users.id }));
    assert.equal(
      spec,
      `${head}"kind":"insert","table":"users","rows":[{"email":${P(0)},"name":${P(1)}}],` +
        `"returning":[{"key":"id","expr":${col("users", "id")}}]}`,
    );
    assert.deepEqual(values, ["a@x.org", "A"]);
  });

  it("writes on conflict clauses", () => {
    const nothing = specOf(db.insert(users).values({ email: "a", name: "A" }).onConflictDoNothing({ target: users.email }));
    assert.match(nothing.spec, /"onConflict":\{"action":"nothing","target":\["email"\]\}\}$/);
    const update = specOf(
      db.insert(users).values({ email: "a", name: "A" }).onConflictDoUpdate({ target: users.email, set: { name: "B" } }).returning(),
    );
    assert.match(
      update.spec,
      /"onConflict":\{"action":"update","target":\["email"\],"set":\{"name":\{"param":2\},"updatedAt":\{"param":3\}\}\},"returning":"all"\}$/,
    );
    assert.equal(update.values[2], "B");
    assert.ok(update.values[3] instanceof Date);
  });

  it("rejects empty rows and unknown keys", () => {
    assert.throws(() => db.insert(users).values([]), { code: "invalid_value" });
    assert.throws(() => db.insert(users).values({ email: "a", name: "A", nope: 1 }).toSpec(), {
      code: "unknown_column",
      path: ["users", "nope"],
    });
  });
});

describe("update, delete and count specs", () => {
  it("update sets the caller's values and $onUpdate columns", () => {
    const { spec, values } = specOf(db.update(users).set({ name: "N" }).where(eq(users.id, 1)).returning());
    assert.equal(
      spec,
      `${head}"kind":"update","table":"users","set":{"name":${P(0)},"updatedAt":${P(1)}},` +
        `"where":{"op":"eq","left":${col("users", "id")},"right":${P(2)}},"returning":"all"}`,
    );
    assert.equal(values[0], "N");
    assert.ok(values[1] instanceof Date);
  });

  it("update with nothing set by the caller is an error", () => {
    assert.throws(() => db.update(users).set({}).toSpec(), { code: "invalid_value" });
    assert.throws(() => db.update(users).set({ name: undefined }).toSpec(), { code: "invalid_value" });
  });

  it("delete and count", () => {
    assert.equal(
      specOf(db.delete(users).where(eq(users.id, 1)).returning({ id: users.id })).spec,
      `${head}"kind":"delete","table":"users","where":{"op":"eq","left":${col("users", "id")},"right":${P(0)}},` +
        `"returning":[{"key":"id","expr":${col("users", "id")}}]}`,
    );
    assert.equal(specOf(db.$count(posts)).spec, `${head}"kind":"count","table":"posts"}`);
    assert.equal(
      specOf(db.$count(posts, gt(posts.id, 3))).spec,
      `${head}"kind":"count","table":"posts","where":{"op":"gt","left":${col("posts", "id")},"right":${P(0)}}}`,
    );
  });
});

describe("relational spec", () => {
  it("writes columns, callbacks and nested relations", () => {
    const { spec, values } = specOf(
      db.query.users.findMany({
        columns: { email: true, id: true },
        where: eq(users.isActive, true),
        orderBy: [desc(users.id)],
        limit: 10,
        offset: 0,
        with: {
          posts: { where: (p, { eq }) => eq(p.published, true), orderBy: (p, { desc }) => desc(p.createdAt), limit: 5 },
        },
      }),
    );
    assert.equal(
      spec,
      `${head}"kind":"findMany","table":"users","columns":["email","id"],` +
        `"where":{"op":"eq","left":${col("users", "isActive")},"right":${P(0)}},` +
        `"orderBy":[{"expr":${col("users", "id")},"dir":"desc"}],"limit":${P(1)},"offset":${P(2)},` +
        `"with":[{"key":"posts","where":{"op":"eq","left":${col("posts", "published")},"right":${P(3)}},` +
        `"orderBy":[{"expr":${col("posts", "createdAt")},"dir":"desc"}],"limit":${P(4)}}]}`,
    );
    assert.deepEqual(values, [true, 10, 0, true, 5]);
  });

  it("findFirst takes no limit; with: true and exclusion masks", () => {
    assert.equal(
      specOf(db.query.posts.findFirst({ columns: { body: false }, with: { author: true } })).spec,
      `${head}"kind":"findFirst","table":"posts","columns":["id","authorId","title","published","createdAt"],` +
        `"with":[{"key":"author"}]}`,
    );
  });

  it("rejects unknown relations and options", () => {
    assert.throws(() => db.query.users.findMany({ with: { comments: true } }).toSpec(), {
      code: "unknown_relation",
      path: ["comments"],
    });
    assert.throws(() => db.query.users.findMany({ extras: {} }), { code: "unsupported_feature" });
  });
});
