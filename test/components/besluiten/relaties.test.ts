/**
 * The relations the Besluiten API keeps in a Zaken and a Documenten API of another instance,
 * over HTTP with this instance's credentials: registered after the local change, removed
 * after it, and the local change undone when the other API refuses (brc-003, brc-005, brc-006,
 * brc-007, brc-008 and their failures).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { jwtVerify } from 'jose';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { listOutbox } from '../../../src/platform/events/outbox.ts';
import { besluitBody, OtherInstance, publishedTypes, REMOTE_CLIENT, ROOT, type Catalogus, type Received } from './fixtures.ts';

let other: OtherInstance;
let server: TestServer;
let a: Catalogus;
let b: Catalogus;
let zaken: string;
let documenten: string;

before(async () => {
  other = await new OtherInstance().start();
  zaken = `${other.url}/zaken/api/v1`;
  documenten = `${other.url}/documenten/api/v1`;
  server = await startTestServer({
    remoteServices: [
      { apiRoot: zaken, ...REMOTE_CLIENT },
      { apiRoot: documenten, ...REMOTE_CLIENT },
    ],
  });
  a = await publishedTypes(server, 'RELA');
  b = await publishedTypes(server, 'RELB', 'ander besluit');
  // As the reference implementation does, the other instance checks a relation against the
  // Besluiten API before accepting it: so the besluit must be committed (and no longer name the
  // zaak, for a removal) by the time it is told.
  other.verify = async (request: Received) => {
    if (request.path.startsWith('/zaken/')) {
      const zaak = `${other.url}${request.path.replace(/\/besluiten(\/[^/]+)?$/, '')}`;
      const besluitUrl = request.method === 'POST' ? request.body.besluit : other.zaakbesluiten.get(`${other.url}${request.path}`)?.besluit;
      const besluit = await server.call('GET', besluitUrl);
      const names = besluit.status === 200 && besluit.body.zaak === zaak;
      if (request.method === 'POST' && !names) return 'Het besluit bestaat niet of verwijst niet naar deze zaak.';
      if (request.method === 'DELETE' && names) return 'Het besluit verwijst nog naar deze zaak.';
    } else {
      const oio = request.method === 'POST' ? request.body : other.objectinformatieobjecten.get(`${other.url}${request.path}`);
      const found = await server.call('GET', `${ROOT}/besluitinformatieobjecten?besluit=${encodeURIComponent(oio.object)}&informatieobject=${encodeURIComponent(oio.informatieobject)}`);
      if (request.method === 'POST' && found.body.length !== 1) return 'Het besluitinformatieobject bestaat niet.';
      if (request.method === 'DELETE' && found.body.length !== 0) return 'Het besluitinformatieobject bestaat nog.';
    }
    return undefined;
  };
});

after(async () => {
  await server.close();
  await other.close();
});

const codes = (answer: { status: number; body: any }) => [answer.status, ...(answer.body?.invalidParams ?? []).map((p: { name: string; code: string }) => `${p.name}:${p.code}`)];
const auditActies = async (besluit: string) => (await server.call('GET', `${besluit}/audittrail`)).body.map((e: any) => `${e.resource}:${e.actie}:${e.resultaat}`);

describe('a besluit of a zaak', () => {
  it('is registered with the zaak in its Zaken API, with this instance’s JWT', async () => {
    const zaak = other.addZaak(a.zaaktype);
    const created = await server.call('POST', `${ROOT}/besluiten`, { body: besluitBody(a.besluittype, { zaak }) });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.zaak, zaak);
    const [registration] = other.requests('POST', new URL(`${zaak}/besluiten`).pathname);
    assert.deepEqual(registration!.body, { besluit: created.body.url });
    const token = /^Bearer (.+)$/.exec(registration!.headers.authorization ?? '')![1]!;
    assert.equal((await jwtVerify(token, new TextEncoder().encode(REMOTE_CLIENT.secret))).payload.client_id, REMOTE_CLIENT.clientId);
    assert.equal([...other.zaakbesluiten.values()].filter((z) => z.besluit === created.body.url).length, 1);

    const list = await server.call('GET', `${ROOT}/besluiten?zaak=${encodeURIComponent(zaak)}`);
    assert.deepEqual(list.body.results.map((r: { url: string }) => r.url), [created.body.url]);
    const expanded = await server.call('GET', `${created.body.url}?expand=zaak`);
    assert.equal(expanded.body._expand.zaak.url, zaak);
  });

  it('needs a zaak whose zaaktype allows the besluittype (brc-006a), and a zaak that is one', async () => {
    assert.deepEqual(codes(await server.call('POST', `${ROOT}/besluiten`, { body: besluitBody(a.besluittype, { zaak: other.addZaak(b.zaaktype) }) })), [400, 'nonFieldErrors:zaaktype-mismatch']);
    assert.deepEqual(codes(await server.call('POST', `${ROOT}/besluiten`, { body: besluitBody(a.besluittype, { zaak: `${zaken}/zaken/onbekend` }) })), [400, 'zaak:bad-url']);
    assert.deepEqual(codes(await server.call('POST', `${ROOT}/besluiten`, { body: besluitBody(a.besluittype, { zaak: a.zaaktype }) })), [400, 'zaak:invalid-resource']);
  });

  it('is not kept when the Zaken API refuses the relation: 400 pending-relations, and no trace but a destroy notification', async () => {
    const zaak = other.addZaak(a.zaaktype);
    other.failing.add(`POST ${new URL(zaak).pathname}/besluiten`);
    try {
      const refused = await server.call('POST', `${ROOT}/besluiten`, { body: besluitBody(a.besluittype, { zaak, identificatie: 'GEWEIGERD-1' }) });
      assert.deepEqual(codes(refused), [400, 'zaak:pending-relations']);
    } finally {
      other.failing.clear();
    }
    assert.equal((await server.call('GET', `${ROOT}/besluiten?identificatie=GEWEIGERD-1`)).body.count, 0);
    const notifications = (await listOutbox(server.og.database.db, server.baseUrl, { kanaal: 'besluiten' })).filter((n) => n.kenmerken.besluittype === a.besluittype);
    const last = notifications.slice(-2);
    assert.deepEqual(last.map((n) => n.actie), ['create', 'destroy']);
    assert.equal(last[0]!.resourceUrl, last[1]!.resourceUrl);
    const trail = await server.og.database.db.selectFrom('platform.audittrail').select('uuid').where('hoofd_object', '=', new URL(last[0]!.resourceUrl).pathname).execute();
    assert.deepEqual(trail, []);
  });

  it('moves: the old ZaakBesluit is removed, a new one registered; without a zaak none is left', async () => {
    const first = other.addZaak(a.zaaktype);
    const second = other.addZaak(a.zaaktype);
    const created = await server.call('POST', `${ROOT}/besluiten`, { body: besluitBody(a.besluittype, { zaak: first }) });
    const relationsOf = () => [...other.zaakbesluiten.values()].filter((z) => z.besluit === created.body.url).map((z) => z.url.split('/besluiten/')[0]);

    const moved = await server.call('PATCH', created.body.url, { body: { zaak: second } });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.deepEqual(relationsOf(), [second]);

    const none = await server.call('PUT', created.body.url, { body: besluitBody(a.besluittype, { identificatie: created.body.identificatie }) });
    assert.equal(none.status, 200, JSON.stringify(none.body));
    assert.equal(none.body.zaak, '');
    assert.deepEqual(relationsOf(), []);
    assert.equal((await server.call('PATCH', created.body.url, { body: { toelichting: 'geen zaak' } })).status, 200);
  });

  it('stays with its zaak when the new zaak’s Zaken API refuses: the change is undone and audited', async () => {
    const first = other.addZaak(a.zaaktype);
    const second = other.addZaak(a.zaaktype);
    const created = await server.call('POST', `${ROOT}/besluiten`, { body: besluitBody(a.besluittype, { zaak: first }) });
    other.failing.add(`POST ${new URL(second).pathname}/besluiten`);
    try {
      assert.deepEqual(codes(await server.call('PATCH', created.body.url, { body: { zaak: second, toelichting: 'verhuisd' } })), [400, 'zaak:pending-relations']);
    } finally {
      other.failing.clear();
    }
    const now = (await server.call('GET', created.body.url)).body;
    assert.deepEqual([now.zaak, now.toelichting], [first, '']);
    assert.deepEqual([...other.zaakbesluiten.values()].filter((z) => z.besluit === created.body.url).map((z) => z.url.split('/besluiten/')[0]), [first], 'registered with the old zaak again');
    assert.deepEqual(await auditActies(created.body.url), ['besluit:create:201', 'besluit:partial_update:200', 'besluit:partial_update:400']);
    // And a later delete still finds the ZaakBesluit registered again.
    assert.equal((await server.call('DELETE', created.body.url)).status, 204);
    assert.equal([...other.zaakbesluiten.values()].filter((z) => z.besluit === created.body.url).length, 0);
  });
});

describe('besluitinformatieobjecten', () => {
  let besluit: string;
  before(async () => {
    besluit = (await server.call('POST', `${ROOT}/besluiten`, { body: besluitBody(a.besluittype) })).body.url;
  });

  it('are created and mirrored in the Documenten API as an ObjectInformatieObject (brc-003a, brc-005a), and removed with it (brc-005b)', async () => {
    const informatieobject = other.addDocument(a.informatieobjecttype);
    const created = await server.call('POST', `${ROOT}/besluitinformatieobjecten`, { body: { besluit, informatieobject } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual({ ...created.body, url: undefined }, { url: undefined, besluit, informatieobject });
    assert.equal(created.headers.get('location'), created.body.url);
    const mirrored = [...other.objectinformatieobjecten.values()].filter((o) => o.object === besluit);
    assert.deepEqual(mirrored.map((o) => [o.informatieobject, o.objectType]), [[informatieobject, 'besluit']]);

    assert.deepEqual((await server.call('GET', created.body.url)).body, created.body);
    const list = await server.call('GET', `${ROOT}/besluitinformatieobjecten?besluit=${encodeURIComponent(besluit)}`);
    assert.deepEqual(list.body, [created.body]);
    assert.deepEqual((await server.call('GET', `${ROOT}/besluitinformatieobjecten?informatieobject=${encodeURIComponent(informatieobject)}`)).body, [created.body]);
    const expanded = await server.call('GET', `${created.body.url}?expand=informatieobject,besluit`);
    assert.equal(expanded.status, 200, JSON.stringify(expanded.body));
    assert.deepEqual([expanded.body._expand.informatieobject.url, expanded.body._expand.besluit.url], [informatieobject, besluit]);

    assert.equal((await server.call('DELETE', created.body.url)).status, 204);
    assert.equal([...other.objectinformatieobjecten.values()].filter((o) => o.object === besluit).length, 0);
    assert.deepEqual((await server.call('GET', `${ROOT}/besluitinformatieobjecten?besluit=${encodeURIComponent(besluit)}`)).body, []);
    assert.deepEqual((await auditActies(besluit)).slice(-2), ['besluitinformatieobject:create:201', 'besluitinformatieobject:destroy:204']);
  });

  it('need an informatieobject (brc-003b) of an informatieobjecttype the besluittype names (brc-007a), once per besluit', async () => {
    const post = (body: Record<string, unknown>) => server.call('POST', `${ROOT}/besluitinformatieobjecten`, { body });
    assert.deepEqual(codes(await post({ besluit, informatieobject: `${documenten}/enkelvoudiginformatieobjecten/onbekend` })), [400, 'informatieobject:bad-url']);
    assert.deepEqual(codes(await post({ besluit, informatieobject: other.addDocument(b.informatieobjecttype) })), [400, 'nonFieldErrors:missing-besluittype-informatieobjecttype-relation']);
    assert.deepEqual(codes(await post({ besluit: `${besluit.slice(0, -4)}0000`, informatieobject: other.addDocument(a.informatieobjecttype) })), [400, 'besluit:does_not_exist']);
    assert.deepEqual(codes(await post({ besluit: a.besluittype, informatieobject: other.addDocument(a.informatieobjecttype) })), [400, 'besluit:no_match']);
    const informatieobject = other.addDocument(a.informatieobjecttype);
    assert.equal((await post({ besluit, informatieobject })).status, 201);
    assert.deepEqual(codes(await post({ besluit, informatieobject })), [400, 'nonFieldErrors:unique']);
  });

  it('are not kept when the Documenten API refuses the mirror, and put back when it refuses to remove it', async () => {
    const informatieobject = other.addDocument(a.informatieobjecttype);
    other.failing.add('POST /documenten/api/v1/objectinformatieobjecten');
    try {
      assert.deepEqual(codes(await server.call('POST', `${ROOT}/besluitinformatieobjecten`, { body: { besluit, informatieobject } })), [400, 'informatieobject:pending-relations']);
    } finally {
      other.failing.clear();
    }
    assert.deepEqual((await server.call('GET', `${ROOT}/besluitinformatieobjecten?informatieobject=${encodeURIComponent(informatieobject)}`)).body, []);
    assert.deepEqual((await auditActies(besluit)).slice(-2), ['besluitinformatieobject:create:201', 'besluitinformatieobject:destroy:400']);

    const created = await server.call('POST', `${ROOT}/besluitinformatieobjecten`, { body: { besluit, informatieobject } });
    assert.equal(created.status, 201);
    other.failing.add('DELETE /documenten/api/v1/objectinformatieobjecten');
    try {
      assert.deepEqual(codes(await server.call('DELETE', created.body.url)), [400, 'informatieobject:pending-relations']);
    } finally {
      other.failing.clear();
    }
    assert.deepEqual((await server.call('GET', created.body.url)).body, created.body, 'put back as it was');
    assert.equal((await server.call('DELETE', created.body.url)).status, 204, 'and removable once the Documenten API answers');
  });
});

describe('deleting a besluit', () => {
  it('deletes its besluitinformatieobjecten (brc-008a) and audit trail (brc-008b), and their relations elsewhere', async () => {
    const zaak = other.addZaak(a.zaaktype);
    const besluit = (await server.call('POST', `${ROOT}/besluiten`, { body: besluitBody(a.besluittype, { zaak }) })).body.url;
    const informatieobject = other.addDocument(a.informatieobjecttype);
    assert.equal((await server.call('POST', `${ROOT}/besluitinformatieobjecten`, { body: { besluit, informatieobject } })).status, 201);

    assert.equal((await server.call('DELETE', besluit)).status, 204);
    assert.deepEqual((await server.call('GET', `${ROOT}/besluitinformatieobjecten?besluit=${encodeURIComponent(besluit)}`)).body, []);
    assert.equal((await server.call('GET', `${besluit}/audittrail`)).status, 404);
    assert.equal([...other.zaakbesluiten.values()].filter((z) => z.besluit === besluit).length, 0);
    assert.equal([...other.objectinformatieobjecten.values()].filter((o) => o.object === besluit).length, 0);
  });

  it('puts it back, with its besluitinformatieobjecten and history, when a relation elsewhere cannot be removed', async () => {
    const zaak = other.addZaak(a.zaaktype);
    const created = (await server.call('POST', `${ROOT}/besluiten`, { body: besluitBody(a.besluittype, { zaak }) })).body;
    const informatieobject = other.addDocument(a.informatieobjecttype);
    const bio = (await server.call('POST', `${ROOT}/besluitinformatieobjecten`, { body: { besluit: created.url, informatieobject } })).body;

    // The ZaakBesluit goes, then the Documenten API refuses: both relations must be back.
    other.failing.add('DELETE /documenten/api/v1/objectinformatieobjecten');
    try {
      assert.deepEqual(codes(await server.call('DELETE', created.url)), [400, 'informatieobject:pending-relations']);
    } finally {
      other.failing.clear();
    }
    assert.deepEqual((await server.call('GET', created.url)).body, created);
    assert.deepEqual((await server.call('GET', bio.url)).body, bio);
    assert.deepEqual(await auditActies(created.url), ['besluit:create:201', 'besluitinformatieobject:create:201', 'besluit:destroy:204', 'besluit:create:400']);
    assert.equal([...other.zaakbesluiten.values()].filter((z) => z.besluit === created.url).length, 1, 'the ZaakBesluit registered again');
    assert.equal([...other.objectinformatieobjecten.values()].filter((o) => o.object === created.url).length, 1);
    const notifications = await listOutbox(server.og.database.db, server.baseUrl, { kanaal: 'besluiten', resourceUrl: created.url });
    assert.deepEqual(notifications.map((n) => n.actie), ['create', 'destroy', 'create']);

    assert.equal((await server.call('DELETE', created.url)).status, 204);
    assert.equal([...other.zaakbesluiten.values()].filter((z) => z.besluit === created.url).length, 0);
    assert.equal([...other.objectinformatieobjecten.values()].filter((o) => o.object === created.url).length, 0);
  });
});
