/**
 * Platform behaviour that no current API needs yet but later ones do (HEAD, ETag, Accept-Crs /
 * Content-Crs), on a small API declared only for this test, served by a real Fastify app.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SignJWT } from 'jose';
import { createApp } from '../../../src/platform/http/app.ts';
import { defineOperation, registerApi, type ApiDefinition } from '../../../src/platform/http/api.ts';
import { buildOpenApi } from '../../../src/platform/http/openapi.ts';
import { Authenticator } from '../../../src/platform/auth/jwt.ts';
import { named, Nullable, Type } from '../../../src/platform/http/schema.ts';
import { notFound } from '../../../src/platform/http/problem.ts';

const Ding = named('Ding', Type.Object({ naam: Type.String(), plek: Type.Optional(Nullable(Type.Object({ type: Type.String() }))) }));
const things = new Map<string, { naam: string }>([['6f0f9a4e-3f4a-4f2b-9f39-0d3c2b5e6a11', { naam: 'eerste' }]]);

const api: ApiDefinition = {
  name: 'dingen',
  component: 'zrc',
  title: 'Dingen API',
  version: '9.9.9',
  description: 'Alleen voor tests.',
  operations: [
    defineOperation({
      method: 'GET',
      path: '/dingen/{uuid}',
      operationId: 'ding_read',
      summary: 'Een ding.',
      tags: ['dingen'],
      scopes: ['zaken.lezen'],
      params: Type.Object({ uuid: Type.String({ format: 'uuid' }) }),
      etag: true,
      head: { operationId: 'ding_headers', summary: 'De headers van een ding.' },
      crs: { accept: true, content: true },
      responses: { 200: { description: 'OK', schema: Ding } },
      async handler({ params }) {
        const ding = things.get(params.uuid);
        if (!ding) throw notFound();
        return { status: 200, body: ding };
      },
    }),
    defineOperation({
      method: 'PATCH',
      path: '/dingen/{uuid}',
      operationId: 'ding_partial_update',
      summary: 'Een ding wijzigen.',
      tags: ['dingen'],
      scopes: ['zaken.bijwerken'],
      params: Type.Object({ uuid: Type.String({ format: 'uuid' }) }),
      body: Ding,
      crs: { accept: true, content: true },
      responses: { 200: { description: 'OK', schema: Ding } },
      async handler({ params, body }) {
        const ding = { ...things.get(params.uuid)!, ...body };
        things.set(params.uuid, ding);
        return { status: 200, body: ding };
      },
    }),
  ],
};

const SECRET = 'api-test-secret';
let base: string;
let close: () => Promise<void>;
const url = (uuid = '6f0f9a4e-3f4a-4f2b-9f39-0d3c2b5e6a11') => `${base}/dingen/api/v1/dingen/${uuid}`;
const auth = async () => ({
  Authorization: `Bearer ${await new SignJWT({ client_id: 'tester' }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().sign(new TextEncoder().encode(SECRET))}`,
});

before(async () => {
  const app = await createApp();
  const authenticator = new Authenticator({
    secrets: { secretFor: async (id) => (id === 'tester' ? SECRET : undefined) },
    rights: { rightsFor: async () => ({ heeftAlleAutorisaties: true, autorisaties: [] }) },
  });
  registerApi(app, api, { authenticator });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  close = () => app.close();
});
after(() => close());

describe('operations', () => {
  it('serves ETag, 304 on If-None-Match, and HEAD with the GET headers but no body', async () => {
    const headers = { ...(await auth()), 'Accept-Crs': 'EPSG:4326' };
    const get = await fetch(url(), { headers });
    assert.equal(get.status, 200);
    const etag = get.headers.get('etag')!;
    assert.match(etag, /^"[0-9a-f]{32}"$/);
    assert.equal(get.headers.get('content-crs'), 'EPSG:4326');
    assert.equal(get.headers.get('api-version'), '9.9.9');
    assert.deepEqual(await get.json(), { naam: 'eerste' });

    const cached = await fetch(url(), { headers: { ...headers, 'If-None-Match': `"other", ${etag}` } });
    assert.equal(cached.status, 304);
    assert.equal(await cached.text(), '');

    const head = await fetch(url(), { method: 'HEAD', headers });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('etag'), etag);
    assert.equal(await head.text(), '');

    const changed = await fetch(url(), {
      method: 'PATCH',
      headers: { ...headers, 'Content-Crs': 'EPSG:4326', 'Content-Type': 'application/json' },
      body: JSON.stringify({ naam: 'gewijzigd' }),
    });
    assert.equal(changed.status, 200);
    const after = await fetch(url(), { headers: { ...headers, 'If-None-Match': etag } });
    assert.equal(after.status, 200);
    assert.notEqual(after.headers.get('etag'), etag);
  });

  it('requires the CRS headers where geometry is exchanged', async () => {
    const headers = await auth();
    const missing = await fetch(url(), { headers });
    assert.equal(missing.status, 412);
    assert.equal(((await missing.json()) as { code: string }).code, 'precondition_failed');
    assert.equal((await fetch(url(), { headers: { ...headers, 'Accept-Crs': 'EPSG:28992' } })).status, 406);

    const patch = (extra: Record<string, string>) =>
      fetch(url(), { method: 'PATCH', headers: { ...headers, 'Accept-Crs': 'EPSG:4326', 'Content-Type': 'application/json', ...extra }, body: '{"naam":"x"}' });
    assert.equal((await patch({})).status, 412);
    assert.equal((await patch({ 'Content-Crs': 'EPSG:28992' })).status, 415);
    assert.equal((await patch({ 'Content-Crs': 'EPSG:4326' })).status, 200);
  });

  it('documents what it enforces', () => {
    const doc = buildOpenApi(api) as any;
    const get = doc.paths['/dingen/{uuid}'].get;
    assert.deepEqual(get.parameters.map((p: any) => [p.in, p.name, p.required]), [
      ['path', 'uuid', true],
      ['header', 'If-None-Match', false],
      ['header', 'Accept-Crs', true],
      ['header', 'Content-Crs', true],
    ]);
    assert.deepEqual(Object.keys(get.responses['200'].headers).sort(), ['API-version', 'Content-Crs', 'ETag']);
    assert.equal(get.responses['200'].content['application/json'].schema.$ref, '#/components/schemas/Ding');
    assert.deepEqual(doc.components.schemas.Ding.properties.plek.nullable, true);
    const head = doc.paths['/dingen/{uuid}'].head;
    assert.equal(head.operationId, 'ding_headers');
    // HEAD answers as GET does, CRS headers included (the Zaken API documents them so).
    assert.deepEqual(head.parameters.map((p: any) => p.name), ['uuid', 'If-None-Match', 'Accept-Crs', 'Content-Crs']);
    assert.deepEqual(Object.keys(head.responses['200'].headers).sort(), ['API-version', 'Content-Crs', 'ETag']);
    // The PATCH documents the full schema, as the standards do, but accepts a partial body (above).
    assert.equal(doc.paths['/dingen/{uuid}'].patch.requestBody.content['application/json'].schema.$ref, '#/components/schemas/Ding');
  });
});
