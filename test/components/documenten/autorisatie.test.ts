import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DRC, documentBody, download, LIMITED, startDocumentenServer, type DocumentenServer } from './fixtures.ts';

describe('Documenten API: authorisation at the source', () => {
  let server: DocumentenServer;
  const docs: Record<string, any> = {};

  before(async () => {
    server = await startDocumentenServer();
    const allowed = await server.informatieobjecttype('openbaar');
    const other = await server.informatieobjecttype('openbaar');
    // `limited` reads documents of one type up to `intern`, and creates them up to `openbaar`.
    await server.grantLimited([
      { scopes: ['documenten.lezen'], informatieobjecttype: allowed, maxVertrouwelijkheidaanduiding: 'intern' },
      { scopes: ['documenten.aanmaken'], informatieobjecttype: allowed, maxVertrouwelijkheidaanduiding: 'openbaar' },
    ]);
    const create = async (name: string, type: string, vertrouwelijkheidaanduiding: string) => {
      const created = await server.call('POST', `${DRC}/enkelvoudiginformatieobjecten`, { body: documentBody(type, { vertrouwelijkheidaanduiding, titel: name }) });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      docs[name] = created.body;
    };
    await create('open', allowed, 'openbaar');
    await create('intern', allowed, 'intern');
    await create('geheim', allowed, 'geheim');
    await create('anderType', other, 'openbaar');
    for (const name of ['open', 'geheim', 'anderType']) {
      await server.call('POST', `${DRC}/gebruiksrechten`, { body: { informatieobject: docs[name].url, startdatum: '2024-01-01T00:00:00Z', omschrijvingVoorwaarden: name } });
    }
  });
  after(() => server.close());

  it('lists only the documents of the client’s types up to its ceiling, with an exact count', async () => {
    const list = await server.call('GET', `${DRC}/enkelvoudiginformatieobjecten`, { client: LIMITED });
    assert.equal(list.status, 200);
    assert.equal(list.body.count, 2);
    assert.deepEqual(list.body.results.map((d: any) => d.titel), ['open', 'intern']);
    const all = await server.call('GET', `${DRC}/enkelvoudiginformatieobjecten`);
    assert.equal(all.body.count, 4);

    const uuids = Object.values(docs).map((d) => d.url.split('/').pop());
    const zoek = await server.call('POST', `${DRC}/enkelvoudiginformatieobjecten/_zoek`, { body: { uuid__in: uuids }, client: LIMITED });
    assert.deepEqual(zoek.body.results.map((d: any) => d.titel), ['open', 'intern']);
  });

  it('filters the documents’ gebruiksrechten the same way', async () => {
    const rechten = await server.call('GET', `${DRC}/gebruiksrechten`, { client: LIMITED });
    assert.deepEqual(rechten.body.map((g: any) => g.omschrijvingVoorwaarden), ['open']);
  });

  it('answers 403 for a single document outside the client’s rights, also its content and its audit trail', async () => {
    assert.equal((await server.call('GET', docs.open.url, { client: LIMITED })).status, 200);
    for (const name of ['geheim', 'anderType']) {
      const response = await server.call('GET', docs[name].url, { client: LIMITED });
      assert.equal(response.status, 403, name);
      assert.equal(response.body.code, 'permission_denied');
      const limitedDownload = await fetch(`${docs[name].url}/download`, { headers: { Authorization: `Bearer ${await server.token(LIMITED)}` } });
      assert.equal(limitedDownload.status, 403);
    }
    assert.equal((await download(server, `${docs.geheim.url}/download`)).status, 200);
    assert.equal((await server.call('GET', `${docs.open.url}/audittrail`, { client: LIMITED })).status, 403);
  });

  it('lets a client create only documents of its types up to its ceiling', async () => {
    const allowedType = docs.open.informatieobjecttype;
    const open = await server.call('POST', `${DRC}/enkelvoudiginformatieobjecten`, { body: documentBody(allowedType), client: LIMITED });
    assert.equal(open.status, 201, JSON.stringify(open.body));
    const tooSecret = await server.call('POST', `${DRC}/enkelvoudiginformatieobjecten`, { body: documentBody(allowedType, { vertrouwelijkheidaanduiding: 'intern' }), client: LIMITED });
    assert.equal(tooSecret.status, 403);
    const otherType = await server.call('POST', `${DRC}/enkelvoudiginformatieobjecten`, { body: documentBody(docs.anderType.informatieobjecttype), client: LIMITED });
    assert.equal(otherType.status, 403);
    assert.equal((await server.call('DELETE', docs.open.url, { client: LIMITED })).status, 403);
  });
});
