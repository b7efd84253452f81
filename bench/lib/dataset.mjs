// A deterministic dataset for the benchmarks: 1000 users; user 1 has exactly five posts, the
// others zero to two. Timestamps are fixed so recorded answers are stable between runs.
const BASE_MS = Date.UTC(2026, 0, 1);
const ROLES = ["admin", "editor", "viewer"];

export async function seedDataset(binding, { users = 1000 } = {}) {
  const statements = [];
  const userInsert = binding.prepare(
    "insert into users (id, email, name, role, is_active, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)",
  );
  const postInsert = binding.prepare(
    "insert into posts (author_id, title, body, published, created_at) values (?, ?, ?, ?, ?)",
  );
  for (let id = 1; id <= users; id++) {
    const at = BASE_MS + id * 61_000;
    statements.push(
      userInsert.bind(id, `user${id}@example.com`, `User ${id} "Ünïcødé"`, ROLES[id % 3], id % 7 === 0 ? 0 : 1, at, at + 500),
    );
    const postCount = id === 1 ? 5 : id % 3;
    for (let p = 0; p < postCount; p++) {
      statements.push(postInsert.bind(id, `Post ${p} of ${id}`, `Body of post ${p}\nwith a newline`, p % 2, at + p));
    }
  }
  await binding.batch(statements);
}
