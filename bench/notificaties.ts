/**
 * How fast notificaties are delivered, on PostgreSQL with `opengrond notificaties deliver`
 * processes and a local receiver (docs/performance.md):
 *
 * - throughput: `--count` events committed to the outbox at once, delivered by one and by two
 *   processes; deliveries per second from the commit to the last arrival (routing included);
 * - latency: events committed one per transaction at `--rate` per second while one process
 *   delivers; time from commit to arrival, p50 and p99.
 *
 *   node --import tsx bench/notificaties.ts [--count 20000] [--subscribers 4] [--hoofdobjecten 2000]
 *       [--rate 200] [--seconds 10] [--per-subscriber 4] [--database postgres://…]
 *
 * Every abonnement takes every event, so a run makes count × subscribers deliveries. A database
 * is created on the server for each run and dropped afterwards.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { createBenchDatabase, enqueue, enqueueOne, percentile, startDeliveryProcess, startReceiver, subscribe, until } from './notificaties/harness.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '20000' },
    subscribers: { type: 'string', default: '4' },
    hoofdobjecten: { type: 'string', default: '2000' },
    rate: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '10' },
    'per-subscriber': { type: 'string', default: '4' },
    database: { type: 'string', default: process.env.DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres' },
  },
});
const serverUrl = values.database!;
const count = Number(values.count);
const subscribers = Number(values.subscribers);
const hoofdObjects = Number(values.hoofdobjecten);
const flags = ['--delivery-per-subscriber', values['per-subscriber']!];

async function throughput(processes: number): Promise<number> {
  const bench = await createBenchDatabase(serverUrl);
  const receiver = await startReceiver();
  const workers = Array.from({ length: processes }, () => startDeliveryProcess(bench.url, flags));
  try {
    await subscribe(bench.database, receiver.url, subscribers);
    await Promise.all(workers.map((w) => w.ready));
    const deliveries = count * subscribers;
    // All events in one transaction: they are there at once, as after a burst of changes.
    const committed = await (async () => {
      await enqueue(bench.database, 0, count, hoofdObjects, count);
      return performance.now();
    })();
    await until(() => receiver.total() >= deliveries, 600_000, `${deliveries} deliveries`);
    const seconds = (performance.now() - committed) / 1000;
    return deliveries / seconds;
  } finally {
    for (const w of workers) w.child.kill('SIGTERM');
    await Promise.all(workers.map((w) => w.exited));
    await receiver.close();
    await bench.drop();
  }
}

async function latency(): Promise<{ p50: number; p99: number; max: number; n: number }> {
  const bench = await createBenchDatabase(serverUrl);
  const receiver = await startReceiver();
  const worker = startDeliveryProcess(bench.url, flags);
  try {
    await subscribe(bench.database, receiver.url, 1);
    await worker.ready;
    const n = Number(values.rate) * Number(values.seconds);
    const interval = 1000 / Number(values.rate);
    const commits = new Map<number, number>();
    const start = performance.now();
    for (let i = 0; i < n; i++) {
      const due = start + i * interval;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      commits.set(i, await enqueueOne(bench.database, i, hoofdObjects));
    }
    await until(() => receiver.arrivals.size >= n, 60_000, `${n} deliveries`);
    const latencies = [...commits].map(([i, at]) => receiver.arrivals.get(i)![0]! - at).sort((a, b) => a - b);
    return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1)!, n };
  } finally {
    worker.child.kill('SIGTERM');
    await worker.exited;
    await receiver.close();
    await bench.drop();
  }
}

console.log(`Notificaties: ${count} events × ${subscribers} abonnementen over ${hoofdObjects} hoofdobjecten, ${values['per-subscriber']} per abonnement per process; ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}`);
for (const processes of [1, 2]) {
  const rate = await throughput(processes);
  console.log(`throughput, ${processes} delivery process(es): ${Math.round(rate)} deliveries/s`);
}
const l = await latency();
console.log(`latency at ${values.rate}/s (${l.n} events, one per transaction, 1 process): p50 ${l.p50.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms, max ${l.max.toFixed(1)} ms`);
