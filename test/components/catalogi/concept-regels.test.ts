/**
 * The concept rules across types (conformance ztc-010 .. ztc-013): a concept related to a
 * published type is held like a published one, no relation to a published type is created, a
 * zaaktype is published only after what it names, and a zaaktype-informatieobjecttype is fixed
 * between two published types. Relations are by omschrijving/identificatie: a type counts as
 * published when one of its versions is.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { listOutbox } from '../../../src/platform/events/outbox.ts';
import { auditTrail } from '../../../src/platform/audit/audit.ts';
import { CATALOGI_CLIENTS, FORCER, ROOT, WRITER, zaaktypeBody as ztBody } from './fixtures.ts';

type Client = typeof WRITER | undefined;

let server: TestServer;
before(async () => {
  server = await startTestServer({ components: ['catalogi'], extraClients: CATALOGI_CLIENTS });
});
after(() => server.close());

let catalogi = 0;
/** A catalogus of its own per test, so keys do not meet across tests. */
const newCatalogus = async () => (await server.call('POST', `${ROOT}/catalogussen`, { body: { domein: `CR${catalogi++}`, rsin: '000000000', contactpersoonBeheerNaam: 'Beheer' } })).body.url as string;

const iotBody = (catalogus: string, omschrijving: string) => ({ catalogus, omschrijving, vertrouwelijkheidaanduiding: 'openbaar', beginGeldigheid: '2019-01-01' });
const btBody = (catalogus: string, omschrijving: string, extra: Record<string, unknown> = {}) => ({ catalogus, omschrijving, zaaktypen: [], publicatieIndicatie: false, informatieobjecttypen: [], beginGeldigheid: '2019-01-01', ...extra });
async function create(collection: string, body: Record<string, unknown>, client?: Client): Promise<string> {
  const created = await server.call('POST', `${ROOT}/${collection}`, { client, body });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body.url;
}
async function publish(url: string) {
  const published = await server.call('POST', `${url}/publish`);
  assert.equal(published.status, 200, JSON.stringify(published.body));
}
/** [status, first invalidParam name, code] of a request. */
async function answer(method: string, url: string, body?: unknown, client: Client = WRITER) {
  const r = await server.call(method, url, { client, body });
  return [r.status, r.body?.invalidParams?.[0]?.name, r.body?.invalidParams?.[0]?.code];
}
const REFUSED = [400, 'nonFieldErrors', 'non-concept-relation'];

describe('a concept related to a published type (ztc-010)', () => {
  it('a besluittype naming a published informatieobjecttype only takes a new eindeGeldigheid, unless corrected; nothing is written when refused', async () => {
    const catalogus = await newCatalogus();
    const iot = await create('informatieobjecttypen', iotBody(catalogus, 'brief'));
    const bt = await create('besluittypen', btBody(catalogus, 'besluit', { informatieobjecttypen: [iot] }));
    await publish(iot);
    const before = [(await listOutbox(server.og.database.db, server.baseUrl, { resourceUrl: bt })).length, (await auditTrail(server.og.database.db, bt)).length];

    assert.deepEqual(await answer('PUT', bt, btBody(catalogus, 'besluit', { toelichting: 'anders', informatieobjecttypen: [iot] })), REFUSED);
    assert.deepEqual(await answer('PATCH', bt, { omschrijving: 'ja' }), REFUSED);
    assert.deepEqual(await answer('DELETE', bt), REFUSED);
    assert.deepEqual([(await listOutbox(server.og.database.db, server.baseUrl, { resourceUrl: bt })).length, (await auditTrail(server.og.database.db, bt)).length], before);

    assert.deepEqual(await answer('PATCH', bt, { eindeGeldigheid: '2022-01-01' }), [200, undefined, undefined]);
    assert.deepEqual(await answer('PATCH', bt, { toelichting: 'correctie' }, FORCER), [200, undefined, undefined]);
    assert.deepEqual(await answer('DELETE', bt, undefined, FORCER), [204, undefined, undefined]);
  });

  it('an informatieobjecttype named by a published besluittype or used by a published zaaktype is held', async () => {
    const catalogus = await newCatalogus();
    const besluitbrief = await create('informatieobjecttypen', iotBody(catalogus, 'besluitbrief'));
    await publish(await create('besluittypen', btBody(catalogus, 'besluit', { informatieobjecttypen: ['besluitbrief'] })));
    assert.deepEqual(await answer('PUT', besluitbrief, iotBody(catalogus, 'aangepast')), REFUSED);
    assert.deepEqual(await answer('PATCH', besluitbrief, { omschrijving: 'aangepast' }), REFUSED);
    assert.deepEqual(await answer('PATCH', besluitbrief, { eindeGeldigheid: '2020-01-01' }), [200, undefined, undefined]);
    assert.deepEqual(await answer('DELETE', besluitbrief), REFUSED);

    // A published zaaktype may still take a zaaktype-informatieobjecttype to a concept (ztc-010g); that concept is then held.
    const aanvraag = await create('informatieobjecttypen', iotBody(catalogus, 'aanvraag'));
    const zt = await create('zaaktypen', ztBody(catalogus, 'ZT'));
    await publish(zt);
    assert.deepEqual(await answer('PATCH', aanvraag, { informatieobjectcategorie: 'x' }), [200, undefined, undefined]);
    await create('zaaktype-informatieobjecttypen', { zaaktype: zt, informatieobjecttype: 'aanvraag', volgnummer: 1, richting: 'inkomend' }, WRITER);
    assert.deepEqual(await answer('PATCH', aanvraag, { informatieobjectcategorie: 'y' }), REFUSED);
  });

  it('a zaaktype naming a published besluittype is held; one using a published informatieobjecttype may change but not be deleted', async () => {
    const catalogus = await newCatalogus();
    const bt = await create('besluittypen', btBody(catalogus, 'besluit'));
    const zt = await create('zaaktypen', ztBody(catalogus, 'ZT', { besluittypen: [bt] }));
    await publish(bt);
    assert.deepEqual(await answer('PUT', zt, ztBody(catalogus, 'ZT', { omschrijving: 'aangepast', besluittypen: [bt] })), REFUSED);
    assert.deepEqual(await answer('PATCH', zt, { omschrijving: 'aangepast' }), REFUSED);
    assert.deepEqual(await answer('PATCH', zt, { eindeGeldigheid: '2004-12-12' }), [200, undefined, undefined]);
    assert.deepEqual(await answer('DELETE', zt), REFUSED);

    const iot = await create('informatieobjecttypen', iotBody(catalogus, 'brief'));
    const gebruikt = await create('zaaktypen', ztBody(catalogus, 'ZT2'));
    await create('zaaktype-informatieobjecttypen', { zaaktype: gebruikt, informatieobjecttype: iot, volgnummer: 1, richting: 'inkomend' });
    await publish(iot);
    assert.deepEqual(await answer('PATCH', gebruikt, { omschrijving: 'aangepast' }), [200, undefined, undefined]);
    assert.deepEqual(await answer('DELETE', gebruikt), REFUSED);
    assert.deepEqual(await answer('DELETE', gebruikt, undefined, FORCER), [204, undefined, undefined]);
  });

  it('versioned types take an eindeGeldigheid before their beginGeldigheid, as ztc-010h does', async () => {
    const catalogus = await newCatalogus();
    const zt = await create('zaaktypen', ztBody(catalogus, 'ZT', { beginGeldigheid: '2005-01-01' }));
    assert.deepEqual(await answer('PATCH', zt, { eindeGeldigheid: '2004-12-12' }), [200, undefined, undefined]);
  });
});

describe('no relation to a published type is created (ztc-011)', () => {
  it('not by creating, changing or correcting, whatever the scopes of the creator', async () => {
    const catalogus = await newCatalogus();
    const iot = await create('informatieobjecttypen', iotBody(catalogus, 'brief'));
    const bt = await create('besluittypen', btBody(catalogus, 'besluit'));
    await publish(iot);
    await publish(bt);
    for (const client of [WRITER, FORCER, undefined]) {
      assert.deepEqual(await answer('POST', `${ROOT}/besluittypen`, btBody(catalogus, 'nieuw', { informatieobjecttypen: ['brief'] }), client), REFUSED, client?.clientId ?? 'all rights');
      assert.deepEqual(await answer('POST', `${ROOT}/zaaktypen`, ztBody(catalogus, 'NIEUW', { besluittypen: [bt] }), client), REFUSED, client?.clientId ?? 'all rights');
    }
    const zt = await create('zaaktypen', ztBody(catalogus, 'ZT'));
    assert.deepEqual(await answer('PATCH', zt, { besluittypen: ['besluit'] }), REFUSED);
    assert.deepEqual(await answer('PATCH', zt, { besluittypen: ['besluit'] }, FORCER), [200, undefined, undefined], 'a correction may');
  });

  it('besluittype.zaaktypen, read-only in 1.3.3, is checked when written and not kept', async () => {
    const catalogus = await newCatalogus();
    const concept = await create('zaaktypen', ztBody(catalogus, 'CONCEPT'));
    const published = await create('zaaktypen', ztBody(catalogus, 'GEPUBLICEERD'));
    await publish(published);
    const elders = await create('zaaktypen', ztBody(await newCatalogus(), 'ELDERS'));

    assert.deepEqual(await answer('POST', `${ROOT}/besluittypen`, btBody(catalogus, 'a', { zaaktypen: [published] }), undefined), REFUSED);
    assert.deepEqual(await answer('POST', `${ROOT}/besluittypen`, btBody(catalogus, 'a', { zaaktypen: [elders] }), undefined), [400, 'nonFieldErrors', 'relations-incorrect-catalogus']);
    const missing = `${server.baseUrl}${ROOT}/zaaktypen/00000000-0000-4000-8000-000000000000`;
    assert.deepEqual(await answer('POST', `${ROOT}/besluittypen`, btBody(catalogus, 'a', { zaaktypen: [missing] }), undefined), [400, 'zaaktypen.0', 'does_not_exist']);

    const created = await server.call('POST', `${ROOT}/besluittypen`, { body: btBody(catalogus, 'a', { zaaktypen: [concept] }) });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual(created.body.zaaktypen, [], 'derived from the zaaktypen naming it');
    assert.deepEqual(await answer('PATCH', created.body.url, { zaaktypen: [published] }), REFUSED);
    assert.deepEqual(await answer('PATCH', created.body.url, { zaaktypen: [elders] }, undefined), [400, 'nonFieldErrors', 'relations-incorrect-catalogus']);
  });
});

describe('zaaktype-informatieobjecttypen (ztc-010g, ztc-011f)', () => {
  it('may be created, changed and deleted while the zaaktype or the informatieobjecttype is a concept, not between published ones', async () => {
    const catalogus = await newCatalogus();
    const ztConcept = await create('zaaktypen', ztBody(catalogus, 'CONCEPT'));
    const ztPublished = await create('zaaktypen', ztBody(catalogus, 'GEPUBLICEERD'));
    await publish(ztPublished);
    await create('informatieobjecttypen', iotBody(catalogus, 'concept'));
    await publish(await create('informatieobjecttypen', iotBody(catalogus, 'gepubliceerd')));

    const ziot = (zaaktype: string, informatieobjecttype: string) => ({ zaaktype, informatieobjecttype, volgnummer: 1, richting: 'inkomend' });
    const viaPublishedZaaktype = await create('zaaktype-informatieobjecttypen', ziot(ztPublished, 'concept'), WRITER);
    assert.deepEqual(await answer('PATCH', viaPublishedZaaktype, { richting: 'intern' }), [200, undefined, undefined]);
    assert.deepEqual(await answer('DELETE', viaPublishedZaaktype), [204, undefined, undefined]);
    const viaPublishedIot = await create('zaaktype-informatieobjecttypen', ziot(ztConcept, 'gepubliceerd'), WRITER);
    assert.deepEqual(await answer('PUT', viaPublishedIot, ziot(ztConcept, 'gepubliceerd')), [200, undefined, undefined]);

    assert.deepEqual(await answer('POST', `${ROOT}/zaaktype-informatieobjecttypen`, ziot(ztPublished, 'gepubliceerd'), undefined), REFUSED, 'not even with all rights');
    assert.deepEqual(await answer('PATCH', viaPublishedIot, { zaaktype: ztPublished }), REFUSED, 'nor by moving it there');
    await publish(ztConcept);
    assert.deepEqual(await answer('PATCH', viaPublishedIot, { volgnummer: 2 }), REFUSED);
    assert.deepEqual(await answer('DELETE', viaPublishedIot), REFUSED);
    assert.deepEqual(await answer('PATCH', viaPublishedIot, { volgnummer: 2 }, FORCER), [200, undefined, undefined]);
    assert.deepEqual(await answer('DELETE', viaPublishedIot, undefined, FORCER), [204, undefined, undefined]);
  });
});

describe('publishing a zaaktype (ztc-012)', () => {
  it('waits for the besluittypen, informatieobjecttypen and deelzaaktypen it names', async () => {
    const catalogus = await newCatalogus();
    const bt = await create('besluittypen', btBody(catalogus, 'besluit'));
    const iot = await create('informatieobjecttypen', iotBody(catalogus, 'brief'));
    const deel = await create('zaaktypen', ztBody(catalogus, 'DEEL'));
    const zt = await create('zaaktypen', ztBody(catalogus, 'HOOFD', { besluittypen: [bt], deelzaaktypen: [deel] }));
    await create('zaaktype-informatieobjecttypen', { zaaktype: zt, informatieobjecttype: iot, volgnummer: 1, richting: 'inkomend' });

    const refused = await server.call('POST', `${zt}/publish`);
    assert.equal(refused.status, 400);
    assert.deepEqual(refused.body.invalidParams.map((p: { name: string; code: string }) => [p.name, p.code]), [['nonFieldErrors', 'concept-relation']]);
    for (const named of ['besluittype besluit', 'informatieobjecttype brief', 'deelzaaktype DEEL']) assert.match(refused.body.invalidParams[0].reason, new RegExp(named));
    assert.equal((await server.call('GET', zt)).body.concept, true);

    for (const url of [bt, iot, deel]) await publish(url);
    await publish(zt);
  });

  it('is not held up by a name no type answers to (yet)', async () => {
    const catalogus = await newCatalogus();
    const iot = await create('informatieobjecttypen', iotBody(catalogus, 'weg'));
    const zt = await create('zaaktypen', ztBody(catalogus, 'ZT'));
    await create('zaaktype-informatieobjecttypen', { zaaktype: zt, informatieobjecttype: iot, volgnummer: 1, richting: 'inkomend' });
    assert.equal((await server.call('DELETE', iot)).status, 204);
    await publish(zt);
  });
});
