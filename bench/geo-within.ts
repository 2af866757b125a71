/**
 * How the `zaakgeometrie within` search performs: a throwaway table shaped like the zaak table
 * (zaaktype, startdatum, the geometry columns of platform migration 002-geo), N generated zaken
 * across the Netherlands (80 % points, 15 % small polygons, 2.5 % lines), then the plans and
 * timings of a few searches written by geometryWithin.
 *
 *   node --import tsx bench/geo-within.ts [--rows 200000] [--database postgres://...]
 *
 * Without --database it runs on an in-memory PGlite. The table is dropped afterwards.
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openMigratedDatabase } from '../src/server.ts';
import { parseGeometry, type Position } from '../src/platform/geo/geojson.ts';
import { geometryWithin } from '../src/platform/geo/within.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '200000' }, database: { type: 'string' } } });
const rows = Number(values.rows);
const database = await openMigratedDatabase(values.database ? { kind: 'postgres', url: values.database } : { kind: 'pglite', memory: true });
const db = database.db;

/** A star-shaped (non-convex) polygon of `k` vertices around a centre, with a square hole. */
function star(lon: number, lat: number, radius: number, k: number): Position[][] {
  const shell: Position[] = [];
  for (let i = 0; i < k; i++) {
    const angle = (2 * Math.PI * i) / k;
    const r = radius * (i % 2 ? 0.7 : 1);
    shell.push([Number((lon + 1.6 * r * Math.cos(angle)).toFixed(7)), Number((lat + r * Math.sin(angle)).toFixed(7))]);
  }
  const h = radius / 10;
  const hole: Position[] = [[lon - h, lat - h], [lon + h, lat - h], [lon + h, lat + h], [lon - h, lat + h]];
  return [[...shell, shell[0]!], [...hole, hole[0]!].map(([x, y]) => [Number(x.toFixed(7)), Number(y.toFixed(7))] as Position)];
}

const city = parseGeometry({ type: 'Polygon', coordinates: star(4.9, 52.37, 0.05, 40) }, 'zaakgeometrie.within');
const province = parseGeometry({ type: 'Polygon', coordinates: star(5.5, 52.2, 0.5, 200) }, 'zaakgeometrie.within');

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await fn();
  console.log(`${label}: ${(performance.now() - start).toFixed(1)} ms`);
  return result;
}

try {
  await sql`DROP TABLE IF EXISTS platform.bench_geo`.execute(db);
  await sql`CREATE TABLE platform.bench_geo (
    id bigint PRIMARY KEY,
    zaaktype text NOT NULL,
    startdatum date NOT NULL,
    zaakgeometrie jsonb,
    zaakgeometrie_shape platform.geo_shape GENERATED ALWAYS AS (platform.geo_shape(zaakgeometrie)) STORED,
    zaakgeometrie_bbox box GENERATED ALWAYS AS (platform.geo_bbox(platform.geo_shape(zaakgeometrie))) STORED
  )`.execute(db);
  await timed(`insert ${rows} zaken`, () =>
    sql`INSERT INTO platform.bench_geo (id, zaaktype, startdatum, zaakgeometrie)
      SELECT i, 'https://ztc/zaaktypen/' || (i % 20), date '2020-01-01' + (i % 1826)::integer,
        CASE WHEN i % 20 < 16 THEN jsonb_build_object('type', 'Point', 'coordinates', jsonb_build_array(x, y))
             WHEN i % 20 < 19 THEN jsonb_build_object('type', 'Polygon', 'coordinates', jsonb_build_array(jsonb_build_array(
               jsonb_build_array(x, y), jsonb_build_array(x + 0.0005, y), jsonb_build_array(x + 0.0005, y + 0.0003),
               jsonb_build_array(x, y + 0.0003), jsonb_build_array(x, y))))
             WHEN i % 40 = 19 THEN jsonb_build_object('type', 'LineString', 'coordinates', jsonb_build_array(
               jsonb_build_array(x, y), jsonb_build_array(x + 0.001, y + 0.0007), jsonb_build_array(x + 0.002, y)))
        END
      FROM (SELECT i, round((3.3 + random() * 3.9)::numeric, 7) AS x, round((50.7 + random() * 2.8)::numeric, 7) AS y
            FROM generate_series(1, ${rows}) AS i) g`.execute(db),
  );
  await timed('indexes', async () => {
    await sql`CREATE INDEX bench_geo_zaaktype_startdatum ON platform.bench_geo (zaaktype, startdatum)`.execute(db);
    await sql`CREATE INDEX bench_geo_bbox ON platform.bench_geo USING gist (zaakgeometrie_bbox)`.execute(db);
    await sql`ANALYZE platform.bench_geo`.execute(db);
  });

  const searches = {
    'count within a city polygon (40 vertices, a hole)': db.selectFrom('platform.bench_geo as z').select((eb) => eb.fn.countAll().as('n')).where(geometryWithin('z', city)),
    'zaaktype__in + startdatum + province polygon (200 vertices), first page': db
      .selectFrom('platform.bench_geo as z')
      .select('z.id')
      .where('z.zaaktype', 'in', ['https://ztc/zaaktypen/1', 'https://ztc/zaaktypen/2', 'https://ztc/zaaktypen/3'])
      .where('z.startdatum', '>=', '2022-01-01')
      .where('z.startdatum', '<=', '2022-12-31')
      .where(geometryWithin('z', province))
      .orderBy('z.startdatum')
      .orderBy('z.id')
      .limit(100),
    'count within the province polygon': db.selectFrom('platform.bench_geo as z').select((eb) => eb.fn.countAll().as('n')).where(geometryWithin('z', province)),
  };
  for (const [label, query] of Object.entries(searches)) {
    const { sql: text, parameters } = query.compile();
    const plan = await sql.raw<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, COSTS OFF) ${interpolate(text, parameters)}`).execute(db);
    console.log(`\n${label}\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      await query.execute();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(`median of 5 runs through Kysely: ${times[2]!.toFixed(1)} ms`);
  }
} finally {
  await sql`DROP TABLE IF EXISTS platform.bench_geo`.execute(db);
  await database.close();
}

/** EXPLAIN takes no parameters: put the (string and number) values in as literals. */
function interpolate(text: string, parameters: readonly unknown[]): string {
  return text.replace(/\$(\d+)/g, (_, n: string) => {
    const value = parameters[Number(n) - 1];
    return typeof value === 'number' ? String(value) : `'${String(value).replaceAll("'", "''")}'`;
  });
}
