/**
 * Fills a PostgreSQL database with a benchmark municipality (issue #8): 200 zaaktypen in 3
 * catalogi (through the Catalogi API), then N zaken with their statussen, resultaten, rollen,
 * zaakobjecten and about N documents (metadata, related to their zaak both ways), in batched
 * `INSERT … SELECT FROM unnest(…)` statements, deterministic from the seed.
 *
 *   npm run bench:data -- [--database postgres://postgres:postgres@127.0.0.1:5432/bench_zaken] [--zaken 1000000] [--seed 42] [--zaaktypen 200]
 *
 * The database is created when it does not exist and must not hold zaken yet. Loading runs
 * with the secondary indexes of the loaded tables dropped (recreated from their own
 * definitions afterwards) and with foreign-key triggers off (`session_replication_role =
 * replica`, needs a superuser): the rows are consistent by construction. No audit trail or
 * notificaties are written for the generated data (as for data migrated into a system).
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openMigratedDatabase } from '../../src/server.ts';
import { BRONORGANISATIE, createCatalogi, type BenchZaaktype } from './catalogi.ts';
import { Batch, ZaakGenerator } from './zaken.ts';
import { DEFAULT_DATABASE } from './defaults.ts';


/** PostgreSQL types of the loaded columns, for the unnest casts. */
const TYPES: Record<string, string> = {
  id: 'bigint', zaak_id: 'bigint', informatieobject_id: 'bigint', uuid: 'uuid', versie: 'integer', vertrouwelijkheid_rank: 'smallint',
  registratiedatum: 'text', startdatum: 'date', einddatum: 'date', einddatum_gepland: 'date', archiefactiedatum: 'date', creatiedatum: 'date',
  datum_status_gezet: 'timestamptz', begin_registratie: 'timestamptz', zaakgeometrie: 'jsonb', betrokkene_identificatie: 'jsonb', indicatie_gebruiksrecht: 'boolean',
};
const TABLES: [keyof Batch, string][] = [
  ['zaak', 'zaken.zaak'], ['status', 'zaken.status'], ['resultaat', 'zaken.resultaat'], ['rol', 'zaken.rol'], ['zaakobject', 'zaken.zaakobject'],
  ['informatieobject', 'documenten.informatieobject'], ['versie', 'documenten.versie'], ['objectinformatieobject', 'documenten.objectinformatieobject'], ['zaakinformatieobject', 'zaken.zaakinformatieobject'],
];

async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!exists.rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

async function insert(client: pg.Client, table: string, data: Record<string, unknown[]>): Promise<void> {
  const names = Object.keys(data);
  if (!data[names[0]!]!.length) return;
  // registratiedatum is a date on zaak and a timestamptz on rol/zaakinformatieobject: sent as text, cast by the column.
  const casts = names.map((n, i) => `$${i + 1}::${TYPES[n] ?? 'text'}[]`);
  const overriding = names.includes('id') ? ' OVERRIDING SYSTEM VALUE' : '';
  const select = names.map((n) => (n === 'registratiedatum' ? `${n}::${table === 'zaken.zaak' ? 'date' : 'timestamptz'}` : n)).join(', ');
  await client.query(`INSERT INTO ${table} (${names.join(', ')})${overriding} SELECT ${select} FROM unnest(${casts.join(', ')}) AS t(${names.join(', ')})`, names.map((n) => data[n]));
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { database: { type: 'string' }, zaken: { type: 'string' }, seed: { type: 'string' }, zaaktypen: { type: 'string' }, batch: { type: 'string' } } });
  const url = values.database ?? DEFAULT_DATABASE;
  const total = Number(values.zaken ?? 1_000_000);
  const seed = Number(values.seed ?? 42);
  const batchSize = Number(values.batch ?? 5000);
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;

  await ensureDatabase(url);
  await (await openMigratedDatabase({ kind: 'postgres', url })).close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: [{ n }] } = await client.query('SELECT count(*)::int AS n FROM zaken.zaak');
    if (n > 0) throw new Error(`${url} has ${n} zaken already: generate into a fresh database.`);

    let zaaktypen: BenchZaaktype[];
    const manifest = await client.query(`SELECT to_regclass('public.bench_manifest') AS t`);
    if (manifest.rows[0].t) {
      zaaktypen = (await client.query(`SELECT value FROM public.bench_manifest WHERE key = 'zaaktypen'`)).rows[0].value;
      console.log(`catalogi: ${zaaktypen.length} zaaktypen from an earlier run`);
    } else {
      zaaktypen = await createCatalogi(url, Number(values.zaaktypen ?? 200));
      await client.query('CREATE TABLE public.bench_manifest (key text PRIMARY KEY, value jsonb NOT NULL)');
      await client.query(`INSERT INTO public.bench_manifest VALUES ('zaaktypen', $1)`, [JSON.stringify(zaaktypen)]);
      console.log(`catalogi: ${zaaktypen.length} zaaktypen in 3 catalogi, published (${elapsed()})`);
    }

    await client.query(`SET session_replication_role = replica`);
    await client.query(`SET synchronous_commit = off`);
    await client.query(`SET maintenance_work_mem = '256MB'`);
    // The secondary indexes of the loaded tables, dropped for the load and rebuilt after it.
    const tables = TABLES.map(([, t]) => t);
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
         FROM pg_index i LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid
        WHERE i.indrelid = ANY($1::regclass[]) AND c.oid IS NULL`, [tables]);
    for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);

    const generator = new ZaakGenerator(seed, zaaktypen, total);
    let pending: Promise<void> = Promise.resolve();
    let lastReport = Date.now();
    for (let from = 0; from < total; from += batchSize) {
      const batch = new Batch();
      for (let k = from; k < Math.min(total, from + batchSize); k++) generator.add(batch, k);
      await pending;
      pending = (async () => {
        await client.query('BEGIN');
        for (const [key, table] of TABLES) await insert(client, table, batch[key] as Record<string, unknown[]>);
        await client.query('COMMIT');
      })();
      if (Date.now() - lastReport > 10_000) {
        lastReport = Date.now();
        console.log(`  ${from + batchSize} zaken (${elapsed()})`);
      }
    }
    await pending;
    console.log(`rows: ${total} zaken loaded (${elapsed()}); rebuilding ${indexes.length} indexes`);
    for (const index of indexes) await client.query(index.definition);
    await client.query(`SET session_replication_role = origin`);
    // The triggers were off (replica): the kept counts of zaken per zaaktype (zaken migration 004) are rebuilt.
    await client.query(`DELETE FROM zaken.zaak_aantal`);
    await client.query(`INSERT INTO zaken.zaak_aantal SELECT zaaktype, vertrouwelijkheid_rank, count(*) FROM zaken.zaak GROUP BY 1, 2`);

    // What the API hands out next follows on from the generated data.
    for (const table of ['zaken.zaak', 'documenten.informatieobject', 'zaken.status', 'zaken.resultaat', 'zaken.rol', 'zaken.zaakobject', 'zaken.zaakinformatieobject', 'documenten.versie', 'documenten.objectinformatieobject']) {
      await client.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), greatest(1, (SELECT max(id) FROM ${table})))`, [table]);
    }
    for (const [table, volgnummers] of [['zaken.identificatie_volgnummer', generator.zaakVolgnummers], ['documenten.identificatie_volgnummer', generator.documentVolgnummers]] as const) {
      for (const [jaar, volgnummer] of volgnummers) {
        await client.query(`INSERT INTO ${table} (bronorganisatie, jaar, volgnummer) VALUES ($1, $2, $3) ON CONFLICT (bronorganisatie, jaar) DO UPDATE SET volgnummer = greatest(${table}.volgnummer, excluded.volgnummer)`, [BRONORGANISATIE, jaar, volgnummer]);
      }
    }
    // VACUUM sets the visibility map, without which the exact counts (index-only scans) visit the heap.
    await client.query('VACUUM ANALYZE');
    const counts = await client.query(`SELECT (SELECT count(*) FROM zaken.zaak)::int AS zaken, (SELECT count(*) FROM zaken.status)::int AS statussen,
      (SELECT count(*) FROM zaken.resultaat)::int AS resultaten, (SELECT count(*) FROM zaken.rol)::int AS rollen, (SELECT count(*) FROM zaken.zaakobject)::int AS zaakobjecten,
      (SELECT count(*) FROM documenten.informatieobject)::int AS documenten, (SELECT pg_size_pretty(pg_database_size(current_database()))) AS size`);
    console.log(`done in ${elapsed()}:`, counts.rows[0]);
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
