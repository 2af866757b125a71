/**
 * `geometryWithin` against a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL): a
 * throwaway table with the columns a zaak table gets, one row per case, and for each search
 * geometry the exact set of rows OGC "within" (PostGIS ST_Within) selects. The expected sets
 * were checked against GEOS on the same grid in whole numbers (in binary degrees GEOS sees the
 * line through the point where two polygons touch pass a hair beside it).
 *
 * Coordinates are on a grid of 0.001 degree around Amsterdam: `at(x, y)`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Database } from '../../../src/platform/db/database.ts';
import { openMigratedDatabase } from '../../../src/server.ts';
import { parseGeometry, type Position } from '../../../src/platform/geo/geojson.ts';
import { geometryWithin } from '../../../src/platform/geo/within.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';

const at = (x: number, y: number): Position => [Number((4.9 + x / 1000).toFixed(4)), Number((52.37 + y / 1000).toFixed(4))];
const ring = (...xy: [number, number][]): Position[] => [...xy, xy[0]!].map(([x, y]) => at(x, y));
const square = (x0: number, y0: number, x1: number, y1: number) => ring([x0, y0], [x1, y0], [x1, y1], [x0, y1]);

/** The stored geometries, by name. */
const ZAKEN: Record<string, object | null> = {
  'punt binnen': { type: 'Point', coordinates: at(2, 2) },
  'punt buiten': { type: 'Point', coordinates: at(12, 5) },
  'punt op rand': { type: 'Point', coordinates: at(10, 5) },
  'punt op hoek': { type: 'Point', coordinates: at(0, 0) },
  'punt in gat': { type: 'Point', coordinates: at(5, 5) },
  'punt op rand van gat': { type: 'Point', coordinates: at(4, 5) },
  'punt 8,8': { type: 'Point', coordinates: at(8, 8) },
  'multipunt binnen en op rand': { type: 'MultiPoint', coordinates: [at(2, 2), at(10, 5)] },
  'multipunt op rand': { type: 'MultiPoint', coordinates: [at(10, 5), at(0, 0)] },
  'multipunt deels buiten': { type: 'MultiPoint', coordinates: [at(2, 2), at(12, 5)] },
  'lijn binnen': { type: 'LineString', coordinates: [at(1, 1), at(3, 2), at(2, 8)] },
  'lijn door gat': { type: 'LineString', coordinates: [at(1, 5), at(9, 5)] },
  'lijn langs rand': { type: 'LineString', coordinates: [at(0, 0), at(10, 0)] },
  'lijn eindigt op rand': { type: 'LineString', coordinates: [at(5, 1), at(10, 1)] },
  'lijn over grens': { type: 'LineString', coordinates: [at(8, 8), at(12, 8)] },
  'lijn langs gat': { type: 'LineString', coordinates: [at(4, 1), at(4, 9)] },
  'lijn door raakpunt': { type: 'LineString', coordinates: [at(1, 7), at(3, 9)] },
  'lijn om de hoek': { type: 'LineString', coordinates: [at(5, 0), at(10, 0), at(10, 5)] },
  'vlak binnen': { type: 'Polygon', coordinates: [square(1, 1, 3, 3)] },
  'vlak met gedeelde rand': { type: 'Polygon', coordinates: [square(0, 0, 2, 2)] },
  'vlak over grens': { type: 'Polygon', coordinates: [square(8, 8, 12, 9)] },
  'vlak over gat': { type: 'Polygon', coordinates: [square(3, 3, 7, 7)] },
  'vlak met gat om gat': { type: 'Polygon', coordinates: [square(3, 3, 7, 7), square(4, 4, 6, 6)] },
  'vlak met groter gat': { type: 'Polygon', coordinates: [square(2, 2, 8, 8), square(3, 3, 7, 7)] },
  'vlak gelijk aan gat': { type: 'Polygon', coordinates: [square(4, 4, 6, 6)] },
  'vlak buiten rakend': { type: 'Polygon', coordinates: [square(10, 0, 12, 2)] },
  'vlak om alles': { type: 'Polygon', coordinates: [square(-1, -1, 11, 11)] },
  'balk over inham': { type: 'Polygon', coordinates: [square(1, 8, 9, 9)] },
  'balk onderin': { type: 'Polygon', coordinates: [square(1, 1, 9, 3)] },
  'multivlak binnen': { type: 'MultiPolygon', coordinates: [[square(1, 1, 2, 2)], [square(8, 8, 9, 9)]] },
  'multivlak deels buiten': { type: 'MultiPolygon', coordinates: [[square(1, 1, 2, 2)], [square(11, 1, 12, 2)]] },
  'verzameling binnen': {
    type: 'GeometryCollection',
    geometries: [
      { type: 'Point', coordinates: at(2, 2) },
      { type: 'LineString', coordinates: [at(1, 1), at(1, 9)] },
      { type: 'Polygon', coordinates: [square(8, 1, 9, 2)] },
    ],
  },
  'verzameling deels buiten': { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: at(2, 2) }, { type: 'Point', coordinates: at(12, 12) }] },
  'zonder geometrie': null,
};

/** Search geometries, and the names of the zaken within each. */
const SEARCHES: { name: string; within: object; expected: string[] }[] = [
  {
    name: 'vierkant met gat',
    within: { type: 'Polygon', coordinates: [square(0, 0, 10, 10), square(4, 4, 6, 6)] },
    expected: ['punt binnen', 'punt 8,8', 'multipunt binnen en op rand', 'lijn binnen', 'lijn eindigt op rand', 'lijn langs gat', 'lijn door raakpunt', 'vlak binnen', 'vlak met gedeelde rand', 'vlak met gat om gat', 'vlak met groter gat', 'balk over inham', 'balk onderin', 'multivlak binnen', 'verzameling binnen'],
  },
  {
    name: 'U-vorm (niet convex)',
    within: { type: 'Polygon', coordinates: [ring([0, 0], [10, 0], [10, 10], [7, 10], [7, 3], [3, 3], [3, 10], [0, 10])] },
    expected: ['punt binnen', 'punt 8,8', 'multipunt binnen en op rand', 'lijn binnen', 'lijn eindigt op rand', 'lijn door raakpunt', 'vlak binnen', 'vlak met gedeelde rand', 'balk onderin', 'multivlak binnen', 'verzameling binnen'],
  },
  {
    name: 'multivlak, twee vlakken rakend in 2,8',
    within: { type: 'MultiPolygon', coordinates: [[square(0, 0, 4, 4)], [square(6, 0, 10, 4)], [square(0, 6, 2, 8)], [square(2, 8, 4, 10)]] },
    expected: ['punt binnen', 'lijn door raakpunt', 'vlak binnen', 'vlak met gedeelde rand'],
  },
  {
    name: 'verzameling van vlak en punt',
    within: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', coordinates: [square(0, 0, 4, 4)] }, { type: 'Point', coordinates: at(8, 8) }] },
    expected: ['punt binnen', 'punt 8,8', 'vlak binnen', 'vlak met gedeelde rand'],
  },
  {
    name: 'lijn',
    within: { type: 'LineString', coordinates: [at(0, 0), at(10, 0), at(10, 10)] },
    expected: ['punt op rand', 'multipunt op rand', 'lijn langs rand', 'lijn om de hoek'],
  },
  { name: 'punt', within: { type: 'Point', coordinates: at(2, 2) }, expected: ['punt binnen'] },
];

let testDatabase: TestDatabase;
let database: Database;

before(async () => {
  testDatabase = await createTestDatabase();
  database = await openMigratedDatabase(testDatabase.target);
  // The columns and index a zaak table has (see src/platform/migrations/002-geo.sql).
  await sql`CREATE TABLE platform.test_geo (
    naam text PRIMARY KEY,
    zaakgeometrie jsonb,
    zaakgeometrie_shape platform.geo_shape GENERATED ALWAYS AS (platform.geo_shape(zaakgeometrie)) STORED,
    zaakgeometrie_bbox box GENERATED ALWAYS AS (platform.geo_bbox(platform.geo_shape(zaakgeometrie))) STORED
  )`.execute(database.db);
  await sql`CREATE INDEX test_geo_bbox ON platform.test_geo USING gist (zaakgeometrie_bbox)`.execute(database.db);
  for (const [naam, geometry] of Object.entries(ZAKEN)) {
    const value = geometry && parseGeometry(geometry, 'zaakgeometrie');
    await database.db.insertInto('platform.test_geo').values({ naam, zaakgeometrie: value ? sql`${JSON.stringify(value)}::jsonb` : null }).execute();
  }
});

after(async () => {
  await database.close();
  await testDatabase.drop();
});

const within = async (geometry: object) =>
  (
    await database.db
      .selectFrom('platform.test_geo as t')
      .select('t.naam')
      .where(geometryWithin('t', parseGeometry(geometry, 'zaakgeometrie.within')))
      .orderBy('t.naam')
      .execute()
  ).map((r) => r.naam as string);

describe('geometryWithin', () => {
  for (const search of SEARCHES) {
    it(`finds exactly the zaken within: ${search.name}`, async () => {
      assert.deepEqual(await within(search.within), [...search.expected].sort());
    });
  }

  it('finds the same with and without the single-point shortcut', async () => {
    // geometryWithin locates single points directly; platform.geo_within is the general test.
    for (const search of SEARCHES) {
      const { rows } = await sql<{ naam: string }>`
        SELECT naam FROM platform.test_geo
        WHERE platform.geo_within(zaakgeometrie_shape, platform.geo_query(${JSON.stringify(search.within)}::jsonb))
        ORDER BY naam`.execute(database.db);
      assert.deepEqual(rows.map((r) => r.naam), [...search.expected].sort(), search.name);
    }
  });

  it('keeps the shape in step with the GeoJSON on update, and a bounding box of scaled degrees', async () => {
    await sql`UPDATE platform.test_geo SET zaakgeometrie = ${JSON.stringify({ type: 'Point', coordinates: at(12, 5) })}::jsonb WHERE naam = 'punt binnen'`.execute(database.db);
    try {
      const square10 = { type: 'Polygon', coordinates: [square(0, 0, 10, 10)] };
      assert.equal((await within(square10)).includes('punt binnen'), false);
      const { rows } = await sql<{ bbox: string }>`SELECT zaakgeometrie_bbox::text AS bbox FROM platform.test_geo WHERE naam = 'vlak binnen'`.execute(database.db);
      // 1e-7 degree units: (4.903, 52.373), (4.901, 52.371).
      assert.equal(rows[0]!.bbox, '(49030000,523730000),(49010000,523710000)');
    } finally {
      await sql`UPDATE platform.test_geo SET zaakgeometrie = ${JSON.stringify({ type: 'Point', coordinates: at(2, 2) })}::jsonb WHERE naam = 'punt binnen'`.execute(database.db);
    }
  });

  it('tells points a hair inside from a hair outside a long diagonal edge', async () => {
    // In plain degrees PostgreSQL's fixed 1e-6 tolerance would count a point a metre outside a
    // short diagonal edge as inside; scaled to 1e-7 degree it decides at 1e-7 degree (1 cm).
    const triangle = { type: 'Polygon', coordinates: [[[4.9, 52.37], [4.9002, 52.3702], [4.9, 52.3702], [4.9, 52.37]]] };
    const shape = (x: number, y: number) => sql`platform.geo_shape(${JSON.stringify({ type: 'Point', coordinates: [x, y] })}::jsonb)`;
    const { rows } = await sql<{ inside: boolean; outside: boolean; on: boolean }>`
      SELECT platform.geo_within(${shape(4.9001, 52.3701001)}, q) AS inside,
             platform.geo_within(${shape(4.9001, 52.3700999)}, q) AS outside,
             platform.geo_within(${shape(4.9001, 52.3701)}, q) AS on
      FROM (SELECT platform.geo_query(${JSON.stringify(triangle)}::jsonb) AS q) s`.execute(database.db);
    assert.deepEqual(rows[0], { inside: true, outside: false, on: false });
  });
});
