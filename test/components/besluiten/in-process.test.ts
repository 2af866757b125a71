/**
 * The Besluiten API with the Zaken and Documenten APIs of the same process: a besluit of a zaak
 * is registered as a ZaakBesluit in the real Zaken API in-process (the internal credential, on
 * zaakbesluit_create, a `relationSync` operation) after the besluit is committed, so the Zaken
 * API can read the besluit back on the embedded database's one connection; a
 * besluitinformatieobject is mirrored as an ObjectInformatieObject in the Documenten API the
 * same way. Both go with the besluit.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { documentBody } from '../documenten/fixtures.ts';
import { CRS, zaakBody } from '../zaken/fixtures.ts';
import { besluitBody, publishedTypes, ROOT, type Catalogus } from './fixtures.ts';

let server: TestServer;
let types: Catalogus;

before(async () => {
  // Every component, as `opengrond start` serves them.
  server = await startTestServer();
  types = await publishedTypes(server, 'PROC');
});

after(() => server?.close());

async function created(path: string, body: unknown, headers: Record<string, string> = {}): Promise<string> {
  const answer = await server.call('POST', path, { body, headers });
  assert.equal(answer.status, 201, `${path}: ${JSON.stringify(answer.body)}`);
  return answer.body.url as string;
}

const zaakbesluiten = async (zaak: string) => {
  const answer = await server.call('GET', `${zaak}/besluiten`);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body as { url: string; besluit: string }[];
};

const objectinformatieobjecten = async (object: string) =>
  (await server.call('GET', `/documenten/api/v1/objectinformatieobjecten?object=${encodeURIComponent(object)}`)).body as { informatieobject: string; objectType: string }[];

describe('a besluit of a zaak served here', { timeout: 60_000 }, () => {
  it('is registered as a ZaakBesluit in the Zaken API in-process once committed, and removed with it', async () => {
    const zaak = await created('/zaken/api/v1/zaken', zaakBody(types.zaaktype), CRS);
    const besluit = await created(`${ROOT}/besluiten`, besluitBody(types.besluittype, { zaak }));
    assert.deepEqual((await zaakbesluiten(zaak)).map((z) => z.besluit), [besluit]);
    // The Zaken API recorded it in the zaak's audit trail, as done by this process.
    const trail = (await server.call('GET', `${zaak}/audittrail`)).body as { resource: string; actie: string }[];
    assert.ok(trail.some((a) => a.resource === 'zaakbesluit' && a.actie === 'create'));

    assert.equal((await server.call('DELETE', besluit)).status, 204);
    assert.deepEqual(await zaakbesluiten(zaak), []);
  });

  it('moves its ZaakBesluit when it moves to another zaak', async () => {
    const [eerste, tweede] = [await created('/zaken/api/v1/zaken', zaakBody(types.zaaktype), CRS), await created('/zaken/api/v1/zaken', zaakBody(types.zaaktype), CRS)];
    const besluit = await created(`${ROOT}/besluiten`, besluitBody(types.besluittype, { zaak: eerste }));
    const moved = await server.call('PATCH', besluit, { body: { zaak: tweede } });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.deepEqual(await zaakbesluiten(eerste), []);
    assert.deepEqual((await zaakbesluiten(tweede)).map((z) => z.besluit), [besluit]);
  });

  it('mirrors a besluitinformatieobject as an ObjectInformatieObject in the Documenten API, and removes it with the besluit', async () => {
    const document = await created('/documenten/api/v1/enkelvoudiginformatieobjecten', documentBody(types.informatieobjecttype));
    const besluit = await created(`${ROOT}/besluiten`, besluitBody(types.besluittype));
    await created(`${ROOT}/besluitinformatieobjecten`, { besluit, informatieobject: document });
    assert.deepEqual((await objectinformatieobjecten(besluit)).map((o) => [o.informatieobject, o.objectType]), [[document, 'besluit']]);

    assert.equal((await server.call('DELETE', besluit)).status, 204);
    assert.deepEqual(await objectinformatieobjecten(besluit), []);
  });

  it('is not accepted by the Zaken API from a client that is not the Besluiten API of a besluit naming the zaak', async () => {
    const zaak = await created('/zaken/api/v1/zaken', zaakBody(types.zaaktype), CRS);
    const elsewhere = await created(`${ROOT}/besluiten`, besluitBody(types.besluittype));
    const refused = await server.call('POST', `${zaak}/besluiten`, { body: { besluit: elsewhere } });
    assert.deepEqual([refused.status, refused.body.invalidParams?.map((p: { code: string }) => p.code)], [400, ['inconsistent-relation']]);
  });
});
