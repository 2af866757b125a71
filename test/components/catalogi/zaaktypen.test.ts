import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { listOutbox } from '../../../src/platform/events/outbox.ts';
import { auditTrail } from '../../../src/platform/audit/audit.ts';
import { loadReferentielijsten } from '../../../src/components/referentielijsten/store.ts';

const ROOT = '/catalogi/api/v1';
const WRITER = { clientId: 'ztc-writer', secret: 'ztc-writer-secret-0123456789' };

let server: TestServer;
let catalogus: string;
let procestype: string;
before(async () => {
  server = await startTestServer({ components: ['catalogi', 'referentielijsten'], extraClients: [{ ...WRITER, autorisaties: [{ component: 'ztc', scopes: ['catalogi.lezen', 'catalogi.schrijven'] }] }] });
  catalogus = (await server.call('POST', `${ROOT}/catalogussen`, { body: { domein: 'ZT', rsin: '000000000', contactpersoonBeheerNaam: 'Beheer' } })).body.url;
  procestype = `${server.baseUrl}/referentielijsten/api/v1/procestypen/${loadReferentielijsten().procestypen[0]!.uuid}`;
});
after(() => server.close());

/** The body the conformance suite sends (ztc-001a), with its read-only lists. */
const zaaktype = (extra: Record<string, unknown> = {}) => ({
  identificatie: '1',
  omschrijving: 'Melding Openbare Ruimte',
  vertrouwelijkheidaanduiding: 'openbaar',
  doel: 'test doel',
  aanleiding: 'test aanleiding',
  indicatieInternOfExtern: 'extern',
  handelingInitiator: 'indienen',
  onderwerp: 'openbare ruimte',
  handelingBehandelaar: 'behandelen',
  doorlooptijd: 'P10D',
  opschortingEnAanhoudingMogelijk: false,
  verlengingMogelijk: false,
  publicatieIndicatie: false,
  productenOfDiensten: ['https://ref.tst.vng.cloud/standaard/'],
  selectielijstProcestype: procestype,
  referentieproces: { naam: 'test', link: '' },
  catalogus,
  statustypen: [],
  resultaattypen: [],
  eigenschappen: [],
  informatieobjecttypen: [],
  besluittypen: [],
  gerelateerdeZaaktypen: [],
  beginGeldigheid: '2005-01-01',
  eindeGeldigheid: '2012-01-01',
  versiedatum: '2012-01-01',
  concept: true,
  ...extra,
});

describe('zaaktypen', () => {
  it('ztc-001a: creates a zaaktype from the suite body, announced on kanaal zaaktypen and audited', async () => {
    const created = await server.call('POST', `${ROOT}/zaaktypen`, { body: zaaktype({ identificatie: 'ZT-CREATE', trefwoorden: ['melding'] }) });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.headers.get('location'), created.body.url);
    const b = created.body;
    assert.deepEqual(
      [b.identificatie, b.concept, b.versiedatum, b.verantwoordelijke, b.referentieproces, b.selectielijstProcestype, b.servicenorm, b.statustypen, b.deelzaaktypen, b.gerelateerdeZaaktypen],
      ['ZT-CREATE', true, '2012-01-01', '', { naam: 'test' }, procestype, null, [], [], []],
    );
    const read = await server.call('GET', b.url);
    assert.deepEqual(read.body, b);
    assert.ok((await server.call('GET', catalogus)).body.zaaktypen.includes(b.url));

    const events = await listOutbox(server.og.database.db, server.baseUrl, { resourceUrl: b.url });
    assert.deepEqual(events.map((e) => [e.kanaal, e.resource, e.actie, e.kenmerken.catalogus]), [['zaaktypen', 'zaaktype', 'create', catalogus]]);
    assert.deepEqual((await auditTrail(server.og.database.db, b.url)).map((t) => [t.bron, t.actie, t.resourceWeergave]), [['ZTC', 'create', 'ZT-CREATE']]);
  });

  it('ztc-001b: selectielijstProcestype must be a Procestype', async () => {
    const notProcestype = await server.call('POST', `${ROOT}/zaaktypen`, { body: zaaktype({ identificatie: 'ZT-001B', selectielijstProcestype: `${server.baseUrl}/health` }) });
    assert.equal(notProcestype.status, 400);
    assert.deepEqual([notProcestype.body.invalidParams[0].name, notProcestype.body.invalidParams[0].code], ['selectielijstProcestype', 'invalid-resource']);
    const unknownOwn = await server.call('POST', `${ROOT}/zaaktypen`, {
      body: zaaktype({ identificatie: 'ZT-001B', selectielijstProcestype: `${server.baseUrl}/referentielijsten/api/v1/procestypen/00000000-0000-4000-8000-000000000000` }),
    });
    assert.equal(unknownOwn.body.invalidParams[0].code, 'bad-url', 'our Referentielijsten answer 404 for it');
    // A URL answering 200 with an empty body (the suite's mock /200) is no Procestype.
    const empty = createServer((_request, response) => response.writeHead(200).end());
    await new Promise<void>((resolve) => empty.listen(0, '127.0.0.1', resolve));
    try {
      const emptyUrl = `http://127.0.0.1:${(empty.address() as AddressInfo).port}/200`;
      const emptyBody = await server.call('POST', `${ROOT}/zaaktypen`, { body: zaaktype({ identificatie: 'ZT-001B', selectielijstProcestype: emptyUrl }) });
      assert.deepEqual([emptyBody.body.invalidParams[0].name, emptyBody.body.invalidParams[0].code], ['selectielijstProcestype', 'invalid-resource']);
    } finally {
      empty.close();
    }
    const notFound = await server.call('POST', `${ROOT}/zaaktypen`, { body: zaaktype({ identificatie: 'ZT-001B', selectielijstProcestype: `${server.baseUrl}/onbekend` }) });
    assert.equal(notFound.body.invalidParams[0].code, 'bad-url');
    const unreachable = await server.call('POST', `${ROOT}/zaaktypen`, { body: zaaktype({ identificatie: 'ZT-001B', selectielijstProcestype: 'http://127.0.0.1:1/procestypen/1' }) });
    assert.equal(unreachable.body.invalidParams[0].code, 'bad-url');
    assert.equal((await server.call('GET', `${ROOT}/zaaktypen?identificatie=ZT-001B&status=alles`)).body.count, 0);
  });

  it('relates besluittypen, deelzaaktypen and gerelateerde zaaktypen by omschrijving and identificatie, shown when published and valid', async () => {
    const besluittype = await server.call('POST', `${ROOT}/besluittypen`, { body: { catalogus, omschrijving: 'zt-besluit', publicatieIndicatie: false, informatieobjecttypen: [], beginGeldigheid: '2019-01-01' } });
    const deel = await server.call('POST', `${ROOT}/zaaktypen`, { body: zaaktype({ identificatie: 'ZT-DEEL', beginGeldigheid: '2019-01-01', eindeGeldigheid: null }) });
    const hoofd = await server.call('POST', `${ROOT}/zaaktypen`, {
      body: zaaktype({
        identificatie: 'ZT-HOOFD',
        beginGeldigheid: '2019-01-01',
        eindeGeldigheid: null,
        besluittypen: [besluittype.body.url],
        deelzaaktypen: ['ZT-DEEL'],
        gerelateerdeZaaktypen: [{ zaaktype: deel.body.url, aardRelatie: 'vervolg', toelichting: 'daarna' }, { zaaktype: 'https://elders.example/zaaktypen/1', aardRelatie: 'bijdrage' }],
      }),
    });
    assert.equal(hoofd.status, 201, JSON.stringify(hoofd.body));
    assert.deepEqual([hoofd.body.besluittypeOmschrijving, hoofd.body.deelzaaktypeIdentificaties, hoofd.body.besluittypen, hoofd.body.deelzaaktypen], [['zt-besluit'], ['ZT-DEEL'], [], []]);
    assert.deepEqual(hoofd.body.gerelateerdeZaaktypen, [{ zaaktype: 'https://elders.example/zaaktypen/1', zaaktypeIdentificatie: '', aardRelatie: 'bijdrage', toelichting: '' }]);

    for (const url of [besluittype.body.url, deel.body.url, hoofd.body.url]) assert.equal((await server.call('POST', `${url}/publish`)).status, 200);
    const read = await server.call('GET', `${hoofd.body.url}?expand=besluittypen,deelzaaktypen,catalogus,statustypen`);
    assert.deepEqual([read.body.besluittypen, read.body.deelzaaktypen], [[besluittype.body.url], [deel.body.url]]);
    assert.deepEqual(read.body.gerelateerdeZaaktypen[0], { zaaktype: deel.body.url, zaaktypeIdentificatie: 'ZT-DEEL', aardRelatie: 'vervolg', toelichting: 'daarna' });
    assert.deepEqual([read.body._expand.besluittypen[0].url, read.body._expand.deelzaaktypen[0].url, read.body._expand.catalogus.url, read.body._expand.statustypen], [besluittype.body.url, deel.body.url, catalogus, []]);
    assert.deepEqual((await server.call('GET', `${hoofd.body.url}?datumGeldigheid=2018-01-01`)).body.besluittypen, [], 'not yet valid on that date');

    const bt = await server.call('GET', besluittype.body.url);
    assert.deepEqual([bt.body.zaaktypen, bt.body.zaaktypeIdentificaties], [[hoofd.body.url], ['ZT-HOOFD']]);
    const filtered = await server.call('GET', `${ROOT}/besluittypen?zaaktypen=${encodeURIComponent(hoofd.body.url)}`);
    assert.deepEqual(filtered.body.results.map((x: { url: string }) => x.url), [besluittype.body.url]);

    const other = await server.call('POST', `${ROOT}/catalogussen`, { body: { domein: 'ZT2', rsin: '000000000', contactpersoonBeheerNaam: 'X' } });
    const wrong = await server.call('POST', `${ROOT}/zaaktypen`, { body: zaaktype({ catalogus: other.body.url, identificatie: 'ZT-X', besluittypen: [besluittype.body.url], deelzaaktypen: ['bestaat-niet'] }) });
    assert.deepEqual(wrong.body.invalidParams.map((p: { name: string; code: string }) => [p.name, p.code]), [['nonFieldErrors', 'relations-incorrect-catalogus'], ['deelzaaktypen.0', 'does_not_exist']]);
  });

  it('ztc-009 and ztc-016: a published zaaktype is fixed but for eindeGeldigheid, and versions by identificatie may not overlap', async () => {
    const v1 = await server.call('POST', `${ROOT}/zaaktypen`, { client: WRITER, body: zaaktype({ identificatie: 'ZT-V', beginGeldigheid: '2020-01-01', eindeGeldigheid: null, trefwoorden: ['a', 'b'] }) });
    const v2 = await server.call('POST', `${ROOT}/zaaktypen`, { client: WRITER, body: zaaktype({ identificatie: 'ZT-V', beginGeldigheid: '2021-01-01', eindeGeldigheid: null, trefwoorden: ['a'] }) });
    assert.equal((await server.call('POST', `${v1.body.url}/publish`, { client: WRITER })).status, 200);
    assert.equal((await server.call('PUT', v1.body.url, { client: WRITER, body: zaaktype({ identificatie: 'ZT-V' }) })).body.invalidParams[0].code, 'non-concept-object');
    assert.equal((await server.call('PATCH', v1.body.url, { client: WRITER, body: { doel: 'ander' } })).body.invalidParams[0].code, 'non-concept-object');
    assert.equal((await server.call('DELETE', v1.body.url, { client: WRITER })).body.invalidParams[0].code, 'non-concept-object');
    const overlap = await server.call('POST', `${v2.body.url}/publish`, { client: WRITER });
    assert.deepEqual([overlap.status, overlap.body.invalidParams[0].code], [400, 'overlap']);
    assert.equal((await server.call('PATCH', v1.body.url, { client: WRITER, body: { eindeGeldigheid: '2020-12-31' } })).status, 200);
    assert.equal((await server.call('POST', `${v2.body.url}/publish`, { client: WRITER })).status, 200);

    const list = (q: string) => server.call('GET', `${ROOT}/zaaktypen?identificatie=ZT-V&${q}`).then((r) => r.body.results.map((x: { url: string }) => x.url));
    assert.deepEqual(await list(''), [v1.body.url, v2.body.url]);
    assert.deepEqual(await list('datumGeldigheid=2020-06-01'), [v1.body.url]);
    assert.deepEqual(await list('trefwoorden=a,b'), [v1.body.url]);
    assert.deepEqual(await list('trefwoorden=a'), [v1.body.url, v2.body.url]);
    assert.deepEqual(await list('status=concept'), []);

    // zrc-006: another zaaktype with this identificatie but its own omschrijving is no version of it.
    const other = await server.call('POST', `${ROOT}/zaaktypen`, { client: WRITER, body: zaaktype({ identificatie: 'ZT-V', omschrijving: 'Een ander zaaktype', beginGeldigheid: '2021-01-01', eindeGeldigheid: null }) });
    assert.equal((await server.call('POST', `${other.body.url}/publish`, { client: WRITER })).status, 200);

    const concept = await server.call('POST', `${ROOT}/zaaktypen`, { client: WRITER, body: zaaktype({ identificatie: 'ZT-WEG' }) });
    assert.equal((await server.call('DELETE', concept.body.url, { client: WRITER })).status, 204);
    const actions = (await listOutbox(server.og.database.db, server.baseUrl, { resourceUrl: concept.body.url })).map((e) => e.actie);
    assert.deepEqual(actions, ['create', 'destroy']);
  });
});
