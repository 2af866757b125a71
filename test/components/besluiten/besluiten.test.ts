import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { listOutbox } from '../../../src/platform/events/outbox.ts';
import { besluitBody, CATALOGI, publishedTypes, ROOT, type Catalogus } from './fixtures.ts';

const LEZER = { clientId: 'brc-lezer', secret: 'brc-lezer-secret-0123456789' };
const SCHRIJVER = { clientId: 'brc-schrijver', secret: 'brc-schrijver-secret-0123456789' };
const ALLEEN_BRC = { clientId: 'brc-zonder-ztc', secret: 'brc-zonder-ztc-secret-0123456789' };

let server: TestServer;
let a: Catalogus;
let b: Catalogus;

before(async () => {
  server = await startTestServer({ extraClients: [LEZER, SCHRIJVER, ALLEEN_BRC] });
  a = await publishedTypes(server, 'BRCA');
  b = await publishedTypes(server, 'BRCB', 'ander besluit');
  const brc = (besluittype: string, scopes: string[]) => ({ component: 'brc', scopes, besluittype });
  const applicatie = async (clientId: string, autorisaties: unknown[]) =>
    assert.equal((await server.call('POST', '/autorisaties/api/v1/applicaties', { body: { clientIds: [clientId], label: clientId, autorisaties } })).status, 201);
  await applicatie(LEZER.clientId, [brc(a.besluittype, ['besluiten.lezen', 'audittrails.lezen'])]);
  await applicatie(SCHRIJVER.clientId, [brc(a.besluittype, ['besluiten.lezen', 'besluiten.aanmaken', 'besluiten.bijwerken', 'besluiten.verwijderen']), { component: 'ztc', scopes: ['catalogi.lezen'] }]);
  await applicatie(ALLEEN_BRC.clientId, [brc(a.besluittype, ['besluiten.lezen'])]);
});

after(() => server.close());

const create = async (body: Record<string, unknown>, client?: { clientId: string; secret: string }) => server.call('POST', `${ROOT}/besluiten`, { body, client });

describe('besluit', () => {
  it('is created with a generated identificatie, read, updated, partially updated and deleted', async () => {
    const created = await create(besluitBody(a.besluittype, { toelichting: 'Verleend.', vervalreden: 'tijdelijk', vervaldatum: '2025-01-01' }));
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.headers.get('location'), created.body.url);
    assert.match(created.body.url, new RegExp(`^${server.baseUrl}${ROOT}/besluiten/[0-9a-f-]{36}$`));
    assert.match(created.body.identificatie, /^BESLUIT-2024-\d{10}$/);
    assert.deepEqual(
      { ...created.body, url: undefined, identificatie: undefined },
      {
        url: undefined, identificatie: undefined, verantwoordelijkeOrganisatie: '000000000', besluittype: a.besluittype, zaak: '', datum: '2024-03-01',
        toelichting: 'Verleend.', bestuursorgaan: '', ingangsdatum: '2024-03-02', vervaldatum: '2025-01-01', vervalreden: 'tijdelijk',
        vervalredenWeergave: 'Besluit met tijdelijke werking', publicatiedatum: null, verzenddatum: null, uiterlijkeReactiedatum: null,
      },
    );
    assert.equal(created.headers.get('api-version'), '1.1.0');
    assert.deepEqual((await server.call('GET', created.body.url)).body, created.body);

    const put = await server.call('PUT', created.body.url, { body: besluitBody(a.besluittype, { toelichting: 'Aangepast.' }) });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.equal(put.body.identificatie, created.body.identificatie, 'a full update without identificatie keeps it');
    assert.deepEqual([put.body.toelichting, put.body.vervalreden, put.body.vervaldatum], ['Aangepast.', '', null], 'what a full update leaves out is empty');

    const patch = await server.call('PATCH', created.body.url, { body: { bestuursorgaan: 'College van B&W' } });
    assert.equal(patch.status, 200, JSON.stringify(patch.body));
    assert.deepEqual([patch.body.bestuursorgaan, patch.body.toelichting], ['College van B&W', 'Aangepast.']);

    assert.equal((await server.call('DELETE', created.body.url)).status, 204);
    assert.equal((await server.call('GET', created.body.url)).status, 404);
    assert.equal((await server.call('GET', `${created.body.url}/audittrail`)).status, 404, 'brc-008b: the audit trail goes with it');
  });

  it('generates identificaties unique per verantwoordelijke organisatie and year, around ones a client chose (brc-002f)', async () => {
    const first = await create(besluitBody(a.besluittype, { verantwoordelijkeOrganisatie: '245122461', datum: '2023-05-01' }));
    assert.equal(first.body.identificatie, 'BESLUIT-2023-0000000001');
    const chosen = await create(besluitBody(a.besluittype, { verantwoordelijkeOrganisatie: '245122461', identificatie: 'BESLUIT-2023-0000000002' }));
    assert.equal(chosen.status, 201);
    const third = await create(besluitBody(a.besluittype, { verantwoordelijkeOrganisatie: '245122461', datum: '2023-06-01' }));
    assert.equal(third.body.identificatie, 'BESLUIT-2023-0000000003');
    const other = await create(besluitBody(a.besluittype, { verantwoordelijkeOrganisatie: '111222333', datum: '2023-06-01' }));
    assert.equal(other.body.identificatie, 'BESLUIT-2023-0000000001', 'another organisation counts on its own');
  });

  it('refuses a taken identificatie and changes to identificatie, verantwoordelijkeOrganisatie and besluittype (brc-001g/h, brc-002)', async () => {
    const created = await create(besluitBody(a.besluittype, { identificatie: 'UNIEK-1' }));
    assert.equal(created.status, 201);
    const codes = (answer: { status: number; body: any }) => [answer.status, ...answer.body.invalidParams.map((p: { name: string; code: string }) => `${p.name}:${p.code}`)];
    assert.deepEqual(codes(await create(besluitBody(a.besluittype, { identificatie: 'UNIEK-1' }))), [400, 'identificatie:identificatie-niet-uniek']);
    assert.equal((await create(besluitBody(a.besluittype, { identificatie: 'UNIEK-1', verantwoordelijkeOrganisatie: '245122461' }))).status, 201, 'unique per organisation');

    const url = created.body.url;
    assert.deepEqual(codes(await server.call('PUT', url, { body: besluitBody(a.besluittype, { identificatie: 'ANDERS' }) })), [400, 'identificatie:wijzigen-niet-toegelaten']);
    assert.deepEqual(codes(await server.call('PATCH', url, { body: { identificatie: 'ANDERS' } })), [400, 'identificatie:wijzigen-niet-toegelaten']);
    assert.deepEqual(codes(await server.call('PUT', url, { body: besluitBody(a.besluittype, { verantwoordelijkeOrganisatie: '245122461' }) })), [400, 'verantwoordelijkeOrganisatie:wijzigen-niet-toegelaten']);
    assert.deepEqual(codes(await server.call('PATCH', url, { body: { verantwoordelijkeOrganisatie: '245122461' } })), [400, 'verantwoordelijkeOrganisatie:wijzigen-niet-toegelaten']);
    assert.deepEqual(codes(await server.call('PUT', url, { body: besluitBody(b.besluittype) })), [400, 'besluittype:wijzigen-niet-toegelaten']);
    assert.deepEqual(codes(await server.call('PATCH', url, { body: { besluittype: b.besluittype } })), [400, 'besluittype:wijzigen-niet-toegelaten']);
    assert.equal((await server.call('PATCH', url, { body: { identificatie: 'UNIEK-1', verantwoordelijkeOrganisatie: '000000000' } })).status, 200, 'the same values are no change');
    assert.equal((await server.call('GET', url)).body.identificatie, 'UNIEK-1');
  });

  it('checks the besluittype (brc-001d/e/f), the RSIN, the datum and the body', async () => {
    const codes = async (body: Record<string, unknown>) => {
      const answer = await create(body);
      assert.equal(answer.status, 400, JSON.stringify(answer.body));
      return answer.body.invalidParams.map((p: { name: string; code: string }) => `${p.name}:${p.code}`);
    };
    assert.deepEqual(await codes(besluitBody(`${server.baseUrl}${CATALOGI}/besluittypen/00000000-0000-4000-8000-000000000000`)), ['besluittype:bad-url']);
    assert.deepEqual(await codes(besluitBody(a.zaaktype)), ['besluittype:invalid-resource']);
    const concept = await server.call('POST', `${CATALOGI}/besluittypen`, { body: { catalogus: a.catalogus, omschrijving: 'concept', publicatieIndicatie: false, informatieobjecttypen: [], beginGeldigheid: '2020-01-01' } });
    assert.deepEqual(await codes(besluitBody(concept.body.url)), ['besluittype:not-published']);
    assert.deepEqual(await codes(besluitBody(a.besluittype, { verantwoordelijkeOrganisatie: '123456789' })), ['verantwoordelijkeOrganisatie:invalid']);
    assert.deepEqual(await codes(besluitBody(a.besluittype, { datum: '2999-01-01' })), ['datum:future_not_allowed']);
    assert.deepEqual(await codes({ besluittype: a.besluittype, vervalreden: 'vergeten' }), ['verantwoordelijkeOrganisatie:required', 'datum:required', 'ingangsdatum:required', 'vervalreden:invalid_choice']);
  });

  it('filters the list on identificatie, verantwoordelijkeOrganisatie, besluittype and zaak, newest first', async () => {
    const one = await create(besluitBody(a.besluittype, { verantwoordelijkeOrganisatie: '999999990', identificatie: 'LIJST-1' }));
    const two = await create(besluitBody(b.besluittype, { verantwoordelijkeOrganisatie: '999999990', identificatie: 'LIJST-2' }));
    const list = async (query: string) => {
      const answer = await server.call('GET', `${ROOT}/besluiten?${query}`);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      return answer.body.results.map((r: { identificatie: string }) => r.identificatie);
    };
    assert.deepEqual(await list('verantwoordelijkeOrganisatie=999999990'), ['LIJST-2', 'LIJST-1']);
    assert.deepEqual(await list('identificatie=LIJST-1'), ['LIJST-1']);
    assert.deepEqual(await list(`verantwoordelijkeOrganisatie=999999990&besluittype=${encodeURIComponent(b.besluittype)}`), ['LIJST-2']);
    assert.deepEqual(await list(`verantwoordelijkeOrganisatie=999999990&zaak=${encodeURIComponent('https://elders.example/zaken/api/v1/zaken/1')}`), []);
    const page = await server.call('GET', `${ROOT}/besluiten?identificatie=LIJST-1`);
    assert.deepEqual([page.body.count, page.body.next, page.body.previous], [1, null, null]);
    assert.equal((await server.call('GET', `${ROOT}/besluiten?onbekend=1`)).status, 400);
    assert.ok(one.body.url && two.body.url);
  });

  it('writes an audit record per change, readable per besluit, and a notification on kanaal besluiten', async () => {
    const created = await server.call('POST', `${ROOT}/besluiten`, { body: besluitBody(a.besluittype), headers: { 'X-Audit-Toelichting': 'Aanvraag toegekend' } });
    await server.call('PATCH', created.body.url, { body: { toelichting: 'Nader toegelicht.' } });
    const trail = await server.call('GET', `${created.body.url}/audittrail`);
    assert.equal(trail.status, 200);
    assert.deepEqual(trail.body.map((e: any) => [e.bron, e.actie, e.resultaat, e.resource, e.hoofdObject, e.toelichting]), [
      ['BRC', 'create', 201, 'besluit', created.body.url, 'Aanvraag toegekend'],
      ['BRC', 'partial_update', 200, 'besluit', created.body.url, ''],
    ]);
    assert.equal(trail.body[0].wijzigingen.oud, undefined);
    assert.equal(trail.body[0].wijzigingen.nieuw.identificatie, created.body.identificatie);
    assert.equal(trail.body[1].wijzigingen.oud.toelichting, '');
    assert.equal(trail.body[1].wijzigingen.nieuw.toelichting, 'Nader toegelicht.');
    const one = await server.call('GET', `${created.body.url}/audittrail/${trail.body[1].uuid}`);
    assert.deepEqual(one.body, trail.body[1]);
    assert.equal((await server.call('GET', `${created.body.url}/audittrail/00000000-0000-4000-8000-000000000000`)).status, 404);

    await server.call('DELETE', created.body.url);
    const outbox = await listOutbox(server.og.database.db, server.baseUrl, { kanaal: 'besluiten', resourceUrl: created.body.url });
    assert.deepEqual(
      outbox.map((n) => [n.actie, n.resource, n.hoofdObject, n.kenmerken]),
      ['create', 'partial_update', 'destroy'].map((actie) => [actie, 'besluit', created.body.url, { verantwoordelijkeOrganisatie: '000000000', besluittype: a.besluittype }]),
    );
  });

  it('expands the besluittype, as far as the client may read the Catalogi API', async () => {
    const created = await create(besluitBody(a.besluittype));
    const expanded = await server.call('GET', `${created.body.url}?expand=besluittype,zaak`);
    assert.equal(expanded.status, 200, JSON.stringify(expanded.body));
    assert.deepEqual(expanded.body._expand.besluittype, (await server.call('GET', a.besluittype)).body);
    assert.deepEqual(expanded.body._expand.zaak, {}, 'no zaak: the empty object');
    const list = await server.call('GET', `${ROOT}/besluiten?identificatie=${created.body.identificatie}&expand=besluittype`);
    assert.equal(list.body.results[0]._expand.besluittype.url, a.besluittype);
    assert.equal((await server.call('GET', created.body.url)).body._expand, undefined);
    assert.equal((await server.call('GET', `${created.body.url}?expand=catalogus`)).body.invalidParams[0].code, 'invalid-expand-field');
    assert.equal((await server.call('GET', `${created.body.url}?expand=besluittype`, { client: ALLEEN_BRC })).status, 403, 'expanding needs catalogi.lezen');
    assert.equal((await server.call('GET', created.body.url, { client: ALLEEN_BRC })).status, 200);
  });
});

describe('authorisation per besluittype', () => {
  it('lists only the besluiten of the client’s besluittypen, and answers 403 outside them', async () => {
    const mine = await create(besluitBody(a.besluittype, { identificatie: 'AUTH-A', verantwoordelijkeOrganisatie: '888888880' }));
    const other = await create(besluitBody(b.besluittype, { identificatie: 'AUTH-B', verantwoordelijkeOrganisatie: '888888880' }));
    const seen = await server.call('GET', `${ROOT}/besluiten?verantwoordelijkeOrganisatie=888888880`, { client: LEZER });
    assert.deepEqual([seen.body.count, seen.body.results.map((r: { identificatie: string }) => r.identificatie)], [1, ['AUTH-A']]);
    assert.equal((await server.call('GET', other.body.url, { client: LEZER })).status, 403);
    assert.equal((await server.call('GET', mine.body.url, { client: LEZER })).status, 200);
    assert.equal((await server.call('GET', `${mine.body.url}/audittrail`, { client: LEZER })).status, 200);
    assert.equal((await server.call('GET', `${other.body.url}/audittrail`, { client: LEZER })).status, 403);
    assert.equal((await server.call('PATCH', mine.body.url, { body: { toelichting: 'x' }, client: LEZER })).status, 403, 'no besluiten.bijwerken');

    assert.equal((await create(besluitBody(b.besluittype), SCHRIJVER)).status, 403, 'besluiten.aanmaken only for besluittype A');
    const own = await create(besluitBody(a.besluittype), SCHRIJVER);
    assert.equal(own.status, 201);
    assert.equal((await server.call('PATCH', other.body.url, { body: { toelichting: 'x' }, client: SCHRIJVER })).status, 403);
    assert.equal((await server.call('DELETE', other.body.url, { client: SCHRIJVER })).status, 403);
    assert.equal((await server.call('DELETE', own.body.url, { client: SCHRIJVER })).status, 204);
    assert.equal((await server.call('GET', `${ROOT}/besluiten`, { client: { clientId: 'test-limited', secret: 'test-limited-secret-0123456789' } })).status, 403);
  });
});
