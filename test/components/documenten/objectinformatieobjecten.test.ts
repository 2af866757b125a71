import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TObject, TSchema } from '@sinclair/typebox';
import { Zaak, ZaakInformatieObject } from '../../../src/components/zaken/schemas.ts';
import { DRC, documentBody, startDocumentenServer, type DocumentenServer } from './fixtures.ts';

/** A value of the JSON type `schema` declares: enough for a resource of that shape. */
function sample(schema: TSchema): unknown {
  if (schema.nullable) return null;
  switch (schema.type) {
    case 'array':
      return [];
    case 'object':
      return {};
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return false;
    default:
      return 'x';
  }
}
const shaped = (schema: TObject, values: Record<string, unknown>) => ({ ...Object.fromEntries((schema.required ?? []).map((k) => [k, sample(schema.properties[k]!)])), ...values });

/**
 * Another organisation's Zaken API (over HTTP): one zaak, and its zaakinformatieobjecten as
 * the test sets them.
 */
async function remoteZaken() {
  const relations: string[] = [];
  const server = http.createServer((request, response) => {
    const url = new URL(request.url!, 'http://x');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/zaken/api/v1`;
    const zaakUrl = `${base}/zaken/5ba2c6b4-08f4-4d3a-a8c8-1c8a6b9d2f10`;
    response.setHeader('Content-Type', 'application/json');
    if (url.pathname === '/zaken/api/v1/zaken/5ba2c6b4-08f4-4d3a-a8c8-1c8a6b9d2f10') return response.end(JSON.stringify(shaped(Zaak, { url: zaakUrl })));
    if (url.pathname === '/zaken/api/v1/zaakinformatieobjecten' && url.searchParams.get('zaak') === zaakUrl) {
      const found = relations.filter((io) => io === url.searchParams.get('informatieobject'));
      return response.end(JSON.stringify(found.map((io) => shaped(ZaakInformatieObject, { zaak: zaakUrl, informatieobject: io }))));
    }
    response.statusCode = 404;
    response.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/zaken/api/v1`;
  return { zaak: `${base}/zaken/5ba2c6b4-08f4-4d3a-a8c8-1c8a6b9d2f10`, base, relations, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('Documenten API: objectinformatieobjecten in step with the Zaken API', () => {
  let server: DocumentenServer;
  let zaken: Awaited<ReturnType<typeof remoteZaken>>;
  let doc: any;

  before(async () => {
    server = await startDocumentenServer();
    zaken = await remoteZaken();
    doc = (await server.call('POST', `${DRC}/enkelvoudiginformatieobjecten`, { body: documentBody(await server.informatieobjecttype()) })).body;
  });
  after(async () => {
    await server.close();
    await zaken.close();
  });

  const create = (object: string, objectType = 'zaak') => server.call('POST', `${DRC}/objectinformatieobjecten`, { body: { informatieobject: doc.url, object, objectType } });
  const codes = (response: { body: any }) => response.body.invalidParams.map((p: any) => [p.name, p.code]);

  it('refuses an object that does not answer or is no zaak', async () => {
    assert.deepEqual(codes(await create(`${zaken.base}/zaken/00000000-0000-4000-8000-000000000000`)), [['object', 'bad-url']]);
    assert.deepEqual(codes(await create(`${server.baseUrl}${DRC}/enkelvoudiginformatieobjecten`)), [['object', 'invalid-resource']]);
    assert.deepEqual(codes(await server.call('POST', `${DRC}/objectinformatieobjecten`, { body: { informatieobject: `${doc.url}x`, object: zaken.zaak, objectType: 'zaak' } })), [['informatieobject', 'no_match']]);
  });

  it('creates one only when the Zaken API has the relation, once', async () => {
    assert.deepEqual(codes(await create(zaken.zaak)), [['nonFieldErrors', 'inconsistent-relation']]);
    zaken.relations.push(doc.url);
    const created = await create(zaken.zaak);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual({ ...created.body, url: undefined }, { url: undefined, informatieobject: doc.url, object: zaken.zaak, objectType: 'zaak' });
    assert.deepEqual(codes(await create(zaken.zaak)), [['nonFieldErrors', 'unique']]);
    const listed = await server.call('GET', `${DRC}/objectinformatieobjecten?object=${encodeURIComponent(zaken.zaak)}`);
    assert.deepEqual(listed.body.map((o: any) => o.url), [created.body.url]);
  });

  it('keeps the document while it has relations, and removes a relation only when the Zaken API has removed it', async () => {
    const [oio] = (await server.call('GET', `${DRC}/objectinformatieobjecten?informatieobject=${encodeURIComponent(doc.url)}`)).body;
    assert.deepEqual(codes(await server.call('DELETE', doc.url)), [['nonFieldErrors', 'pending-relations']]);
    assert.deepEqual(codes(await server.call('DELETE', oio.url)), [['nonFieldErrors', 'remote-relation-exists']]);
    zaken.relations.splice(0);
    assert.equal((await server.call('DELETE', oio.url)).status, 204);
    assert.equal((await server.call('DELETE', doc.url)).status, 204);
  });
});
