import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { TestServer } from '../../helpers/server.ts';
import { auditTrail } from '../../../src/platform/audit/audit.ts';
import { listOutbox } from '../../../src/platform/events/outbox.ts';
import { objectinformatieobjectenOfZaak } from '../../../src/components/zaken/zaakinformatieobjecten.ts';
import { client, grant, informatieobject, insertZaak, publishedZaaktype, startRemote, startZakenServer, type RemoteServer, type Zaaktype } from './sub-resource-fixtures.ts';
import { ZAKEN } from './fixtures.ts';

const BEPERKT = client('zio-beperkt');
const GEFORCEERD = client('zio-geforceerd');

let server: TestServer;
let remote: RemoteServer;
let zt: Zaaktype;
let other: Zaaktype;

before(async () => {
  server = await startZakenServer([BEPERKT, GEFORCEERD]);
  remote = await startRemote(server);
  zt = await publishedZaaktype(server, 'ZIO-A');
  other = await publishedZaaktype(server, 'ZIO-B');
  await grant(server, BEPERKT.clientId, [{ scopes: ['zaken.lezen', 'zaken.aanmaken', 'zaken.bijwerken'], zaaktype: zt.url, maxVertrouwelijkheidaanduiding: 'openbaar' }]);
  await grant(server, GEFORCEERD.clientId, [{ scopes: ['zaken.lezen', 'zaken.bijwerken', 'zaken.geforceerd-bijwerken'], zaaktype: zt.url, maxVertrouwelijkheidaanduiding: 'openbaar' }]);
});
after(async () => {
  await remote.close();
  await server.close();
});

const codes = (body: { invalidParams: { name: string; code: string }[] }) => body.invalidParams.map((p) => [p.name, p.code]);
const zios = (zaak: string) => server.call('GET', `${ZAKEN}/zaakinformatieobjecten?zaak=${encodeURIComponent(zaak)}`).then((r) => r.body as { url: string }[]);

describe('zaakinformatieobjecten', () => {
  it('creates one: registratiedatum and aardRelatie by the server (zrc-003a, zrc-004a), mirrored in the Documenten API (zrc-005a)', async () => {
    const zaak = await insertZaak(server, { zaaktype: zt.url });
    const io = informatieobject(remote, zt.informatieobjecttype);
    const created = await server.call('POST', `${ZAKEN}/zaakinformatieobjecten`, {
      body: { zaak, informatieobject: io, titel: 'test', beschrijving: 'bla', registratiedatum: '1900-01-01', aardRelatieWeergave: 'aangepast' },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.headers.get('location'), created.body.url);
    const { url, uuid, registratiedatum, ...rest } = created.body;
    assert.equal(url, `${server.baseUrl}${ZAKEN}/zaakinformatieobjecten/${uuid}`);
    assert.equal(registratiedatum.slice(0, 10), new Date().toISOString().slice(0, 10));
    assert.deepEqual(rest, { informatieobject: io, zaak, aardRelatieWeergave: 'Hoort bij, omgekeerd: kent', titel: 'test', beschrijving: 'bla', vernietigingsdatum: null, status: null });
    assert.deepEqual((await server.call('GET', url)).body, created.body);

    const mirrors = [...remote.objectinformatieobjecten.entries()].filter(([, r]) => r.object === zaak);
    assert.deepEqual(mirrors.map(([, r]) => r), [{ informatieobject: io, object: zaak, objectType: 'zaak' }]);
    const zaakId = Number((await server.og.database.db.selectFrom('zaken.zaak').select('id').where('uuid', '=', zaak.split('/').pop()!).executeTakeFirstOrThrow()).id);
    assert.deepEqual(await objectinformatieobjectenOfZaak(server.og.database.db, zaakId, `${server.baseUrl}${ZAKEN}`), [mirrors[0]![0]]);
    const [event] = await listOutbox(server.og.database.db, server.baseUrl, { resourceUrl: url });
    assert.deepEqual([event!.resource, event!.actie], ['zaakinformatieobject', 'create']);
  });

  it('refuses an informatieobject URL that does not answer (zrc-003d), one that is no informatieobject, and one of another informatieobjecttype (zrc-017a)', async () => {
    const zaak = await insertZaak(server, { zaaktype: zt.url });
    const gone = await server.call('POST', `${ZAKEN}/zaakinformatieobjecten`, { body: { zaak, informatieobject: `${remote.url}/404`, titel: 'test' } });
    assert.deepEqual([gone.status, codes(gone.body)[0]], [400, ['informatieobject', 'bad-url']]);
    const notOne = await server.call('POST', `${ZAKEN}/zaakinformatieobjecten`, { body: { zaak, informatieobject: remote.serve('/documenten/api/v1/enkelvoudiginformatieobjecten/raar', { url: 'x' }) } });
    assert.deepEqual(codes(notOne.body), [['informatieobject', 'invalid-resource']]);
    const foreign = await server.call('POST', `${ZAKEN}/zaakinformatieobjecten`, { body: { zaak, informatieobject: informatieobject(remote, other.informatieobjecttype), titel: 'bla' } });
    assert.deepEqual([foreign.status, codes(foreign.body)], [400, [['nonFieldErrors', 'missing-zaaktype-informatieobjecttype-relation']]]);
    assert.deepEqual(await zios(zaak), []);
    assert.equal([...remote.objectinformatieobjecten.values()].filter((r) => r.object === zaak).length, 0);
  });

  it('relates an informatieobject to a zaak once, and takes a status of that zaak only', async () => {
    const zaak = await insertZaak(server, { zaaktype: zt.url });
    const io = informatieobject(remote, zt.informatieobjecttype);
    assert.equal((await server.call('POST', `${ZAKEN}/zaakinformatieobjecten`, { body: { zaak, informatieobject: io } })).status, 201);
    const twice = await server.call('POST', `${ZAKEN}/zaakinformatieobjecten`, { body: { zaak, informatieobject: io } });
    assert.deepEqual([twice.status, codes(twice.body)], [400, [['nonFieldErrors', 'unique']]]);

    const anders = await insertZaak(server, { zaaktype: zt.url });
    const statusOf = async (zaakUrl: string) => {
      const uuid = randomUUID();
      const zaakId = (await server.og.database.db.selectFrom('zaken.zaak').select('id').where('uuid', '=', zaakUrl.split('/').pop()!).executeTakeFirstOrThrow()).id;
      await server.og.database.db.insertInto('zaken.status').values({ uuid, zaak_id: zaakId, statustype: '/catalogi/api/v1/statustypen/x', datum_status_gezet: '2024-01-02T10:00:00Z' }).execute();
      return `${server.baseUrl}${ZAKEN}/statussen/${uuid}`;
    };
    const eigen = await statusOf(zaak);
    const vreemd = await statusOf(anders);
    const withStatus = await server.call('POST', `${ZAKEN}/zaakinformatieobjecten`, { body: { zaak, informatieobject: informatieobject(remote, zt.informatieobjecttype), status: eigen } });
    assert.deepEqual([withStatus.status, withStatus.body.status], [201, eigen]);
    const mismatch = await server.call('POST', `${ZAKEN}/zaakinformatieobjecten`, { body: { zaak, informatieobject: informatieobject(remote, zt.informatieobjecttype), status: vreemd } });
    assert.deepEqual(codes(mismatch.body), [['nonFieldErrors', 'zaak-status-mismatch']]);
    const noStatus = await server.call('PATCH', withStatus.body.url, { body: { status: zaak } });
    assert.deepEqual(codes(noStatus.body), [['status', 'no_match']]);
    const cleared = await server.call('PATCH', withStatus.body.url, { body: { status: null } });
    assert.deepEqual([cleared.status, cleared.body.status], [200, null]);
  });

  it('changes the relation\'s own data only (zrc-003b/c, zrc-004b..g)', async () => {
    const zaak = await insertZaak(server, { zaaktype: zt.url });
    const anders = await insertZaak(server, { zaaktype: zt.url });
    const io = informatieobject(remote, zt.informatieobjecttype);
    const body = { informatieobject: io, zaak, registratiedatum: '1900-01-01' };
    const created = (await server.call('POST', `${ZAKEN}/zaakinformatieobjecten`, { body })).body;

    const put = await server.call('PUT', created.url, { body: { ...body, beschrijving: 'aangepaste beschrijving', aardRelatieWeergave: 'aangepast', vernietigingsdatum: '2030-01-01T00:00:00Z' } });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.deepEqual([put.body.beschrijving, put.body.aardRelatieWeergave, put.body.registratiedatum, put.body.vernietigingsdatum], ['aangepaste beschrijving', 'Hoort bij, omgekeerd: kent', created.registratiedatum, '2030-01-01T00:00:00.000Z']);
    const patch = await server.call('PATCH', created.url, { body: { titel: 'aangepaste titel', aardRelatieWeergave: 'aangepast' } });
    assert.deepEqual([patch.status, patch.body.titel, patch.body.beschrijving, patch.body.aardRelatieWeergave], [200, 'aangepaste titel', 'aangepaste beschrijving', 'Hoort bij, omgekeerd: kent']);
    // zrc-004c: a body with nothing that can change is no error either.
    const nothing = await server.call('PATCH', created.url, { body: { aardRelatieWeergave: 'aangepast' } });
    assert.deepEqual([nothing.status, nothing.body.titel, nothing.body.aardRelatieWeergave], [200, 'aangepaste titel', 'Hoort bij, omgekeerd: kent']);

    const otherIo = informatieobject(remote, zt.informatieobjecttype);
    assert.deepEqual(codes((await server.call('PUT', created.url, { body: { ...body, zaak: anders } })).body), [['zaak', 'wijzigen-niet-toegelaten']]);
    assert.deepEqual(codes((await server.call('PATCH', created.url, { body: { zaak: anders } })).body), [['zaak', 'wijzigen-niet-toegelaten']]);
    assert.deepEqual(codes((await server.call('PUT', created.url, { body: { ...body, informatieobject: otherIo } })).body), [['informatieobject', 'wijzigen-niet-toegelaten']]);
    assert.deepEqual(codes((await server.call('PATCH', created.url, { body: { informatieobject: otherIo } })).body), [['informatieobject', 'wijzigen-niet-toegelaten']]);

    const trail = (await auditTrail(server.og.database.db, zaak)).filter((a) => a.resourceUrl === created.url);
    assert.deepEqual(trail.map((a) => a.actie), ['create', 'update', 'partial_update', 'partial_update']);
    // The kanaal zaken announces the creation of a zaakinformatieobject only.
    assert.deepEqual((await listOutbox(server.og.database.db, server.baseUrl, { resourceUrl: created.url })).map((e) => e.actie), ['create']);
  });

  it('changes a closed zaak\'s relations only with zaken.geforceerd-bijwerken (zrc-007h/n)', async () => {
    const gesloten = await insertZaak(server, { zaaktype: zt.url, einddatum: '2024-03-01' });
    const io = informatieobject(remote, zt.informatieobjecttype);
    const existing = (await server.call('POST', `${ZAKEN}/zaakinformatieobjecten`, { body: { zaak: gesloten, informatieobject: io } })).body;
    const denied = (status: number, body: { code: string }) => assert.deepEqual([status, body.code], [403, 'permission_denied']);
    const create = await server.call('POST', `${ZAKEN}/zaakinformatieobjecten`, { client: BEPERKT, body: { zaak: gesloten, informatieobject: informatieobject(remote, zt.informatieobjecttype) } });
    denied(create.status, create.body);
    const put = await server.call('PUT', existing.url, { client: BEPERKT, body: { zaak: gesloten, informatieobject: io, titel: 'bla' } });
    denied(put.status, put.body);
    const patch = await server.call('PATCH', existing.url, { client: BEPERKT, body: { titel: 'bla' } });
    denied(patch.status, patch.body);
    const destroy = await server.call('DELETE', existing.url, { client: BEPERKT });
    denied(destroy.status, destroy.body);

    assert.equal((await server.call('DELETE', existing.url, { client: GEFORCEERD })).status, 204);
    const again = await server.call('POST', `${ZAKEN}/zaakinformatieobjecten`, { client: GEFORCEERD, body: { zaak: gesloten, informatieobject: io } });
    assert.equal(again.status, 201);
    assert.equal((await server.call('PUT', again.body.url, { client: GEFORCEERD, body: { zaak: gesloten, informatieobject: io, titel: 'aangepast' } })).body.titel, 'aangepast');
    assert.equal((await server.call('PATCH', again.body.url, { client: GEFORCEERD, body: { titel: 'en nog een keer' } })).body.titel, 'en nog een keer');
    const archived = await insertZaak(server, { zaaktype: zt.url, archiefstatus: 'gearchiveerd' });
    assert.deepEqual(codes((await server.call('POST', `${ZAKEN}/zaakinformatieobjecten`, { body: { zaak: archived, informatieobject: io } })).body), [['nonFieldErrors', 'zaak-archiefstatus-invalid']]);
  });

  it('deletes the mirror with the relation (zrc-005b); when the Documenten API refuses, nothing changes and the client is told', async () => {
    const zaak = await insertZaak(server, { zaaktype: zt.url });
    const io = informatieobject(remote, zt.informatieobjecttype);
    const created = (await server.call('POST', `${ZAKEN}/zaakinformatieobjecten`, { body: { zaak, informatieobject: io } })).body;
    const mirror = [...remote.objectinformatieobjecten.entries()].find(([, r]) => r.object === zaak)![0];

    remote.refuseRelations = 503;
    try {
      const refused = await server.call('DELETE', created.url);
      assert.deepEqual([refused.status, codes(refused.body)], [400, [['informatieobject', 'pending-relations']]]);
      assert.deepEqual((await server.call('GET', created.url)).body, created, 'restored as it was');
      assert.ok(remote.objectinformatieobjecten.has(mirror));

      const notMade = await server.call('POST', `${ZAKEN}/zaakinformatieobjecten`, { body: { zaak, informatieobject: informatieobject(remote, zt.informatieobjecttype) } });
      assert.deepEqual([notMade.status, codes(notMade.body)], [400, [['informatieobject', 'pending-relations']]]);
      assert.deepEqual((await zios(zaak)).map((z) => z.url), [created.url], 'the refused one is undone');
    } finally {
      remote.refuseRelations = undefined;
    }
    const deleted = await server.call('DELETE', created.url);
    assert.equal(deleted.status, 204);
    assert.equal((await server.call('GET', created.url)).status, 404);
    assert.equal(remote.objectinformatieobjecten.has(mirror), false);

    const trail = (await auditTrail(server.og.database.db, zaak)).map((a) => [a.actie, a.toelichting.startsWith('De relatie kon niet') ? 'teruggedraaid' : '']);
    assert.deepEqual(trail, [['create', ''], ['destroy', ''], ['create', 'teruggedraaid'], ['create', ''], ['destroy', 'teruggedraaid'], ['destroy', '']]);
  });

  it('deletes the mirrors of a zaak and its deelzaken with the zaak (zrc-023h)', async () => {
    const zaak = await insertZaak(server, { zaaktype: zt.url });
    const deelzaak = await insertZaak(server, { zaaktype: zt.url, hoofdzaak: zaak });
    for (const z of [zaak, deelzaak]) assert.equal((await server.call('POST', `${ZAKEN}/zaakinformatieobjecten`, { body: { zaak: z, informatieobject: informatieobject(remote, zt.informatieobjecttype) } })).status, 201);
    const mirrors = () => [...remote.objectinformatieobjecten.values()].filter((r) => r.object === zaak || r.object === deelzaak).length;
    assert.equal(mirrors(), 2);
    const deleted = await server.call('DELETE', zaak, { headers: { 'Accept-Crs': 'EPSG:4326' } });
    assert.equal(deleted.status, 204, JSON.stringify(deleted.body));
    assert.equal(mirrors(), 0);
  });

  it('lists the relations of readable zaken, by zaak and informatieobject, unpaginated', async () => {
    const zaak = await insertZaak(server, { zaaktype: zt.url });
    const geheim = await insertZaak(server, { zaaktype: zt.url, vertrouwelijkheidaanduiding: 'geheim' });
    const io = informatieobject(remote, zt.informatieobjecttype);
    const a = (await server.call('POST', `${ZAKEN}/zaakinformatieobjecten`, { body: { zaak, informatieobject: io } })).body.url;
    const b = (await server.call('POST', `${ZAKEN}/zaakinformatieobjecten`, { body: { zaak: geheim, informatieobject: io } })).body.url;
    const list = async (query: string, who?: { clientId: string; secret: string }) => (await server.call('GET', `${ZAKEN}/zaakinformatieobjecten?${query}`, { client: who })).body.map((z: { url: string }) => z.url);
    assert.deepEqual(await list(`informatieobject=${encodeURIComponent(io)}`), [a, b]);
    assert.deepEqual(await list(`zaak=${encodeURIComponent(zaak)}&informatieobject=${encodeURIComponent(io)}`), [a]);
    assert.deepEqual(await list(`informatieobject=${encodeURIComponent(io)}`, BEPERKT), [a]);
    assert.equal((await server.call('GET', b, { client: BEPERKT })).status, 403);
    assert.equal((await server.call('GET', `${ZAKEN}/zaakinformatieobjecten/${randomUUID()}`)).status, 404);
  });
});
