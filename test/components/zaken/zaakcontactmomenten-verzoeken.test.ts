import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { TestServer } from '../../helpers/server.ts';
import { auditTrail } from '../../../src/platform/audit/audit.ts';
import { listOutbox } from '../../../src/platform/events/outbox.ts';
import { client, grant, insertZaak, startRemote, startZakenServer, type RemoteServer } from './sub-resource-fixtures.ts';
import { ZAKEN } from './fixtures.ts';

const ZAAKTYPE = 'https://catalogi.example/catalogi/api/v1/zaaktypen/8d1e8a55-0a51-4b3b-9f1b-6cc1a3d2a002';
const BEPERKT = client('cm-beperkt');
const GEFORCEERD = client('cm-geforceerd');

let server: TestServer;
let remote: RemoteServer;
before(async () => {
  server = await startZakenServer([BEPERKT, GEFORCEERD]);
  remote = await startRemote(server);
  await grant(server, BEPERKT.clientId, [{ scopes: ['zaken.lezen', 'zaken.bijwerken'], zaaktype: ZAAKTYPE, maxVertrouwelijkheidaanduiding: 'openbaar' }]);
  await grant(server, GEFORCEERD.clientId, [{ scopes: ['zaken.lezen', 'zaken.bijwerken', 'zaken.geforceerd-bijwerken'], zaaktype: ZAAKTYPE, maxVertrouwelijkheidaanduiding: 'openbaar' }]);
});
after(async () => {
  await remote.close();
  await server.close();
});

const codes = (body: { invalidParams: { name: string; code: string }[] }) => body.invalidParams.map((p) => [p.name, p.code]);

for (const { collection, field, path, resource } of [
  { collection: 'zaakcontactmomenten', field: 'contactmoment', path: '/contactmomenten/api/v1/contactmomenten', resource: 'zaakcontactmoment' },
  { collection: 'zaakverzoeken', field: 'verzoek', path: '/verzoeken/api/v1/verzoeken', resource: 'zaakverzoek' },
]) {
  const other = () => {
    const at = `${path}/${randomUUID()}`;
    return remote.serve(at, { url: `${remote.url}${at}`, bronorganisatie: '000000000', kanaal: 'telefoon' });
  };

  describe(collection, () => {
    it(`relates a zaak to a ${field} that exists, reads, lists and deletes the relation`, async () => {
      const zaak = await insertZaak(server, { zaaktype: ZAAKTYPE });
      const target = other();
      const created = await server.call('POST', `${ZAKEN}/${collection}`, { body: { zaak, [field]: target } });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.headers.get('location'), created.body.url);
      assert.deepEqual(created.body, { url: `${server.baseUrl}${ZAKEN}/${collection}/${created.body.uuid}`, uuid: created.body.uuid, zaak, [field]: target });
      assert.deepEqual((await server.call('GET', created.body.url)).body, created.body);
      const second = (await server.call('POST', `${ZAKEN}/${collection}`, { body: { zaak, [field]: other() } })).body;
      assert.deepEqual((await server.call('GET', `${ZAKEN}/${collection}?zaak=${encodeURIComponent(zaak)}`)).body, [created.body, second]);
      assert.deepEqual((await server.call('GET', `${ZAKEN}/${collection}?${field}=${encodeURIComponent(target)}`)).body, [created.body]);

      assert.equal((await server.call('DELETE', created.body.url)).status, 204);
      assert.equal((await server.call('GET', created.body.url)).status, 404);
      const trail = (await auditTrail(server.og.database.db, zaak)).filter((a) => a.resourceUrl === created.body.url);
      assert.deepEqual(trail.map((a) => [a.resource, a.actie]), [[resource, 'create'], [resource, 'destroy']]);
      // The kanaal zaken announces their creation only.
      assert.deepEqual((await listOutbox(server.og.database.db, server.baseUrl, { resourceUrl: created.body.url })).map((e) => e.actie), ['create']);
    });

    it(`refuses a ${field} URL that does not answer or answers with something else, and an archived zaak`, async () => {
      const zaak = await insertZaak(server, { zaaktype: ZAAKTYPE });
      const gone = await server.call('POST', `${ZAKEN}/${collection}`, { body: { zaak, [field]: `${remote.url}${path}/${randomUUID()}` } });
      assert.deepEqual([gone.status, codes(gone.body)], [400, [[field, 'bad-url']]]);
      const wrong = await server.call('POST', `${ZAKEN}/${collection}`, { body: { zaak, [field]: remote.serve(`${path}/${randomUUID()}`, { naam: 'iets anders' }) } });
      assert.deepEqual(codes(wrong.body), [[field, 'invalid-resource']]);
      const archived = await insertZaak(server, { zaaktype: ZAAKTYPE, archiefstatus: 'gearchiveerd' });
      assert.deepEqual(codes((await server.call('POST', `${ZAKEN}/${collection}`, { body: { zaak: archived, [field]: other() } })).body), [['nonFieldErrors', 'zaak-archiefstatus-invalid']]);
      assert.deepEqual((await server.call('GET', `${ZAKEN}/${collection}?zaak=${encodeURIComponent(zaak)}`)).body, []);
    });

    it('changes a closed zaak only with zaken.geforceerd-bijwerken, and shows only readable zaken\'s', async () => {
      const gesloten = await insertZaak(server, { zaaktype: ZAAKTYPE, einddatum: '2024-02-01' });
      const refused = await server.call('POST', `${ZAKEN}/${collection}`, { client: BEPERKT, body: { zaak: gesloten, [field]: other() } });
      assert.deepEqual([refused.status, refused.body.code], [403, 'permission_denied']);
      const forced = await server.call('POST', `${ZAKEN}/${collection}`, { client: GEFORCEERD, body: { zaak: gesloten, [field]: other() } });
      assert.equal(forced.status, 201);
      assert.equal((await server.call('DELETE', forced.body.url, { client: BEPERKT })).status, 403);
      assert.equal((await server.call('DELETE', forced.body.url, { client: GEFORCEERD })).status, 204);

      const geheim = await insertZaak(server, { zaaktype: ZAAKTYPE, vertrouwelijkheidaanduiding: 'geheim' });
      const hidden = (await server.call('POST', `${ZAKEN}/${collection}`, { body: { zaak: geheim, [field]: other() } })).body.url;
      assert.equal((await server.call('GET', hidden, { client: BEPERKT })).status, 403);
      assert.deepEqual((await server.call('GET', `${ZAKEN}/${collection}?zaak=${encodeURIComponent(geheim)}`, { client: BEPERKT })).body, []);
    });
  });
}
