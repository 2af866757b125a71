/**
 * newman on a tiny suite shaped like VNG's: Tests > standaard.md > demo with setUp, two rule
 * folders, tearDown and a common request reached by setNextRequest, and a second component
 * that tearDown hands over to. Checks what counts where.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { LOOP_BROKEN, buildComponentCollection, findComponentFolders, allRequestNames } from '../../src/conformance/collection.ts';
import { globalsForNext, runComponent, type ComponentRun } from '../../src/conformance/run.ts';
import { freePort } from '../../src/conformance/ports.ts';
import type { PostmanCollection, PostmanEnvironment, PostmanItem } from '../../src/conformance/suite.ts';

let server: http.Server;
let base = '';
let closedPort = 0;
const seen: string[] = [];

before(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    seen.push(`${req.method} ${req.url}`);
    if (req.headers.authorization !== 'Bearer token-for-demo') {
      res.writeHead(401, { 'Content-Type': 'application/json' }).end('{"detail":"no token"}');
      return;
    }
    if (req.method === 'POST' && req.url === '/things') {
      res.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify({ url: `${base}/things/1` }));
    } else if (req.method === 'DELETE' && req.url === '/things/1') {
      res.writeHead(204).end();
    } else if (req.url === '/ok') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
    } else if (req.url === '/html') {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html></html>');
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  closedPort = await freePort();
});

after(() => {
  server.closeAllConnections();
  server.close();
});

const request = (name: string, method: string, url: string, test: string[] = []): PostmanItem => ({
  name,
  event: [{ listen: 'test', script: { type: 'text/javascript', exec: test } }],
  request: { method, header: [], url },
});

const folder = (name: string, item: PostmanItem[], event?: PostmanItem['event']): PostmanItem => ({ name, item, ...(event ? { event } : {}) });

function tinySuite(): PostmanCollection {
  return {
    info: { name: 'tiny', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    // Like the real suite: the collection's prerequest script makes the token, its auth sends it.
    event: [{ listen: 'prerequest', script: { exec: ['pm.globals.set("jwt_token", "token-for-" + pm.environment.get("client_id"));'] } }],
    auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{jwt_token}}', type: 'string' }] },
    item: [
      folder('Tests', [
        folder('standaard.md', [
          folder('demo', [
            folder('setUp', [request('Create thing', 'POST', '{{base}}/things', ['pm.globals.set("thing_url", pm.response.json().url);'])]),
            folder('(demo-001)', [
              request('(demo-001a) ok', 'GET', '{{base}}/ok', [
                'pm.test("status 200", function () { pm.response.to.have.status(200); });',
                'pm.test("has ok", function () { pm.expect(pm.response.json().ok).to.equal(true); });',
              ]),
              request('(demo-001b) create and clean up', 'POST', '{{base}}/things', [
                'pm.test("status 201", function () { pm.response.to.have.status(201); });',
                'pm.globals.set("NEXT_REQUEST_NAMES", ["(demo-002a) fails"]);',
                'postman.setNextRequest("(COMMON) Delete thing");',
              ]),
              request('skipped by the jump', 'GET', '{{base}}/ok', ['pm.test("never runs", function () {});']),
            ]),
            folder('demo-002', [
              request('(demo-002a) fails', 'GET', '{{base}}/ok', ['pm.test("status 404", function () { pm.response.to.have.status(404); });']),
              request('(demo-002b) script error', 'GET', '{{base}}/html', ['var body = pm.response.json();', 'pm.test("not reached", function () {});']),
              request('(demo-002c) refused', 'GET', `http://127.0.0.1:${closedPort}/x`, ['pm.test("status 200", function () { pm.response.to.have.status(200); });']),
            ]),
            folder('tearDown', [
              request('Delete thing', 'DELETE', '{{thing_url}}', [
                'pm.test("status 204", function () { pm.response.to.have.status(204); });',
                'postman.setNextRequest("(OTHER) Retrieve things");',
              ]),
            ]),
            folder(
              'common requests',
              [request('(COMMON) Delete thing', 'DELETE', '{{thing_url}}', ['pm.test("deleted", function () { pm.response.to.have.status(204); });'])],
              [
                {
                  listen: 'test',
                  script: {
                    exec: [
                      'var request_names = pm.globals.get("NEXT_REQUEST_NAMES");',
                      'if(request_names) {',
                      '    postman.setNextRequest(request_names.shift());',
                      '    pm.globals.set("NEXT_REQUEST_NAMES", request_names);',
                      '}',
                    ],
                  },
                },
              ],
            ),
          ]),
          folder('other', [
            folder('setUp', [request('(OTHER) Retrieve things', 'GET', '{{base}}/other', ['pm.test("other ran", function () {});'])]),
            folder('other-001', [request('(other-001a) x', 'GET', '{{base}}/other', [])]),
            folder('tearDown', []),
          ]),
        ]),
      ]),
    ],
  };
}

const environment = (): PostmanEnvironment => ({
  values: [
    { key: 'base', value: base, enabled: true },
    { key: 'client_id', value: 'demo', enabled: true },
  ],
});

const counts = (folders: Map<string, { passed: number; failed: number; requests: number }>) =>
  Object.fromEntries([...folders].map(([k, v]) => [k, { passed: v.passed, failed: v.failed, requests: v.requests }]));

test('every assertion, failed request and script error counts for the folder of its request', async () => {
  seen.length = 0;
  const suite = tinySuite();
  const demo = findComponentFolders(suite).find((c) => c.name === 'demo')!;
  const run = await runComponent(buildComponentCollection(suite, demo, 'all'), { environment: environment(), suiteRequestNames: allRequestNames(suite) });

  assert.equal(run.error, undefined);
  assert.deepEqual(run.order, ['demo:setUp', 'demo-001', 'demo-002', 'demo:tearDown', 'demo:common requests']);
  assert.deepEqual(counts(run.folders), {
    'demo:setUp': { passed: 0, failed: 0, requests: 1 },
    // 001b jumps to the common request, so "skipped by the jump" never runs.
    'demo-001': { passed: 3, failed: 0, requests: 2 },
    // 002a: a failed assertion; 002b: a script error; 002c: a failed request and a failed assertion.
    'demo-002': { passed: 0, failed: 4, requests: 3 },
    'demo:tearDown': { passed: 1, failed: 0, requests: 1 },
    'demo:common requests': { passed: 1, failed: 0, requests: 1 },
  });
  const failures = run.folders.get('demo-002')!.failures;
  assert.deepEqual(
    failures.map((f) => [f.request, f.assertion]),
    [
      ['(demo-002a) fails', 'status 404'],
      ['(demo-002b) script error', '(test script error)'],
      ['(demo-002c) refused', '(request failed)'],
      ['(demo-002c) refused', 'status 200'],
    ],
  );
  assert.equal(failures[0]!.status, 200);
  assert.match(failures[2]!.message, /ECONNREFUSED/);

  // tearDown hands over to the other component, which is not part of this run: the run ends.
  assert.deepEqual(run.exits, [{ from: 'Delete thing', folder: 'demo:tearDown', to: '(OTHER) Retrieve things', target: 'elsewhere' }]);
  assert.ok(!seen.includes('GET /other'));
});

test('leaving a rule folder out does not end the run when a request jumps into it', async () => {
  seen.length = 0;
  const suite = tinySuite();
  const demo = findComponentFolders(suite).find((c) => c.name === 'demo')!;
  // demo-001b's common request jumps on to "(demo-002a) fails", which is left out here.
  const run = await runComponent(buildComponentCollection(suite, demo, new Set(['demo-001'])), { environment: environment(), suiteRequestNames: allRequestNames(suite) });

  assert.deepEqual(counts(run.folders), {
    'demo:setUp': { passed: 0, failed: 0, requests: 1 },
    'demo-001': { passed: 3, failed: 0, requests: 2 },
    'demo:tearDown': { passed: 1, failed: 0, requests: 1 },
    'demo:common requests': { passed: 1, failed: 0, requests: 1 },
  });
  // The bridge standing in for demo-002a sent nothing (no `demo:runner` counts above).
  assert.equal(seen.filter((s) => s === 'GET /ok').length, 1, 'only demo-001a; nothing of demo-002');
});

test('a run that runs off the end of the component folder ends there, before the runner\'s bridges', async () => {
  const suite = tinySuite();
  const demo = findComponentFolders(suite).find((c) => c.name === 'demo')!;
  // Without its hand-over, tearDown runs on into common requests, as newman does.
  demo.folder.item![3]!.item![0]!.event![0]!.script!.exec = ['pm.test("status 204", function () { pm.response.to.have.status(204); });'];
  const run = await runComponent(buildComponentCollection(suite, demo, new Set(['demo-001'])), { environment: environment(), maxItems: 50 });

  assert.equal(run.error, undefined, 'no loop through the bridges');
  assert.deepEqual(counts(run.folders)['demo:tearDown'], { passed: 1, failed: 0, requests: 1 });
  assert.deepEqual(counts(run.folders)['demo:common requests'], { passed: 2, failed: 0, requests: 2 });
});

test('a jump to a name the suite does not have ends the run and is reported', async () => {
  const suite = tinySuite();
  const demo = findComponentFolders(suite).find((c) => c.name === 'demo')!;
  const first = demo.folder.item![1]!.item![0]!;
  first.event![0]!.script!.exec = ['pm.test("ok", function () {});', 'postman.setNextRequest("(demo-001z) renamed long ago");'];
  const run = await runComponent(buildComponentCollection(suite, demo, 'all'), { environment: environment(), suiteRequestNames: allRequestNames(suite) });

  assert.deepEqual(run.exits, [{ from: '(demo-001a) ok', folder: 'demo-001', to: '(demo-001z) renamed long ago', target: 'nowhere' }]);
  assert.equal(run.folders.get('demo-001')!.requests, 1);
  assert.equal(run.folders.get('demo-002')!.requests, 0);
  assert.equal(run.folders.get('demo:tearDown')!.requests, 0);
});

function loopingSuite(): PostmanCollection {
  const suite = tinySuite();
  const demo = findComponentFolders(suite).find((c) => c.name === 'demo')!;
  demo.folder.item![1]!.item![0]!.event![0]!.script!.exec = ['pm.test("again", function () {});', 'postman.setNextRequest("(demo-001a) ok");'];
  return suite;
}

test('a request that keeps jumping to itself is sent on to the next request after maxRepeats runs', async () => {
  seen.length = 0;
  const suite = loopingSuite();
  const demo = findComponentFolders(suite).find((c) => c.name === 'demo')!;
  const run = await runComponent(buildComponentCollection(suite, demo, 'all', { maxRepeats: 5 }), { environment: environment(), suiteRequestNames: allRequestNames(suite) });

  assert.equal(run.error, undefined);
  const demo001 = run.folders.get('demo-001')!;
  // 001a: 6 runs with a passing assertion, the 6th also with the breaker's failure; then 001b as usual.
  assert.equal(demo001.requests, 7);
  assert.equal(demo001.passed, 6 + 1);
  assert.deepEqual(demo001.failures.map((f) => [f.request, f.assertion]), [['(demo-001a) ok', LOOP_BROKEN]]);
  assert.match(demo001.failures[0]!.message, /ran 6 times without any new request/);
  assert.equal(run.folders.get('demo:tearDown')!.passed, 1, 'the rest of the run went on');
});

test('a common request used again and again is no loop; two requests jumping to each other are', async () => {
  const suite = tinySuite();
  const demo = findComponentFolders(suite).find((c) => c.name === 'demo')!;
  const callCommon = (next: string) => ['pm.test("ok", function () {});', `pm.globals.set("NEXT_REQUEST_NAMES", [${JSON.stringify(next)}]);`, 'postman.setNextRequest("(COMMON) Delete thing");'];
  demo.folder.item![1]!.item = [
    request('(demo-001a) one', 'GET', '{{base}}/ok', callCommon('(demo-001b) two')),
    request('(demo-001b) two', 'GET', '{{base}}/ok', callCommon('(demo-001c) three')),
    request('(demo-001c) three', 'GET', '{{base}}/ok', callCommon('(demo-001d) ping')),
    request('(demo-001d) ping', 'GET', '{{base}}/ok', ['postman.setNextRequest("(demo-001e) pong");']),
    request('(demo-001e) pong', 'GET', '{{base}}/ok', ['postman.setNextRequest("(demo-001d) ping");']),
  ];
  const run = await runComponent(buildComponentCollection(suite, demo, new Set(['demo-001']), { maxRepeats: 2 }), { environment: environment(), maxItems: 100 });

  assert.equal(run.error, undefined);
  assert.deepEqual(counts(run.folders)['demo:common requests'], { passed: 3, failed: 0, requests: 3 });
  const demo001 = run.folders.get('demo-001')!;
  // ping, pong (both new), ping, pong, ping, pong: its 3rd run since the last new request → broken → tearDown.
  assert.equal(demo001.requests, 3 + 6);
  assert.deepEqual(demo001.failures.map((f) => [f.request, f.assertion]), [['(demo-001e) pong', LOOP_BROKEN]]);
  assert.equal(run.folders.get('demo:tearDown')!.passed, 1);
});

test('a loop through a common request is left after the furthest request reached', async () => {
  const suite = tinySuite();
  const demo = findComponentFolders(suite).find((c) => c.name === 'demo')!;
  // 001b sends the run back to 001a through the common request (a stale NEXT_REQUEST_NAMES).
  demo.folder.item![1]!.item = [
    request('(demo-001a) one', 'GET', '{{base}}/ok', ['pm.test("one", function () {});']),
    request('(demo-001b) two', 'GET', '{{base}}/ok', ['pm.globals.set("NEXT_REQUEST_NAMES", ["(demo-001a) one"]);', 'postman.setNextRequest("(COMMON) Delete thing");']),
    request('(demo-001c) three', 'GET', '{{base}}/ok', ['pm.test("three", function () {});']),
  ];
  const run = await runComponent(buildComponentCollection(suite, demo, new Set(['demo-001']), { maxRepeats: 3 }), { environment: environment(), maxItems: 100 });

  assert.equal(run.error, undefined);
  const common = run.folders.get('demo:common requests')!;
  assert.deepEqual(common.failures.map((f) => [f.request, f.assertion]), [['(COMMON) Delete thing', LOOP_BROKEN]]);
  // one, two, common ×4 (the 4th is broken off) → three (after two, the furthest reached) → tearDown.
  assert.deepEqual(counts(run.folders)['demo-001'], { passed: 4 + 1, failed: 0, requests: 4 + 4 + 1 });
  assert.deepEqual(counts(run.folders)['demo:tearDown'], { passed: 1, failed: 0, requests: 1 });
});

test('a script error does not keep the loop breaker from running', async () => {
  const suite = tinySuite();
  const demo = findComponentFolders(suite).find((c) => c.name === 'demo')!;
  demo.folder.item![1]!.item![0]!.event![0]!.script!.exec = ['postman.setNextRequest("(demo-001a) ok");', 'undefined.boom;'];
  const run = await runComponent(buildComponentCollection(suite, demo, 'all', { maxRepeats: 3 }), { environment: environment(), maxItems: 50 });
  assert.equal(run.error, undefined);
  const demo001 = run.folders.get('demo-001')!;
  assert.equal(demo001.failures.filter((f) => f.assertion === LOOP_BROKEN).length, 1);
});

test('a setNextRequest loop is aborted by the loop guard', async () => {
  const suite = loopingSuite();
  const demo = findComponentFolders(suite).find((c) => c.name === 'demo')!;
  const run = await runComponent(buildComponentCollection(suite, demo, 'all', { maxRepeats: 1e9 }), { environment: environment(), maxItems: 25 });
  assert.match(run.error ?? '', /aborted after 25 requests/);
  assert.ok(run.folders.get('demo-001')!.passed >= 20);
});

test('a run that takes too long is stopped by the run timeout', async () => {
  const suite = loopingSuite();
  const demo = findComponentFolders(suite).find((c) => c.name === 'demo')!;
  const started = Date.now();
  const run = await runComponent(buildComponentCollection(suite, demo, 'all', { maxRepeats: 1e9 }), { environment: environment(), runTimeoutMs: 1500, maxItems: 1e9 });
  assert.match(run.error ?? '', /timed out/);
  assert.ok(Date.now() - started < 10_000);
  // ...and its requests stop too.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const count = seen.length;
  await new Promise((resolve) => setTimeout(resolve, 1000));
  assert.equal(seen.length, count, 'no requests after the run ended');
});

test("a component starts with the globals the one before it left, as in one run of the whole collection", async () => {
  const suite = tinySuite();
  const [demo, other] = ['demo', 'other'].map((name) => findComponentFolders(suite).find((c) => c.name === name)!);
  other!.folder.item![1]!.item![0]!.event![0]!.script!.exec = [`pm.test("thing_url carried over", function () { pm.expect(pm.globals.get("thing_url")).to.equal("${base}/things/1"); });`];
  const first = await runComponent(buildComponentCollection(suite, demo!, 'all'), { environment: environment(), suiteRequestNames: allRequestNames(suite) });
  const values = (first.globals as { values?: { key: string; value: unknown }[] } | undefined)?.values ?? [];
  assert.equal(values.find((v) => v.key === 'thing_url')?.value, `${base}/things/1`);

  const carried = await runComponent(buildComponentCollection(suite, other!, 'all'), { environment: environment(), globals: first.globals, suiteRequestNames: allRequestNames(suite) });
  assert.deepEqual(counts(carried.folders)['other-001'], { passed: 1, failed: 0, requests: 1 });
  const fresh = await runComponent(buildComponentCollection(suite, other!, 'all'), { environment: environment(), suiteRequestNames: allRequestNames(suite) });
  assert.deepEqual(counts(fresh.folders)['other-001'], { passed: 0, failed: 1, requests: 1 });
});

test('the globals carried on: none from a run that broke off, and never the jump list of common requests', () => {
  const run = (globals: object, error?: string): ComponentRun => ({ component: 'x', folders: new Map(), order: [], durationMs: 0, exits: [], globals, error });
  const left = { values: [{ key: 'zaak_body', value: '{}' }, { key: 'NEXT_REQUEST_NAMES', value: ['(X) next'] }] };
  const before = { values: [{ key: 'earlier', value: 1 }] };
  assert.deepEqual(globalsForNext(run(left), before), { values: [{ key: 'zaak_body', value: '{}' }] });
  assert.equal(globalsForNext(run(left, 'run timed out after 900 s'), before), before);
});
