// A D1 binding that forwards to a real one and injects one fault: at `prepare`, at `bind`, or
// on the answer of `raw`/`run`/`all`/`batch` (a throw, a rejection, a promise that never
// settles, or the real answer reshaped). `fired()` says whether the fault changed anything.
export const UNCHANGED = Symbol("unchanged");

/**
 * @param {object} real the D1Database
 * @param {{ prepare?: (sql: string) => unknown, bind?: () => unknown,
 *   call?: (method: string, go: () => Promise<unknown>) => Promise<unknown>,
 *   reshape?: (answer: unknown, method: string) => unknown } | undefined} fault
 */
export function faultyBinding(real, fault = {}) {
  let fired = false;
  const fire = (value) => {
    fired = true;
    return value;
  };

  const answer = async (method, go) => {
    if (fault.call !== undefined) {
      fired = true;
      return fault.call(method, go);
    }
    const value = await go();
    if (fault.reshape === undefined) return value;
    const reshaped = fault.reshape(structuredClone(value), method);
    return reshaped === UNCHANGED ? value : fire(reshaped);
  };

  const wrap = (statement) => ({
    inner: statement,
    bind(...values) {
      if (fault.bind !== undefined) {
        fired = true;
        return fault.bind();
      }
      return wrap(statement.bind(...values));
    },
    raw: () => answer("raw", () => statement.raw()),
    run: () => answer("run", () => statement.run()),
    all: () => answer("all", () => statement.all()),
  });

  const binding = {
    prepare(sql) {
      if (fault.prepare !== undefined) {
        fired = true;
        return fault.prepare(sql);
      }
      return wrap(real.prepare(sql));
    },
    batch: (statements) => answer("batch", () => real.batch(statements.map((s) => s.inner))),
  };
  return { binding, fired: () => fired };
}
