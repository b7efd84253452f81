// Load benchmark for sluice-gateway (not a test): a select by primary key through POST /sql,
// as the official Neon client sends it, against `pgbench -S` (the same select over the
// Postgres protocol) on the same private cluster in the same run. Both use 32 connections
// for 30 s in all (BENCH_SECONDS / BENCH_CONNECTIONS override); the HTTP load comes from wrk.
// The 30 s are taken in three alternating rounds, so that whatever else the machine does
// weighs on both sides alike. Prints both rates and their ratio; exits non-zero on any
// failed request. BENCH_GATEWAY_ARGS adds flags to sluice-gateway's command line.
//
//   node bench/gateway-load.mjs
//
// Session reset (every request ends with DISCARD ALL, src/gateway/sql_job.h), measured on 2
// busy cores. BENCH_SECONDS=9: before it, 11264 req/s (2.05x pgbench); with DISCARD ALL in a
// round trip of its own, 6209 req/s (0.96x); sent in one write behind the query (pipeline
// mode, one Sync each), 6571 req/s (1.47x). With the shared pool too, BENCH_SECONDS=6, runs
// alternating with the gateway from before: before 8048 and 11388 req/s (2.16x, 2.47x),
// after 5277 and 5443 req/s (1.49x, 1.22x), worst p99 346 -> 114 ms. `pgbench -c1` gives
// DISCARD ALL the latency of SELECT 1 (0.07 ms): the cost is the second statement the server
// runs per request, which no cheaper reset avoids (RESET ALL: 0.11 ms).
import { writeFileSync } from "node:fs";
import path from "node:path";

import { startGateway } from "../scripts/lib/gateway.mjs";
import { run, startCluster } from "../scripts/lib/pg-cluster.mjs";

const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const threads = 2;
const rounds = 3;
const scale = 10; // pgbench_accounts holds 100000 * scale rows

// The request the official client sends for `sql.query(text, [aid])`: its headers, its
// connection string (with the application_name it appends), and a text/plain body.
function wrkScript(connectionString) {
  // The requests are formatted once per wrk thread, with random keys: formatting each one in
  // Lua would cost the load generator more CPU than the gateway spends on it, on the same
  // two cores, while pgbench draws its keys in C.
  return `
local rows = ${100000 * scale}
local prepared = {}
local next_index = 1
wrk.method = "POST"
wrk.headers["Neon-Connection-String"] = "${connectionString}"
wrk.headers["Neon-Raw-Text-Output"] = "true"
wrk.headers["Neon-Array-Mode"] = "true"
wrk.headers["Content-Type"] = "text/plain;charset=UTF-8"
init = function(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
  for i = 1, 20000 do
    local body = '{"query":"SELECT abalance FROM pgbench_accounts WHERE aid = $1","params":["' .. math.random(1, rows) .. '"]}'
    prepared[i] = wrk.format(nil, "/sql", nil, body)
  end
end
request = function()
  local r = prepared[next_index]
  next_index = next_index % #prepared + 1
  return r
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %.3f %.3f\\n", summary.requests, e.connect + e.read + e.write + e.timeout,
    e.status, summary.duration / 1e6, latency:percentile(99) / 1000))
end
`;
}

async function wrk(gateway, scriptPath, duration) {
  const out = await run("wrk", [
    `-t${threads}`, `-c${connections}`, `-d${duration}s`, "--latency", "-s", scriptPath, `http://127.0.0.1:${gateway.port}`,
  ]);
  const m = /RESULT (\d+) (\d+) (\d+) ([\d.]+) ([\d.]+)/.exec(out);
  if (!m) throw new Error(`unexpected wrk output:\n${out}`);
  const [requests, socketErrors, statusErrors, elapsed, p99] = m.slice(1).map(Number);
  return { rate: requests / elapsed, requests, errors: socketErrors + statusErrors, p99 };
}

async function pgbench(cluster, env, duration) {
  const out = await run(
    path.join(cluster.binDir, "pgbench"),
    ["-S", "-n", `-c${connections}`, `-j${threads}`, `-T${duration}`, "-h", cluster.socketDir, "-p", String(cluster.port),
      "-U", cluster.user, cluster.database],
    { env },
  );
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(out);
  const failed = /number of failed transactions: (\d+)/.exec(out);
  if (!tps) throw new Error(`unexpected pgbench output:\n${out}`);
  return { rate: Number(tps[1]), errors: failed ? Number(failed[1]) : 0 };
}

const cluster = await startCluster();
let gateway;
try {
  const env = { ...process.env, PGPASSWORD: cluster.password };
  await run(path.join(cluster.binDir, "pgbench"), ["-i", "-q", `-s${scale}`, "-h", cluster.socketDir, "-p",
    String(cluster.port), "-U", cluster.user, cluster.database], { env });

  // Both sides reach Postgres over the same Unix socket; only the client protocol differs.
  gateway = await startGateway(cluster, (process.env.BENCH_GATEWAY_ARGS ?? "").split(" ").filter(Boolean));
  const connectionString = `postgresql://${cluster.user}:${cluster.password}@ep-bench-000000.sluice.invalid/` +
    `${cluster.database}?sslmode=require&application_name=pkg%3Anpm%2F%2540neondatabase%2Fserverless%401.2.0`;
  const scriptPath = path.join(cluster.socketDir, "bench.lua");
  writeFileSync(scriptPath, wrkScript(connectionString));

  console.log(`select by primary key, ${connections} connections, ${seconds} s each in ${rounds} rounds, ` +
    `${100000 * scale} rows`);
  await wrk(gateway, scriptPath, 3); // warm-up: the gateway opens its pooled connections
  const http = { rate: 0, requests: 0, errors: 0, p99: 0 };
  const pg = { rate: 0, errors: 0 };
  for (let round = 0; round < rounds; round++) {
    const h = await wrk(gateway, scriptPath, seconds / rounds);
    const p = await pgbench(cluster, env, seconds / rounds);
    console.log(`  round ${round + 1}: gateway ${h.rate.toFixed(0)} req/s, pgbench ${p.rate.toFixed(0)} tps`);
    http.rate += h.rate / rounds;
    http.requests += h.requests;
    http.errors += h.errors;
    http.p99 = Math.max(http.p99, h.p99);
    pg.rate += p.rate / rounds;
    pg.errors += p.errors;
  }
  console.log(`gateway (wrk, POST /sql): ${http.rate.toFixed(0)} req/s, worst p99 ${http.p99.toFixed(2)} ms, ` +
    `${http.requests} requests, ${http.errors} errors`);
  console.log(`pgbench -S:               ${pg.rate.toFixed(0)} tps, ${pg.errors} failed`);
  console.log(`ratio gateway/pgbench:    ${(http.rate / pg.rate).toFixed(2)}x`);
  if (http.errors > 0 || pg.errors > 0) process.exitCode = 1;
} finally {
  await gateway?.stop();
  await cluster.stop();
}
