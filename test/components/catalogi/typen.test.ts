import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { listOutbox } from '../../../src/platform/events/outbox.ts';
import { auditTrail } from '../../../src/platform/audit/audit.ts';

import { CATALOGI_CLIENTS, FORCER, ROOT, WRITER } from './fixtures.ts';

let server: TestServer;
let catalogus: string;
before(async () => {
  server = await startTestServer({ components: ['catalogi'], extraClients: CATALOGI_CLIENTS });
  const created = await server.call('POST', `${ROOT}/catalogussen`, { body: { domein: 'TYPEN', rsin: '000000000', contactpersoonBeheerNaam: 'Beheer' } });
  catalogus = created.body.url;
});
after(() => server.close());

const iot = (extra: Record<string, unknown> = {}) => ({ catalogus, omschrijving: 'brief', vertrouwelijkheidaanduiding: 'openbaar', beginGeldigheid: '2019-01-01', ...extra });
const bt = (extra: Record<string, unknown> = {}) => ({ catalogus, omschrijving: 'besluit', zaaktypen: [], publicatieIndicatie: false, informatieobjecttypen: [], beginGeldigheid: '2019-01-01', ...extra });

describe('informatieobjecttypen', () => {
  it('creates a concept, publishes it, and announces and audits every step in its transaction', async () => {
    const created = await server.call('POST', `${ROOT}/informatieobjecttypen`, { client: WRITER, body: iot({ omschrijving: 'crud', concept: false }) });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.headers.get('location'), created.body.url);
    assert.equal(created.body.concept, true, 'concept is read-only');
    assert.equal(created.body.informatieobjectcategorie, '');
    assert.deepEqual([created.body.zaaktypen, created.body.besluittypen, created.body.trefwoord, created.body.eindeGeldigheid], [[], [], [], null]);

    const patched = await server.call('PATCH', created.body.url, { client: WRITER, body: { informatieobjectcategorie: 'brieven', trefwoord: ['post'] } });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    assert.equal(patched.body.informatieobjectcategorie, 'brieven');
    const published = await server.call('POST', `${created.body.url}/publish`, { client: WRITER });
    assert.equal(published.status, 200, JSON.stringify(published.body));
    assert.equal(published.body.concept, false);

    const events = await listOutbox(server.og.database.db, server.baseUrl, { resourceUrl: created.body.url });
    assert.deepEqual(events.map((e) => [e.kanaal, e.resource, e.actie, e.kenmerken.catalogus]), [
      ['informatieobjecttypen', 'informatieobjecttype', 'create', catalogus],
      ['informatieobjecttypen', 'informatieobjecttype', 'partial_update', catalogus],
      ['informatieobjecttypen', 'informatieobjecttype', 'publish', catalogus],
    ]);
    const trail = await auditTrail(server.og.database.db, created.body.url);
    assert.deepEqual(trail.map((t) => [t.bron, t.actie]), [['ZTC', 'create'], ['ZTC', 'partial_update'], ['ZTC', 'partial_update']]);

    const catalogusView = await server.call('GET', catalogus);
    assert.ok(catalogusView.body.informatieobjecttypen.includes(created.body.url));
    assert.ok(catalogusView.body.informatieobjecttypeOmschrijving.includes('crud'));
    const expanded = await server.call('GET', `${catalogus}?expand=informatieobjecttypen`);
    assert.ok(expanded.body._expand.informatieobjecttypen.some((i: { url: string }) => i.url === created.body.url));
  });

  it('ztc-009: a published one only takes a new eindeGeldigheid, unless forced; it cannot be deleted unless forced', async () => {
    const created = await server.call('POST', `${ROOT}/informatieobjecttypen`, { client: WRITER, body: iot({ omschrijving: 'ztc009' }) });
    await server.call('POST', `${created.body.url}/publish`, { client: WRITER });
    const before = (await listOutbox(server.og.database.db, server.baseUrl, { resourceUrl: created.body.url })).length;
    for (const [method, body] of [['PUT', iot({ omschrijving: 'ztc009' })], ['PATCH', { omschrijving: 'ander' }], ['DELETE', undefined]] as const) {
      const refused = await server.call(method, created.body.url, { client: WRITER, body });
      assert.equal(refused.status, 400, method);
      assert.deepEqual([refused.body.invalidParams[0].name, refused.body.invalidParams[0].code], ['nonFieldErrors', 'non-concept-object']);
    }
    assert.equal((await listOutbox(server.og.database.db, server.baseUrl, { resourceUrl: created.body.url })).length, before, 'nothing announced for refused changes');
    const einde = await server.call('PATCH', created.body.url, { client: WRITER, body: { eindeGeldigheid: '2020-01-01' } });
    assert.equal(einde.status, 200, JSON.stringify(einde.body));
    assert.equal(einde.body.eindeGeldigheid, '2020-01-01');
    const forced = await server.call('PATCH', created.body.url, { client: FORCER, body: { informatieobjectcategorie: 'correctie' } });
    assert.equal(forced.status, 200, JSON.stringify(forced.body));
    assert.equal((await server.call('DELETE', created.body.url, { client: FORCER })).status, 204);
    assert.equal((await server.call('GET', created.body.url)).status, 404);
  });

  it('ztc-016: published versions with the same omschrijving may not overlap; lists by status, omschrijving, catalogus and datumGeldigheid', async () => {
    const v1 = await server.call('POST', `${ROOT}/informatieobjecttypen`, { body: iot({ omschrijving: 'versies', beginGeldigheid: '2020-01-01' }) });
    const v2 = await server.call('POST', `${ROOT}/informatieobjecttypen`, { body: iot({ omschrijving: 'versies', beginGeldigheid: '2021-01-01' }) });
    assert.equal(v2.status, 201, 'concepts may overlap: the next version is prepared before the current one ends');
    assert.equal((await server.call('POST', `${v1.body.url}/publish`)).status, 200);
    const overlap = await server.call('POST', `${v2.body.url}/publish`);
    assert.equal(overlap.status, 400);
    assert.deepEqual([overlap.body.invalidParams[0].name, overlap.body.invalidParams[0].code], ['beginGeldigheid', 'overlap']);
    assert.equal((await server.call('PATCH', v1.body.url, { body: { eindeGeldigheid: '2020-12-31' } })).status, 200);
    assert.equal((await server.call('POST', `${v2.body.url}/publish`)).status, 200);
    const reopen = await server.call('PATCH', v1.body.url, { body: { eindeGeldigheid: null } });
    assert.equal(reopen.status, 400, 'a published version cannot be stretched over the next one');
    assert.equal(reopen.body.invalidParams[0].code, 'overlap');
    const v3 = await server.call('POST', `${ROOT}/informatieobjecttypen`, { body: iot({ omschrijving: 'versies', beginGeldigheid: '2022-01-01' }) });

    const list = (q: string) => server.call('GET', `${ROOT}/informatieobjecttypen?omschrijving=versies&${q}`).then((r) => r.body.results.map((x: { url: string }) => x.url));
    assert.deepEqual(await list(''), [v1.body.url, v2.body.url], 'definitief by default');
    assert.deepEqual(await list('status=concept'), [v3.body.url]);
    assert.deepEqual(await list('status=alles'), [v1.body.url, v2.body.url, v3.body.url]);
    assert.deepEqual(await list('datumGeldigheid=2020-06-01'), [v1.body.url]);
    assert.deepEqual(await list('datumGeldigheid=2021-06-01'), [v2.body.url]);
    assert.deepEqual(await list(`status=alles&catalogus=${encodeURIComponent(catalogus)}`), [v1.body.url, v2.body.url, v3.body.url]);
    assert.equal((await server.call('GET', `${ROOT}/informatieobjecttypen?status=nee`)).status, 400);
    const wrongCatalogus = await server.call('POST', `${ROOT}/informatieobjecttypen`, { body: iot({ catalogus: `${server.baseUrl}${ROOT}/catalogussen/00000000-0000-4000-8000-000000000000` }) });
    assert.equal(wrongCatalogus.body.invalidParams[0].name, 'catalogus');
  });
});

describe('besluittypen', () => {
  it('relates informatieobjecttypen by omschrijving, shows published ones, and filters on them', async () => {
    const document = await server.call('POST', `${ROOT}/informatieobjecttypen`, { body: iot({ omschrijving: 'besluitbrief' }) });
    const created = await server.call('POST', `${ROOT}/besluittypen`, { body: bt({ omschrijving: 'vergunning', informatieobjecttypen: [document.body.url] }) });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual(created.body.informatieobjecttypeOmschrijvingen, ['besluitbrief']);
    assert.deepEqual(created.body.informatieobjecttypen, [], 'a concept informatieobjecttype is not shown');
    // The standard's way: by omschrijving (while the informatieobjecttype is a concept: ztc-011a).
    const byOmschrijving = await server.call('POST', `${ROOT}/besluittypen`, { body: bt({ omschrijving: 'ontheffing', informatieobjecttypen: ['besluitbrief'] }) });
    assert.equal(byOmschrijving.status, 201, JSON.stringify(byOmschrijving.body));
    assert.deepEqual(byOmschrijving.body.informatieobjecttypeOmschrijvingen, ['besluitbrief']);
    await server.call('POST', `${document.body.url}/publish`);
    await server.call('POST', `${created.body.url}/publish`);
    const read = await server.call('GET', `${created.body.url}?expand=informatieobjecttypen,catalogus`);
    assert.deepEqual(read.body.informatieobjecttypen, [document.body.url]);
    assert.equal(read.body._expand.informatieobjecttypen[0].url, document.body.url);
    assert.equal(read.body._expand.catalogus.url, catalogus);
    const iotRead = await server.call('GET', document.body.url);
    assert.deepEqual([iotRead.body.besluittypen, iotRead.body.besluittypeOmschrijving], [[created.body.url], ['vergunning']]);

    const filtered = await server.call('GET', `${ROOT}/besluittypen?informatieobjecttypen=${encodeURIComponent(document.body.url)}`);
    assert.deepEqual(filtered.body.results.map((b: { url: string }) => b.url), [created.body.url]);
    const events = await listOutbox(server.og.database.db, server.baseUrl, { resourceUrl: created.body.url });
    assert.deepEqual(events.map((e) => [e.kanaal, e.actie, e.kenmerken.catalogus]), [['besluittypen', 'create', catalogus], ['besluittypen', 'publish', catalogus]]);

    assert.deepEqual((await server.call('GET', byOmschrijving.body.url)).body.informatieobjecttypen, [document.body.url], 'the published version is shown');

    const missing = await server.call('POST', `${ROOT}/besluittypen`, {
      body: bt({ omschrijving: 'x', informatieobjecttypen: ['bestaat niet', `${server.baseUrl}${ROOT}/informatieobjecttypen/00000000-0000-4000-8000-000000000000`] }),
    });
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.body.invalidParams.map((p: { name: string; code: string }) => [p.name, p.code]), [['informatieobjecttypen.0', 'does_not_exist'], ['informatieobjecttypen.1', 'does_not_exist']]);
    const other = await server.call('POST', `${ROOT}/catalogussen`, { body: { domein: 'ANDER', rsin: '000000000', contactpersoonBeheerNaam: 'X' } });
    const elsewhere = await server.call('POST', `${ROOT}/besluittypen`, { body: bt({ catalogus: other.body.url, omschrijving: 'x', informatieobjecttypen: [document.body.url] }) });
    assert.deepEqual([elsewhere.body.invalidParams[0].name, elsewhere.body.invalidParams[0].code], ['nonFieldErrors', 'relations-incorrect-catalogus']);
  });

  it('ztc-009 for besluittypen, with geforceerd scopes', async () => {
    const created = await server.call('POST', `${ROOT}/besluittypen`, { client: WRITER, body: bt({ omschrijving: 'test publish' }) });
    assert.equal(created.status, 201);
    assert.equal((await server.call('POST', `${created.body.url}/publish`, { client: WRITER })).body.concept, false);
    const put = await server.call('PUT', created.body.url, { client: WRITER, body: bt({ omschrijving: 'test publish' }) });
    assert.equal(put.body.invalidParams[0].code, 'non-concept-object');
    assert.equal((await server.call('PATCH', created.body.url, { client: WRITER, body: { omschrijving: 'ja' } })).body.invalidParams[0].code, 'non-concept-object');
    assert.equal((await server.call('PATCH', created.body.url, { client: WRITER, body: { eindeGeldigheid: '2020-01-01' } })).body.eindeGeldigheid, '2020-01-01');
    assert.equal((await server.call('DELETE', created.body.url, { client: WRITER })).body.invalidParams[0].code, 'non-concept-object');
    // ztc-009: clients send Content-Type: application/json with an empty body on DELETE; that is no body, so the rule answers.
    const json = { 'Content-Type': 'application/json' };
    const refused = await server.call('DELETE', created.body.url, { client: WRITER, headers: json });
    assert.deepEqual([refused.status, refused.body.invalidParams?.[0]?.name, refused.body.invalidParams?.[0]?.code], [400, 'nonFieldErrors', 'non-concept-object']);
    assert.equal((await server.call('POST', `${created.body.url}/publish`, { client: WRITER, headers: json })).status, 200, 'publish with an empty JSON body');
    assert.equal((await server.call('PUT', created.body.url, { client: FORCER, body: bt({ omschrijving: 'test publish', toelichting: 'correctie' }) })).status, 200);
    assert.equal((await server.call('DELETE', created.body.url, { client: FORCER })).status, 204);

    const concept = await server.call('POST', `${ROOT}/besluittypen`, { client: WRITER, body: bt({ omschrijving: 'weg' }) });
    assert.equal((await server.call('DELETE', concept.body.url, { client: WRITER })).status, 204);
    const trail = await auditTrail(server.og.database.db, concept.body.url);
    assert.deepEqual(trail.map((t) => t.actie), ['create', 'destroy']);
  });
});
