/**
 * What the FSC hop costs: the same service called directly, and called through an Outway and
 * an Inway (mTLS, access token, a transaction log record on each side), in one run. Latency
 * (p50, p99) one request at a time; throughput with many requests in flight, and the CPU time
 * the service process and the peers process spend per request in that run (which, unlike the
 * rates, does not depend much on what else the machine is doing).
 *
 *   node --import tsx bench/fsc.ts [--seconds 10] [--concurrency 32] [--database postgres://...]
 *       [--upstream zaken|empty]
 *
 * The service is what the practice environment's Inway fronts: the real Zaken API of Open
 * Grond (`--upstream zaken`, the default), asked for one zaak (GET /zaken/api/v1/zaken/{uuid}
 * with a client JWT, so authorisation, the database read and the JSON rendering all count).
 * `--upstream empty` is a handler that answers a fixed JSON body without any work: it shows
 * the hop's own cost, and is no fair baseline for the throughput target.
 *
 * The service, the two peers (Manager, Inway, Outway each) and the load generator run in three
 * processes, so the load generator does not steal the proxies' event loop. Without --database
 * the Zaken API and each peer's transaction log are on in-memory PGlite; with it, three
 * databases on that server (created and dropped here). BENCH_NOLOG=1 replaces the transaction
 * logs by a no-op, to see what the proxies cost without them (a diagnosis only: FSC requires
 * the log). BENCH_PROFILE=DIR writes CPU profiles of the child processes there.
 */
import http from 'node:http';
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '10' }, concurrency: { type: 'string', default: '32' }, database: { type: 'string' }, upstream: { type: 'string', default: 'zaken' }, role: { type: 'string' }, service: { type: 'string' } },
});
if (values.upstream !== 'zaken' && values.upstream !== 'empty') throw new Error('--upstream is zaken or empty');
const DATABASES = { zaken: 'opengrond_bench_fsc_zgw', gemeente: 'opengrond_bench_fsc_7000', uitvaart: 'opengrond_bench_fsc_3000' };
const target = (name: string) => (values.database ? { kind: 'postgres' as const, url: databaseUrl(values.database, name) } : { kind: 'pglite' as const, memory: true as const });

// A child stops on SIGTERM through process.exit, so that a CPU profile is written.
if (values.role) process.on('SIGTERM', () => process.exit(0));
// A child tells the CPU time it has used so far (ms), so the parent can say what a request costs.
if (values.role) process.on('message', (m) => m === 'cpu' && process.send!({ cpu: (process.cpuUsage().user + process.cpuUsage().system) / 1000 }));

if (values.role === 'service' && values.upstream === 'empty') {
  const body = JSON.stringify({ url: 'https://zaken.example/zaken/api/v1/zaken/1', identificatie: 'ZAAK-2026-0000000001', omschrijving: 'Begraven' });
  const server = http.createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body));
  });
  server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as { port: number }).port, path: '/zaken/api/v1/zaken/1', authorization: '' }));
} else if (values.role === 'service') {
  await zakenService();
} else if (values.role === 'peers') {
  const { openMigratedDatabase } = await import('../src/server.ts');
  const { createGroupCa, issuePeerCertificate } = await import('../src/fsc/pki.ts');
  const { startPeer } = await import('../src/fsc/peer.ts');
  const { grantHash } = await import('../src/fsc/hash.ts');
  const ca = await createGroupCa('bench');
  const peer = async (id: string, name: string, database: string, services?: Record<string, string>) => {
    const pem = await issuePeerCertificate(ca, { peerId: id, name });
    return startPeer({ database: await openMigratedDatabase(target(database)), credentials: { ...pem, trustAnchors: ca.certificate }, groupId: 'bench', services, ...(process.env.BENCH_NOLOG ? { log: { write: async () => {} } } : {}) });
  };
  const gemeente = await peer('00000001001234567000', 'Gemeente', DATABASES.gemeente, { zaken: values.service! });
  const uitvaart = await peer('00000001009876543000', 'Uitvaart', DATABASES.uitvaart);
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

/** The real Zaken API (all of Open Grond) with the demo catalogus and one zaak to ask for. */
async function zakenService(): Promise<void> {
  const { buildOpenGrond } = await import('../src/server.ts');
  const { seedDemoCatalogus } = await import('../src/demo/catalogus.ts');
  const { SignJWT } = await import('jose');
  const client = { clientId: 'bench-fsc', secret: 'bench-fsc-secret-0123456789abcdef' };
  const og = await buildOpenGrond({ database: target(DATABASES.zaken), clients: [{ ...client, label: 'Benchmark', heeftAlleAutorisaties: true }], notificaties: { delivery: false } });
  const baseUrl = await og.app.listen({ port: 0, host: '127.0.0.1' });
  await seedDemoCatalogus(og, client, { baseUrl });
  const token = await new SignJWT({ client_id: client.clientId, user_id: 'bench', user_representation: 'Benchmark' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(client.clientId)
    .setIssuedAt()
    .sign(new TextEncoder().encode(client.secret));
  const call = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(url.startsWith('http') ? url : baseUrl + url, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'accept-crs': 'EPSG:4326', 'content-crs': 'EPSG:4326' }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, any>>;
  };
  const zaaktype = (await call('GET', '/catalogi/api/v1/zaaktypen?status=definitief')).results.find((z: { omschrijving: string }) => z.omschrijving === 'Begraven');
  const zaak = await call('POST', '/zaken/api/v1/zaken', { bronorganisatie: '123456782', verantwoordelijkeOrganisatie: '123456782', zaaktype: zaaktype.url, startdatum: '2026-12-01', omschrijving: 'Begrafenis J. Jansen', vertrouwelijkheidaanduiding: 'openbaar' });
  process.send!({ port: new URL(baseUrl).port, path: new URL(zaak.url).pathname, authorization: `Bearer ${token}` });
}

async function child(role: string, extra: string[] = []): Promise<{ process: ChildProcess; message: Record<string, string | number> }> {
  // BENCH_PROFILE=DIR writes a CPU profile of each child process there (node --cpu-prof).
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE] : [];
  const proc = fork(fileURLToPath(import.meta.url), ['--role', role, ...extra], { execArgv: ['--import', 'tsx', ...profile] });
  const [message] = (await Promise.race([once(proc, 'message'), once(proc, 'exit').then(() => Promise.reject(new Error(`${role} stopped`)))])) as [Record<string, string | number>];
  return { process: proc, message };
}

/**
 * What two committed single-row INSERTs one after the other cost on the server (WAL flushed:
 * synchronous_commit on), as the hop waits for the Outway's record and then the Inway's; the
 * durations in ms. Pairs, not single commits doubled: on a shared disk a commit takes either
 * ~0.5 ms or a whole ~4 ms flush, and the p50 of one says little about the p50 of two. Measured
 * next to the runs, since it changes by a factor of ten from one minute to the next.
 */
async function commitPairTimes(client: pg.Client, count = 100): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await client.query('INSERT INTO commit_probe (v) VALUES ($1)', ['x']);
    await client.query('INSERT INTO commit_probe (v) VALUES ($1)', ['x']);
    times.push(performance.now() - start);
  }
  return times;
}

/** The CPU time (ms) a child process has used so far. */
async function cpu(proc: ChildProcess): Promise<number> {
  const answer = new Promise<number>((resolve) => {
    const listen = (m: { cpu?: number }) => {
      if (m?.cpu === undefined) return;
      proc.off('message', listen);
      resolve(m.cpu);
    };
    proc.on('message', listen);
  });
  proc.send('cpu');
  return answer;
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
  const names = Object.values(DATABASES);
  if (values.database) {
    const admin = new pg.Client({ connectionString: values.database });
    await admin.connect();
    for (const n of names) await admin.query(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`).then(() => admin.query(`CREATE DATABASE ${n}`));
    await admin.end();
  }
  // A client of its own for the commit probe, on one of the peers' log databases.
  const probe = values.database ? new pg.Client({ connectionString: databaseUrl(values.database, DATABASES.uitvaart) }) : undefined;
  await probe?.connect();
  await probe?.query('CREATE TABLE commit_probe (id serial PRIMARY KEY, v text)');
  const commitBefore = probe ? await commitPairTimes(probe) : [];
  const commitAround: number[] = [];
  const db = values.database ? ['--database', values.database] : [];
  const service = await child('service', ['--upstream', values.upstream!, ...db]);
  const serviceUrl = `http://127.0.0.1:${service.message.port}`;
  const peers = await child('peers', ['--service', serviceUrl, ...db]);
  // The same request both ways: the client's own JWT goes through the Outway and Inway unaltered.
  const headers: Record<string, string> = { 'accept-crs': 'EPSG:4326', ...(service.message.authorization ? { authorization: String(service.message.authorization) } : {}) };
  const directCall = { url: `${serviceUrl}${service.message.path}`, headers };
  const viaFsc = { url: `${peers.message.outway}${service.message.path}`, headers: { ...headers, 'fsc-grant-hash': String(peers.message.grant) } };
  try {
    // Warm up: connections, TLS sessions, the access token, JIT.
    await load(directCall.url, directCall.headers, 4, 2);
    await load(viaFsc.url, viaFsc.headers, 4, 2);
    const rows: string[] = [];
    const results: Record<string, { p50: number; p99: number; rps: number }> = {};
    for (const [label, { url, headers }] of [['direct', directCall], ['outway → inway', viaFsc]] as const) {
      // The commits the hop waits for, measured right before and after its latency run (not during: they would share WAL flushes).
      if (probe && label !== 'direct') commitAround.push(...(await commitPairTimes(probe, 50)));
      const serial = await load(url, headers, 1, seconds);
      if (probe && label !== 'direct') commitAround.push(...(await commitPairTimes(probe, 50)));
      const sorted = serial.latencies.sort((a, b) => a - b);
      const before = await Promise.all([cpu(service.process), cpu(peers.process)]);
      const parallel = await load(url, headers, concurrency, seconds);
      const after = await Promise.all([cpu(service.process), cpu(peers.process)]);
      // CPU time per request in the throughput run: what the machine spends, whatever else runs on it.
      const [serviceCpu, peersCpu] = after.map((a, i) => (a - before[i]) / parallel.latencies.length);
      results[label] = { p50: percentile(sorted, 50), p99: percentile(sorted, 99), rps: parallel.rps };
      rows.push(`| ${label.padEnd(15)} | ${percentile(sorted, 50).toFixed(3)} ms | ${percentile(sorted, 99).toFixed(3)} ms | ${Math.round(parallel.rps)} /s | ${serviceCpu.toFixed(3)} ms | ${peersCpu.toFixed(3)} ms | ${serial.errors + parallel.errors} |`);
    }
    const direct = results.direct;
    const fsc = results['outway → inway'];
    const upstream = values.upstream === 'zaken' ? `the Zaken API (GET ${service.message.path})` : 'an empty handler';
    console.log(`FSC hop to ${upstream}, ${seconds} s per run, latency at 1 in flight, throughput at ${concurrency} in flight, databases on ${values.database ? 'PostgreSQL' : 'PGlite (in memory)'}`);
    if (probe) {
      const [before, around] = [commitBefore, commitAround].map((t) => t.sort((a, b) => a - b));
      console.log(`two durable one-row commits one after the other on this server (the hop waits for one on each side): p50 ${percentile(before, 50).toFixed(3)} ms, p90 ${percentile(before, 90).toFixed(3)} ms before the runs; p50 ${percentile(around, 50).toFixed(3)} ms, p90 ${percentile(around, 90).toFixed(3)} ms right before and after the outway → inway latency run`);
    }
    console.log('');
    console.log('| path            | p50 | p99 | throughput | CPU/request service | CPU/request peers | errors |\n|---|---|---|---|---|---|---|\n' + rows.join('\n'));
    console.log(`\nadded: p50 ${(fsc.p50 - direct.p50).toFixed(3)} ms, p99 ${(fsc.p99 - direct.p99).toFixed(3)} ms; throughput ${((fsc.rps / direct.rps) * 100).toFixed(0)} % of direct`);
    if (probe) console.log(`added p50 less two commits (p50 next to the run): ${(fsc.p50 - direct.p50 - percentile(commitAround, 50)).toFixed(3)} ms: what the proxies, TLS and the extra loopback hops cost`);
    console.log(`targets: added p50 ≤ 2 ms ${fsc.p50 - direct.p50 <= 2 ? 'met' : 'NOT met'}; throughput ≥ 50 % ${fsc.rps / direct.rps >= 0.5 ? 'met' : 'NOT met'}`);
  } finally {
    await probe?.end();
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
