/**
 * ReferenceResolver.send: the writes one API makes to keep its relations in another, in-process
 * where this process serves the URL (only `relationSync` operations accept the internal
 * credential for a write), over HTTP with the configured credentials elsewhere.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { jwtVerify } from 'jose';
import { createApp } from '../../../src/platform/http/app.ts';
import { defineOperation, registerApi } from '../../../src/platform/http/api.ts';
import { Authenticator } from '../../../src/platform/auth/jwt.ts';
import { ReferenceResolver } from '../../../src/platform/references/resolver.ts';
import { Type } from '../../../src/platform/http/schema.ts';

const REMOTE_CLIENT = { clientId: 'opengrond-elders', secret: 'elders-secret-0123456789' };

let app: FastifyInstance;
let authenticator: Authenticator;
let resolver: ReferenceResolver;
let remote: { server: Server; url: string; got: { method: string; path: string; body: string; headers: IncomingHttpHeaders }[] };
const seen: { operation: string; clientId: string; body: unknown }[] = [];

before(async () => {
  authenticator = new Authenticator({ secrets: { secretFor: async () => undefined }, rights: { rightsFor: async () => ({ heeftAlleAutorisaties: false, autorisaties: [] }) } });
  app = await createApp();
  const operation = (method: 'POST' | 'DELETE', path: string, relationSync: boolean) =>
    defineOperation({
      method, path, operationId: `${path}_${method}`, summary: '', tags: [], scopes: ['zaken.bijwerken'], relationSync,
      body: method === 'POST' ? Type.Object({ besluit: Type.String() }) : undefined,
      responses: { 201: { description: 'Created' } },
      async handler({ auth, body }) {
        seen.push({ operation: `${method} ${path}`, clientId: auth.clientId, body });
        return method === 'POST' ? { status: 201, body: { url: 'https://x/zb/1', ...(body as object) } } : { status: 204 };
      },
    });
  registerApi(app, { name: 'zaken', component: 'zrc', title: 'Zaken', version: '1', description: '', operations: [operation('POST', '/sync', true), operation('DELETE', '/sync', true), operation('POST', '/gewoon', false)] }, { authenticator });
  await app.listen({ port: 0, host: '127.0.0.1' });

  const got: typeof remote.got = [];
  const http = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      got.push({ method: request.method!, path: request.url!, body, headers: request.headers });
      if (request.url === '/zaken/api/v1/zaken/1/besluiten') return response.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify({ url: 'https://elders/zb/1', besluit: JSON.parse(body).besluit }));
      if (request.url === '/zaken/api/v1/weigert') return response.writeHead(400, { 'Content-Type': 'application/json' }).end(JSON.stringify({ detail: 'Nee.' }));
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  remote = { server: http, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, got };

  resolver = new ReferenceResolver({
    app,
    internalCredential: authenticator.internalCredential,
    localApiRoots: ['/zaken/api/v1'],
    publicUrl: 'https://gemeente.example',
    remoteServices: [{ apiRoot: `${remote.url}/zaken/api/v1`, ...REMOTE_CLIENT }],
  });
});

after(async () => {
  await app.close();
  remote.server.closeAllConnections();
  remote.server.close();
});

describe('send, in-process', () => {
  it('writes to a relationSync operation as this process itself', async () => {
    const answer = await resolver.send('POST', 'https://gemeente.example/zaken/api/v1/sync', { besluit: 'https://gemeente.example/besluiten/api/v1/besluiten/1' });
    assert.deepEqual(answer, { status: 201, body: { url: 'https://x/zb/1', besluit: 'https://gemeente.example/besluiten/api/v1/besluiten/1' }, local: true });
    assert.deepEqual(seen.at(-1), { operation: 'POST /sync', clientId: 'opengrond-intern', body: { besluit: 'https://gemeente.example/besluiten/api/v1/besluiten/1' } });
    assert.deepEqual(await resolver.send('DELETE', '/zaken/api/v1/sync', undefined), { status: 204, body: undefined, local: true });
    assert.equal(seen.at(-1)!.operation, 'DELETE /sync');
  });

  it('is refused by any other write, and the internal credential over a socket by everything', async () => {
    const refused = await resolver.send('POST', '/zaken/api/v1/gewoon', { besluit: 'x' });
    assert.equal('status' in refused && refused.status, 401);
    const overSocket = await fetch(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}/zaken/api/v1/sync`, {
      method: 'POST',
      headers: { Authorization: authenticator.internalCredential, 'Content-Type': 'application/json' },
      body: JSON.stringify({ besluit: 'x' }),
    });
    assert.equal(overSocket.status, 401);
  });
});

describe('send, over HTTP', () => {
  it('posts JSON with the configured JWT, and answers status and body', async () => {
    const answer = await resolver.send('POST', `${remote.url}/zaken/api/v1/zaken/1/besluiten`, { besluit: 'https://gemeente.example/besluiten/api/v1/besluiten/1' });
    assert.deepEqual(answer, { status: 201, body: { url: 'https://elders/zb/1', besluit: 'https://gemeente.example/besluiten/api/v1/besluiten/1' }, local: false });
    const request = remote.got.at(-1)!;
    assert.deepEqual([request.method, request.headers['content-type'], JSON.parse(request.body)], ['POST', 'application/json', { besluit: 'https://gemeente.example/besluiten/api/v1/besluiten/1' }]);
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')![1]!;
    assert.equal((await jwtVerify(token, new TextEncoder().encode(REMOTE_CLIENT.secret))).payload.client_id, REMOTE_CLIENT.clientId);
  });

  it('answers a refusal with its status and body, a DELETE without body, and no answer as an error', async () => {
    assert.deepEqual(await resolver.send('POST', `${remote.url}/zaken/api/v1/weigert`, {}), { status: 400, body: { detail: 'Nee.' }, local: false });
    assert.deepEqual(await resolver.send('DELETE', `${remote.url}/zaken/api/v1/zaken/1/besluiten/2`, undefined), { status: 204, body: undefined, local: false });
    assert.equal(remote.got.at(-1)!.method, 'DELETE');
    assert.ok('error' in (await resolver.send('DELETE', 'http://127.0.0.1:1/zaken/api/v1/x', undefined)));
    assert.ok('error' in (await resolver.send('POST', 'geen url', {})));
  });
});
