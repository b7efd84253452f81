// Median cost per operation: many short samples, the median sample wins, so a noisy shared
// machine skews the result less than one long run would. The warm-up lasts a number of calls
// and a time both: V8 optimises hot JS and WebAssembly in background threads, and measuring
// before their optimised code is in place would time the baseline tiers.
export async function measure(operation, { samples = 31, perSample = 50, warmup = 300, warmupMs = 300 } = {}) {
  const warmUntil = performance.now() + warmupMs;
  for (let i = 0; i < warmup || performance.now() < warmUntil; i++) await operation();
  const costs = [];
  for (let s = 0; s < samples; s++) {
    const start = performance.now();
    for (let i = 0; i < perSample; i++) await operation();
    costs.push(((performance.now() - start) * 1000) / perSample);
  }
  costs.sort((a, b) => a - b);
  return costs[Math.floor(costs.length / 2)];
}
