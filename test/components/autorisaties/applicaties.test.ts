import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, LIMITED, type TestServer } from '../../helpers/server.ts';
import { listOutbox } from '../../../src/platform/events/outbox.ts';
import { auditTrail } from '../../../src/platform/audit/audit.ts';

const ROOT = '/autorisaties/api/v1';
const ZAAKTYPE = 'https://catalogi.example.nl/catalogi/api/v1/zaaktypen/0119dd4e-7be9-477e-bccf-75023b1453c1';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

const zrc = (extra: Record<string, unknown> = {}) => ({
  component: 'zrc',
  scopes: ['zaken.lezen'],
  zaaktype: ZAAKTYPE,
  maxVertrouwelijkheidaanduiding: 'openbaar',
  ...extra,
});

describe('applicaties CRUD', () => {
  it('creates an applicatie with several client ids, announces it and audits it (ac-001a)', async () => {
    const created = await server.call('POST', `${ROOT}/applicaties`, {
      body: { clientIds: ['crud-1', 'crud-2'], label: 'CRUD', autorisaties: [zrc({ componentWeergave: 'ignored, read-only' })] },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual(created.body.clientIds, ['crud-1', 'crud-2']);
    assert.equal(created.headers.get('location'), created.body.url);
    assert.equal(created.headers.get('api-version'), '1.0.0');
    assert.match(created.body.url, /^http:\/\/127\.0\.0\.1:\d+\/autorisaties\/api\/v1\/applicaties\/[0-9a-f-]{36}$/);
    assert.deepEqual(created.body.autorisaties, [{ ...zrc(), componentWeergave: 'Zaken API' }]);
    assert.equal(created.body.heeftAlleAutorisaties, false);

    const read = await server.call('GET', created.body.url);
    assert.equal(read.status, 200);
    assert.deepEqual(read.body, created.body);

    const events = await listOutbox(server.og.database.db, server.baseUrl, { resourceUrl: created.body.url });
    assert.equal(events.length, 1);
    assert.deepEqual(
      { kanaal: events[0]!.kanaal, hoofdObject: events[0]!.hoofdObject, resource: events[0]!.resource, actie: events[0]!.actie, kenmerken: events[0]!.kenmerken },
      { kanaal: 'autorisaties', hoofdObject: created.body.url, resource: 'applicatie', actie: 'create', kenmerken: {} },
    );
    const trail = await auditTrail(server.og.database.db, created.body.url);
    assert.equal(trail.length, 1);
    assert.equal(trail[0]!.bron, 'AC');
    assert.equal(trail[0]!.applicatieId, 'test-admin');
    assert.equal(trail[0]!.gebruikersWeergave, 'Test Gebruiker');
    assert.deepEqual(trail[0]!.wijzigingen.nieuw, created.body);
  });

  it('updates with PUT and PATCH, and deletes', async () => {
    const created = await server.call('POST', `${ROOT}/applicaties`, { body: { clientIds: ['upd-1'], label: 'Voor', autorisaties: [zrc()] } });
    const put = await server.call('PUT', created.body.url, { body: { clientIds: ['upd-1', 'upd-2'], label: 'Na', heeftAlleAutorisaties: true } });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.deepEqual([put.body.label, put.body.clientIds, put.body.heeftAlleAutorisaties, put.body.autorisaties], ['Na', ['upd-1', 'upd-2'], true, []]);

    // A PATCH giving autorisaties replaces the set and drops heeftAlleAutorisaties.
    const patch = await server.call('PATCH', created.body.url, { body: { autorisaties: [{ component: 'ztc', scopes: ['catalogi.lezen'] }] } });
    assert.equal(patch.status, 200, JSON.stringify(patch.body));
    assert.equal(patch.body.heeftAlleAutorisaties, false);
    assert.equal(patch.body.label, 'Na');
    assert.deepEqual(patch.body.autorisaties, [{ component: 'ztc', componentWeergave: 'Catalogi API', scopes: ['catalogi.lezen'] }]);

    const deleted = await server.call('DELETE', created.body.url);
    assert.equal(deleted.status, 204);
    assert.equal((await server.call('GET', created.body.url)).status, 404);
    const actions = (await listOutbox(server.og.database.db, server.baseUrl, { resourceUrl: created.body.url })).map((e) => e.actie);
    assert.deepEqual(actions, ['create', 'update', 'partial_update', 'destroy']);
    assert.equal((await auditTrail(server.og.database.db, created.body.url)).length, 4);
  });

  it('filters on clientIds, finds the consumer, and paginates with an exact count', async () => {
    await server.call('POST', `${ROOT}/applicaties`, { body: { clientIds: ['filter-a'], label: 'A', heeftAlleAutorisaties: true } });
    await server.call('POST', `${ROOT}/applicaties`, { body: { clientIds: ['filter-b'], label: 'B', heeftAlleAutorisaties: true } });
    const list = await server.call('GET', `${ROOT}/applicaties?clientIds=filter-a,filter-b`);
    assert.equal(list.status, 200);
    assert.equal(list.body.count, 2);
    assert.deepEqual(list.body.results.map((a: { label: string }) => a.label).sort(), ['A', 'B']);
    assert.equal(list.body.next, null);
    assert.equal(list.body.previous, null);

    const consumer = await server.call('GET', `${ROOT}/applicaties/consumer?clientId=filter-b`);
    assert.equal(consumer.status, 200);
    assert.equal(consumer.body[0].label, 'B');
    assert.equal((await server.call('GET', `${ROOT}/applicaties/consumer?clientId=nobody`)).status, 404);
    const missing = await server.call('GET', `${ROOT}/applicaties/consumer`);
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.body.invalidParams.map((p: { name: string; code: string }) => [p.name, p.code]), [['clientId', 'required']]);

    const all = await server.call('GET', `${ROOT}/applicaties`);
    assert.equal(all.body.count, all.body.results.length);
    assert.equal((await server.call('GET', `${ROOT}/applicaties?page=2`)).status, 404);
  });
});

describe('documents and health', () => {
  it('serves its OpenAPI document as JSON and YAML without a token, and a health check', async () => {
    const json = await fetch(`${server.baseUrl}${ROOT}/openapi.json`);
    assert.equal(json.status, 200);
    const doc = (await json.json()) as { info: { version: string }; paths: Record<string, unknown> };
    assert.equal(doc.info.version, '1.0.0');
    assert.deepEqual(Object.keys(doc.paths).sort(), ['/applicaties', '/applicaties/consumer', '/applicaties/{uuid}']);
    const yaml = await fetch(`${server.baseUrl}${ROOT}/openapi.yaml`);
    assert.equal(yaml.status, 200);
    assert.match(await yaml.text(), /^openapi: 3\.0\.0/);
    const health = await fetch(`${server.baseUrl}/health`);
    const status = (await health.json()) as { status: string; database: string; apis: string[] };
    assert.equal(status.status, 'ok');
    assert.equal(status.database, server.og.database.kind);
    assert.ok(status.apis.includes('/autorisaties/api/v1'));
  });
});

describe('behaviour rules', () => {
  it('ac-001: a client id belongs to one applicatie only, also under concurrent requests', async () => {
    await server.call('POST', `${ROOT}/applicaties`, { body: { clientIds: ['taken-1'], label: 'Eerste', heeftAlleAutorisaties: true } });
    const second = await server.call('POST', `${ROOT}/applicaties`, { body: { clientIds: ['taken-1'], label: 'Tweede', heeftAlleAutorisaties: true, autorisaties: [] } });
    assert.equal(second.status, 400);
    assert.equal(second.body.invalidParams[0].name, 'clientIds');
    assert.equal(second.body.invalidParams[0].code, 'clientId-exists');

    const racers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => server.call('POST', `${ROOT}/applicaties`, { body: { clientIds: ['race-1'], label: `Race ${i}`, heeftAlleAutorisaties: true } })),
    );
    assert.deepEqual(racers.map((r) => r.status).sort(), [201, 400, 400, 400, 400, 400]);
    const list = await server.call('GET', `${ROOT}/applicaties?clientIds=race-1`);
    assert.equal(list.body.count, 1);
  });

  it('ac-002: heeftAlleAutorisaties and explicit autorisaties exclude each other, and one of them is needed', async () => {
    const both = await server.call('POST', `${ROOT}/applicaties`, { body: { clientIds: ['ac002-a'], label: 'x', heeftAlleAutorisaties: true, autorisaties: [zrc()] } });
    assert.equal(both.status, 400);
    assert.deepEqual(both.body.invalidParams[0], { name: 'nonFieldErrors', code: 'ambiguous-authorizations-specified', reason: both.body.invalidParams[0].reason });
    const neither = await server.call('POST', `${ROOT}/applicaties`, { body: { clientIds: ['ac002-b'], label: 'x', heeftAlleAutorisaties: false, autorisaties: [] } });
    assert.equal(neither.status, 400);
    assert.equal(neither.body.invalidParams[0].code, 'missing-authorizations');
  });

  it('ac-003: zaken, documenten and besluiten scopes need their type (blank counts as missing)', async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ component: 'zrc', scopes: ['zaken.lezen'], zaaktype: '', maxVertrouwelijkheidaanduiding: '' }, ['autorisaties.0.maxVertrouwelijkheidaanduiding', 'autorisaties.0.zaaktype']],
      [{ component: 'drc', scopes: ['documenten.lezen'], informatieobjecttype: '', maxVertrouwelijkheidaanduiding: '' }, ['autorisaties.0.informatieobjecttype', 'autorisaties.0.maxVertrouwelijkheidaanduiding']],
      [{ component: 'brc', scopes: ['besluiten.lezen'], besluittype: '' }, ['autorisaties.0.besluittype']],
    ];
    for (const [autorisatie, names] of cases) {
      const response = await server.call('POST', `${ROOT}/applicaties`, { body: { clientIds: ['ac003'], label: 'x', autorisaties: [autorisatie] } });
      assert.equal(response.status, 400, JSON.stringify(autorisatie));
      assert.deepEqual(response.body.invalidParams.map((p: { name: string }) => p.name).sort(), names);
      assert.ok(response.body.invalidParams.every((p: { code: string }) => p.code === 'required'));
    }
    for (const component of ['zrc', 'drc', 'brc']) {
      const response = await server.call('POST', `${ROOT}/applicaties`, {
        body: { clientIds: [`ac003-${component}`], label: 'x', autorisaties: [{ component, scopes: ['notificaties.publiceren'], zaaktype: '', informatieobjecttype: '', besluittype: '' }] },
      });
      assert.equal(response.status, 201, JSON.stringify(response.body));
    }
  });
});

describe('authorisation', () => {
  it('asks for a token, and for the right scope', async () => {
    const anonymous = await fetch(`${server.baseUrl}${ROOT}/applicaties`);
    assert.equal(anonymous.status, 401);
    assert.match(anonymous.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.equal(((await anonymous.json()) as { code: string }).code, 'not_authenticated');

    const limited = await server.call('GET', `${ROOT}/applicaties`, { client: LIMITED });
    assert.equal(limited.status, 403);
    assert.equal(limited.body.code, 'permission_denied');
  });

  it('grants a client new rights as soon as its applicatie changes', async () => {
    const reader = { clientId: 'late-reader', secret: 'late-reader-secret-0123456789' };
    const local = await startTestServer({ extraClients: [{ ...reader, label: 'Reader' }] });
    try {
      assert.equal((await local.call('GET', `${ROOT}/applicaties`, { client: reader })).status, 403);
      const created = await local.call('POST', `${ROOT}/applicaties`, { body: { clientIds: [reader.clientId], label: 'Reader', autorisaties: [{ component: 'ac', scopes: ['autorisaties.lezen'] }] } });
      assert.equal(created.status, 201);
      assert.equal((await local.call('GET', `${ROOT}/applicaties`, { client: reader })).status, 200);
      assert.equal((await local.call('POST', `${ROOT}/applicaties`, { client: reader, body: { clientIds: ['x'], label: 'x', heeftAlleAutorisaties: true } })).status, 403);
      await local.call('DELETE', created.body.url);
      assert.equal((await local.call('GET', `${ROOT}/applicaties`, { client: reader })).status, 403);
    } finally {
      await local.close();
    }
  });
});
