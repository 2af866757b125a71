import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { auditTrail } from '../../../src/platform/audit/audit.ts';
import { listOutbox } from '../../../src/platform/events/outbox.ts';
import { clientWith, createZaaktypen, insertPart, insertZaak, startFakeApi, type FakeApi, type TestZaak, type TestZaaktype } from './life-cycle-fixtures.ts';

let server: TestServer;
let documenten: FakeApi;
let api: string;
let zaaktype: TestZaaktype;
let ander: TestZaaktype;

before(async () => {
  server = await startTestServer({ components: ['catalogi', 'zaken', 'referentielijsten'] });
  documenten = await startFakeApi();
  api = `${server.baseUrl}/zaken/api/v1`;
  ({ zaaktype, ander } = await createZaaktypen(server));
});
after(async () => {
  await server.close();
  await documenten.close();
});

const codes = (response: { body: { invalidParams?: { name: string; code: string }[] } }) => (response.body.invalidParams ?? []).map((p) => [p.name, p.code]);
const newZaak = (extra: Parameters<typeof insertZaak>[3] = {}) => insertZaak(server.og.database, api, zaaktype.stored, extra);
const zaakRow = (zaak: TestZaak) =>
  server.og.database.db.selectFrom('zaken.zaak').select(['einddatum', 'archiefnominatie', 'archiefactiedatum']).where('id', '=', zaak.id).executeTakeFirstOrThrow();
const status = (zaak: TestZaak, statustype: string, datumStatusGezet: string, extra: Record<string, unknown> = {}, client?: { clientId: string; secret: string }) =>
  server.call('POST', '/zaken/api/v1/statussen', { body: { zaak: zaak.url, statustype, datumStatusGezet, ...extra }, client });
const resultaat = async (zaak: TestZaak, resultaattype = zaaktype.resultaattype) => {
  const response = await server.call('POST', '/zaken/api/v1/resultaten', { body: { zaak: zaak.url, resultaattype } });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return response.body;
};
/** A document in the fake Documenten API, as it serves an EnkelvoudigInformatieObject. */
const informatieobject = (attributes: Record<string, unknown>) => {
  const path = `/documenten/api/v1/enkelvoudiginformatieobjecten/${randomUUID()}`;
  return documenten.serve(path, { url: `${documenten.origin}${path}`, bronorganisatie: '000000000', creatiedatum: '2019-01-01', titel: 'doc', auteur: 'auteur', taal: 'nld', informatieobjecttype: 'https://catalogi.example/informatieobjecttypen/1', locked: false, indicatieGebruiksrecht: false, ...attributes });
};

describe('statussen', () => {
  it('sets statussen; the latest is indicatieLaatstGezetteStatus; lists filter by zaak, statustype and that indicatie', async () => {
    const zaak = await newZaak();
    const other = await newZaak();
    const first = await status(zaak, zaaktype.begin, '2018-04-01T10:00:00Z', { statustoelichting: 'ontvangen' });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.headers.get('location'), first.body.url);
    assert.deepEqual({ ...first.body, url: undefined, uuid: undefined }, {
      url: undefined,
      uuid: undefined,
      zaak: zaak.url,
      statustype: zaaktype.begin,
      datumStatusGezet: '2018-04-01T10:00:00Z',
      statustoelichting: 'ontvangen',
      indicatieLaatstGezetteStatus: true,
      zaakinformatieobjecten: [],
    });
    const second = await status(zaak, zaaktype.begin, '2018-04-02T10:00:00+02:00');
    assert.equal(second.body.datumStatusGezet, '2018-04-02T08:00:00Z');
    await status(other, zaaktype.begin, '2018-04-03T10:00:00Z');

    const read = await server.call('GET', first.body.url);
    assert.equal(read.status, 200);
    assert.equal(read.body.indicatieLaatstGezetteStatus, false);
    assert.ok(read.headers.get('etag'));

    const list = (query: string) => server.call('GET', `/zaken/api/v1/statussen?${query}`);
    const ofZaak = await list(`zaak=${encodeURIComponent(zaak.url)}`);
    assert.deepEqual(ofZaak.body.results.map((s: { url: string }) => s.url), [second.body.url, first.body.url]);
    assert.equal(ofZaak.body.count, 2);
    const laatste = await list(`statustype=${encodeURIComponent(zaaktype.begin)}&indicatieLaatstGezetteStatus=true`);
    assert.ok(laatste.body.results.some((s: { url: string }) => s.url === second.body.url));
    assert.ok(laatste.body.results.every((s: { indicatieLaatstGezetteStatus: boolean }) => s.indicatieLaatstGezetteStatus));
    const eerdere = await list(`zaak=${encodeURIComponent(zaak.url)}&indicatieLaatstGezetteStatus=false`);
    assert.deepEqual(eerdere.body.results.map((s: { url: string }) => s.url), [first.body.url]);
    assert.equal((await list(`zaak=${encodeURIComponent('https://elders.example/zaken/api/v1/zaken/' + randomUUID())}`)).body.count, 0);
    assert.deepEqual(codes(await list('indicatieLaatstGezetteStatus=misschien')), [['indicatieLaatstGezetteStatus', 'invalid']]);
    assert.equal((await server.call('GET', `/zaken/api/v1/statussen/${randomUUID()}`)).status, 404);
  });

  it('zrc-007a, zrc-021a: the eindstatus closes the zaak on the date given, with archiving from the resultaattype', async () => {
    const zaak = await newZaak();
    await resultaat(zaak);
    // 23:30 at UTC-2 is the next day in UTC: the einddatum is the date the client gave.
    const eind = await status(zaak, zaaktype.eind, '2018-04-20T23:30:00-02:00');
    assert.equal(eind.status, 201, JSON.stringify(eind.body));
    assert.deepEqual(await zaakRow(zaak), { einddatum: '2018-04-20', archiefnominatie: 'vernietigen', archiefactiedatum: '2028-04-20' });
    // What the zaak has already is kept.
    const eigen = await newZaak({ archiefnominatie: 'blijvend_bewaren', archiefactiedatum: '2050-01-01' });
    await resultaat(eigen);
    assert.equal((await status(eigen, zaaktype.eind, '2018-04-20T10:00:00Z')).status, 201);
    assert.deepEqual(await zaakRow(eigen), { einddatum: '2018-04-20', archiefnominatie: 'blijvend_bewaren', archiefactiedatum: '2050-01-01' });
  });

  it('the eindstatus needs a resultaat, and a zaak that is not archived; a failed request writes nothing', async () => {
    const zaak = await newZaak();
    const before = (await auditTrail(server.og.database.db, zaak.url)).length;
    const zonder = await status(zaak, zaaktype.eind, '2018-04-20T10:00:00Z');
    assert.deepEqual([zonder.status, codes(zonder)], [400, [['nonFieldErrors', 'resultaat-does-not-exist']]]);
    assert.equal((await zaakRow(zaak)).einddatum, null);
    assert.equal((await auditTrail(server.og.database.db, zaak.url)).length, before);
    assert.equal((await server.call('GET', `/zaken/api/v1/statussen?zaak=${encodeURIComponent(zaak.url)}`)).body.count, 0);

    const gearchiveerd = await newZaak({ archiefstatus: 'gearchiveerd', archiefnominatie: 'vernietigen', archiefactiedatum: '2030-01-01' });
    assert.deepEqual(codes(await status(gearchiveerd, zaaktype.begin, '2018-04-20T10:00:00Z')), [['nonFieldErrors', 'zaak-archiefstatus-invalid']]);
  });

  it('zrc-008a/b: a status after the eindstatus reopens the zaak: einddatum, archiefactiedatum and archiefnominatie are cleared', async () => {
    const zaak = await newZaak();
    await resultaat(zaak);
    await status(zaak, zaaktype.eind, '2018-04-20T13:37:00Z');
    assert.equal((await zaakRow(zaak)).einddatum, '2018-04-20');
    const heropend = await status(zaak, zaaktype.begin, '2018-04-21T13:37:00Z');
    assert.equal(heropend.status, 201, JSON.stringify(heropend.body));
    assert.equal(heropend.body.statustype, zaaktype.begin);
    assert.deepEqual(await zaakRow(zaak), { einddatum: null, archiefnominatie: null, archiefactiedatum: null });
    // Closing again derives them again.
    assert.equal((await status(zaak, zaaktype.eind, '2018-04-22T13:37:00Z')).status, 201);
    assert.deepEqual(await zaakRow(zaak), { einddatum: '2018-04-22', archiefnominatie: 'vernietigen', archiefactiedatum: '2028-04-22' });
  });

  it('scopes: zaken.aanmaken sets only the first status, statussen.toevoegen not on a closed zaak (zrc-008c), heropenen does (zrc-007g, zrc-007m)', async () => {
    const aanmaken = await clientWith(server, 'aanmaken', ['zaken.lezen', 'zaken.aanmaken'], zaaktype.url);
    const toevoegen = await clientWith(server, 'toevoegen', ['zaken.lezen', 'zaken.statussen.toevoegen'], zaaktype.url);
    const bijwerken = await clientWith(server, 'bijwerken', ['zaken.lezen', 'zaken.aanmaken', 'zaken.bijwerken', 'zaken.geforceerd-bijwerken'], zaaktype.url);
    const heropenen = await clientWith(server, 'heropenen', ['zaken.lezen', 'zaken.heropenen'], zaaktype.url);
    const elders = await clientWith(server, 'elders', ['zaken.lezen', 'zaken.heropenen'], ander.url);

    const zaak = await newZaak();
    assert.equal((await status(zaak, zaaktype.begin, '2018-04-01T10:00:00Z', {}, aanmaken)).status, 201);
    const tweede = await status(zaak, zaaktype.begin, '2018-04-02T10:00:00Z', {}, aanmaken);
    assert.deepEqual([tweede.status, tweede.body.code], [403, 'permission_denied']);
    assert.equal((await status(zaak, zaaktype.begin, '2018-04-02T10:00:00Z', {}, toevoegen)).status, 201);
    await resultaat(zaak);
    assert.equal((await status(zaak, zaaktype.eind, '2018-04-03T10:00:00Z', {}, toevoegen)).status, 201);
    // Closed: only zaken.heropenen adds a status (geforceerd-bijwerken is no status scope).
    for (const client of [toevoegen, aanmaken, bijwerken]) {
      const refused = await status(zaak, zaaktype.begin, '2018-04-04T10:00:00Z', {}, client);
      assert.deepEqual([refused.status, refused.body.code], [403, 'permission_denied'], client.clientId);
    }
    assert.equal((await zaakRow(zaak)).einddatum, '2018-04-03');
    const outside = await status(zaak, zaaktype.begin, '2018-04-04T10:00:00Z', {}, elders);
    assert.equal(outside.status, 403);
    assert.equal((await status(zaak, zaaktype.eind, '2018-04-04T10:00:00Z', {}, heropenen)).status, 201);
    assert.equal((await status(zaak, zaaktype.begin, '2018-04-05T10:00:00Z', {}, heropenen)).status, 201);
    assert.equal((await zaakRow(zaak)).einddatum, null);
    // Reading another zaaktype's statussen: 403, and they are not listed.
    const statusUrl = (await server.call('GET', `/zaken/api/v1/statussen?zaak=${encodeURIComponent(zaak.url)}`)).body.results[0].url;
    assert.equal((await server.call('GET', statusUrl, { client: elders })).status, 403);
    assert.equal((await server.call('GET', `/zaken/api/v1/statussen?zaak=${encodeURIComponent(zaak.url)}`, { client: elders })).body.count, 0);
  });

  it('zrc-016a: a statustype of another zaaktype, or no statustype at all, is refused', async () => {
    const zaak = await newZaak();
    const mismatch = await status(zaak, ander.begin, '2018-04-20T13:37:00Z');
    assert.deepEqual([mismatch.status, codes(mismatch)], [400, [['nonFieldErrors', 'zaaktype-mismatch']]]);
    assert.deepEqual(codes(await status(zaak, `${server.baseUrl}/catalogi/api/v1/statustypen/${randomUUID()}`, '2018-04-20T13:37:00Z')), [['statustype', 'bad-url']]);
    assert.deepEqual(codes(await status(zaak, zaaktype.url, '2018-04-20T13:37:00Z')), [['statustype', 'invalid-resource']]);
    assert.deepEqual(codes(await status({ ...zaak, url: `${api}/zaken/${randomUUID()}` }, zaaktype.begin, '2018-04-20T13:37:00Z')), [['zaak', 'does_not_exist']]);
  });

  it('one status per zaak and moment, not in the future; gezetdoor is a rol of the zaak', async () => {
    const zaak = await newZaak();
    assert.equal((await status(zaak, zaaktype.begin, '2018-04-20T13:37:00Z')).status, 201);
    assert.deepEqual(codes(await status(zaak, zaaktype.begin, '2018-04-20T15:37:00+02:00')), [['nonFieldErrors', 'unique']]);
    assert.deepEqual(codes(await status(zaak, zaaktype.begin, '2999-01-01T00:00:00Z')), [['datumStatusGezet', 'date-in-future']]);

    const rol = await insertPart(server.og.database, 'rol', { zaak_id: zaak.id });
    const rolUrl = `${api}/rollen/${rol}`;
    const gezet = await status(zaak, zaaktype.begin, '2018-04-21T13:37:00Z', { gezetdoor: rolUrl });
    assert.equal(gezet.body.gezetdoor, rolUrl);
    const elders = await newZaak();
    assert.deepEqual(codes(await status(elders, zaaktype.begin, '2018-04-21T13:37:00Z', { gezetdoor: rolUrl })), [['nonFieldErrors', 'zaak-mismatch']]);
    assert.deepEqual(codes(await status(elders, zaaktype.begin, '2018-04-21T13:37:00Z', { gezetdoor: `${api}/rollen/${randomUUID()}` })), [['gezetdoor', 'does_not_exist']]);
    assert.deepEqual(codes(await status(elders, zaaktype.begin, '2018-04-21T13:37:00Z', { gezetdoor: zaak.url })), [['gezetdoor', 'no_match']]);
  });

  it('zrc-007b, zrc-007q: closing needs every informatieobject unlocked and with indicatieGebruiksrecht set', async () => {
    const zaak = await newZaak();
    await resultaat(zaak);
    const goed = informatieobject({ indicatieGebruiksrecht: true });
    await insertPart(server.og.database, 'zaakinformatieobject', { zaak_id: zaak.id, informatieobject: goed });
    const leeg = informatieobject({ indicatieGebruiksrecht: null });
    const zio = await insertPart(server.og.database, 'zaakinformatieobject', { zaak_id: zaak.id, informatieobject: leeg });
    const unset = await status(zaak, zaaktype.eind, '2018-04-22T13:37:01Z');
    assert.deepEqual([unset.status, codes(unset)], [400, [['nonFieldErrors', 'indicatiegebruiksrecht-unset']]]);
    // Other statussen do not look at the documents.
    assert.equal((await status(zaak, zaaktype.begin, '2018-04-22T13:37:01Z')).status, 201);

    documenten.serve(new URL(leeg).pathname, { ...((await (await fetch(leeg)).json()) as object), indicatieGebruiksrecht: false, locked: true });
    assert.deepEqual(codes(await status(zaak, zaaktype.eind, '2018-04-22T13:37:02Z')), [['nonFieldErrors', 'informatieobject-locked']]);
    const weg = `${documenten.origin}/documenten/api/v1/enkelvoudiginformatieobjecten/${randomUUID()}`;
    await server.og.database.db.updateTable('zaken.zaakinformatieobject').set({ informatieobject: weg }).where('uuid', '=', zio).execute();
    assert.deepEqual(codes(await status(zaak, zaaktype.eind, '2018-04-22T13:37:02Z')), [['nonFieldErrors', 'bad-url']]);
    await server.og.database.db.deleteFrom('zaken.zaakinformatieobject').where('uuid', '=', zio).execute();
    assert.equal((await status(zaak, zaaktype.eind, '2018-04-22T13:37:02Z')).status, 201);
  });

  it('lists the zaakinformatieobjecten that belong to a status', async () => {
    const zaak = await newZaak();
    const created = await status(zaak, zaaktype.begin, '2018-04-20T13:37:00Z');
    const zio = await insertPart(server.og.database, 'zaakinformatieobject', { zaak_id: zaak.id, informatieobject: informatieobject({}), status: new URL(created.body.url).pathname });
    assert.deepEqual((await server.call('GET', created.body.url)).body.zaakinformatieobjecten, [`${api}/zaakinformatieobjecten/${zio}`]);
  });

  it('records the status in the audit trail of its zaak and notifies kanaal zaken, in one transaction', async () => {
    const zaak = await newZaak();
    const created = await server.call('POST', '/zaken/api/v1/statussen', { body: { zaak: zaak.url, statustype: zaaktype.begin, datumStatusGezet: '2018-04-20T13:37:00Z' }, headers: { 'X-Audit-Toelichting': 'intake' } });
    const [audit] = await auditTrail(server.og.database.db, zaak.url);
    assert.deepEqual([audit!.resource, audit!.actie, audit!.resultaat, audit!.resourceUrl, audit!.toelichting], ['status', 'create', 201, created.body.url, 'intake']);
    assert.deepEqual(audit!.wijzigingen.nieuw, created.body);
    const [event] = await listOutbox(server.og.database.db, server.baseUrl, { resourceUrl: created.body.url });
    assert.deepEqual([event!.kanaal, event!.resource, event!.actie, event!.hoofdObject], ['zaken', 'status', 'create', zaak.url]);
    assert.deepEqual(event!.kenmerken, { bronorganisatie: '000000000', zaaktype: zaaktype.url, vertrouwelijkheidaanduiding: 'openbaar' });
  });
});
