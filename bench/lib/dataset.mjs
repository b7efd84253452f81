// A deterministic dataset for the benchmarks: 1000 users; user 1 has exactly five posts, the
// others zero to two. Timestamps are fixed so recorded answers are stable between runs. The
// same rows go into D1 (booleans 0/1, epoch milliseconds, as sluice stores them there) and into
// Postgres (booleans, timestamptz), each encoded by sluice's own parameter encoders.
import { encoderFor } from "../../worker/runtime/params.js";

const BASE_MS = Date.UTC(2026, 0, 1);
const ROLES = ["admin", "editor", "viewer"];

/** The dataset's rows, in insertion order, with JS values. */
function* datasetRows(users) {
  for (let id = 1; id <= users; id++) {
    const at = BASE_MS + id * 61_000;
    yield {
      table: "users",
      values: [id, `user${id}@example.com`, `User ${id} "Ünïcødé"`, ROLES[id % 3], id % 7 !== 0, new Date(at), new Date(at + 500)],
    };
    const postCount = id === 1 ? 5 : id % 3;
    for (let p = 0; p < postCount; p++) {
      yield { table: "posts", values: [id, `Post ${p} of ${id}`, `Body of post ${p}\nwith a newline`, p % 2 === 1, new Date(at + p)] };
    }
  }
}

const COLUMNS = {
  users: "id, email, name, role, is_active, created_at, updated_at",
  posts: "author_id, title, body, published, created_at",
};

export async function seedDataset(binding, { users = 1000 } = {}) {
  const inserts = {
    users: binding.prepare(`insert into users (${COLUMNS.users}) values (?, ?, ?, ?, ?, ?, ?)`),
    posts: binding.prepare(`insert into posts (${COLUMNS.posts}) values (?, ?, ?, ?, ?)`),
  };
  const encode = encoderFor("sqlite", "any");
  const statements = [];
  for (const { table, values } of datasetRows(users)) statements.push(inserts[table].bind(...values.map((v) => encode(v))));
  await binding.batch(statements);
}

/**
 * The same rows through a neonHttp driver, in one transaction; the id sequence then continues
 * after the explicit ids, as SQLite's rowid does.
 * @param {{ batch(statements: object[]): Promise<unknown> }} driver
 */
export async function seedDatasetPostgres(driver, { users = 1000 } = {}) {
  const encode = encoderFor("postgres", "any");
  const statements = [];
  for (const { table, values } of datasetRows(users)) {
    const placeholders = values.map((_, i) => `$${i + 1}`).join(", ");
    statements.push({
      sql: `insert into ${table} (${COLUMNS[table]}) values (${placeholders})`,
      params: values.map((v) => encode(v)),
      returns: "none",
    });
  }
  statements.push({ sql: "select setval('users_id_seq', (select max(id) from users))", params: [], returns: "none" });
  await driver.batch(statements);
}
