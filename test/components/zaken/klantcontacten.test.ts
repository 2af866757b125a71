import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { TestServer } from '../../helpers/server.ts';
import { auditTrail } from '../../../src/platform/audit/audit.ts';
import { listOutbox } from '../../../src/platform/events/outbox.ts';
import { client, grant, insertZaak, startZakenServer } from './sub-resource-fixtures.ts';
import { ZAKEN } from './fixtures.ts';

// Klantcontacten need no Catalogi resource: any zaaktype URL will do.
const ZAAKTYPE = 'https://catalogi.example/catalogi/api/v1/zaaktypen/8d1e8a55-0a51-4b3b-9f1b-6cc1a3d2a001';
const BEPERKT = client('kc-beperkt');
const GEFORCEERD = client('kc-geforceerd');

let server: TestServer;
before(async () => {
  server = await startZakenServer([BEPERKT, GEFORCEERD]);
  await grant(server, BEPERKT.clientId, [{ scopes: ['zaken.lezen', 'zaken.bijwerken'], zaaktype: ZAAKTYPE, maxVertrouwelijkheidaanduiding: 'openbaar' }]);
  await grant(server, GEFORCEERD.clientId, [{ scopes: ['zaken.lezen', 'zaken.bijwerken', 'zaken.geforceerd-bijwerken'], zaaktype: ZAAKTYPE, maxVertrouwelijkheidaanduiding: 'openbaar' }]);
});
after(() => server.close());

describe('klantcontacten', () => {
  it('creates one with a generated, unique identificatie; reads and lists it; audited and announced', async () => {
    const zaak = await insertZaak(server, { zaaktype: ZAAKTYPE });
    const created = await server.call('POST', `${ZAKEN}/klantcontacten`, { body: { zaak, datumtijd: '2019-02-20T00:00:00Z', kanaal: 'telefoon', onderwerp: 'vraag' } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const { url, uuid, identificatie, ...rest } = created.body;
    assert.equal(url, `${server.baseUrl}${ZAKEN}/klantcontacten/${uuid}`);
    assert.match(identificatie, /^[A-Za-z0-9]{12}$/);
    assert.deepEqual(rest, { zaak, datumtijd: '2019-02-20T00:00:00.000Z', kanaal: 'telefoon', onderwerp: 'vraag', toelichting: '' });
    assert.deepEqual((await server.call('GET', url)).body, created.body);
    const list = await server.call('GET', `${ZAKEN}/klantcontacten?zaak=${encodeURIComponent(zaak)}`);
    assert.deepEqual([list.body.count, list.body.results], [1, [created.body]]);

    const given = await server.call('POST', `${ZAKEN}/klantcontacten`, { body: { zaak, datumtijd: '2019-02-20T00:00:00+01:00', identificatie: 'KC-1' } });
    assert.deepEqual([given.status, given.body.identificatie], [201, 'KC-1']);
    const twice = await server.call('POST', `${ZAKEN}/klantcontacten`, { body: { zaak, datumtijd: '2019-02-20T00:00:00Z', identificatie: 'KC-1' } });
    assert.deepEqual([twice.status, twice.body.invalidParams[0].name, twice.body.invalidParams[0].code], [400, 'identificatie', 'unique']);
    const tooLong = await server.call('POST', `${ZAKEN}/klantcontacten`, { body: { zaak, datumtijd: '2019-02-20T00:00:00Z', identificatie: 'x'.repeat(15) } });
    assert.equal(tooLong.body.invalidParams[0].code, 'max_length');

    const [audit] = await auditTrail(server.og.database.db, zaak);
    assert.deepEqual([audit!.resource, audit!.actie, audit!.resourceWeergave], ['klantcontact', 'create', identificatie]);
    const [event] = await listOutbox(server.og.database.db, server.baseUrl, { resourceUrl: url });
    assert.deepEqual([event!.resource, event!.actie], ['klantcontact', 'create']);
  });

  it('refuses a datumtijd in the future', async () => {
    const zaak = await insertZaak(server, { zaaktype: ZAAKTYPE });
    const future = await server.call('POST', `${ZAKEN}/klantcontacten`, { body: { zaak, datumtijd: new Date(Date.now() + 86_400_000).toISOString() } });
    assert.deepEqual([future.status, future.body.invalidParams], [400, [{ name: 'datumtijd', code: 'date-in-future', reason: 'Deze datum mag niet in de toekomst zijn' }]]);
  });

  it('adds one to a closed zaak only with zaken.geforceerd-bijwerken (zrc-007d/j), and shows only readable zaken\'s', async () => {
    const gesloten = await insertZaak(server, { zaaktype: ZAAKTYPE, einddatum: '2024-02-01' });
    const body = { zaak: gesloten, datumtijd: '2019-02-22T00:00:00Z' };
    const refused = await server.call('POST', `${ZAKEN}/klantcontacten`, { client: BEPERKT, body });
    assert.deepEqual([refused.status, refused.body.code], [403, 'permission_denied']);
    const forced = await server.call('POST', `${ZAKEN}/klantcontacten`, { client: GEFORCEERD, body });
    assert.equal(forced.status, 201);

    const geheim = await insertZaak(server, { zaaktype: ZAAKTYPE, vertrouwelijkheidaanduiding: 'geheim' });
    const hidden = (await server.call('POST', `${ZAKEN}/klantcontacten`, { body: { zaak: geheim, datumtijd: '2019-02-22T00:00:00Z' } })).body.url;
    assert.equal((await server.call('GET', hidden, { client: BEPERKT })).status, 403);
    const mine = await server.call('GET', `${ZAKEN}/klantcontacten`, { client: BEPERKT });
    assert.equal(mine.body.results.some((k: { url: string }) => k.url === hidden), false);
    assert.equal(mine.body.results.some((k: { url: string }) => k.url === forced.body.url), true);
    assert.equal((await server.call('GET', `${ZAKEN}/klantcontacten/${randomUUID()}`)).status, 404);
  });
});
