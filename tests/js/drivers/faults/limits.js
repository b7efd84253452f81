// The driver options of a fault that hangs: a short timeout, or a signal that fires soon.
export function limitsOf(fault) {
  if (fault?.timeoutMs !== undefined) return { timeoutMs: fault.timeoutMs };
  if (fault?.abortAfterMs !== undefined) return { signal: AbortSignal.timeout(fault.abortAfterMs) };
  return undefined;
}
