/**
 * What the Notificaties benchmarks share: a fresh PostgreSQL database with abonnementen on a
 * local receiver, events written to the outbox the way components write them (one transaction
 * each, or many in one), delivery processes (`opengrond notificaties deliver`) to start and
 * kill, and a receiver that counts every notificatie by its resourceUrl.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database } from '../../src/platform/db/database.ts';
import { openMigratedDatabase } from '../../src/server.ts';
import { createFreshDatabase } from '../../src/conformance/database.ts';
import { enqueueNotificatie } from '../../src/platform/events/outbox.ts';
import { registerStandardKanalen } from '../../src/components/notificaties/kanalen.ts';
import { saveAbonnement } from '../../src/components/notificaties/repository.ts';

const BIN = fileURLToPath(new URL('../../bin/opengrond.js', import.meta.url));
const ORIGIN = 'http://bench.opengrond.test';

export interface BenchDatabase {
  url: string;
  database: Database;
  drop(): Promise<void>;
}

/** A new database on the server (dropped by `drop`), migrated, with our kanalen. */
export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const fresh = await createFreshDatabase(serverUrl, `opengrond_bench_${randomBytes(5).toString('hex')}`);
  const database = await openMigratedDatabase({ kind: 'postgres', url: fresh.url });
  await registerStandardKanalen(database.db);
  return {
    url: fresh.url,
    database,
    async drop() {
      await database.close();
      await fresh.drop();
    },
  };
}

/** `count` abonnementen on kanaal `zaken`, each with its own path on the receiver. */
export async function subscribe(database: Database, receiverUrl: string, count: number): Promise<void> {
  await database.db.transaction().execute(async (tx) => {
    for (let i = 0; i < count; i++) {
      await saveAbonnement(tx, { uuid: randomUUID(), callbackUrl: `${receiverUrl}/abonnee/${i}`, auth: 'Bearer bench', clientId: 'bench', kanalen: [{ naam: 'zaken', filters: {} }] });
    }
  });
}

/** The resourceUrl of event `i`; its hoofdObject is one of `hoofdObjects` zaken. */
export const resourceUrl = (i: number) => `${ORIGIN}/zaken/api/v1/statussen/${i}`;
const event = (i: number, hoofdObjects: number) => ({
  kanaal: 'zaken',
  hoofdObject: `${ORIGIN}/zaken/api/v1/zaken/${i % hoofdObjects}`,
  resource: 'status',
  resourceUrl: resourceUrl(i),
  actie: 'create',
  kenmerken: { bronorganisatie: '002220647', zaaktype: `${ORIGIN}/catalogi/api/v1/zaaktypen/1`, vertrouwelijkheidaanduiding: 'openbaar' },
});

/** Events `from` … `to - 1`, written in transactions of `perTransaction`. */
export async function enqueue(database: Database, from: number, to: number, hoofdObjects: number, perTransaction = 500): Promise<void> {
  for (let start = from; start < to; start += perTransaction) {
    await database.db.transaction().execute(async (tx) => {
      for (let i = start; i < Math.min(to, start + perTransaction); i++) await enqueueNotificatie(tx, event(i, hoofdObjects));
    });
  }
}

/** One event in its own transaction; resolves at commit (the start of its latency). */
export async function enqueueOne(database: Database, i: number, hoofdObjects: number): Promise<number> {
  await database.db.transaction().execute((tx) => enqueueNotificatie(tx, event(i, hoofdObjects)));
  return performance.now();
}

export interface Receiver {
  url: string;
  /** Per event index, the times (performance.now()) it was received, over all abonnementen. */
  arrivals: Map<number, number[]>;
  /** Deliveries received in all, duplicates included. */
  total(): number;
  close(): Promise<void>;
}

/** Answers 204 to everything, and notes which event came when. */
export async function startReceiver(): Promise<Receiver> {
  const arrivals = new Map<number, number[]>();
  let total = 0;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const at = performance.now();
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { resourceUrl: string };
      const i = Number(body.resourceUrl.slice(body.resourceUrl.lastIndexOf('/') + 1));
      const list = arrivals.get(i);
      if (list) list.push(at);
      else arrivals.set(i, [at]);
      total++;
      response.writeHead(204).end();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    arrivals,
    total: () => total,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface DeliveryProcess {
  child: ChildProcess;
  /** Resolves once it announced that it delivers. */
  ready: Promise<void>;
  exited: Promise<void>;
  output(): string;
}

/** `opengrond notificaties deliver` on the database, allowed to call the loopback receiver. */
export function startDeliveryProcess(databaseUrl: string, flags: string[] = []): DeliveryProcess {
  const child = spawn(process.execPath, [BIN, 'notificaties', 'deliver', '--database', databaseUrl, '--allow-loopback-callbacks', ...flags], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      output += d;
      if (output.includes('levert notificaties af')) resolve();
    });
    child.stderr!.on('data', (d: Buffer) => (output += d));
    child.once('exit', (code, signal) => reject(new Error(`delivery process exited (${signal ?? code}) before it was ready:\n${output}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, ready, exited, output: () => output };
}

/** Waits until `done()`, checking every 10 ms; throws after `timeoutMs`. */
export async function until(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Deliveries by status, from the database. */
export async function leveringStatus(database: Database): Promise<Record<string, number>> {
  const { rows } = await sql<{ status: string; n: number }>`SELECT status, count(*)::int AS n FROM notificaties.levering GROUP BY status`.execute(database.db);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
