// A D1 binding that replays answers recorded from a real local D1. Each answer is kept as the
// JSON text D1's backend sent and parsed again on every call, as the real binding does, so both
// libraries pay the same deserialisation a Worker pays.

/** Wraps a real binding and records what each statement (by SQL text) returned. */
export function recordingD1(binding, recordings = new Map()) {
  const record = (key, method, value) => {
    recordings.set(`${method} ${key}`, JSON.stringify(value));
    return value;
  };
  const wrap = (sql, stmt, key = sql) => ({
    bind: (...params) => wrap(sql, stmt.bind(...params), statementKey(sql, params)),
    raw: async (options) => record(key, "raw", await stmt.raw(options)),
    all: async () => record(key, "all", await stmt.all()),
    run: async () => record(key, "run", await stmt.run()),
    first: async (column) => record(key, `first:${column ?? ""}`, await stmt.first(column)),
    statement: stmt,
    key,
  });
  return {
    recordings,
    prepare: (sql) => wrap(sql, binding.prepare(sql)),
    batch: async (statements) => {
      const results = await binding.batch(statements.map((s) => s.statement));
      statements.forEach((s, i) => record(s.key, "batch", results[i]));
      return results;
    },
    exec: (sql) => binding.exec(sql),
  };
}

// Statements are told apart by SQL and by the values bound, except timestamps: a write's
// $onUpdate/$defaultFn value differs at every execution and must not defeat the replay.
function statementKey(sql, params) {
  return `${sql} ${JSON.stringify(params.map((p) => (typeof p === "number" && p > 1e12 ? "<time>" : p)))}`;
}

/** A binding that answers from recordings only; an unrecorded statement is a bench bug. */
export function replayD1(recordings) {
  const answer = (key, method) => {
    const text = recordings.get(`${method} ${key}`);
    if (text === undefined) throw new Error(`no recorded ${method} for: ${key}`);
    return JSON.parse(text);
  };
  const statement = (sql, key = sql) => ({
    key,
    bind: (...params) => statement(sql, statementKey(sql, params)),
    raw: async () => answer(key, "raw"),
    all: async () => answer(key, "all"),
    run: async () => answer(key, "run"),
    first: async (column) => answer(key, `first:${column ?? ""}`),
  });
  return {
    prepare: statement,
    batch: async (statements) => statements.map((s) => answer(s.key, "batch")),
  };
}
