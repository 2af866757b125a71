import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jwtVerify } from 'jose';
import { ADMIN, LIMITED, startTestServer, type TestServer } from '../../helpers/server.ts';
import { ReferenceResolver, referenceError } from '../../../src/platform/references/resolver.ts';
import { resourceOfShape } from '../../../src/platform/references/expected.ts';
import { TtlCache } from '../../../src/platform/references/cache.ts';
import { parseRemoteServices } from '../../../src/platform/references/remote-services.ts';
import { Nullable, Type } from '../../../src/platform/http/schema.ts';
import { InformatieObjectType } from '../../../src/components/catalogi/schemas.ts';
import { CommunicatieKanaal } from '../../../src/components/referentielijsten/schemas.ts';
import { loadMockRoutes, startMockServer } from '../../../src/conformance/mock-server.ts';
import { readJson, suitePaths, type PostmanCollection } from '../../../src/conformance/suite.ts';

const ROOT = '/catalogi/api/v1';
const INFORMATIEOBJECTTYPE = resourceOfShape('informatieobjecttype', InformatieObjectType);
const COMMUNICATIEKANAAL = resourceOfShape('communicatiekanaal', CommunicatieKanaal);
const REMOTE_CLIENT = { clientId: 'opengrond-bij-elders', secret: 'elders-secret-0123456789' };

/** Another instance on a real socket: counts requests per path and keeps their headers. */
let remote: { server: Server; url: string; hits: Map<string, number>; headers: Map<string, IncomingHttpHeaders> };
let server: TestServer;
let apiRoot: string;
let catalogus: string;

before(async () => {
  const hits = new Map<string, number>();
  const headers = new Map<string, IncomingHttpHeaders>();
  const http = createServer((request, response) => {
    const path = request.url!;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    headers.set(path, request.headers);
    const json = (status: number, body: unknown) => response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    if (path.endsWith('/communicatiekanalen/1')) return json(200, { url: `${remote.url}${path}`, naam: 'post', omschrijving: 'Per post' });
    if (path === '/other/api/v1/communicatiekanalen/2') return json(200, { url: `${remote.url}${path}`, naam: 'balie', omschrijving: 'Aan de balie' });
    if (path === '/wrong-shape') return json(200, { url: `${remote.url}${path}`, naam: 42 });
    if (path === '/empty') return response.writeHead(200).end();
    if (path === '/slow') return void setTimeout(() => json(200, {}), 3000);
    json(404, { detail: 'Niet gevonden.' });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  remote = { server: http, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, hits, headers };

  server = await startTestServer({
    components: ['catalogi'],
    remoteServices: [{ apiRoot: `${remote.url}/referentielijsten/api/v1`, ...REMOTE_CLIENT }],
    remoteTimeoutSeconds: 0.3,
  });
  apiRoot = `${server.baseUrl}${ROOT}`;
  catalogus = (await server.call('POST', `${ROOT}/catalogussen`, { body: { domein: 'REFS', rsin: '000000000', contactpersoonBeheerNaam: 'Beheer' } })).body.url;
});

after(async () => {
  await server.close();
  remote.server.closeAllConnections();
  remote.server.close();
});

const createInformatieobjecttype = async (omschrijving: string) => {
  const created = await server.call('POST', `${ROOT}/informatieobjecttypen`, { body: { catalogus, omschrijving, vertrouwelijkheidaanduiding: 'openbaar', beginGeldigheid: '2024-01-01' } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body.url as string;
};

describe('references to this instance, resolved in-process', () => {
  it('answers with the resource as its API serves it, never from a cache', async () => {
    const url = await createInformatieobjecttype('brief');
    const found = await server.og.references.fetch(url, INFORMATIEOBJECTTYPE, { apiRoot });
    assert.ok(found.ok, JSON.stringify(found));
    assert.equal(found.local, true);
    assert.deepEqual(found.resource, (await server.call('GET', url)).body);
    assert.equal(found.resource.concept, true);

    assert.equal((await server.call('POST', `${url}/publish`)).status, 200);
    const again = await server.og.references.fetch(url, INFORMATIEOBJECTTYPE, { apiRoot });
    assert.ok(again.ok);
    assert.equal(again.resource.concept, false, 'the published state, not a cached concept');
  });

  it('answers bad-url for a resource that is not there, invalid-resource for one of another kind', async () => {
    const missing = await server.og.references.fetch(`${apiRoot}/informatieobjecttypen/00000000-0000-4000-8000-000000000000`, INFORMATIEOBJECTTYPE, { apiRoot });
    assert.deepEqual(referenceError('informatieobjecttype', missing).map((p) => [p.name, p.code]), [['informatieobjecttype', 'bad-url']]);
    const other = await server.og.references.fetch(catalogus, INFORMATIEOBJECTTYPE, { apiRoot });
    assert.deepEqual(referenceError('informatieobjecttype', other).map((p) => p.code), ['invalid-resource']);
  });

  it('knows its own URLs: under the request host, the public URL, or a path, in an API it serves', async () => {
    const publicResolver = new ReferenceResolver({ app: server.og.app, internalCredential: server.og.authenticator.internalCredential, localApiRoots: [ROOT], publicUrl: 'https://gemeente.example/open-grond/' });
    const url = await createInformatieobjecttype('publiek');
    const path = new URL(url).pathname;
    assert.equal(publicResolver.localPath(`https://gemeente.example/open-grond${path}`), path);
    assert.equal(publicResolver.localPath(`https://GEMEENTE.example:443/open-grond${path}?x=1`), `${path}?x=1`);
    assert.equal(publicResolver.localPath(`https://gemeente.example${path}`), undefined, 'outside the public base path');
    assert.equal(publicResolver.localPath(url), undefined, 'another host, and no request to say it is ours');
    assert.equal(publicResolver.localPath(url, { apiRoot }), path);
    assert.equal(publicResolver.localPath(path), path);
    assert.equal(publicResolver.localPath(`${ROOT}/../../autorisaties/api/v1/applicaties`), undefined, 'dot segments resolved first');
    assert.equal(publicResolver.localPath(`https://gemeente.example/open-grond${ROOT}/../../autorisaties/api/v1/applicaties`), undefined);
    assert.equal(publicResolver.localPath(`${server.baseUrl}/zaken/api/v1/zaken/1`, { apiRoot }), undefined, 'an API this process does not serve');

    assert.ok((await publicResolver.fetch(`https://gemeente.example/open-grond${path}`, INFORMATIEOBJECTTYPE)).ok);

    // Referred to by another of its host names, the resource's own URLs are on that name too.
    const byName = url.replace('127.0.0.1', 'localhost');
    const found = await server.og.references.fetch(byName, INFORMATIEOBJECTTYPE, { apiRoot: apiRoot.replace('127.0.0.1', 'localhost') });
    assert.ok(found.ok && found.local, JSON.stringify(found));
    assert.equal(found.resource.url, byName);
  });
});

describe('the internal credential', () => {
  it('is refused over a real socket, and in-process for anything but a read', async () => {
    const credential = server.og.authenticator.internalCredential;
    const overSocket = await fetch(`${apiRoot}/informatieobjecttypen`, { headers: { Authorization: credential } });
    assert.equal(overSocket.status, 401);
    assert.equal(((await overSocket.json()) as { code: string }).code, 'authentication_failed');

    const read = await server.og.app.inject({ method: 'GET', url: `${ROOT}/informatieobjecttypen`, headers: { authorization: credential } });
    assert.equal(read.statusCode, 200);
    const write = await server.og.app.inject({ method: 'POST', url: `${ROOT}/catalogussen`, headers: { authorization: credential }, payload: { domein: 'X', rsin: '000000000' } });
    assert.equal(write.statusCode, 401);
  });

  it('differs per process', async () => {
    const other = await startTestServer({ components: ['referentielijsten'] });
    try {
      assert.notEqual(other.og.authenticator.internalCredential, server.og.authenticator.internalCredential);
    } finally {
      await other.close();
    }
  });
});

describe('reads on behalf of a client', () => {
  it("carry the client's own Authorization header in-process, so the API applies the client's rights", async () => {
    const url = await createInformatieobjecttype('namens');
    const as = async (client: typeof ADMIN | undefined, asInstance?: string[]) =>
      server.og.references.fetch(url, INFORMATIEOBJECTTYPE, { apiRoot, onBehalfOf: { authorization: client && `Bearer ${await server.token(client)}`, asInstance } });

    assert.ok((await as(ADMIN)).ok);
    const limited = await as(LIMITED);
    assert.ok(!limited.ok);
    assert.deepEqual([limited.code, limited.status, limited.body?.code], ['bad-url', 403, 'permission_denied'], 'no ztc scope, as over HTTP');
    const anonymous = await as(undefined);
    assert.deepEqual(anonymous.ok ? 'ok' : [anonymous.status, anonymous.body?.code], [401, 'not_authenticated'], 'never the internal credential in its place');
    assert.deepEqual((await as(LIMITED, ['/zaken/api/v1'])).ok, false, 'another API read as the instance changes nothing here');
    assert.ok((await as(LIMITED, [ROOT])).ok, "an API named asInstance is read as this instance");
  });

  it("carry this instance's credentials to a remote API, never the client's token", async () => {
    const path = '/referentielijsten/api/v1/namens/communicatiekanalen/1';
    const client = `Bearer ${await server.token(LIMITED)}`;
    const found = await server.og.references.fetch(`${remote.url}${path}`, COMMUNICATIEKANAAL, { apiRoot, onBehalfOf: { authorization: client } });
    assert.ok(found.ok, JSON.stringify(found));
    const headers = remote.headers.get(path)!;
    assert.notEqual(headers.authorization, client);
    await jwtVerify(/^Bearer (.+)$/.exec(headers.authorization!)![1]!, new TextEncoder().encode(REMOTE_CLIENT.secret));
  });
});

describe('references elsewhere, fetched over HTTP', () => {
  it('fetches with the configured credentials, and answers a second time from the cache', async () => {
    const url = `${remote.url}/referentielijsten/api/v1/communicatiekanalen/1`;
    const first = await server.og.references.fetch(url, COMMUNICATIEKANAAL, { apiRoot });
    assert.ok(first.ok, JSON.stringify(first));
    assert.equal(first.local, false);
    assert.equal(first.resource.naam, 'post');

    const headers = remote.headers.get('/referentielijsten/api/v1/communicatiekanalen/1')!;
    assert.equal(headers.accept, 'application/json');
    assert.equal(headers['accept-crs'], 'EPSG:4326', 'the Zaken API requires it on a read, the others ignore it');
    const token = /^Bearer (.+)$/.exec(headers.authorization ?? '')?.[1];
    assert.ok(token, 'a bearer JWT');
    const { payload, protectedHeader } = await jwtVerify(token, new TextEncoder().encode(REMOTE_CLIENT.secret));
    assert.deepEqual([protectedHeader.alg, payload.client_id, payload.iss, typeof payload.iat], ['HS256', REMOTE_CLIENT.clientId, REMOTE_CLIENT.clientId, 'number']);

    first.resource.naam = 'changed by a caller';
    const second = await server.og.references.fetch(url, COMMUNICATIEKANAAL, { apiRoot });
    assert.ok(second.ok);
    assert.equal(second.resource.naam, 'post', "the cache keeps its own copy");
    assert.equal(remote.hits.get('/referentielijsten/api/v1/communicatiekanalen/1'), 1);
  });

  it('reads anew when asked for a fresh answer, and caches that answer', async () => {
    const path = '/referentielijsten/api/v1/vers/communicatiekanalen/1';
    const url = `${remote.url}${path}`;
    assert.ok((await server.og.references.fetch(url, COMMUNICATIEKANAAL, { apiRoot })).ok);
    assert.ok((await server.og.references.fetch(url, COMMUNICATIEKANAAL, { apiRoot, fresh: true })).ok);
    assert.equal(remote.hits.get(path), 2);
    assert.ok((await server.og.references.fetch(url, COMMUNICATIEKANAAL, { apiRoot })).ok);
    assert.equal(remote.hits.get(path), 2);
  });

  it('sends no credentials where none are configured, and refetches without a cache', async () => {
    const uncached = new ReferenceResolver({ app: server.og.app, internalCredential: '', localApiRoots: [], cacheSeconds: 0 });
    const url = `${remote.url}/other/api/v1/communicatiekanalen/2`;
    assert.ok((await uncached.fetch(url, COMMUNICATIEKANAAL)).ok);
    assert.ok((await uncached.fetch(url, COMMUNICATIEKANAAL)).ok);
    assert.equal(remote.hits.get('/other/api/v1/communicatiekanalen/2'), 2);
    assert.equal(remote.headers.get('/other/api/v1/communicatiekanalen/2')!.authorization, undefined);
  });

  it('answers bad-url for a 404, a timeout, a closed port or no http(s) URL', async () => {
    const code = async (url: string) => {
      const found = await server.og.references.fetch(url, COMMUNICATIEKANAAL, { apiRoot });
      return found.ok ? 'ok' : found.code;
    };
    assert.equal(await code(`${remote.url}/404`), 'bad-url');
    const started = Date.now();
    assert.equal(await code(`${remote.url}/slow`), 'bad-url');
    assert.ok(Date.now() - started < 2000, `gave up after the 0.3 s timeout, not ${Date.now() - started} ms`);
    assert.equal(await code('http://127.0.0.1:1/communicatiekanalen/1'), 'bad-url');
    assert.equal(await code('ftp://example.com/communicatiekanalen/1'), 'bad-url');
    assert.equal(await code('geen url'), 'bad-url');
    assert.equal(remote.hits.get('/404'), 1);
  });

  it('answers invalid-resource for 200 without JSON or with another shape, and does not cache them', async () => {
    const empty = await server.og.references.fetch(`${remote.url}/empty`, COMMUNICATIEKANAAL, { apiRoot });
    assert.deepEqual(empty.ok ? 'ok' : empty.code, 'invalid-resource');
    const wrong = await server.og.references.fetch(`${remote.url}/wrong-shape`, COMMUNICATIEKANAAL, { apiRoot });
    assert.deepEqual(wrong.ok ? 'ok' : [wrong.code, wrong.reason], ['invalid-resource', `De URL ${remote.url}/wrong-shape wijst niet naar een communicatiekanaal.`]);
    await server.og.references.fetch(`${remote.url}/empty`, COMMUNICATIEKANAAL, { apiRoot });
    assert.equal(remote.hits.get('/empty'), 2);
  });
});

describe("the official suite's mock endpoints", () => {
  it('resolve as zrc-001d/e, zrc-010 and drc-001 expect: /404 bad-url, /200 invalid-resource, /communicatiekanaal a communicatiekanaal', async () => {
    const mock = await startMockServer(loadMockRoutes(readJson<PostmanCollection>(suitePaths().mocks)));
    try {
      const resolve = async (path: string, expected = INFORMATIEOBJECTTYPE) => {
        const found = await server.og.references.fetch(`${mock.url}${path}`, expected, { apiRoot });
        return found.ok ? 'ok' : found.code;
      };
      assert.deepEqual(
        [await resolve('/404'), await resolve('/200'), await resolve('/communicatiekanaal', COMMUNICATIEKANAAL), await resolve('/communicatiekanaal')],
        ['bad-url', 'invalid-resource', 'ok', 'invalid-resource'],
      );
    } finally {
      await mock.close();
    }
  });
});

describe('resource shapes', () => {
  it('require the required properties and their JSON types, null only where nullable', () => {
    const shape = resourceOfShape('ding', Type.Object({ url: Type.String(), nummer: Type.Integer(), einde: Nullable(Type.String()), tags: Type.Optional(Type.Array(Type.String())) }));
    const ding = { url: 'https://x.nl/dingen/1', nummer: 1, einde: null };
    assert.equal(shape.matches(ding), true);
    assert.equal(shape.matches({ ...ding, tags: ['a'], extra: { any: 'thing' } }), true);
    assert.equal(shape.matches({ url: ding.url, nummer: 1 }), false, 'einde is required');
    assert.equal(shape.matches({ ...ding, nummer: 1.5 }), false);
    assert.equal(shape.matches({ ...ding, url: null }), false);
    assert.equal(shape.matches({ ...ding, tags: 'a' }), false);
  });
});

describe('remote services and the cache', () => {
  it('reads the services file, and says which entry is wrong', () => {
    assert.deepEqual(parseRemoteServices([{ apiRoot: 'https://x.nl/catalogi/api/v1/', clientId: 'a', secret: 's' }]), [{ apiRoot: 'https://x.nl/catalogi/api/v1', clientId: 'a', secret: 's' }]);
    assert.throws(() => parseRemoteServices({}), /JSON-lijst/);
    assert.throws(() => parseRemoteServices([{ apiRoot: 'x.nl', clientId: 'a', secret: 's' }]), /Remote service 0: apiRoot/);
    assert.throws(() => parseRemoteServices([{ apiRoot: 'https://x.nl', clientId: 'a' }]), /secret/);
  });

  it('expires entries and keeps at most its size, dropping the oldest', async () => {
    const cache = new TtlCache<number>(50, 2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    assert.deepEqual([cache.get('a'), cache.get('b'), cache.get('c')], [undefined, 2, 3]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.equal(cache.get('b'), undefined);
  });
});
