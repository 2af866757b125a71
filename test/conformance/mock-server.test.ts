import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadMockRoutes, matchRoute, startMockServer, type MockServer } from '../../src/conformance/mock-server.ts';
import { readJson, suitePaths, type PostmanCollection, type PostmanItem } from '../../src/conformance/suite.ts';

const mocks = readJson<PostmanCollection>(suitePaths().mocks);
const routes = loadMockRoutes(mocks);
let mock: MockServer;

before(async () => {
  mock = await startMockServer(routes);
});
after(() => mock.close());

interface Saved {
  code: number;
  header: { key: string; value: string }[] | null;
  body: string | null;
}

/** Every (request, saved response) pair of the mock collection. */
function savedResponses(): { item: PostmanItem; saved: Saved; raw: string }[] {
  return mocks.item.flatMap((item) =>
    ((item.response ?? []) as Saved[]).map((saved) => ({ item, saved, raw: (item.request as { url: { raw: string } }).url.raw })),
  );
}

test('the mock collection is read completely', () => {
  assert.equal(routes.length, savedResponses().length);
  assert.deepEqual(
    routes.map((r) => `${r.method} ${r.path}${r.query ? `?${r.query}` : ''} ${r.status}`),
    [
      'GET /200 200',
      'GET /404 404',
      'GET /zaaktype 200',
      'GET /zaak 200',
      'GET /communicatiekanaal 200',
      'POST /callback 204',
      'GET /zaakobject_min 200',
      'GET /zaakobject_max 200',
      'GET /schema/openapi.yaml?v=3 200',
    ],
  );
});

test('each mock path answers with the saved status, headers and body', async () => {
  for (const { item, saved, raw } of savedResponses()) {
    const method = (item.request as { method: string }).method;
    const response = await fetch(raw.replace('{{mock_url}}', mock.url), { method });
    const label = `${method} ${raw}`;
    assert.equal(response.status, saved.code, label);
    assert.equal(await response.text(), saved.code === 204 ? '' : (saved.body ?? ''), label);
    const savedType = saved.header?.find((h) => h.key.toLowerCase() === 'content-type')?.value;
    if (savedType) assert.equal(response.headers.get('content-type'), savedType, label);
    for (const h of saved.header ?? []) {
      if (['content-length', 'content-encoding', 'connection', 'date', 'keep-alive', 'transfer-encoding'].includes(h.key.toLowerCase())) continue;
      assert.equal(response.headers.get(h.key), h.value, `${label}: ${h.key}`);
    }
  }
});

test('a saved JSON body without a Content-Type is served as application/json', async () => {
  const response = await fetch(`${mock.url}/communicatiekanaal`);
  assert.equal(response.headers.get('content-type'), 'application/json');
  assert.deepEqual(await response.json(), { url: 'http://example.com', naam: 'string', omschrijving: 'string' });
  const zaaktype = (await (await fetch(`${mock.url}/zaaktype`)).json()) as { omschrijving: string };
  assert.equal(zaaktype.omschrijving, 'Aanvraag huwelijk behandelen');
});

test('any method gets the saved response', async () => {
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
    const response = await fetch(`${mock.url}/200`, { method });
    assert.equal(response.status, 200, method);
    assert.equal(await response.text(), '');
    assert.equal((await fetch(`${mock.url}/404`, { method })).status, 404, method);
  }
  const head = await fetch(`${mock.url}/communicatiekanaal`, { method: 'HEAD' });
  assert.equal(head.status, 200);
  const callback = await fetch(`${mock.url}/callback`, { method: 'POST', body: '{"kanaal":"zaken"}' });
  assert.equal(callback.status, 204);
});

test('query strings and trailing slashes do not get in the way; unknown paths are 404', async () => {
  assert.equal((await fetch(`${mock.url}/200?x=1`)).status, 200);
  assert.equal((await fetch(`${mock.url}/communicatiekanaal/`)).status, 200);
  assert.match(await (await fetch(`${mock.url}/schema/openapi.yaml?v=3`)).text(), /^openapi: 3\.0\.0/);
  const unknown = await fetch(`${mock.url}/nope`);
  assert.equal(unknown.status, 404);
  assert.equal(matchRoute(routes, 'GET', '/nope'), undefined);
});

test('every mock path the conformance suite uses is served', () => {
  const suite = readJson<unknown>(suitePaths().collection);
  const text = JSON.stringify(suite);
  const used = new Set([...text.matchAll(/mock_url(?:\}\}|\\"\) \+ \\")(\/[A-Za-z0-9_./-]*)/g)].map((m) => m[1]!));
  assert.ok(used.size >= 5, [...used].join(', '));
  for (const path of used) assert.ok(matchRoute(routes, 'GET', path), `no mock for ${path}`);
});
