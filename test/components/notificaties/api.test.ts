/**
 * The Notificaties API's operations on a real server: kanalen (ours registered at start),
 * abonnementen with the callback check, and publishing a notificatie.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../helpers/webhook-receiver.ts';
import { HIDDEN_AUTH } from '../../../src/components/notificaties/routes.ts';

const ROOT = '/notificaties/api/v1';
const CONSUMER = { clientId: 'nrc-consumer', secret: 'nrc-consumer-secret-0123456789' };
const PUBLISHER = { clientId: 'nrc-publisher', secret: 'nrc-publisher-secret-0123456789' };
const AUTH = 'Bearer abonnee-geheim';

describe('Notificaties API', () => {
  let server: TestServer;
  let receiver: WebhookReceiver;

  before(async () => {
    server = await startTestServer({
      notificaties: { allowLoopbackCallbacks: true, pollSeconds: 0.1, timeoutSeconds: 2 },
      extraClients: [
        { ...CONSUMER, autorisaties: [{ component: 'nrc', scopes: ['notificaties.consumeren'] }] },
        { ...PUBLISHER, autorisaties: [{ component: 'nrc', scopes: ['notificaties.publiceren'] }] },
      ],
    });
    receiver = await startWebhookReceiver();
  });
  after(async () => {
    await server?.close();
    await receiver?.close();
  });

  const subscribe = (kanalen: unknown, options: { callbackUrl?: string; client?: typeof CONSUMER } = {}) =>
    server.call('POST', `${ROOT}/abonnement`, { body: { callbackUrl: options.callbackUrl ?? receiver.url, auth: AUTH, kanalen }, client: options.client ?? CONSUMER });

  describe('kanalen', () => {
    it('has the kanalen of our own components from the start, with the kenmerken of their standards', async () => {
      const list = await server.call('GET', `${ROOT}/kanaal`, { client: CONSUMER });
      assert.equal(list.status, 200);
      const filters = Object.fromEntries(list.body.map((k: { naam: string; filters: string[] }) => [k.naam, k.filters]));
      assert.deepEqual(filters, {
        autorisaties: [],
        begraafplaatsen: ['begraafplaats'],
        besluiten: ['verantwoordelijke_organisatie', 'besluittype'],
        besluittypen: ['catalogus'],
        documenten: ['bronorganisatie', 'informatieobjecttype', 'vertrouwelijkheidaanduiding'],
        informatieobjecttypen: ['catalogus'],
        zaaktypen: ['catalogus'],
        zaken: ['bronorganisatie', 'zaaktype', 'vertrouwelijkheidaanduiding'],
      });
      const [zaken] = (await server.call('GET', `${ROOT}/kanaal?naam=zaken`, { client: CONSUMER })).body;
      assert.equal(zaken.documentatieLink, `${server.baseUrl}/zaken/api/v1/openapi.yaml`);
      assert.deepEqual((await server.call('GET', zaken.url, { client: CONSUMER })).body, zaken);
    });

    it('registers a kanaal once per name, for publishers only', async () => {
      const body = { naam: 'meldingen', documentatieLink: 'https://meldingen.example/docs', filters: ['wijk'] };
      assert.equal((await server.call('POST', `${ROOT}/kanaal`, { body, client: CONSUMER })).status, 403);
      const created = await server.call('POST', `${ROOT}/kanaal`, { body, client: PUBLISHER });
      assert.equal(created.status, 201);
      assert.equal(created.headers.get('location'), created.body.url);
      assert.deepEqual({ ...created.body, url: undefined }, { ...body, url: undefined });
      const again = await server.call('POST', `${ROOT}/kanaal`, { body, client: PUBLISHER });
      assert.equal(again.status, 400);
      assert.deepEqual(again.body.invalidParams.map((p: { name: string; code: string }) => [p.name, p.code]), [['naam', 'unique']]);
      assert.equal((await server.call('GET', `${ROOT}/kanaal/${crypto.randomUUID()}`, { client: PUBLISHER })).status, 404);
    });
  });

  describe('abonnementen', () => {
    it('tests the callback with a notificatie carrying the auth header, and keeps auth for its own client', async () => {
      const before = receiver.requests.length;
      const created = await subscribe([{ naam: 'zaken', filters: { bronorganisatie: '224557609', zaaktype: '*' } }, { naam: 'autorisaties' }]);
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const [test] = receiver.requests.slice(before);
      assert.equal(test?.authorization, AUTH);
      assert.deepEqual({ kanaal: test.body.kanaal, hoofdObject: test.body.hoofdObject, resource: test.body.resource }, { kanaal: 'test', hoofdObject: created.body.url, resource: 'abonnement' });
      assert.deepEqual(created.body.kanalen, [
        { naam: 'zaken', filters: { bronorganisatie: '224557609', zaaktype: '*' } },
        { naam: 'autorisaties', filters: {} },
      ]);
      assert.equal((await server.call('GET', created.body.url, { client: CONSUMER })).body.auth, AUTH);
      // Another client (the admin) may read the abonnement, not the subscriber's credential.
      assert.equal((await server.call('GET', created.body.url)).body.auth, HIDDEN_AUTH);
      const list = await server.call('GET', `${ROOT}/abonnement`, { client: PUBLISHER });
      assert.ok(list.body.some((a: { url: string; auth: string }) => a.url === created.body.url && a.auth === HIDDEN_AUTH));
    });

    it('refuses a callback that does not take the test notificatie, and saves nothing', async () => {
      receiver.respond = () => ({ status: 401 });
      try {
        const count = (await server.call('GET', `${ROOT}/abonnement`)).body.length;
        const refused = await subscribe([{ naam: 'zaken' }]);
        assert.equal(refused.status, 400);
        assert.deepEqual(refused.body.invalidParams.map((p: { name: string; code: string }) => [p.name, p.code]), [['callbackUrl', 'invalid-callback-url']]);
        assert.equal((await server.call('GET', `${ROOT}/abonnement`)).body.length, count);
      } finally {
        receiver.respond = () => ({ status: 204 });
      }
      const unreachable = await subscribe([{ naam: 'zaken' }], { callbackUrl: 'http://127.0.0.1:9/callback' });
      assert.equal(unreachable.body.invalidParams?.[0]?.code, 'invalid-callback-url');
    });

    it('refuses callbacks the policy denies', async () => {
      for (const callbackUrl of ['http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/callback', 'http://[fd00:ec2::254]/', 'file:///etc/passwd']) {
        const refused = await subscribe([{ naam: 'zaken' }], { callbackUrl });
        assert.equal(refused.status, 400, callbackUrl);
        assert.equal(refused.body.invalidParams[0].code, 'callback-url-not-allowed', callbackUrl);
      }
    });

    it('checks the kanalen and their filters', async () => {
      const refused = await subscribe([{ naam: 'bestaat-niet' }, { naam: 'zaken', filters: { onbekend: 'x', zaaktype: 'y' } }, { naam: 'zaken', filters: { zaaktype: '' } }]);
      assert.equal(refused.status, 400);
      assert.deepEqual(refused.body.invalidParams.map((p: { name: string; code: string }) => [p.name, p.code]), [['kanalen.2.filters.zaaktype', 'blank']]);
      const inconsistent = await subscribe([{ naam: 'bestaat-niet' }, { naam: 'zaken', filters: { onbekend: 'x', zaaktype: 'y' } }]);
      assert.deepEqual(inconsistent.body.invalidParams.map((p: { name: string; code: string }) => [p.name, p.code]), [
        ['kanalen.0.naam', 'kanaal_naam'],
        ['kanalen.1.filters', 'inconsistent-abonnement-filters'],
      ]);
    });

    it('updates and deletes; tests the callback again only when it or its auth changes', async () => {
      const created = await subscribe([{ naam: 'zaken' }]);
      const tests = () => receiver.requests.filter((r) => r.body.kanaal === 'test' && r.body.hoofdObject === created.body.url).length;
      assert.equal(tests(), 1);
      const patched = await server.call('PATCH', created.body.url, { body: { kanalen: [{ naam: 'documenten', filters: { vertrouwelijkheidaanduiding: 'openbaar' } }] }, client: CONSUMER });
      assert.equal(patched.status, 200);
      assert.deepEqual(patched.body.kanalen, [{ naam: 'documenten', filters: { vertrouwelijkheidaanduiding: 'openbaar' } }]);
      assert.equal(patched.body.auth, AUTH);
      assert.equal(tests(), 1);
      const put = await server.call('PUT', created.body.url, { body: { callbackUrl: receiver.url, auth: 'Bearer nieuw', kanalen: [{ naam: 'zaken' }] }, client: CONSUMER });
      assert.equal(put.status, 200);
      assert.equal(tests(), 2);
      assert.equal(receiver.requests.at(-1)?.authorization, 'Bearer nieuw');
      assert.equal((await server.call('DELETE', created.body.url, { client: CONSUMER })).status, 204);
      assert.equal((await server.call('GET', created.body.url, { client: CONSUMER })).status, 404);
    });
  });

  describe('publishing', () => {
    const bericht = (extra: Record<string, unknown> = {}) => ({
      kanaal: 'zaken',
      hoofdObject: 'https://zaken.example/zaken/api/v1/zaken/1',
      resource: 'status',
      resourceUrl: 'https://zaken.example/zaken/api/v1/statussen/1',
      actie: 'create',
      aanmaakdatum: new Date().toISOString(),
      kenmerken: { bronorganisatie: '224557609', zaaktype: 'https://ztc.example/zaaktypen/1', vertrouwelijkheidaanduiding: 'openbaar' },
      ...extra,
    });

    it('checks the kanaal, the kenmerken and the aanmaakdatum', async () => {
      const refused = await server.call('POST', `${ROOT}/notificaties`, { body: bericht({ kanaal: 'onbekend', aanmaakdatum: '2999-01-01T00:00:00Z' }), client: PUBLISHER });
      assert.equal(refused.status, 400);
      assert.deepEqual(refused.body.invalidParams.map((p: { name: string; code: string }) => [p.name, p.code]), [
        ['aanmaakdatum', 'future_not_allowed'],
        ['kanaal', 'message_kanaal'],
      ]);
      const inconsistent = await server.call('POST', `${ROOT}/notificaties`, { body: bericht({ kenmerken: { wijk: 'Centrum' } }), client: PUBLISHER });
      assert.deepEqual(inconsistent.body.invalidParams.map((p: { name: string; code: string }) => [p.name, p.code]), [['kenmerken', 'kenmerken_inconsistent']]);
      assert.equal((await server.call('POST', `${ROOT}/notificaties`, { body: bericht(), client: CONSUMER })).status, 403);
    });

    it('routes a notificatie unchanged to the abonnementen whose filters it matches', async () => {
      const other = await startWebhookReceiver();
      try {
        assert.equal((await subscribe([{ naam: 'zaken', filters: { bronorganisatie: '224557609' } }], { callbackUrl: `${receiver.url}?match` })).status, 201);
        assert.equal((await subscribe([{ naam: 'zaken', filters: { bronorganisatie: '999999999' } }], { callbackUrl: other.url })).status, 201);
        const published = bericht({ hoofdObject: 'https://zaken.example/zaken/api/v1/zaken/route' });
        const answer = await server.call('POST', `${ROOT}/notificaties`, { body: published, client: PUBLISHER });
        assert.equal(answer.status, 200);
        assert.deepEqual(answer.body, published);
        const matching = (x: { body: { hoofdObject: string }; path: string }) => x.body.hoofdObject === published.hoofdObject && x.path.endsWith('?match');
        await receiver.waitFor((r) => r.some(matching));
        const delivered = receiver.accepted().filter(matching);
        assert.deepEqual(delivered.map((d) => d.body), [published]);
        assert.equal(delivered[0]!.authorization, AUTH);
        await new Promise((resolve) => setTimeout(resolve, 300));
        assert.equal(other.accepted().length, 0, 'the other filter does not match');
      } finally {
        await other.close();
      }
    });
  });
});
