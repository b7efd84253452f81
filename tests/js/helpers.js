// Test doubles shared by the unit tests.

/** A driver that records what it is asked to run and answers with canned payloads. */
export function recordingDriver(dialect = "sqlite", answer = () => "[]") {
  const calls = [];
  return {
    dialect,
    format: dialect === "sqlite" ? 0 : 1,
    calls,
    async run(statement) {
      calls.push([statement]);
      return answer(statement);
    },
    async batch(statements) {
      calls.push(statements);
      return statements.map(answer);
    },
  };
}
