import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { TestServer } from '../../helpers/server.ts';
import { auditTrail } from '../../../src/platform/audit/audit.ts';
import { listOutbox } from '../../../src/platform/events/outbox.ts';
import { client, grant, insertZaak, publishedZaaktype, startRemote, startZakenServer, type RemoteServer, type Zaaktype } from './sub-resource-fixtures.ts';
import { ZAKEN } from './fixtures.ts';

const BEPERKT = client('zo-beperkt');
const GEFORCEERD = client('zo-geforceerd');

let server: TestServer;
let remote: RemoteServer;
let zt: Zaaktype;
let other: Zaaktype;

before(async () => {
  server = await startZakenServer([BEPERKT, GEFORCEERD]);
  remote = await startRemote(server);
  zt = await publishedZaaktype(server, 'ZO-A');
  other = await publishedZaaktype(server, 'ZO-B');
  await grant(server, BEPERKT.clientId, [{ scopes: ['zaken.lezen', 'zaken.aanmaken', 'zaken.bijwerken'], zaaktype: zt.url, maxVertrouwelijkheidaanduiding: 'intern' }]);
  await grant(server, GEFORCEERD.clientId, [{ scopes: ['zaken.lezen', 'zaken.bijwerken', 'zaken.geforceerd-bijwerken'], zaaktype: zt.url, maxVertrouwelijkheidaanduiding: 'intern' }]);
});
after(async () => {
  await remote.close();
  await server.close();
});

const pand = (zaak: string) => ({ zaak, objectType: 'pand', objectIdentificatie: { identificatie: 'test' } });
const codes = (body: { invalidParams: { name: string; code: string }[] }) => body.invalidParams.map((p) => [p.name, p.code]);

describe('zaakobjecten', () => {
  it('creates a zaakobject described in place (as zrc-007 does) and reads it back; audited and announced', async () => {
    const zaak = await insertZaak(server, { zaaktype: zt.url });
    const created = await server.call('POST', `${ZAKEN}/zaakobjecten`, { body: { ...pand(zaak), relatieomschrijving: 'betreft' } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.headers.get('location'), created.body.url);
    const { url, uuid, ...rest } = created.body;
    assert.equal(url, `${server.baseUrl}${ZAKEN}/zaakobjecten/${uuid}`);
    assert.deepEqual(rest, { zaak, object: '', zaakobjecttype: '', objectType: 'pand', objectTypeOverige: '', objectTypeOverigeDefinitie: null, relatieomschrijving: 'betreft', objectIdentificatie: { identificatie: 'test' } });
    const read = await server.call('GET', url);
    assert.deepEqual([read.status, read.body], [200, created.body]);
    assert.ok(read.headers.get('etag'));
    const [event] = await listOutbox(server.og.database.db, server.baseUrl, { resourceUrl: url });
    assert.deepEqual([event!.resource, event!.actie, event!.hoofdObject], ['zaakobject', 'create', zaak]);
  });

  it('validates objectIdentificatie per objectType, and needs an object or an objectIdentificatie', async () => {
    const zaak = await insertZaak(server, { zaaktype: zt.url });
    const woz = await server.call('POST', `${ZAKEN}/zaakobjecten`, {
      body: { zaak, objectType: 'woz_waarde', objectIdentificatie: { waardepeildatum: '2008-1-1', isVoor: { wozObjectNummer: 'w', aanduidingWozObject: { aoaIdentificatie: 'a', wplWoonplaatsNaam: 'b', gorOpenbareRuimteNaam: 'c', aoaHuisnummer: 10 } } } },
    });
    assert.equal(woz.status, 201, JSON.stringify(woz.body));
    assert.equal(woz.body.objectIdentificatie.isVoor.aanduidingWozObject.aoaHuisnummer, 10);
    const adres = await server.call('POST', `${ZAKEN}/zaakobjecten`, { body: { zaak, objectType: 'adres', objectIdentificatie: { identificatie: 'A1', huisnummer: 'tien' } } });
    assert.equal(adres.status, 400);
    assert.deepEqual(codes(adres.body).sort(), [
      ['objectIdentificatie.gorOpenbareRuimteNaam', 'required'],
      ['objectIdentificatie.huisnummer', 'invalid'],
      ['objectIdentificatie.wplWoonplaatsNaam', 'required'],
    ]);
    const nothing = await server.call('POST', `${ZAKEN}/zaakobjecten`, { body: { zaak, objectType: 'pand' } });
    assert.deepEqual([nothing.status, codes(nothing.body)], [400, [['nonFieldErrors', 'invalid-zaakobject']]]);

    const besluitUrl = remote.serve(`/besluiten/api/v1/besluiten/${randomUUID()}`, { url: 'x', besluittype: 'y' });
    const besluit = await server.call('POST', `${ZAKEN}/zaakobjecten`, { body: { zaak, objectType: 'besluit', object: besluitUrl } });
    assert.deepEqual([besluit.status, besluit.body.object, 'objectIdentificatie' in besluit.body], [201, besluitUrl, false]);
    const gone = await server.call('POST', `${ZAKEN}/zaakobjecten`, { body: { zaak, objectType: 'besluit', object: `${remote.url}/besluiten/api/v1/besluiten/${randomUUID()}` } });
    assert.deepEqual([gone.status, codes(gone.body)], [400, [['object', 'bad-url']]]);
  });

  it('keeps objectTypeOverige for objectType overige only', async () => {
    const zaak = await insertZaak(server, { zaaktype: zt.url });
    const missing = await server.call('POST', `${ZAKEN}/zaakobjecten`, { body: { zaak, objectType: 'overige', objectIdentificatie: { overigeData: { a: 1 } } } });
    assert.deepEqual([missing.status, codes(missing.body)], [400, [['nonFieldErrors', 'missing-object-type-overige']]]);
    const misused = await server.call('POST', `${ZAKEN}/zaakobjecten`, { body: { ...pand(zaak), objectTypeOverige: 'boom' } });
    assert.deepEqual([misused.status, codes(misused.body)], [400, [['nonFieldErrors', 'invalid-object-type-overige-usage']]]);
    const pattern = await server.call('POST', `${ZAKEN}/zaakobjecten`, { body: { zaak, objectType: 'overige', objectTypeOverige: 'BOOM', objectIdentificatie: { overigeData: {} } } });
    assert.deepEqual(codes(pattern.body), [['objectTypeOverige', 'invalid']]);
    const overige = await server.call('POST', `${ZAKEN}/zaakobjecten`, { body: { zaak, objectType: 'overige', objectTypeOverige: 'boom', objectIdentificatie: { overigeData: { soort: 'eik', hoogte: 12 } } } });
    assert.equal(overige.status, 201, JSON.stringify(overige.body));
    assert.deepEqual([overige.body.objectTypeOverige, overige.body.objectIdentificatie], ['boom', { overigeData: { soort: 'eik', hoogte: 12 } }]);
  });

  it('checks the OBJECT against the schema of objectTypeOverigeDefinitie', async () => {
    const zaak = await insertZaak(server, { zaaktype: zt.url });
    const objecttype = remote.serve('/objecttypen/api/v2/objecttypes/boom', {
      url: 'x',
      versions: [{ jsonSchema: { type: 'object', required: ['soort'], properties: { soort: { type: 'string' }, hoogte: { type: 'number' } } } }],
    });
    const eik = remote.serve('/objecten/api/v2/objects/eik', { url: 'x', record: { data: { soort: 'eik', hoogte: 12 } } });
    const kapot = remote.serve('/objecten/api/v2/objects/kapot', { url: 'x', record: { data: { hoogte: 'hoog' } } });
    const definitie = { url: objecttype, schema: '.versions[0].jsonSchema', objectData: '.record.data' };
    const body = (extra: Record<string, unknown>) => ({ zaak, objectType: 'overige', objectTypeOverigeDefinitie: definitie, ...extra });

    const ok = await server.call('POST', `${ZAKEN}/zaakobjecten`, { body: body({ object: eik, objectIdentificatie: { overigeData: { genegeerd: true } } }) });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.deepEqual([ok.body.objectTypeOverigeDefinitie, 'objectIdentificatie' in ok.body], [definitie, false]);
    const invalid = await server.call('POST', `${ZAKEN}/zaakobjecten`, { body: body({ object: kapot }) });
    assert.deepEqual([invalid.status, codes(invalid.body)], [400, [['object', 'invalid-schema']]]);
    const noObject = await server.call('POST', `${ZAKEN}/zaakobjecten`, { body: body({ objectIdentificatie: { overigeData: {} } }) });
    assert.deepEqual(codes(noObject.body), [['object', 'required']]);
    const jq = await server.call('POST', `${ZAKEN}/zaakobjecten`, { body: body({ object: eik, objectTypeOverigeDefinitie: { ...definitie, schema: '.versions | last' } }) });
    assert.deepEqual(codes(jq.body), [['objectTypeOverigeDefinitie.schema', 'invalid']]);
    const noSchema = await server.call('POST', `${ZAKEN}/zaakobjecten`, { body: body({ object: eik, objectTypeOverigeDefinitie: { ...definitie, schema: '.jsonSchema' } }) });
    assert.deepEqual(codes(noSchema.body), [['objectTypeOverigeDefinitie.schema', 'invalid']]);
    const noData = await server.call('POST', `${ZAKEN}/zaakobjecten`, { body: body({ object: eik, objectTypeOverigeDefinitie: { ...definitie, objectData: '.data' } }) });
    assert.deepEqual(codes(noData.body), [['objectTypeOverigeDefinitie.objectData', 'invalid']]);
    const badType = await server.call('POST', `${ZAKEN}/zaakobjecten`, { body: body({ object: eik, objectTypeOverigeDefinitie: { ...definitie, url: `${remote.url}/objecttypen/api/v2/objecttypes/weg` } }) });
    assert.deepEqual(codes(badType.body), [['objectTypeOverigeDefinitie.url', 'bad-url']]);
  });

  it('takes a zaakobjecttype of the zaak\'s zaaktype only', async () => {
    const zaak = await insertZaak(server, { zaaktype: zt.url });
    const own = await server.call('POST', `${ZAKEN}/zaakobjecten`, { body: { ...pand(zaak), zaakobjecttype: zt.zaakobjecttype } });
    assert.deepEqual([own.status, own.body.zaakobjecttype], [201, zt.zaakobjecttype]);
    const foreign = await server.call('POST', `${ZAKEN}/zaakobjecten`, { body: { ...pand(zaak), zaakobjecttype: other.zaakobjecttype } });
    assert.deepEqual([foreign.status, codes(foreign.body)], [400, [['nonFieldErrors', 'zaaktype-mismatch']]]);
    const notOne = await server.call('POST', `${ZAKEN}/zaakobjecten`, { body: { ...pand(zaak), zaakobjecttype: zt.roltypen.behandelaar } });
    assert.deepEqual(codes(notOne.body), [['zaakobjecttype', 'invalid-resource']]);
  });

  it('updates what may change (PUT, PATCH) and refuses a change of zaak, object, objectType or zaakobjecttype', async () => {
    const zaak = await insertZaak(server, { zaaktype: zt.url });
    const anders = await insertZaak(server, { zaaktype: zt.url });
    const created = (await server.call('POST', `${ZAKEN}/zaakobjecten`, { body: pand(zaak) })).body;
    const put = await server.call('PUT', created.url, { body: { ...pand(zaak), relatieomschrijving: 'gebouw', objectIdentificatie: { identificatie: 'nieuw' } } });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.deepEqual([put.body.relatieomschrijving, put.body.objectIdentificatie], ['gebouw', { identificatie: 'nieuw' }]);
    const patch = await server.call('PATCH', created.url, { body: { relatieomschrijving: 'pand' } });
    assert.deepEqual([patch.status, patch.body.relatieomschrijving, patch.body.objectIdentificatie], [200, 'pand', { identificatie: 'nieuw' }]);
    // The variant of the stored objectType checks a PATCH that leaves objectType out.
    const badPatch = await server.call('PATCH', created.url, { body: { objectIdentificatie: { identificatie: 'x'.repeat(101) } } });
    assert.deepEqual([badPatch.status, codes(badPatch.body)], [400, [['objectIdentificatie.identificatie', 'max_length']]]);

    const change = await server.call('PUT', created.url, { body: { ...pand(anders), objectType: 'besluit', object: 'https://bag.example/panden/1', zaakobjecttype: zt.zaakobjecttype } });
    assert.equal(change.status, 400);
    assert.deepEqual(codes(change.body), [
      ['zaak', 'wijzigen-niet-toegelaten'],
      ['object', 'wijzigen-niet-toegelaten'],
      ['zaakobjecttype', 'wijzigen-niet-toegelaten'],
      ['objectType', 'wijzigen-niet-toegelaten'],
    ]);
    const misused = await server.call('PATCH', created.url, { body: { objectTypeOverige: 'boom' } });
    assert.deepEqual(codes(misused.body), [['nonFieldErrors', 'invalid-object-type-overige-usage']]);

    const trail = (await auditTrail(server.og.database.db, zaak)).filter((a) => a.resourceUrl === created.url);
    assert.deepEqual(trail.map((a) => a.actie), ['create', 'update', 'partial_update']);
    assert.equal((trail[2]!.wijzigingen.oud as { relatieomschrijving: string }).relatieomschrijving, 'gebouw');
    const events = await listOutbox(server.og.database.db, server.baseUrl, { resourceUrl: created.url });
    assert.deepEqual(events.map((e) => e.actie), ['create', 'update', 'partial_update']);
  });

  it('changes a closed zaak only with zaken.geforceerd-bijwerken (zrc-007i/o)', async () => {
    const gesloten = await insertZaak(server, { zaaktype: zt.url, einddatum: '2024-03-01' });
    const refused = await server.call('POST', `${ZAKEN}/zaakobjecten`, { client: BEPERKT, body: pand(gesloten) });
    assert.deepEqual([refused.status, refused.body.code], [403, 'permission_denied']);
    const forced = await server.call('POST', `${ZAKEN}/zaakobjecten`, { client: GEFORCEERD, body: pand(gesloten) });
    assert.equal(forced.status, 201);
    assert.equal((await server.call('PATCH', forced.body.url, { client: BEPERKT, body: { relatieomschrijving: 'x' } })).status, 403);
    assert.equal((await server.call('DELETE', forced.body.url, { client: BEPERKT })).status, 403);
    assert.equal((await server.call('PATCH', forced.body.url, { client: GEFORCEERD, body: { relatieomschrijving: 'x' } })).status, 200);
    assert.equal((await server.call('DELETE', forced.body.url, { client: GEFORCEERD })).status, 204);
    const archived = await insertZaak(server, { zaaktype: zt.url, archiefstatus: 'overgedragen' });
    assert.deepEqual(codes((await server.call('POST', `${ZAKEN}/zaakobjecten`, { body: pand(archived) })).body), [['nonFieldErrors', 'zaak-archiefstatus-invalid']]);
  });

  it('lists the zaakobjecten of readable zaken by zaak, object and objectType, and deletes one', async () => {
    const zaak = await insertZaak(server, { zaaktype: zt.url });
    const geheim = await insertZaak(server, { zaaktype: zt.url, vertrouwelijkheidaanduiding: 'geheim' });
    const pandUrl = remote.serve(`/bag/panden/${randomUUID()}`, { identificatie: '1' });
    const a = (await server.call('POST', `${ZAKEN}/zaakobjecten`, { body: pand(zaak) })).body.url;
    const b = (await server.call('POST', `${ZAKEN}/zaakobjecten`, { body: { zaak, objectType: 'pand', object: pandUrl } })).body.url;
    const c = (await server.call('POST', `${ZAKEN}/zaakobjecten`, { body: pand(geheim) })).body.url;
    const list = async (query: string, who?: { clientId: string; secret: string }) => (await server.call('GET', `${ZAKEN}/zaakobjecten?${query}`, { client: who })).body;
    assert.deepEqual((await list(`zaak=${encodeURIComponent(zaak)}`)).results.map((r: { url: string }) => r.url), [a, b]);
    assert.deepEqual((await list(`object=${encodeURIComponent(pandUrl)}`)).results.map((r: { url: string }) => r.url), [b]);
    assert.deepEqual((await list(`zaak=${encodeURIComponent(geheim)}&objectType=pand`)).results.map((r: { url: string }) => r.url), [c]);
    assert.equal((await list('objectType=adres')).count, 0);
    assert.equal((await list(`zaak=${encodeURIComponent(geheim)}`, BEPERKT)).count, 0);
    assert.equal((await server.call('GET', c, { client: BEPERKT })).status, 403);

    assert.equal((await server.call('DELETE', a)).status, 204);
    assert.equal((await server.call('GET', a)).status, 404);
    const events = await listOutbox(server.og.database.db, server.baseUrl, { resourceUrl: a });
    assert.deepEqual(events.map((e) => e.actie), ['create', 'destroy']);
  });
});
