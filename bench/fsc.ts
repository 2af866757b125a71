/**
 * What the FSC hop costs: the same small JSON service called directly, and called through an
 * Outway and an Inway (mTLS, access token, a transaction log record on each side), in one run.
 * Latency (p50, p99) one request at a time; throughput with many requests in flight.
 *
 *   node --import tsx bench/fsc.ts [--seconds 10] [--concurrency 32] [--database postgres://...]
 *
 * The service, the two peers (Manager, Inway, Outway each) and the load generator run in three
 * processes, so the load generator does not steal the proxies' event loop. Without --database
 * each peer's transaction log is an in-memory PGlite; with it, two databases on that server
 * (created and dropped here). BENCH_NOLOG=1 replaces the transaction logs by a no-op, to see
 * what the proxies cost without them (a diagnosis only: FSC requires the log).
 */
import http from 'node:http';
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, concurrency: { type: 'string', default: '32' }, database: { type: 'string' }, role: { type: 'string' }, service: { type: 'string' } } });

const BODY = JSON.stringify({ url: 'https://zaken.example/zaken/api/v1/zaken/1', identificatie: 'ZAAK-2026-0000000001', omschrijving: 'Begraven' });

if (values.role === 'service') {
  const server = http.createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BODY) }).end(BODY));
  });
  server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as { port: number }).port }));
} else if (values.role === 'peers') {
  const { openMigratedDatabase } = await import('../src/server.ts');
  const { createGroupCa, issuePeerCertificate } = await import('../src/fsc/pki.ts');
  const { startPeer } = await import('../src/fsc/peer.ts');
  const { grantHash } = await import('../src/fsc/hash.ts');
  const ca = await createGroupCa('bench');
  const target = (name: string) => (values.database ? { kind: 'postgres' as const, url: databaseUrl(values.database, name) } : { kind: 'pglite' as const, memory: true as const });
  const peer = async (id: string, name: string, services?: Record<string, string>) => {
    const pem = await issuePeerCertificate(ca, { peerId: id, name });
    return startPeer({ database: await openMigratedDatabase(target(`opengrond_bench_fsc_${id.slice(-4)}`)), credentials: { ...pem, trustAnchors: ca.certificate }, groupId: 'bench', services, ...(process.env.BENCH_NOLOG ? { log: { write: async () => {} } } : {}) });
  };
  const gemeente = await peer('00000001001234567000', 'Gemeente', { zaken: values.service! });
  const uitvaart = await peer('00000001009876543000', 'Uitvaart');
  await uitvaart.manager.announce(gemeente.managerAddress);
  await gemeente.manager.announce(uitvaart.managerAddress);
  const { hash, failures } = await uitvaart.manager.propose([
    { type: 'GRANT_TYPE_SERVICE_CONNECTION', outway: { peer_id: uitvaart.manager.peerId, public_key_thumbprint: uitvaart.manager.publicKeyThumbprint }, service: { type: 'SERVICE_TYPE_SERVICE', peer_id: gemeente.manager.peerId, name: 'zaken' } },
  ]);
  if (failures.length) throw new Error(failures.join('; '));
  await gemeente.manager.sign(hash, 'accept');
  process.send!({ outway: uitvaart.outwayAddress, grant: grantHash((await uitvaart.store.contract(hash))!.content, 0) });
} else {
  await main();
}

function databaseUrl(server: string, name: string): string {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

async function child(role: string, extra: string[] = []): Promise<{ process: ChildProcess; message: Record<string, string | number> }> {
  const proc = fork(fileURLToPath(import.meta.url), ['--role', role, ...extra], { execArgv: ['--import', 'tsx'] });
  const [message] = (await Promise.race([once(proc, 'message'), once(proc, 'exit').then(() => Promise.reject(new Error(`${role} stopped`)))])) as [Record<string, string | number>];
  return { process: proc, message };
}

/** Requests for `seconds` with `concurrency` in flight over keep-alive connections; latencies in ms. */
async function load(url: string, headers: Record<string, string>, concurrency: number, seconds: number): Promise<{ latencies: number[]; rps: number; errors: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const one = () =>
    new Promise<void>((resolve) => {
      const start = performance.now();
      const req = http.request(url, { agent, headers }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 200) latencies.push(performance.now() - start);
          else errors++;
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end();
    });
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < end) await one();
  }));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return { latencies, rps: latencies.length / elapsed, errors };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const seconds = Number(values.seconds);
  const concurrency = Number(values.concurrency);
  const names = ['opengrond_bench_fsc_7000', 'opengrond_bench_fsc_3000'];
  if (values.database) {
    const admin = new pg.Client({ connectionString: values.database });
    await admin.connect();
    for (const n of names) await admin.query(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`).then(() => admin.query(`CREATE DATABASE ${n}`));
    await admin.end();
  }
  const service = await child('service');
  const serviceUrl = `http://127.0.0.1:${service.message.port}`;
  const peers = await child('peers', ['--service', serviceUrl, ...(values.database ? ['--database', values.database] : [])]);
  const viaFsc = { url: `${peers.message.outway}/zaken/api/v1/zaken/1`, headers: { 'fsc-grant-hash': String(peers.message.grant) } };
  try {
    // Warm up: connections, TLS sessions, the access token, JIT.
    await load(`${serviceUrl}/zaken/api/v1/zaken/1`, {}, 4, 1);
    await load(viaFsc.url, viaFsc.headers, 4, 2);
    const rows: string[] = [];
    const results: Record<string, { p50: number; p99: number; rps: number }> = {};
    for (const [label, url, headers] of [['direct', `${serviceUrl}/zaken/api/v1/zaken/1`, {}], ['outway → inway', viaFsc.url, viaFsc.headers]] as const) {
      const serial = await load(url, headers, 1, seconds);
      const sorted = serial.latencies.sort((a, b) => a - b);
      const parallel = await load(url, headers, concurrency, seconds);
      results[label] = { p50: percentile(sorted, 50), p99: percentile(sorted, 99), rps: parallel.rps };
      rows.push(`| ${label.padEnd(15)} | ${percentile(sorted, 50).toFixed(3)} ms | ${percentile(sorted, 99).toFixed(3)} ms | ${Math.round(parallel.rps)} /s | ${serial.errors + parallel.errors} |`);
    }
    const direct = results.direct;
    const fsc = results['outway → inway'];
    console.log(`FSC hop, ${seconds} s per run, latency at 1 in flight, throughput at ${concurrency} in flight, logs on ${values.database ? 'PostgreSQL' : 'PGlite (in memory)'}\n`);
    console.log('| path            | p50 | p99 | throughput | errors |\n|---|---|---|---|---|\n' + rows.join('\n'));
    console.log(`\nadded: p50 ${(fsc.p50 - direct.p50).toFixed(3)} ms, p99 ${(fsc.p99 - direct.p99).toFixed(3)} ms; throughput ${((fsc.rps / direct.rps) * 100).toFixed(0)} % of direct`);
    console.log(`targets: added p50 ≤ 2 ms ${fsc.p50 - direct.p50 <= 2 ? 'met' : 'NOT met'}; throughput ≥ 50 % ${fsc.rps / direct.rps >= 0.5 ? 'met' : 'NOT met'}`);
  } finally {
    service.process.kill();
    peers.process.kill();
    await Promise.all([once(service.process, 'exit'), once(peers.process, 'exit')]);
    if (values.database) {
      const admin = new pg.Client({ connectionString: values.database });
      await admin.connect();
      for (const n of names) await admin.query(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`);
      await admin.end();
    }
  }
}
