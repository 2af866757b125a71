import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { TestServer } from '../../helpers/server.ts';
import { auditTrail } from '../../../src/platform/audit/audit.ts';
import { listOutbox } from '../../../src/platform/events/outbox.ts';
import { client, grant, insertZaak, startRemote, startZakenServer, type RemoteServer } from './sub-resource-fixtures.ts';

const ZAAKTYPE = 'https://catalogi.example/catalogi/api/v1/zaaktypen/8d1e8a55-0a51-4b3b-9f1b-6cc1a3d2a003';
const BESLUITEN_API = client('besluiten-api');
const GEFORCEERD = client('besluiten-api-geforceerd');

let server: TestServer;
let remote: RemoteServer;
before(async () => {
  server = await startZakenServer([BESLUITEN_API, GEFORCEERD]);
  remote = await startRemote(server);
  await grant(server, BESLUITEN_API.clientId, [{ scopes: ['zaken.lezen', 'zaken.bijwerken'], zaaktype: ZAAKTYPE, maxVertrouwelijkheidaanduiding: 'openbaar' }]);
  await grant(server, GEFORCEERD.clientId, [{ scopes: ['zaken.lezen', 'zaken.bijwerken', 'zaken.geforceerd-bijwerken'], zaaktype: ZAAKTYPE, maxVertrouwelijkheidaanduiding: 'openbaar' }]);
});
after(async () => {
  await remote.close();
  await server.close();
});

/** A besluit in the (fake) Besluiten API naming `zaak`; its path and URL. */
function besluit(zaak: string) {
  const path = `/besluiten/api/v1/besluiten/${randomUUID()}`;
  const url = remote.serve(path, { url: `${remote.url}${path}`, verantwoordelijkeOrganisatie: '000000000', besluittype: 'https://catalogi.example/besluittypen/1', datum: '2024-01-01', ingangsdatum: '2024-01-01', zaak });
  return { path, url };
}
const codes = (body: { invalidParams: { name: string; code: string }[] }) => body.invalidParams.map((p) => [p.name, p.code]);

describe('zaakbesluiten', () => {
  it('registers a besluit that names the zaak, once; lists, reads and removes it after the besluit let go', async () => {
    const zaak = await insertZaak(server, { zaaktype: ZAAKTYPE });
    const { path, url } = besluit(zaak);
    const created = await server.call('POST', `${zaak}/besluiten`, { client: BESLUITEN_API, body: { besluit: url } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.headers.get('location'), created.body.url);
    assert.deepEqual(created.body, { url: `${zaak}/besluiten/${created.body.uuid}`, uuid: created.body.uuid, besluit: url });
    assert.deepEqual((await server.call('GET', created.body.url)).body, created.body);
    assert.deepEqual((await server.call('GET', `${zaak}/besluiten`)).body, [created.body]);
    const twice = await server.call('POST', `${zaak}/besluiten`, { body: { besluit: url } });
    assert.deepEqual([twice.status, codes(twice.body)], [400, [['nonFieldErrors', 'unique']]]);

    const stillNamed = await server.call('DELETE', created.body.url, { client: BESLUITEN_API });
    assert.deepEqual([stillNamed.status, codes(stillNamed.body)], [400, [['nonFieldErrors', 'inconsistent-relation']]]);
    remote.remove(path); // the Besluiten API deleted the besluit
    assert.equal((await server.call('DELETE', created.body.url, { client: BESLUITEN_API })).status, 204);
    assert.equal((await server.call('GET', created.body.url)).status, 404);
    const trail = (await auditTrail(server.og.database.db, zaak)).filter((a) => a.resourceUrl === created.body.url);
    assert.deepEqual(trail.map((a) => [a.resource, a.actie]), [['zaakbesluit', 'create'], ['zaakbesluit', 'destroy']]);
    assert.deepEqual((await listOutbox(server.og.database.db, server.baseUrl, { resourceUrl: created.body.url })).map((e) => e.actie), ['create']);
  });

  it('refuses a besluit URL that does not answer, is no besluit, or names another zaak', async () => {
    const zaak = await insertZaak(server, { zaaktype: ZAAKTYPE });
    const anders = await insertZaak(server, { zaaktype: ZAAKTYPE });
    const gone = await server.call('POST', `${zaak}/besluiten`, { body: { besluit: `${remote.url}/besluiten/api/v1/besluiten/${randomUUID()}` } });
    assert.deepEqual([gone.status, codes(gone.body)], [400, [['besluit', 'bad-url']]]);
    const notOne = await server.call('POST', `${zaak}/besluiten`, { body: { besluit: remote.serve(`/besluiten/api/v1/besluiten/${randomUUID()}`, { url: 'x' }) } });
    assert.deepEqual(codes(notOne.body), [['besluit', 'invalid-resource']]);
    const elsewhere = await server.call('POST', `${zaak}/besluiten`, { body: { besluit: besluit(anders).url } });
    assert.deepEqual(codes(elsewhere.body), [['nonFieldErrors', 'inconsistent-relation']]);
    assert.deepEqual((await server.call('GET', `${zaak}/besluiten`)).body, []);
    assert.equal((await server.call('GET', `${server.baseUrl}/zaken/api/v1/zaken/${randomUUID()}/besluiten`)).status, 404);
  });

  it('registers one at a closed zaak only with zaken.geforceerd-bijwerken, and shows only readable zaken\'s', async () => {
    const gesloten = await insertZaak(server, { zaaktype: ZAAKTYPE, einddatum: '2024-02-01' });
    const refused = await server.call('POST', `${gesloten}/besluiten`, { client: BESLUITEN_API, body: { besluit: besluit(gesloten).url } });
    assert.deepEqual([refused.status, refused.body.code], [403, 'permission_denied']);
    assert.equal((await server.call('POST', `${gesloten}/besluiten`, { client: GEFORCEERD, body: { besluit: besluit(gesloten).url } })).status, 201);
    const geheim = await insertZaak(server, { zaaktype: ZAAKTYPE, vertrouwelijkheidaanduiding: 'geheim' });
    const hidden = (await server.call('POST', `${geheim}/besluiten`, { body: { besluit: besluit(geheim).url } })).body.url;
    assert.equal((await server.call('GET', hidden, { client: BESLUITEN_API })).status, 403);
    assert.equal((await server.call('GET', `${geheim}/besluiten`, { client: BESLUITEN_API })).status, 403);
  });
});
