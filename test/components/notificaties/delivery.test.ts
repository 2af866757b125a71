/**
 * Delivery end to end: a change made through one of our APIs reaches a subscriber (a real
 * HTTP server) through the outbox, the router and a worker; failures are retried, given up and
 * retried by an operator; order per hoofdObject holds; a slow subscriber holds up no other.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../helpers/webhook-receiver.ts';
import { zaaktypeBody } from '../catalogi/fixtures.ts';

const NRC = '/notificaties/api/v1';
const BEHEER = '/notificaties-beheer/api/v1';
const AUTH = 'Bearer abonnee-token';
const MAX_ATTEMPTS = 4;

/** A change through one of our APIs, and the notificatie its standard says it announces. */
interface Change {
  kanaal: string;
  make(server: TestServer): Promise<{ resource: string; resourceUrl: string; hoofdObject: string; actie: string; kenmerken: Record<string, string> }>;
}

// Zaken: add `{ kanaal: 'zaken', make: … }` creating a zaak, with kenmerken bronorganisatie,
// zaaktype and vertrouwelijkheidaanduiding, once its API is merged.
const CHANGES: Change[] = [
  {
    kanaal: 'zaaktypen',
    async make(server) {
      const catalogus = (await server.call('POST', '/catalogi/api/v1/catalogussen', { body: { domein: 'NRC', rsin: '000000000', contactpersoonBeheerNaam: 'Beheer' } })).body.url;
      const created = await server.call('POST', '/catalogi/api/v1/zaaktypen', { body: zaaktypeBody(catalogus, 'NRC-1') });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      return { resource: 'zaaktype', resourceUrl: created.body.url, hoofdObject: created.body.url, actie: 'create', kenmerken: { catalogus } };
    },
  },
  {
    kanaal: 'zaken',
    async make(server) {
      const catalogus = (await server.call('POST', '/catalogi/api/v1/catalogussen', { body: { domein: 'NRCZ', rsin: '000000000', contactpersoonBeheerNaam: 'Beheer' } })).body.url;
      const zaaktype = (await server.call('POST', '/catalogi/api/v1/zaaktypen', { body: zaaktypeBody(catalogus, 'NRC-Z') })).body.url;
      assert.equal((await server.call('POST', `${zaaktype}/publish`)).status, 200);
      const created = await server.call('POST', '/zaken/api/v1/zaken', {
        body: { bronorganisatie: '517439943', verantwoordelijkeOrganisatie: '517439943', zaaktype, startdatum: '2026-01-01', vertrouwelijkheidaanduiding: 'openbaar' },
        headers: { 'content-crs': 'EPSG:4326', 'accept-crs': 'EPSG:4326' },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const kenmerken = { bronorganisatie: '517439943', zaaktype, vertrouwelijkheidaanduiding: 'openbaar' };
      return { resource: 'zaak', resourceUrl: created.body.url, hoofdObject: created.body.url, actie: 'create', kenmerken };
    },
  },
  {
    kanaal: 'documenten',
    async make(server) {
      const catalogus = (await server.call('POST', '/catalogi/api/v1/catalogussen', { body: { domein: 'NRCD', rsin: '000000000', contactpersoonBeheerNaam: 'Beheer' } })).body.url;
      const iot = (await server.call('POST', '/catalogi/api/v1/informatieobjecttypen', { body: { catalogus, omschrijving: 'NRC-D', vertrouwelijkheidaanduiding: 'openbaar', beginGeldigheid: '2020-01-01', informatieobjectcategorie: 'brief' } })).body.url;
      assert.equal((await server.call('POST', `${iot}/publish`)).status, 200);
      const created = await server.call('POST', '/documenten/api/v1/enkelvoudiginformatieobjecten', {
        body: { bronorganisatie: '517439943', creatiedatum: '2026-01-01', titel: 'Brief', auteur: 'Gemeente', taal: 'nld', informatieobjecttype: iot, vertrouwelijkheidaanduiding: 'openbaar', inhoud: Buffer.from('hallo').toString('base64'), bestandsnaam: 'brief.txt' },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const kenmerken = { bronorganisatie: '517439943', informatieobjecttype: iot, vertrouwelijkheidaanduiding: 'openbaar' };
      return { resource: 'enkelvoudiginformatieobject', resourceUrl: created.body.url, hoofdObject: created.body.url, actie: 'create', kenmerken };
    },
  },
  {
    kanaal: 'besluiten',
    async make(server) {
      const catalogus = (await server.call('POST', '/catalogi/api/v1/catalogussen', { body: { domein: 'NRCB', rsin: '000000000', contactpersoonBeheerNaam: 'Beheer' } })).body.url;
      const besluittype = (await server.call('POST', '/catalogi/api/v1/besluittypen', { body: { catalogus, omschrijving: 'NRC-B', publicatieIndicatie: false, informatieobjecttypen: [], beginGeldigheid: '2020-01-01' } })).body.url;
      assert.equal((await server.call('POST', `${besluittype}/publish`)).status, 200);
      const created = await server.call('POST', '/besluiten/api/v1/besluiten', { body: { verantwoordelijkeOrganisatie: '517439943', besluittype, datum: '2026-01-01', ingangsdatum: '2026-01-01' } });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      return { resource: 'besluit', resourceUrl: created.body.url, hoofdObject: created.body.url, actie: 'create', kenmerken: { verantwoordelijkeOrganisatie: '517439943', besluittype } };
    },
  },
  {
    kanaal: 'autorisaties',
    async make(server) {
      const created = await server.call('POST', '/autorisaties/api/v1/applicaties', { body: { clientIds: ['nrc-test-app'], label: 'App', heeftAlleAutorisaties: true } });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      return { resource: 'applicatie', resourceUrl: created.body.url, hoofdObject: created.body.url, actie: 'create', kenmerken: {} };
    },
  },
];

describe('Notificaties delivery', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer({
      notificaties: { allowLoopbackCallbacks: true, backoffSeconds: 0.05, backoffMaxSeconds: 0.2, maxAttempts: MAX_ATTEMPTS, pollSeconds: 0.1, timeoutSeconds: 1 },
    });
  });
  after(() => server?.close());

  /** A receiver with an abonnement on `kanalen`; closing it ends the abonnement too. */
  async function subscriber(kanalen: { naam: string; filters?: Record<string, string> }[]): Promise<WebhookReceiver> {
    const receiver = await startWebhookReceiver();
    const created = await server.call('POST', `${NRC}/abonnement`, { body: { callbackUrl: receiver.url, auth: AUTH, kanalen } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const close = receiver.close;
    receiver.close = async () => {
      assert.equal((await server.call('DELETE', created.body.url)).status, 204);
      await close();
    };
    return receiver;
  }

  const publish = (hoofdObject: string, resourceUrl = hoofdObject) =>
    server.call('POST', `${NRC}/notificaties`, {
      body: { kanaal: 'documenten', hoofdObject, resource: 'enkelvoudiginformatieobject', resourceUrl, actie: 'update', aanmaakdatum: new Date().toISOString(), kenmerken: {} },
    });

  const leveringen = async (query: string) => (await server.call('GET', `${BEHEER}/leveringen?${query}`)).body;

  for (const change of CHANGES) {
    it(`delivers a change on kanaal ${change.kanaal} made through the API, with the standard's body and the abonnement's auth`, async () => {
      const receiver = await subscriber([{ naam: change.kanaal }]);
      try {
        const before = Date.now();
        const expected = await change.make(server);
        await receiver.waitFor((r) => r.some((x) => x.body.resourceUrl === expected.resourceUrl));
        const [received, ...more] = receiver.accepted().filter((x) => x.body.resourceUrl === expected.resourceUrl);
        assert.equal(more.length, 0);
        assert.equal(received!.authorization, AUTH);
        const { aanmaakdatum, ...body } = received!.body;
        assert.deepEqual(body, { kanaal: change.kanaal, ...expected });
        assert.ok(Date.parse(aanmaakdatum) >= before - 1000 && Date.parse(aanmaakdatum) <= Date.now(), aanmaakdatum);
      } finally {
        await receiver.close();
      }
    });
  }

  it('announces nothing for a change that was refused', async () => {
    const receiver = await subscriber([{ naam: 'zaaktypen' }]);
    try {
      const refused = await server.call('POST', '/catalogi/api/v1/zaaktypen', { body: zaaktypeBody(`${server.baseUrl}/catalogi/api/v1/catalogussen/${crypto.randomUUID()}`, 'NRC-X') });
      assert.equal(refused.status, 400);
      await new Promise((resolve) => setTimeout(resolve, 400));
      assert.equal(receiver.accepted().length, 0);
    } finally {
      await receiver.close();
    }
  });

  it('retries a subscriber that fails, and delivers exactly once when it recovers', async () => {
    const receiver = await subscriber([{ naam: 'documenten' }]);
    const FAILURES = 2;
    let failures = 0;
    receiver.respond = () => (failures++ < FAILURES ? { status: 503 } : { status: 204 });
    try {
      const hoofdObject = 'https://drc.example/enkelvoudiginformatieobjecten/herstel';
      await publish(hoofdObject);
      await receiver.waitFor((r) => r.length === 1);
      await new Promise((resolve) => setTimeout(resolve, 400));
      const requests = receiver.requests.filter((r) => r.body.hoofdObject === hoofdObject);
      assert.deepEqual(requests.map((r) => r.status), [503, 503, 204]);
      assert.equal(receiver.accepted().length, 1);

      const [levering] = (await leveringen(`kanaal=documenten&status=delivered`)).results.filter((l: { notificatie: { hoofdObject: string } }) => l.notificatie.hoofdObject === hoofdObject);
      const detail = (await server.call('GET', levering.url)).body;
      assert.equal(detail.aantalPogingen, 3);
      assert.deepEqual(detail.pogingen.map((p: { nummer: number; httpStatus: number }) => [p.nummer, p.httpStatus]), [[1, 503], [2, 503], [3, 204]]);
      assert.match(detail.pogingen[0].fout, /HTTP 503/);
      assert.ok(detail.afgeleverdOp);
    } finally {
      await receiver.close();
    }
  });

  it('gives up after the maximum number of attempts; an operator lists and retries it', async () => {
    const receiver = await subscriber([{ naam: 'documenten' }]);
    let down = true;
    receiver.respond = () => ({ status: down ? 500 : 204 });
    try {
      const hoofdObject = 'https://drc.example/enkelvoudiginformatieobjecten/dood';
      await publish(hoofdObject);
      const dead = async () => (await leveringen('status=dead')).results.filter((l: { notificatie: { hoofdObject: string } }) => l.notificatie.hoofdObject === hoofdObject);
      const deadline = Date.now() + 10_000;
      while ((await dead()).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      const [levering] = await dead();
      assert.equal(levering?.aantalPogingen, MAX_ATTEMPTS);
      assert.equal(receiver.requests.filter((r) => r.body.hoofdObject === hoofdObject).length, MAX_ATTEMPTS);

      down = false;
      assert.equal((await server.call('POST', `${BEHEER}/leveringen/${levering.id}/opnieuw`, { client: { clientId: 'test-limited', secret: 'test-limited-secret-0123456789' } })).status, 403);
      const retried = await server.call('POST', `${BEHEER}/leveringen/${levering.id}/opnieuw`);
      assert.equal(retried.status, 200);
      assert.equal(retried.body.status, 'pending');
      await receiver.waitFor((r) => r.some((x) => x.body.hoofdObject === hoofdObject));
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal((await server.call('GET', levering.url)).body.status, 'delivered');
      assert.equal(receiver.accepted().length, 1);
      assert.equal((await server.call('POST', `${BEHEER}/leveringen/opnieuw`)).body.aantal, 0);
    } finally {
      await receiver.close();
    }
  });

  it('delivers the notificaties of one hoofdObject in order, also when one is retried', async () => {
    const receiver = await subscriber([{ naam: 'documenten' }]);
    let failedOnce = false;
    receiver.respond = (body) => {
      // The first of zaak A fails once; A's later ones must wait for it, B's need not.
      if (body.resourceUrl === 'https://drc.example/a/0' && !failedOnce) {
        failedOnce = true;
        return { status: 502 };
      }
      return { status: 204, delayMs: Math.floor(Math.random() * 20) };
    };
    try {
      const N = 12;
      for (let i = 0; i < N; i++) {
        await publish('https://drc.example/a', `https://drc.example/a/${i}`);
        await publish('https://drc.example/b', `https://drc.example/b/${i}`);
      }
      await receiver.waitFor((r) => r.length === 2 * N);
      const order = (h: string) => receiver.accepted().filter((r) => r.body.hoofdObject === h).map((r) => r.body.resourceUrl);
      assert.deepEqual(order('https://drc.example/a'), Array.from({ length: N }, (_, i) => `https://drc.example/a/${i}`));
      assert.deepEqual(order('https://drc.example/b'), Array.from({ length: N }, (_, i) => `https://drc.example/b/${i}`));
    } finally {
      await receiver.close();
    }
  });

  it('keeps delivering to others while one subscriber hangs until its timeout', async () => {
    const slow = await subscriber([{ naam: 'documenten' }]);
    slow.respond = () => ({ status: 204, delayMs: 5000 });
    const fast = await subscriber([{ naam: 'documenten' }]);
    try {
      // No timings: the fast subscriber gets all 20 while the slow one has not answered any
      // (each of its requests hangs past the 1 s delivery timeout), and publishing is answered
      // meanwhile: neither the API nor the other subscriber waits for the slow one.
      for (let i = 0; i < 20; i++) await publish(`https://drc.example/traag/${i}`);
      await fast.waitFor((r) => r.length === 20, 15000);
      assert.equal(slow.accepted().length, 0, 'the slow one is still at its first requests');
      assert.equal((await publish('https://drc.example/traag/x')).status, 200);
      assert.equal(slow.accepted().length, 0);
    } finally {
      await slow.close();
      await fast.close();
    }
  });
});
