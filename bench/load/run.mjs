// npm run load -- --clients 32 --seconds 60 [--backend d1|pg]: mixed writes and reads from
// concurrent clients through the reference Worker in workerd, on a local D1 or on a private
// PostgreSQL behind sluice-gateway (loopback only). Every acknowledged write is recorded and
// the final tables are checked against the record. Exits 1 on any 5xx (a 503 with
// Retry-After, the gateway shedding load, is counted apart), any wrong answer, or any row
// lost, resurrected, orphaned or never acknowledged.
import { startReferenceWorker } from "../../tests/js/support/reference-worker.js";
import { LoadClient } from "./client.mjs";
import { Ledger } from "./ledger.mjs";
import { readOptions } from "./options.mjs";

let options;
try {
  options = readOptions(process.argv.slice(2));
} catch (error) {
  console.error(`load: ${error.message}`);
  process.exit(2);
}
const { clients, seconds, backend } = options;

const worker = await startReferenceWorker(backend);
const ledger = new Ledger();
let tally;
let requests = 0;
try {
  const everyone = [];
  const started = Date.now();
  const deadline = started + seconds * 1000;
  await Promise.all(Array.from({ length: clients }, (_, i) => new LoadClient(i, worker, ledger, everyone).run(deadline)));
  const elapsed = (Date.now() - started) / 1000;
  requests = ledger.count(() => true);
  tally = ledger.verify(await worker.snapshot());
  tally.rate = Math.round(requests / elapsed);
} finally {
  await worker.dispose();
}

const shed = ledger.count((key) => key.endsWith(" 503"));
const serverErrors = ledger.count((key) => / (0|5\d\d)$/.test(key)) - shed;
for (const [key, n] of [...ledger.statuses].sort()) console.log(`load ${backend}: ${key}: ${n}`);
for (const line of ledger.anomalies) console.log(`load ${backend}: ${line}`);
if (ledger.anomalyCount > ledger.anomalies.length) console.log(`load ${backend}: ... ${ledger.anomalyCount} in all`);
// Every 5xx but a shed 503, every wrong answer and every row that breaks a rule is an anomaly.
const failures = ledger.anomalyCount;
console.log(
  `load ${backend}: ${clients} clients x ${seconds} s: ${requests} requests (${tally.rate}/s), ` +
    `${ledger.users.size} users and ${ledger.posts.size} posts acknowledged; 5xx ${serverErrors}, 503 shed ${shed}; ` +
    `lost ${tally.lost}, resurrected ${tally.resurrected}, orphan posts ${tally.orphans}, ` +
    `unacknowledged rows ${tally.unacknowledged}, wrong values ${tally.wrong}: ${failures === 0 ? "ok" : "FAILED"}`,
);
process.exitCode = failures === 0 ? 0 : 1;
