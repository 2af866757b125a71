/**
 * `zaakgeometrie` through the Zaken API, on PGlite (or PostgreSQL with TEST_DATABASE_URL): a
 * geometry is validated on write and `_zoek` with `zaakgeometrie.within` is one SQL statement
 * with the authorisation and the other filters, so counts and pages are exact. The exact
 * within rules themselves are tested in test/platform/geo/within.test.ts.
 *
 * Coordinates are on a grid of 0.001 degree around Amsterdam: `at(x, y)`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { LIMITED, startTestServer, type TestServer } from '../../helpers/server.ts';
import { listOutbox } from '../../../src/platform/events/outbox.ts';
import { createZaaktype, CRS, zaakBody, ZAKEN } from './fixtures.ts';

type Position = [number, number];
const at = (x: number, y: number): Position => [Number((4.9 + x / 1000).toFixed(4)), Number((52.37 + y / 1000).toFixed(4))];
const ring = (...xy: [number, number][]): Position[] => [...xy, xy[0]!].map(([x, y]) => at(x, y));
const square = (x0: number, y0: number, x1: number, y1: number) => ring([x0, y0], [x1, y0], [x1, y1], [x0, y1]);
const point = (x: number, y: number) => ({ type: 'Point', coordinates: at(x, y) });

/** A 10 × 10 square with a 2 × 2 hole in the middle. */
const WITH_HOLE = { type: 'Polygon', coordinates: [square(0, 0, 10, 10), square(4, 4, 6, 6)] };
/** A U: the square without the notch x 3..7, y 3..10. */
const CONCAVE = { type: 'Polygon', coordinates: [ring([0, 0], [10, 0], [10, 10], [7, 10], [7, 3], [3, 3], [3, 10], [0, 10])] };

/** The zaken by identificatie, all of the zaaktype the limited client may read (openbaar). */
const GEOMETRIEN: Record<string, object> = {
  'punt binnen': point(2, 2),
  'punt in gat': point(5, 5),
  'punt op rand': point(10, 5),
  'punt op rand van gat': point(4, 5),
  'punt in inham': point(5, 8),
  'punt buiten': point(12, 5),
  'vlak binnen': { type: 'Polygon', coordinates: [square(1, 1, 3, 3)] },
  // Every vertex lies in the U's arms, but the bar crosses the notch: not within the U.
  'balk over inham': { type: 'Polygon', coordinates: [square(1, 8, 9, 9)] },
  'lijn door gat': { type: 'LineString', coordinates: [at(1, 5), at(9, 5)] },
};

describe('zaakgeometrie', () => {
  let server: TestServer;
  let zaaktype: string;
  let zaaktypeGeheim: string;
  const call = (method: string, path: string, options: { body?: unknown; client?: { clientId: string; secret: string } } = {}) => server.call(method, path, { ...options, headers: CRS });
  const create = async (overrides: Record<string, unknown>, type = zaaktype) => {
    const created = await call('POST', `${ZAKEN}/zaken`, { body: zaakBody(type, overrides) });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    return created.body;
  };
  const zoek = async (body: Record<string, unknown>, options: { page?: number; client?: { clientId: string; secret: string } } = {}) => {
    const answer = await call('POST', `${ZAKEN}/zaken/_zoek${options.page ? `?page=${options.page}` : ''}`, { body, client: options.client });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    return answer.body;
  };
  const identificaties = (body: any) => (body.results as { identificatie: string }[]).map((z) => z.identificatie).sort();
  const within = (geometry: object, client?: { clientId: string; secret: string }) => zoek({ bronorganisatie: '000000000', zaakgeometrie: { within: geometry } }, { client });

  before(async () => {
    server = await startTestServer();
    zaaktype = await createZaaktype(server);
    zaaktypeGeheim = await createZaaktype(server, { vertrouwelijkheidaanduiding: 'geheim' });
    for (const [identificatie, zaakgeometrie] of Object.entries(GEOMETRIEN)) await create({ identificatie, zaakgeometrie });
    await create({ identificatie: 'zonder geometrie' });
  });
  after(() => server.close());

  it('finds the zaken within a polygon with a hole: not in the hole, not on a boundary', async () => {
    const found = await within(WITH_HOLE);
    assert.deepEqual(identificaties(found), ['balk over inham', 'punt binnen', 'punt in inham', 'vlak binnen']);
    assert.equal(found.count, 4);
  });

  it('finds the zaken within a concave polygon: a shape whose vertices are all inside may still cross out of it', async () => {
    assert.deepEqual(identificaties(await within(CONCAVE)), ['punt binnen', 'vlak binnen']);
  });

  it('does not count a point on the boundary as within', async () => {
    const edge = { type: 'Polygon', coordinates: [square(10, 0, 12, 10)] };
    assert.deepEqual(identificaties(await within(edge)), []);
    const wider = { type: 'Polygon', coordinates: [square(9, 0, 13, 10)] };
    assert.deepEqual(identificaties(await within(wider)), ['punt buiten', 'punt op rand']);
  });

  it('combines the geometry with the other filters and the ordering in one query', async () => {
    const big = { type: 'Polygon', coordinates: [square(-1, -1, 13, 13)] };
    const found = await zoek({ zaakgeometrie: { within: big }, identificatie: 'punt binnen' });
    assert.deepEqual([found.count, identificaties(found)], [1, ['punt binnen']]);
    const ordered = await zoek({ zaakgeometrie: { within: WITH_HOLE }, ordering: '-identificatie' });
    assert.deepEqual(
      ordered.results.map((z: { identificatie: string }) => z.identificatie),
      ['vlak binnen', 'punt in inham', 'punt binnen', 'balk over inham'],
    );
  });

  it('counts and pages exactly, beyond one page', async () => {
    // 150 zaken at one spot inside the square, written directly: the generated columns follow the jsonb.
    await sql`
      INSERT INTO zaken.zaak (uuid, identificatie, bronorganisatie, zaaktype, registratiedatum, verantwoordelijke_organisatie, startdatum, vertrouwelijkheid_rank, zaakgeometrie)
      SELECT gen_random_uuid(), 'VEEL-' || lpad(n::text, 3, '0'), '111222333', ${new URL(zaaktype).pathname}, '2024-01-01', '111222333', '2024-01-01', 0, ${JSON.stringify(point(8, 1))}::jsonb
      FROM generate_series(1, 150) AS n`.execute(server.og.database.db);
    const first = await zoek({ bronorganisatie: '111222333', zaakgeometrie: { within: WITH_HOLE }, ordering: 'identificatie' });
    const second = await zoek({ bronorganisatie: '111222333', zaakgeometrie: { within: WITH_HOLE }, ordering: 'identificatie' }, { page: 2 });
    assert.deepEqual([first.count, first.results.length, second.count, second.results.length], [150, 100, 150, 50]);
    assert.ok(first.next && !second.next, 'a next page after the first only');
    const all = [...first.results, ...second.results].map((z: { identificatie: string }) => z.identificatie);
    assert.deepEqual(all, Array.from({ length: 150 }, (_, i) => `VEEL-${String(i + 1).padStart(3, '0')}`));
    assert.equal((await zoek({ bronorganisatie: '111222333', zaakgeometrie: { within: CONCAVE } })).count, 150);
  });

  it('follows a changed geometry, and forgets a removed one', async () => {
    const zaak = await create({ identificatie: 'verhuist', bronorganisatie: '123456782', verantwoordelijkeOrganisatie: '123456782', zaakgeometrie: point(2, 2) });
    const search = () => zoek({ bronorganisatie: '123456782', zaakgeometrie: { within: WITH_HOLE } });
    assert.equal((await search()).count, 1);
    assert.equal((await call('PATCH', zaak.url, { body: { zaakgeometrie: point(5, 5) } })).status, 200);
    assert.equal((await search()).count, 0, 'moved into the hole');
    assert.equal((await call('PATCH', zaak.url, { body: { zaakgeometrie: point(8, 8) } })).status, 200);
    assert.equal((await search()).count, 1);
    const removed = await call('PATCH', zaak.url, { body: { zaakgeometrie: null } });
    assert.deepEqual([removed.status, removed.body.zaakgeometrie], [200, null], JSON.stringify(removed.body));
    assert.equal((await search()).count, 0);
  });

  it('answers 400 invalid for a geometry the search cannot use, on write and in _zoek, and writes nothing', async () => {
    const open = { type: 'Polygon', coordinates: [[at(0, 0), at(1, 0), at(1, 1), at(0, 1)]] };
    const bowtie = { type: 'Polygon', coordinates: [ring([0, 0], [2, 2], [2, 0], [0, 2])] };
    const before = await listOutbox(server.og.database.db, server.baseUrl, {});
    for (const zaakgeometrie of [open, bowtie, { type: 'Point', coordinates: [200, 52] }]) {
      const answer = await call('POST', `${ZAKEN}/zaken`, { body: zaakBody(zaaktype, { identificatie: 'ONGELDIG', zaakgeometrie }) });
      assert.equal(answer.status, 400, JSON.stringify(zaakgeometrie));
      assert.deepEqual(answer.body.invalidParams.map((p: { name: string; code: string }) => [p.name, p.code]), [['zaakgeometrie', 'invalid']], JSON.stringify(answer.body));
      assert.match(answer.body.invalidParams[0].reason, /^Ongeldige GeoJSON-geometrie/);
    }
    const zaak = await create({ identificatie: 'geldig', bronorganisatie: '555555550', verantwoordelijkeOrganisatie: '555555550', zaakgeometrie: point(1, 1) });
    const patch = await call('PATCH', zaak.url, { body: { zaakgeometrie: open, omschrijving: 'niet bewaard' } });
    assert.deepEqual([patch.status, patch.body.invalidParams[0].name], [400, 'zaakgeometrie']);
    const read = await call('GET', zaak.url);
    assert.deepEqual([read.body.zaakgeometrie, read.body.omschrijving], [point(1, 1), 'Een zaak']);
    assert.equal((await listOutbox(server.og.database.db, server.baseUrl, {})).length, before.length + 1, 'only the valid create');

    const search = await call('POST', `${ZAKEN}/zaken/_zoek`, { body: { zaakgeometrie: { within: open } } });
    assert.deepEqual([search.status, search.body.invalidParams[0].name, search.body.invalidParams[0].code], [400, 'zaakgeometrie.within', 'invalid']);
  });

  describe('for a client with limited rights', () => {
    before(async () => {
      const applicatie = await server.call('POST', '/autorisaties/api/v1/applicaties', {
        body: {
          clientIds: [LIMITED.clientId],
          label: 'Beperkt',
          autorisaties: [{ component: 'zrc', scopes: ['zaken.lezen'], zaaktype, maxVertrouwelijkheidaanduiding: 'intern' }],
        },
      });
      assert.equal(applicatie.status, 201, JSON.stringify(applicatie.body));
      // Inside the square, but outside the limited client's rights.
      await create({ identificatie: 'te vertrouwelijk', zaakgeometrie: point(7, 2), vertrouwelijkheidaanduiding: 'vertrouwelijk' });
      await create({ identificatie: 'ander zaaktype', zaakgeometrie: point(8, 2) }, zaaktypeGeheim);
    });

    it('finds and counts only the zaken it may read', async () => {
      const all = await within(WITH_HOLE);
      assert.deepEqual(identificaties(all), ['ander zaaktype', 'balk over inham', 'punt binnen', 'punt in inham', 'te vertrouwelijk', 'vlak binnen']);
      const limited = await within(WITH_HOLE, LIMITED);
      assert.deepEqual([limited.count, identificaties(limited)], [4, ['balk over inham', 'punt binnen', 'punt in inham', 'vlak binnen']]);
      const onlyHidden = { type: 'Polygon', coordinates: [square(6.5, 1.5, 8.5, 2.5)] };
      const none = await within(onlyHidden, LIMITED);
      assert.deepEqual([none.count, none.results], [0, []]);
      assert.deepEqual(identificaties(await within(onlyHidden)), ['ander zaaktype', 'te vertrouwelijk']);
    });
  });
});
