/**
 * No notificatie is lost when the delivering process dies: a burst of events is committed to
 * the outbox, a delivery process starts on it and is killed with SIGKILL part-way, a new one
 * takes over; every event must then be received at least once. Reports the duplicates (the
 * deliveries in flight at the kill, sent again after their lease ran out) and checks the order
 * per hoofdObject of the first arrivals.
 *
 *   node --import tsx bench/notificaties-crash.ts [--count 10000] [--hoofdobjecten 1000] [--kill-after 0.3]
 *       [--database postgres://postgres:postgres@127.0.0.1:5432/postgres]
 *
 * PostgreSQL only (the embedded database has a single process). A database is created on the
 * server and dropped afterwards. test/components/notificaties/crash.test.ts runs it.
 */
import { parseArgs } from 'node:util';
import { createBenchDatabase, enqueue, leveringStatus, startDeliveryProcess, startReceiver, subscribe, until } from './notificaties/harness.ts';

export interface CrashReport {
  count: number;
  receivedAtKill: number;
  /** Events received at least once. */
  unique: number;
  lost: number;
  /** Deliveries received more than once (extra receipts). */
  duplicates: number;
  /** hoofdObjecten whose events first arrived out of order. */
  outOfOrder: number;
  leveringen: Record<string, number>;
  recoverySeconds: number;
}

/** Delivery flags: a short request deadline keeps the lease (2 × deadline + 5 s) short. */
const FLAGS = ['--delivery-timeout', '2', '--delivery-per-subscriber', '16'];

export async function crashCheck(options: { serverUrl: string; count: number; hoofdObjects: number; killAfter: number }): Promise<CrashReport> {
  const { count, hoofdObjects } = options;
  const bench = await createBenchDatabase(options.serverUrl);
  const receiver = await startReceiver();
  const processes: ReturnType<typeof startDeliveryProcess>[] = [];
  try {
    await subscribe(bench.database, receiver.url, 1);
    await enqueue(bench.database, 0, count, hoofdObjects);

    const first = startDeliveryProcess(bench.url, FLAGS);
    processes.push(first);
    await first.ready;
    await until(() => receiver.arrivals.size >= count * options.killAfter, 120_000, 'the first deliveries');
    first.child.kill('SIGKILL');
    await first.exited;
    const receivedAtKill = receiver.arrivals.size;

    const killedAt = performance.now();
    const second = startDeliveryProcess(bench.url, FLAGS);
    processes.push(second);
    await second.ready;
    await until(() => receiver.arrivals.size >= count, 120_000, `all ${count} notificaties (${receiver.arrivals.size} so far)`);
    const recoverySeconds = (performance.now() - killedAt) / 1000;
    // Let every delivery be recorded, so that each duplicate is counted.
    const deadline = Date.now() + 30_000;
    while ((await leveringStatus(bench.database)).pending && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));

    let duplicates = 0;
    for (const times of receiver.arrivals.values()) duplicates += times.length - 1;
    return {
      count,
      receivedAtKill,
      unique: receiver.arrivals.size,
      lost: count - receiver.arrivals.size,
      duplicates,
      outOfOrder: outOfOrder(receiver.arrivals, count, hoofdObjects),
      leveringen: await leveringStatus(bench.database),
      recoverySeconds,
    };
  } finally {
    for (const p of processes) p.child.kill('SIGTERM');
    await Promise.all(processes.map((p) => p.exited));
    await receiver.close();
    await bench.drop();
  }
}

/** Events of one hoofdObject are i, i + H, i + 2H, …: their first arrivals must ascend. */
function outOfOrder(arrivals: Map<number, number[]>, count: number, hoofdObjects: number): number {
  let wrong = 0;
  for (let h = 0; h < hoofdObjects; h++) {
    let previous = -Infinity;
    for (let i = h; i < count; i += hoofdObjects) {
      const first = arrivals.get(i)?.[0] ?? Infinity;
      if (first < previous) {
        wrong++;
        break;
      }
      previous = first;
    }
  }
  return wrong;
}

if (process.argv[1]?.endsWith('notificaties-crash.ts')) {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '10000' },
      hoofdobjecten: { type: 'string', default: '1000' },
      'kill-after': { type: 'string', default: '0.3' },
      database: { type: 'string', default: process.env.DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres' },
    },
  });
  const report = await crashCheck({ serverUrl: values.database!, count: Number(values.count), hoofdObjects: Number(values.hoofdobjecten), killAfter: Number(values['kill-after']) });
  console.log(JSON.stringify(report, null, 2));
  process.exit(report.lost === 0 && report.outOfOrder === 0 ? 0 : 1);
}
