/**
 * What the FSC hop costs: the same service called directly, and called through an Outway and
 * an Inway (mTLS, access token, a transaction log record on each side), in one run. Latency
 * (p50, p99) one request at a time; throughput with many requests in flight, and the CPU time
 * the service process and the peers process spend per request in that run (which, unlike the
 * rates, does not depend much on what else the machine is doing). The run is `--rounds`
 * rounds, each measuring both paths back to back; the targets are judged on the medians over
 * the rounds (on a shared machine one minute differs from the next by tens of percents).
 * The result is also written to bench/results/fsc-UPSTREAM-LOG-TIMESTAMP.json.
 *
 *   node --import tsx bench/fsc.ts [--rounds 5] [--seconds 5] [--concurrency 32]
 *       [--database postgres://...] [--upstream zaken|empty] [--log journal|database]
 *
 * `--log journal` (the default) gives each peer a transaction log journal on local disk
 * (src/fsc/journal.ts, `opengrond fsc serve --journal`); `--log database` commits each record
 * to the peer's database before the request goes on.
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
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '5' }, rounds: { type: 'string', default: '5' }, concurrency: { type: 'string', default: '32' }, database: { type: 'string' }, upstream: { type: 'string', default: 'zaken' }, log: { type: 'string', default: 'journal' }, role: { type: 'string' }, service: { type: 'string' } },
});
if (values.upstream !== 'zaken' && values.upstream !== 'empty') throw new Error('--upstream is zaken or empty');
if (values.log !== 'journal' && values.log !== 'database') throw new Error('--log is journal or database');
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
  // With --log journal each peer's transaction log is journalled on local disk first (src/fsc/journal.ts).
  const journals = fs.mkdtempSync(path.join(os.tmpdir(), 'opengrond-bench-fsc-'));
  process.on('exit', () => fs.rmSync(journals, { recursive: true, force: true }));
  const peer = async (id: string, name: string, database: string, services?: Record<string, string>) => {
    const pem = await issuePeerCertificate(ca, { peerId: id, name });
    const log = process.env.BENCH_NOLOG ? { log: { write: async () => {} } } : values.log === 'journal' ? { journalDir: path.join(journals, id) } : {};
    return startPeer({ database: await openMigratedDatabase(target(database)), credentials: { ...pem, trustAnchors: ca.certificate }, groupId: 'bench', services, ...log });
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
 * What the hop waits for on the disk: two durable log writes one after the other (the
 * Outway's record, then the Inway's), as the durations in ms of `count` pairs. With `--log
 * database` two committed single-row INSERTs on the server (WAL flushed: synchronous_commit on);
 * with `--log journal` two O_DSYNC appends of a record-sized line to a file next to the
 * journals. Pairs, not single writes doubled: on a shared disk a write takes either a few tenths
 * of a ms or a whole ~4 ms flush, and the p50 of one says little about the p50 of two. Measured
 * next to the runs, since it changes by a factor of ten from one minute to the next.
 */
type DurableWrite = () => Promise<unknown>;
async function pairTimes(write: DurableWrite, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await write();
    await write();
    times.push(performance.now() - start);
  }
  return times;
}

async function durableWriteProbe(): Promise<{ write: DurableWrite; close(): Promise<void> } | undefined> {
  if (values.log === 'journal') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opengrond-bench-probe-'));
    const fd = fs.openSync(path.join(dir, 'probe.jsonl'), fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_APPEND | fs.constants.O_DSYNC);
    const line = Buffer.from(`${JSON.stringify({ transaction_id: '0193a0b2-1c2d-7e3f-8a9b-0c1d2e3f4a5b', direction: 'DIRECTION_OUTGOING', grant_hash: `$1$3$${'x'.repeat(86)}`, source: { type: 'SOURCE_TYPE_SOURCE', outway_peer_id: '00000001009876543000' }, destination: { type: 'DESTINATION_TYPE_DESTINATION', service_peer_id: '00000001001234567000' }, service_name: 'zaken', created_at: 1764633600 })}\n`);
    return {
      write: () => new Promise((resolve, reject) => fs.write(fd, line, (error) => (error ? reject(error) : resolve(undefined)))),
      close: async () => {
        fs.closeSync(fd);
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!values.database) return undefined;
  // A client of its own, on one of the peers' log databases.
  const client = new pg.Client({ connectionString: databaseUrl(values.database, DATABASES.uitvaart) });
  await client.connect();
  await client.query('CREATE TABLE commit_probe (id serial PRIMARY KEY, v text)');
  return { write: () => client.query('INSERT INTO commit_probe (v) VALUES ($1)', ['x']), close: () => client.end() };
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

/** One GET over `agent`; its latency in ms, or undefined when it did not answer 200. */
function request(url: string, headers: Record<string, string>, agent: http.Agent): Promise<number | undefined> {
  return new Promise((resolve) => {
    const start = performance.now();
    const req = http.request(url, { agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200 ? performance.now() - start : undefined));
    });
    req.on('error', () => resolve(undefined));
    req.end();
  });
}

/** Requests for `seconds` with `concurrency` in flight over keep-alive connections; latencies in ms. */
async function load(url: string, headers: Record<string, string>, concurrency: number, seconds: number): Promise<{ latencies: number[]; rps: number; errors: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < end) {
      const latency = await request(url, headers, agent);
      if (latency === undefined) errors++;
      else latencies.push(latency);
    }
  }));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return { latencies, rps: latencies.length / elapsed, errors };
}

/**
 * Latency one request at a time, the two paths taking turns request by request for `seconds`:
 * each direct request has an FSC request next to it, so both see the same state of the machine
 * (on a shared machine the p50 of one path moves by a millisecond from one minute to the next).
 */
async function alternating(paths: Record<'direct' | 'fsc', { url: string; headers: Record<string, string> }>, seconds: number): Promise<Record<'direct' | 'fsc', { latencies: number[]; errors: number }>> {
  const agents = { direct: new http.Agent({ keepAlive: true, maxSockets: 1 }), fsc: new http.Agent({ keepAlive: true, maxSockets: 1 }) };
  const out = { direct: { latencies: [] as number[], errors: 0 }, fsc: { latencies: [] as number[], errors: 0 } };
  const end = performance.now() + seconds * 1000;
  for (let i = 0; performance.now() < end; i++) {
    // Which goes first alternates too, so neither always follows the other.
    for (const which of i % 2 ? (['fsc', 'direct'] as const) : (['direct', 'fsc'] as const)) {
      const latency = await request(paths[which].url, paths[which].headers, agents[which]);
      if (latency === undefined) out[which].errors++;
      else out[which].latencies.push(latency);
    }
  }
  agents.direct.destroy();
  agents.fsc.destroy();
  return out;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

interface PathResult {
  p50: number;
  p99: number;
  rps: number;
  /** CPU time per request in the throughput run (ms): the service process, the peers process. */
  cpuService: number;
  cpuPeers: number;
  errors: number;
}

interface Round {
  direct: PathResult;
  fsc: PathResult;
  /** Two durable log writes one after the other (what the hop waits for), p50 (ms), measured around the latency run. */
  writePair?: number;
}

function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

async function main(): Promise<void> {
  const seconds = Number(values.seconds);
  const concurrency = Number(values.concurrency);
  const rounds = Number(values.rounds);
  const names = Object.values(DATABASES);
  if (values.database) {
    const admin = new pg.Client({ connectionString: values.database });
    await admin.connect();
    for (const n of names) await admin.query(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`).then(() => admin.query(`CREATE DATABASE ${n}`));
    await admin.end();
  }
  const probe = await durableWriteProbe();
  const db = values.database ? ['--database', values.database] : [];
  const service = await child('service', ['--upstream', values.upstream!, ...db]);
  const serviceUrl = `http://127.0.0.1:${service.message.port}`;
  const peers = await child('peers', ['--service', serviceUrl, '--log', values.log!, ...db]);
  // The same request both ways: the client's own JWT goes through the Outway and Inway unaltered.
  const headers: Record<string, string> = { 'accept-crs': 'EPSG:4326', ...(service.message.authorization ? { authorization: String(service.message.authorization) } : {}) };
  const paths = {
    direct: { url: `${serviceUrl}${service.message.path}`, headers },
    fsc: { url: `${peers.message.outway}${service.message.path}`, headers: { ...headers, 'fsc-grant-hash': String(peers.message.grant) } },
  };
  /** One path's throughput with `concurrency` in flight, and the CPU time per request it took. */
  const throughput = async (which: keyof typeof paths) => {
    const before = await Promise.all([cpu(service.process), cpu(peers.process)]);
    const parallel = await load(paths[which].url, paths[which].headers, concurrency, seconds);
    const after = await Promise.all([cpu(service.process), cpu(peers.process)]);
    // CPU time per request in the throughput run: what the machine spends, whatever else runs on it.
    const [cpuService, cpuPeers] = after.map((a, i) => (a - before[i]) / parallel.latencies.length);
    return { rps: parallel.rps, cpuService, cpuPeers, errors: parallel.errors };
  };
  try {
    // Warm up: connections, TLS sessions, the access token, JIT.
    await load(paths.direct.url, paths.direct.headers, 4, 2);
    await load(paths.fsc.url, paths.fsc.headers, 4, 2);
    // Rounds: the latencies of both paths taking turns, then each path's throughput (in
    // alternating order), so that a minute in which the shared machine is slow affects both
    // sides of a comparison; the targets are judged on the medians over the rounds.
    const results: Round[] = [];
    for (let r = 0; r < rounds; r++) {
      // The durable writes the hop waits for, measured right before and after the latency run (not during: they would share flushes).
      const writes = probe ? await pairTimes(probe.write, 50) : [];
      const serial = await alternating(paths, seconds);
      if (probe) writes.push(...(await pairTimes(probe.write, 50)));
      const rates: Partial<Record<keyof typeof paths, Awaited<ReturnType<typeof throughput>>>> = {};
      for (const which of r % 2 ? (['fsc', 'direct'] as const) : (['direct', 'fsc'] as const)) rates[which] = await throughput(which);
      const path = (which: keyof typeof paths): PathResult => {
        const sorted = serial[which].latencies.sort((a, b) => a - b);
        return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), ...rates[which]!, errors: serial[which].errors + rates[which]!.errors };
      };
      results.push({ direct: path('direct'), fsc: path('fsc'), writePair: probe ? median(writes) : undefined });
      process.stderr.write(`round ${r + 1}/${rounds} done\n`);
    }
    report(results, { seconds, concurrency, rounds, path: String(service.message.path) });
  } finally {
    await probe?.close();
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

/** Prints a table per round and the medians over the rounds, and writes them to bench/results. */
function report(results: Round[], run: { seconds: number; concurrency: number; rounds: number; path: string }): void {
  const ms = (v: number) => `${v.toFixed(3)} ms`;
  const upstream = values.upstream === 'zaken' ? `the Zaken API (GET ${run.path})` : 'an empty handler';
  console.log(`FSC hop to ${upstream}: ${run.rounds} rounds of ${run.seconds} s per run, latency at 1 in flight (the paths taking turns), throughput at ${run.concurrency} in flight, databases on ${values.database ? 'PostgreSQL' : 'PGlite (in memory)'}, transaction logs ${values.log === 'journal' ? 'journalled on local disk first (--log journal)' : 'committed to the database per record (--log database)'}, load average ${os.loadavg()[0].toFixed(1)} at the end`);
  console.log('');
  console.log('| round | path | p50 | p99 | throughput | CPU/request service | CPU/request peers | errors | added p50 | throughput of direct | two durable writes p50 |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  results.forEach((r, i) => {
    for (const [label, p] of [['direct', r.direct], ['outway → inway', r.fsc]] as const) {
      const extra = label === 'direct' ? '| | | |' : `| ${ms(r.fsc.p50 - r.direct.p50)} | ${((r.fsc.rps / r.direct.rps) * 100).toFixed(0)} % | ${r.writePair === undefined ? '–' : ms(r.writePair)} |`;
      console.log(`| ${i + 1} | ${label} | ${ms(p.p50)} | ${ms(p.p99)} | ${Math.round(p.rps)} /s | ${ms(p.cpuService)} | ${ms(p.cpuPeers)} | ${p.errors} ${extra}`);
    }
  });
  const summary = {
    addedP50: median(results.map((r) => r.fsc.p50 - r.direct.p50)),
    addedP99: median(results.map((r) => r.fsc.p99 - r.direct.p99)),
    throughputRatio: median(results.map((r) => r.fsc.rps / r.direct.rps)),
    writePair: results[0].writePair === undefined ? undefined : median(results.map((r) => r.writePair!)),
    peersCpuPerRequest: median(results.map((r) => r.fsc.cpuPeers)),
  };
  console.log('');
  console.log(`medians over the rounds: added p50 ${ms(summary.addedP50)}, added p99 ${ms(summary.addedP99)}; throughput ${(summary.throughputRatio * 100).toFixed(0)} % of direct; peers' CPU ${ms(summary.peersCpuPerRequest)} per request`);
  if (summary.writePair !== undefined) console.log(`two durable log writes one after the other (${values.log === 'journal' ? 'O_DSYNC appends to a local file' : 'single-row commits'}; each side of the hop waits for one): p50 ${ms(summary.writePair)}; added p50 less that: ${ms(summary.addedP50 - summary.writePair)} (the proxies, TLS, the extra loopback hops and the log's own work)`);
  console.log(`targets: added p50 ≤ 2 ms ${summary.addedP50 <= 2 ? 'met' : 'NOT met'}; throughput ≥ 50 % ${summary.throughputRatio >= 0.5 ? 'met' : 'NOT met'}`);
  const date = new Date().toISOString();
  const file = path.join(fileURLToPath(new URL('.', import.meta.url)), 'results', `fsc-${values.upstream}-${values.log}-${date.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify({ scenario: 'fsc', upstream: values.upstream, log: values.log, database: values.database ? 'postgres' : 'pglite', date, loadAverage: os.loadavg(), ...run, summary, rounds: results }, null, 2) + '\n');
  console.log(`written to ${path.relative(process.cwd(), file)}`);
}
