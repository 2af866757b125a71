/**
 * What the Logboek dataverwerkingen costs the BRP Personen API: RaadpleegMetBurgerservicenummer
 * throughput over a store of (by default) 1,000,000 synthetic persons on PostgreSQL, with every
 * request logged (one record per person, in the read's transaction) and without logging, as a
 * ratio.
 *
 *   npm run bench:brp -- [--persons 1000000] [--seconds 10] [--connections 16] [--rounds 2]
 *                        [--database postgres://postgres:postgres@127.0.0.1:5432/postgres] [--reload]
 *
 * The persons (valid BSNs, 11-proef; `opengrond brp generate`'s generator, one unnest INSERT per
 * 5,000) go into their own database `bench_brp` on that server, created when missing and kept
 * between runs (`--reload` starts it again). Each measurement starts the server as its own
 * process (the load generator, autocannon, stays in this one); the modes alternate for
 * `--rounds` rounds, so drift on a shared machine hits both; the report gives medians, and the
 * ratio of each round's logged run to the unlogged run right after it. Without logging means the bench-only
 * `ServerOptions.benchmarkWithoutLogboek` (no command-line flag sets it): the activity is
 * still checked and the read still runs in a transaction, only the log record is not written.
 * Each request asks one random person of the store for naam, geboorte and verblijfplaats.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { SignJWT } from 'jose';
import pg from 'pg';
import { sql } from 'kysely';

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '1000000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '16' },
    rounds: { type: 'string', default: '2' },
    database: { type: 'string', default: 'postgres://postgres:postgres@127.0.0.1:5432/postgres' },
    reload: { type: 'boolean', default: false },
    role: { type: 'string' },
    'without-logboek': { type: 'boolean', default: false },
  },
});

const DATABASE = 'bench_brp';
const CLIENT = { clientId: 'bench-brp', secret: 'bench-brp-secret-0123456789' };
const FIELDS = ['naam', 'geboorte', 'verblijfplaats'];

if (values.role === 'server') await serve();
else await main();

/** The server process: Open Grond with the BRP API on the bench database. */
async function serve(): Promise<void> {
  const { buildOpenGrond } = await import('../src/server.ts');
  const og = await buildOpenGrond({
    database: { kind: 'postgres', url: databaseUrl(values.database!, DATABASE) },
    components: ['brp'],
    clients: [{ ...CLIENT, label: 'Benchmark', heeftAlleAutorisaties: true }],
    benchmarkWithoutLogboek: values['without-logboek'],
  });
  const url = await og.app.listen({ port: 0, host: '127.0.0.1' });
  process.send!({ url });
  process.on('SIGTERM', () => void og.close().then(() => process.exit(0)));
}

async function main(): Promise<void> {
  const persons = Number(values.persons);
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  await createDatabase(values.database!);
  const { openMigratedDatabase } = await import('../src/server.ts');
  const { generatePersonen, bsnFor } = await import('../src/components/brp/import.ts');
  const { countPersoonslijsten, deleteAllPersoonslijsten } = await import('../src/components/brp/store.ts');
  const { DEMO_VERWERKINGSACTIVITEITEN } = await import('../src/platform/logboek/logboek.ts');

  const database = await openMigratedDatabase({ kind: 'postgres', url: databaseUrl(values.database!, DATABASE) });
  try {
    if (values.reload) await deleteAllPersoonslijsten(database.db);
    const have = await countPersoonslijsten(database.db);
    if (have > 0 && have !== persons) throw new Error(`${DATABASE} holds ${have} persons, not ${persons}: run with --reload`);
    if (have === 0) {
      const start = performance.now();
      await generatePersonen(database, persons, 1, (done) => done % 100_000 === 0 && console.log(`  ${done.toLocaleString('en')} persons`));
      await sql`ANALYZE brp.persoonslijst`.execute(database.db);
      const s = (performance.now() - start) / 1000;
      console.log(`loaded ${persons.toLocaleString('en')} persons in ${s.toFixed(0)} s (${Math.round(persons / s).toLocaleString('en')}/s)`);
    } else console.log(`${DATABASE}: ${have.toLocaleString('en')} persons already there`);

    const token = await new SignJWT({ client_id: CLIENT.clientId, user_id: 'bench', user_representation: 'Bench' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(CLIENT.clientId)
      .setIssuedAt()
      .sign(new TextEncoder().encode(CLIENT.secret));
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json', verwerkingsactiviteit: DEMO_VERWERKINGSACTIVITEITEN[0]!.id };
    const records = async () => Number((await database.db.selectFrom('platform.verwerking').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    const results: { mode: string; rps: number; p50: number; p99: number; requests: number; errors: number; logged: number }[] = [];
    for (let round = 0; round < Number(values.rounds); round++) {
      for (const mode of ['logged', 'unlogged'] as const) {
        const server = await startServer(mode === 'unlogged');
        try {
          const before = await records();
          // A short warm-up: connections, JIT, the first pages of the index in memory.
          await cannon(server.url, headers, connections, 2, persons, bsnFor);
          const warm = await records();
          const r = await cannon(server.url, headers, connections, seconds, persons, bsnFor);
          const logged = (await records()) - warm;
          const errors = r.errors + r.non2xx + r.timeouts;
          results.push({ mode, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, requests: r.requests.total, errors, logged });
          console.log(`round ${round + 1} ${mode.padEnd(8)} ${r.requests.average.toFixed(0).padStart(6)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  ${r.requests.total} requests, ${errors} errors, ${logged} log records (${warm - before} in warm-up)`);
        } finally {
          server.process.kill('SIGTERM');
          await once(server.process, 'exit');
        }
      }
    }
    // Medians: on a shared machine one disturbed round would move a mean far.
    const median = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      const mid = Math.floor(sorted.length / 2);
      return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
    };
    const of = (mode: string, key: 'rps' | 'p50' | 'p99') => median(results.filter((r) => r.mode === mode).map((r) => r[key]));
    // Each round's logged run against the unlogged run right after it: drift between rounds cancels out.
    const paired = results.flatMap((r, i) => (r.mode === 'logged' && results[i + 1]?.mode === 'unlogged' ? [r.rps / results[i + 1]!.rps] : []));
    console.log(`\nRaadpleegMetBurgerservicenummer, ${persons.toLocaleString('en')} persons, ${connections} connections, ${seconds} s x ${values.rounds} rounds per mode (medians)`);
    console.log(`  with logging:    ${of('logged', 'rps').toFixed(0)} req/s (p50 ${of('logged', 'p50').toFixed(1)} ms, p99 ${of('logged', 'p99').toFixed(1)} ms)`);
    console.log(`  without logging: ${of('unlogged', 'rps').toFixed(0)} req/s (p50 ${of('unlogged', 'p50').toFixed(1)} ms, p99 ${of('unlogged', 'p99').toFixed(1)} ms)`);
    console.log(`  ratio with/without: ${(of('logged', 'rps') / of('unlogged', 'rps')).toFixed(2)}; per round ${paired.map((x) => x.toFixed(2)).join(', ')} (median ${median(paired).toFixed(2)})`);
  } finally {
    await database.close();
  }
}

/** Requests for one random person each, for `seconds`. */
function cannon(url: string, headers: Record<string, string>, connections: number, seconds: number, persons: number, bsnFor: (i: number) => string): Promise<autocannon.Result> {
  return autocannon({
    url: `${url}/haalcentraal/api/brp/personen`,
    method: 'POST',
    connections,
    duration: seconds,
    headers,
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({ type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: [bsnFor(1 + Math.floor(Math.random() * persons))], fields: FIELDS }),
        }),
      },
    ],
  });
}

async function startServer(withoutLogboek: boolean): Promise<{ process: ChildProcess; url: string }> {
  const args = ['--role', 'server', '--database', values.database!, ...(withoutLogboek ? ['--without-logboek'] : [])];
  const proc = fork(fileURLToPath(import.meta.url), args, { execArgv: ['--import', 'tsx'] });
  const [message] = (await Promise.race([once(proc, 'message'), once(proc, 'exit').then(() => Promise.reject(new Error('the server stopped')))])) as [{ url: string }];
  return { process: proc, url: message.url };
}

async function createDatabase(server: string): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}

function databaseUrl(server: string, name: string): string {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}
