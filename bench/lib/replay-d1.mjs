// A D1 binding that replays answers recorded from a real local D1. Each answer is kept as the
// JSON text D1's backend sent and parsed again on every call, as the real binding does, so both
// libraries pay the same deserialisation a Worker pays.

/** Wraps a real binding and records what each statement (by SQL text) returned. */
export function recordingD1(binding, recordings = new Map()) {
  const record = (sql, method, value) => {
    recordings.set(`${method} ${sql}`, JSON.stringify(value));
    return value;
  };
  const wrap = (sql, stmt) => ({
    bind: (...params) => wrap(sql, stmt.bind(...params)),
    raw: async (options) => record(sql, "raw", await stmt.raw(options)),
    all: async () => record(sql, "all", await stmt.all()),
    run: async () => record(sql, "run", await stmt.run()),
    first: async (column) => record(sql, `first:${column ?? ""}`, await stmt.first(column)),
    statement: stmt,
    sql,
  });
  return {
    recordings,
    prepare: (sql) => wrap(sql, binding.prepare(sql)),
    batch: async (statements) => {
      const results = await binding.batch(statements.map((s) => s.statement));
      statements.forEach((s, i) => record(s.sql, "batch", results[i]));
      return results;
    },
    exec: (sql) => binding.exec(sql),
  };
}

/** A binding that answers from recordings only; an unrecorded statement is a bench bug. */
export function replayD1(recordings) {
  const answer = (sql, method) => {
    const text = recordings.get(`${method} ${sql}`);
    if (text === undefined) throw new Error(`no recorded ${method} for: ${sql}`);
    return JSON.parse(text);
  };
  const statement = (sql) => ({
    sql,
    bind: () => statement(sql),
    raw: async () => answer(sql, "raw"),
    all: async () => answer(sql, "all"),
    run: async () => answer(sql, "run"),
    first: async (column) => answer(sql, `first:${column ?? ""}`),
  });
  return {
    prepare: statement,
    batch: async (statements) => statements.map((s) => answer(s.sql, "batch")),
  };
}
