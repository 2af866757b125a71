/**
 * One benchmark scenario of issue #8 against a real server process on PostgreSQL, with its
 * raw-SQL baseline in the same run.
 *
 *   npm run bench -- SCENARIO [--connections N] [--duration S] [--warmup S] [--database URL] [--profile]
 *
 * Scenarios: zaken-list-limited, zaken-zoek, zaak-read-expand, zaak-create, status-create
 * (see SCENARIOS). The database is one filled by `npm run bench:data` (default
 * postgres://postgres:postgres@127.0.0.1:5432/bench_zaken). Steps:
 *
 * 1. Capture: an Open Grond in this process serves a few requests of the scenario (each after
 *    one unrecorded request of the same kind, so caches are as warm as under load), and the
 *    statements they send to PostgreSQL are recorded (capture.ts).
 * 2. API: `opengrond start` as its own process (pool of 10 connections, as deployed) with an
 *    admin client and a client limited to 50 zaaktypen up to `zaakvertrouwelijk`; autocannon
 *    warms up, then runs for --duration with --connections, the server's peak RSS sampled.
 * 3. Baseline: a bare `pg` Pool of 10 connections replays the captured statements with
 *    --connections workers for as long, after the same warm-up.
 *
 * Prints throughput and p50/p95/p99 of both and the ratio API ÷ baseline; writes the figures
 * to bench/results/SCENARIO-TIMESTAMP.json. With --profile the server writes a CPU profile
 * (`--cpu-prof`) into bench/results/profiles/; with --explain it prints the plans (EXPLAIN
 * (ANALYZE, BUFFERS)) of the reads of one captured request instead of running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { SignJWT } from 'jose';
import { buildOpenGrond } from '../src/server.ts';
import { DEMO_VERWERKINGSACTIVITEITEN } from '../src/platform/logboek/logboek.ts';
import type { ClientSpec } from '../src/components/autorisaties/provision.ts';
import { BENCH_ADMIN, BRONORGANISATIE, type BenchZaaktype } from './data/catalogi.ts';
import { CITY } from './data/zaken.ts';
import { DEFAULT_DATABASE } from './data/defaults.ts';
import { freshener, record, replay, toSteps, type Step } from './capture.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const LIMITED = { clientId: 'bench-limited', secret: 'bench-limited-secret-0123456789abcdef' };
/** The limited client's grants: every 4th zaaktype (50 of 200, the busiest among them), up to zaakvertrouwelijk. */
const LIMITED_CEILING = 'zaakvertrouwelijk';
const POOL_SIZE = 10;

interface Request {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

interface Scenario {
  description: string;
  client: 'admin' | 'limited';
  connections: number;
  expectStatus: number;
  /** The i-th request of the scenario (requests rotate over a fixed set, or never repeat for writes). */
  request(i: number): Request;
  /** How many distinct requests to capture for the baseline (it replays them round robin). */
  captures: number;
  /** Writes: the baseline gives the uuids and identificatie the server generated fresh values per replay. */
  writes?: boolean;
}

interface Context {
  zaaktypen: BenchZaaktype[];
  limited: BenchZaaktype[];
  sql: pg.Pool;
}

const ZAKEN = '/zaken/api/v1';

/** Polygon of the south-west quarter of the city: some 25 % of the points of the bench data. */
const QUARTER = (() => {
  const lon = (f: number) => Number((CITY.minLon + f * (CITY.maxLon - CITY.minLon)).toFixed(6));
  const lat = (f: number) => Number((CITY.minLat + f * (CITY.maxLat - CITY.minLat)).toFixed(6));
  return { type: 'Polygon', coordinates: [[[lon(0), lat(0)], [lon(0.5), lat(0)], [lon(0.5), lat(0.5)], [lon(0), lat(0.5)], [lon(0), lat(0)]]] };
})();

async function scenarios(ctx: Context, origin: () => string, name: string): Promise<Scenario> {
  const url = (p: string) => `${origin()}${p}`;
  switch (name) {
    case 'zaken-list-limited':
      return {
        description: `GET /zaken?page=N (pages 1–50 in turn) as a client limited to ${ctx.limited.length} zaaktypen up to ${LIMITED_CEILING}, exact count`,
        client: 'limited', connections: 1, expectStatus: 200, captures: 50,
        request: (i) => ({ method: 'GET', path: `${ZAKEN}/zaken?page=${(i % 50) + 1}` }),
      };
    case 'zaken-zoek':
      return {
        description: 'POST /zaken/_zoek: zaaktype__in (10 zaaktypen, 8 sets in turn), startdatum in 2025, zaakgeometrie within a quarter of the city',
        client: 'admin', connections: 1, expectStatus: 200, captures: 8,
        request: (i) => {
          const set = i % 8;
          return { method: 'POST', path: `${ZAKEN}/zaken/_zoek`, body: {
            zaaktype__in: ctx.zaaktypen.slice(set * 10, set * 10 + 10).map((z) => url(z.path)),
            startdatum__gte: '2025-01-01', startdatum__lte: '2025-12-31', zaakgeometrie: { within: QUARTER },
          } };
        },
      };
    case 'zaak-read-expand': {
      const { rows } = await ctx.sql.query<{ uuid: string }>(`SELECT uuid FROM zaken.zaak WHERE id % 997 = 1 ORDER BY id LIMIT 1000`);
      return {
        description: `GET /zaken/{uuid}?expand=zaaktype,status,rollen over ${rows.length} zaken in turn`,
        client: 'admin', connections: 16, expectStatus: 200, captures: 50,
        request: (i) => ({ method: 'GET', path: `${ZAKEN}/zaken/${rows[i % rows.length]!.uuid}?expand=zaaktype,status,rollen` }),
      };
    }
    case 'zaak-create':
      return {
        description: 'POST /zaken (generated identificatie, audit trail and notificatie in the outbox), 10 zaaktypen in turn',
        client: 'admin', connections: 32, expectStatus: 201, captures: 20, writes: true,
        request: (i) => ({ method: 'POST', path: `${ZAKEN}/zaken`, body: {
          bronorganisatie: BRONORGANISATIE, verantwoordelijkeOrganisatie: BRONORGANISATIE, zaaktype: url(ctx.zaaktypen[((i % 10) + 10) % 10]!.path),
          omschrijving: 'Benchmark', startdatum: '2026-11-30', registratiedatum: '2026-11-30',
          zaakgeometrie: { type: 'Point', coordinates: [5.12, 52.09] },
        } }),
      };
    case 'status-create': {
      await ensureClosable(ctx, 60_000);
      // Open zaken with a resultaat: each request closes another one (eindstatus, archive dates derived).
      const { rows } = await ctx.sql.query<{ uuid: string; zaaktype: string }>(
        `SELECT z.uuid, z.zaaktype FROM zaken.zaak z JOIN zaken.resultaat r ON r.zaak_id = z.id WHERE z.einddatum IS NULL ORDER BY z.id DESC LIMIT 100000`);
      const eindstatus = new Map(ctx.zaaktypen.map((z) => [z.path, z.statustypen[2]]));
      return {
        description: `POST /statussen with the eindstatus of an open zaak that has its resultaat (${rows.length} available; each closed once)`,
        client: 'admin', connections: 32, expectStatus: 201, captures: 64, writes: true,
        request: (i) => {
          const zaak = rows[((i % rows.length) + rows.length) % rows.length]!;
          return { method: 'POST', path: `${ZAKEN}/statussen`, body: { zaak: url(`${ZAKEN}/zaken/${zaak.uuid}`), statustype: url(eindstatus.get(zaak.zaaktype)!), datumStatusGezet: '2026-11-30T15:00:00Z' } };
        },
      };
    }
    default:
      throw new Error(`Unknown scenario ${name}: zaken-list-limited, zaken-zoek, zaak-read-expand, zaak-create, status-create`);
  }
}

function clients(origin: string, limited: BenchZaaktype[]): ClientSpec[] {
  return [
    { ...BENCH_ADMIN, label: 'Benchmark admin', heeftAlleAutorisaties: true },
    { ...LIMITED, label: 'Benchmark limited', autorisaties: limited.map((z) => ({ component: 'zrc', scopes: ['zaken.lezen'], zaaktype: `${origin}${z.path}`, maxVertrouwelijkheidaanduiding: LIMITED_CEILING })) },
  ];
}

const token = (client: { clientId: string; secret: string }) =>
  new SignJWT({ client_id: client.clientId, user_id: 'bench', user_representation: 'Benchmark' }).setProtectedHeader({ alg: 'HS256' }).setIssuer(client.clientId).setIssuedAt().sign(new TextEncoder().encode(client.secret));

// Reading rollen with a BSN is a processing of personal data: the benchmark names its activity (the demo register's).
const ACTIVITY = DEMO_VERWERKINGSACTIVITEITEN[0]!.id;

function headers(auth: string, body: boolean): Record<string, string> {
  return { Authorization: `Bearer ${auth}`, 'Accept-Crs': 'EPSG:4326', Verwerkingsactiviteit: ACTIVITY, ...(body ? { 'Content-Type': 'application/json', 'Content-Crs': 'EPSG:4326' } : {}) };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

function percentiles(latencies: number[]): { p50: number; p95: number; p99: number; max: number } {
  const sorted = Float64Array.from(latencies).sort();
  const at = (p: number) => Number((sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN).toFixed(2));
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}

/** Peak resident memory of a process since the last reset (VmHWM), in MiB. */
const peakRss = (pid: number) => Number(/^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/**
 * status-create closes each zaak once: it needs open zaken with a resultaat. The generator
 * leaves 10 % of the open zaken so; when fewer than `wanted` remain, more open zaken get the
 * first resultaattype of their zaaktype, written as the generator writes resultaten.
 */
async function ensureClosable(ctx: Context, wanted: number): Promise<void> {
  const { rows: [{ n }] } = await ctx.sql.query(`SELECT count(*)::int AS n FROM zaken.zaak z JOIN zaken.resultaat r ON r.zaak_id = z.id WHERE z.einddatum IS NULL`);
  if (n >= wanted) return;
  const added = await ctx.sql.query(
    `INSERT INTO zaken.resultaat (uuid, zaak_id, resultaattype)
     SELECT gen_random_uuid(), z.id, t.resultaattype FROM zaken.zaak z
       JOIN jsonb_to_recordset($1::jsonb) AS t(zaaktype text, resultaattype text) ON t.zaaktype = z.zaaktype
      WHERE z.einddatum IS NULL AND NOT EXISTS (SELECT 1 FROM zaken.resultaat r WHERE r.zaak_id = z.id)
      ORDER BY z.id DESC LIMIT $2`,
    [JSON.stringify(ctx.zaaktypen.map((z) => ({ zaaktype: z.path, resultaattype: z.resultaattypen[0]!.path }))), wanted - n]);
  console.log(`status-create: ${added.rowCount} more open zaken given a resultaat`);
}

/** Step 1: the statements of `captures` requests, each after an unrecorded one of the same kind. */
async function capture(url: string, ctx: Context, name: string): Promise<{ steps: Step[]; request: string }[]> {
  const og = await buildOpenGrond({ database: { kind: 'postgres', url, poolSize: POOL_SIZE }, notificaties: { delivery: false } });
  try {
    const base = await og.app.listen({ port: 0, host: '127.0.0.1' });
    const scenario = await scenarios(ctx, () => base, name);
    const { provisionClients } = await import('../src/components/autorisaties/provision.ts');
    await provisionClients(og.database, clients(base, ctx.limited));
    og.authenticator.invalidate();
    const auth = await token(scenario.client === 'admin' ? BENCH_ADMIN : LIMITED);
    const send = async (r: Request) => {
      const response = await fetch(`${base}${r.path}`, { method: r.method, headers: headers(auth, r.body !== undefined), body: r.body === undefined ? undefined : JSON.stringify(r.body) });
      const text = await response.text();
      if (response.status !== scenario.expectStatus) throw new Error(`capture ${r.method} ${r.path}: ${response.status} ${text.slice(0, 500)}`);
    };
    const captured = [];
    for (let i = 0; i < scenario.captures; i++) {
      // Writes use requests of their own (counting down from -1), so the API run (0, 1, …) does not meet zaken the capture closed.
      const index = scenario.writes ? -2 * i - 1 : i;
      await send(scenario.request(scenario.writes ? index - 1 : index));
      const request = scenario.request(index);
      const statements = await record(() => send(request));
      captured.push({ steps: toSteps(statements), request: JSON.stringify(request) });
    }
    return captured;
  } finally {
    await og.close();
  }
}

interface Figures {
  requests: number;
  seconds: number;
  throughput: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  errors: number;
}

/** Step 2: autocannon against the server process. */
async function runApi(base: string, scenario: Scenario, auth: string, connections: number, seconds: number, counter: { next: number }): Promise<Figures & { unexpected: Record<string, number> }> {
  const latencies: number[] = [];
  const unexpected: Record<string, number> = {};
  let done!: (result: autocannon.Result) => void;
  let failed!: (error: unknown) => void;
  const finished = new Promise<autocannon.Result>((resolve, reject) => ((done = resolve), (failed = reject)));
  const instance = autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: [{
      setupRequest: (req) => {
        const r = scenario.request(counter.next++);
        return { ...req, method: r.method, path: r.path, headers: headers(auth, r.body !== undefined), body: r.body === undefined ? undefined : JSON.stringify(r.body) };
      },
    }],
  }, (error, result) => (error ? failed(error) : done(result)));
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    if (statusCode !== scenario.expectStatus) unexpected[statusCode] = (unexpected[statusCode] ?? 0) + 1;
  });
  const result = await finished;
  const errors = Object.values(unexpected).reduce((a, b) => a + b, 0) + result.errors + result.timeouts;
  return { requests: latencies.length, seconds: result.duration, throughput: Number((latencies.length / result.duration).toFixed(1)), latencyMs: percentiles(latencies), errors, unexpected };
}

/** Step 3: the captured statements by a bare pg Pool, `connections` workers. */
async function runBaseline(url: string, captured: { steps: Step[]; request: string }[], writes: boolean, connections: number, seconds: number): Promise<Figures> {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, options: '-c jit=off' });
  const plans = captured.map((c) => (writes ? freshener(c.steps, c.request) : () => c.steps));
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(Array.from({ length: connections }, async () => {
    while (performance.now() < deadline) {
      const steps = plans[next++ % plans.length]!();
      const t = performance.now();
      try {
        await replay(pool, steps);
        latencies.push(performance.now() - t);
      } catch (error) {
        if (errors++ === 0) console.error('baseline:', (error as Error).message);
      }
    }
  }));
  const elapsed = (performance.now() - started) / 1000;
  await pool.end();
  return { requests: latencies.length, seconds: Number(elapsed.toFixed(1)), throughput: Number((latencies.length / elapsed).toFixed(1)), latencyMs: percentiles(latencies), errors };
}

/** --explain: the plan of every read the first captured request sends, with its own parameters. */
async function explain(sql: pg.Pool, steps: Step[]): Promise<void> {
  for (const statement of steps.flatMap((s) => s.statements)) {
    if (!/^\s*select\b/i.test(statement.text)) continue;
    const { rows } = await sql.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values);
    console.log(`\n${statement.text.slice(0, 300)}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}`);
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { connections: { type: 'string' }, duration: { type: 'string' }, warmup: { type: 'string' }, database: { type: 'string' }, profile: { type: 'boolean' }, explain: { type: 'boolean' } } });
  const name = positionals[0] ?? '';
  const url = values.database ?? DEFAULT_DATABASE;
  const seconds = Number(values.duration ?? 20);
  const warmup = Number(values.warmup ?? 5);
  const sql = new pg.Pool({ connectionString: url, max: 2 });
  const zaaktypen: BenchZaaktype[] = (await sql.query(`SELECT value FROM public.bench_manifest WHERE key = 'zaaktypen'`)).rows[0].value;
  const ctx: Context = { zaaktypen, limited: zaaktypen.filter((_z, i) => i % 4 === 0), sql };
  const { rows: [{ zaken }] } = await sql.query(`SELECT count(*)::int AS zaken FROM zaken.zaak`);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const scenario = await scenarios(ctx, () => base, name);
  const connections = Number(values.connections ?? scenario.connections);
  const captured = await capture(url, ctx, name);
  console.log(`${name}: ${scenario.description}; ${zaken} zaken; ${connections} connections, ${warmup} s warm-up, ${seconds} s`);
  console.log(`captured: ${captured[0]!.steps.flatMap((s) => s.statements).length} statements in ${captured[0]!.steps.length} steps per request (${captured[0]!.steps.map((s) => (s.kind === 'transaction' ? `tx:${s.statements.length}` : s.statements.length)).join(' ')})`);

  if (values.explain) {
    await explain(sql, captured[0]!.steps);
    await sql.end();
    return 0;
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'opengrond-bench-'));
  fs.writeFileSync(path.join(tmp, 'clients.json'), JSON.stringify(clients(base, ctx.limited)));
  const profileDir = path.join(ROOT, 'bench/results/profiles');
  const nodeArgs = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}-${Date.now()}.cpuprofile`] : [];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, path.join(ROOT, 'bin/opengrond.js'), 'start', '--port', String(port), '--host', '127.0.0.1', '--clients', path.join(tmp, 'clients.json'), '--no-seed', '--no-fsc', '--database', url, '--data-dir', path.join(tmp, 'data')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    for (let i = 0; ; i++) {
      if (await fetch(`${base}/health`).then((r) => r.ok, () => false)) break;
      if (i > 600) throw new Error('the server did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
    // From here VmHWM is the peak under the scenario (start-up and migrations excluded).
    fs.writeFileSync(`/proc/${child.pid}/clear_refs`, '5');
    const auth = await token(scenario.client === 'admin' ? BENCH_ADMIN : LIMITED);
    // One counter over warm-up and run: requests cut off at the end of the warm-up were sent all the same (writes must not repeat).
    const counter = { next: 0 };
    await runApi(base, scenario, auth, connections, warmup, counter);
    const api = await runApi(base, scenario, auth, connections, seconds, counter);
    const rss = peakRss(child.pid!);
    if (api.errors) console.error(`API: ${api.errors} unexpected answers`, api.unexpected);
    await runBaseline(url, captured, scenario.writes ?? false, connections, warmup);
    const baseline = await runBaseline(url, captured, scenario.writes ?? false, connections, seconds);

    const ratio = Number((api.throughput / baseline.throughput).toFixed(2));
    const row = (label: string, f: Figures) => `${label.padEnd(9)} ${String(f.throughput).padStart(9)} req/s   p50 ${String(f.latencyMs.p50).padStart(7)} ms   p95 ${String(f.latencyMs.p95).padStart(7)} ms   p99 ${String(f.latencyMs.p99).padStart(7)} ms   (${f.requests} requests${f.errors ? `, ${f.errors} errors` : ''})`;
    console.log(row('API', api));
    console.log(row('baseline', baseline));
    console.log(`API ÷ baseline: ${ratio} (throughput); server peak RSS ${rss.toFixed(0)} MiB; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    const result = {
      scenario: name, description: scenario.description, date: new Date().toISOString(), zaken, connections, warmupSeconds: warmup, seconds,
      machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadavg: os.loadavg() },
      api: { ...api, peakRssMiB: Number(rss.toFixed(0)) }, baseline, ratio,
      statementsPerRequest: captured[0]!.steps.flatMap((s) => s.statements).length,
      statements: captured[0]!.steps.map((s) => ({ kind: s.kind, statements: s.statements.map((x) => x.text) })),
    };
    const file = path.join(ROOT, 'bench/results', `${name}-c${connections}-${result.date.replace(/[:.]/g, '-')}.json`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`written: ${path.relative(ROOT, file)}`);
    return 0;
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    fs.rmSync(tmp, { recursive: true, force: true });
    await sql.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
