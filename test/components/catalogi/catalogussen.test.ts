import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, LIMITED, type TestServer } from '../../helpers/server.ts';
import { auditTrail } from '../../../src/platform/audit/audit.ts';

const ROOT = '/catalogi/api/v1';

let server: TestServer;
before(async () => {
  server = await startTestServer({ components: ['catalogi'] });
});
after(() => server.close());

const catalogus = (extra: Record<string, unknown> = {}) => ({ domein: 'TEST', rsin: '000000000', contactpersoonBeheerNaam: 'Test Persoon', ...extra });

describe('catalogussen', () => {
  it('creates, reads (with ETag and HEAD), updates and audits a catalogus', async () => {
    const created = await server.call('POST', `${ROOT}/catalogussen`, { body: catalogus({ domein: 'CRUD', zaaktypen: ['read-only, ignored'] }) });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.headers.get('location'), created.body.url);
    assert.equal(created.headers.get('api-version'), '1.3.3');
    assert.match(created.body.url, /\/catalogi\/api\/v1\/catalogussen\/[0-9a-f-]{36}$/);
    assert.deepEqual(
      { ...created.body, url: undefined },
      {
        url: undefined,
        domein: 'CRUD',
        rsin: '000000000',
        contactpersoonBeheerNaam: 'Test Persoon',
        contactpersoonBeheerTelefoonnummer: '',
        contactpersoonBeheerEmailadres: '',
        zaaktypen: [],
        besluittypen: [],
        besluittypeOmschrijving: [],
        informatieobjecttypen: [],
        informatieobjecttypeOmschrijving: [],
        naam: null,
        versie: null,
        begindatumVersie: null,
      },
    );

    const read = await server.call('GET', created.body.url);
    assert.equal(read.status, 200);
    assert.deepEqual(read.body, created.body);
    const etag = read.headers.get('etag')!;
    assert.ok(etag);
    assert.equal((await server.call('GET', created.body.url, { headers: { 'If-None-Match': etag } })).status, 304);
    const head = await server.call('HEAD', created.body.url);
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('etag'), etag);

    const put = await server.call('PUT', created.body.url, { body: catalogus({ domein: 'CRUD2', naam: 'Mijn catalogus', begindatumVersie: '2024-01-01' }) });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.equal(put.body.domein, 'CRUD2');
    assert.equal(put.body.naam, 'Mijn catalogus');
    const patch = await server.call('PATCH', created.body.url, { body: { versie: '2', naam: null } });
    assert.equal(patch.status, 200, JSON.stringify(patch.body));
    assert.deepEqual([patch.body.domein, patch.body.versie, patch.body.naam, patch.body.begindatumVersie], ['CRUD2', '2', null, '2024-01-01']);

    const trail = await auditTrail(server.og.database.db, created.body.url);
    assert.deepEqual(trail.map((t) => [t.bron, t.actie, t.resource]), [['ZTC', 'create', 'catalogus'], ['ZTC', 'update', 'catalogus'], ['ZTC', 'partial_update', 'catalogus']]);
    assert.deepEqual(trail[2]!.wijzigingen.nieuw, patch.body);
  });

  it('filters on domein, domein__in, rsin and rsin__in, and paginates', async () => {
    await server.call('POST', `${ROOT}/catalogussen`, { body: catalogus({ domein: 'FLTA', rsin: '000000000' }) });
    await server.call('POST', `${ROOT}/catalogussen`, { body: catalogus({ domein: 'FLTB', rsin: '111222333' }) });
    const byDomein = await server.call('GET', `${ROOT}/catalogussen?domein=FLTA`);
    assert.equal(byDomein.status, 200);
    assert.deepEqual(byDomein.body.results.map((c: { domein: string }) => c.domein), ['FLTA']);
    const byDomeinIn = await server.call('GET', `${ROOT}/catalogussen?domein__in=FLTA,FLTB`);
    assert.equal(byDomeinIn.body.count, 2);
    const byRsin = await server.call('GET', `${ROOT}/catalogussen?rsin=111222333`);
    assert.deepEqual(byRsin.body.results.map((c: { domein: string }) => c.domein), ['FLTB']);
    const byRsinIn = await server.call('GET', `${ROOT}/catalogussen?rsin__in=111222333,999999999&domein=FLTB`);
    assert.equal(byRsinIn.body.count, 1);
    const all = await server.call('GET', `${ROOT}/catalogussen`);
    assert.equal(all.body.count, all.body.results.length);
    assert.equal(all.body.next, null);
    assert.equal(all.body.previous, null);
    assert.equal((await server.call('GET', `${ROOT}/catalogussen?page=2`)).status, 404);
    assert.equal((await server.call('GET', `${ROOT}/catalogussen?onbekend=1`)).status, 400);
  });

  it('expands the published types on request and rejects unknown expand fields', async () => {
    const created = await server.call('POST', `${ROOT}/catalogussen`, { body: catalogus({ domein: 'EXP' }) });
    const read = await server.call('GET', `${created.body.url}?expand=informatieobjecttypen,besluittypen`);
    assert.equal(read.status, 200);
    assert.deepEqual(read.body._expand, { informatieobjecttypen: [], besluittypen: [] });
    const wrong = await server.call('GET', `${created.body.url}?expand=statustypen`);
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.invalidParams[0].name, 'expand');
  });

  it('requires the fields of the standard, a valid RSIN and a unique domein per rsin (also concurrently)', async () => {
    const missing = await server.call('POST', `${ROOT}/catalogussen`, { body: {} });
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.body.invalidParams.map((p: { name: string }) => p.name).sort(), ['contactpersoonBeheerNaam', 'domein', 'rsin']);
    const tooLong = await server.call('POST', `${ROOT}/catalogussen`, { body: catalogus({ domein: 'TOOLONG' }) });
    assert.deepEqual(tooLong.body.invalidParams.map((p: { name: string; code: string }) => [p.name, p.code]), [['domein', 'max_length']]);
    const rsin = await server.call('POST', `${ROOT}/catalogussen`, { body: catalogus({ domein: 'RSIN', rsin: '123456789' }) });
    assert.equal(rsin.status, 400);
    assert.equal(rsin.body.invalidParams[0].name, 'rsin');

    const racers = await Promise.all(Array.from({ length: 4 }, () => server.call('POST', `${ROOT}/catalogussen`, { body: catalogus({ domein: 'RACE' }) })));
    assert.deepEqual(racers.map((r) => r.status).sort(), [201, 400, 400, 400]);
    assert.ok(racers.filter((r) => r.status === 400).every((r) => r.body.invalidParams[0].code === 'unique'));
  });

  it('asks for the catalogi scopes', async () => {
    assert.equal((await server.call('GET', `${ROOT}/catalogussen`, { client: LIMITED })).status, 403);
    assert.equal((await server.call('POST', `${ROOT}/catalogussen`, { client: LIMITED, body: catalogus() })).status, 403);
    assert.equal((await fetch(`${server.baseUrl}${ROOT}/catalogussen`)).status, 401);
  });
});
