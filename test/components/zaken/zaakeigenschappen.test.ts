import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { TestServer } from '../../helpers/server.ts';
import { auditTrail } from '../../../src/platform/audit/audit.ts';
import { listOutbox } from '../../../src/platform/events/outbox.ts';
import { client, grant, insertZaak, publishedZaaktype, startZakenServer, type Zaaktype } from './sub-resource-fixtures.ts';

const BEPERKT = client('ze-beperkt');
const GEFORCEERD = client('ze-geforceerd');

let server: TestServer;
let zt: Zaaktype;
let other: Zaaktype;
before(async () => {
  server = await startZakenServer([BEPERKT, GEFORCEERD]);
  zt = await publishedZaaktype(server, 'ZE-A');
  other = await publishedZaaktype(server, 'ZE-B');
  await grant(server, BEPERKT.clientId, [{ scopes: ['zaken.lezen', 'zaken.bijwerken'], zaaktype: zt.url, maxVertrouwelijkheidaanduiding: 'openbaar' }]);
  await grant(server, GEFORCEERD.clientId, [{ scopes: ['zaken.lezen', 'zaken.bijwerken', 'zaken.geforceerd-bijwerken'], zaaktype: zt.url, maxVertrouwelijkheidaanduiding: 'openbaar' }]);
});
after(() => server.close());

const codes = (body: { invalidParams: { name: string; code: string }[] }) => body.invalidParams.map((p) => [p.name, p.code]);

describe('zaakeigenschappen', () => {
  it('creates one with the naam of its eigenschap, lists and reads it under its zaak; audited and announced', async () => {
    const zaak = await insertZaak(server, { zaaktype: zt.url });
    const created = await server.call('POST', `${zaak}/zaakeigenschappen`, { body: { zaak, eigenschap: zt.eigenschap, waarde: 'rood', naam: 'genegeerd' } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.headers.get('location'), created.body.url);
    assert.deepEqual(created.body, { url: `${zaak}/zaakeigenschappen/${created.body.uuid}`, uuid: created.body.uuid, zaak, eigenschap: zt.eigenschap, naam: 'kleur', waarde: 'rood' });
    const read = await server.call('GET', created.body.url);
    assert.deepEqual([read.status, read.body], [200, created.body]);
    assert.ok(read.headers.get('etag'));
    assert.deepEqual((await server.call('GET', `${zaak}/zaakeigenschappen`)).body, [created.body]);
    // Not under another zaak.
    const anders = await insertZaak(server, { zaaktype: zt.url });
    assert.equal((await server.call('GET', `${anders}/zaakeigenschappen/${created.body.uuid}`)).status, 404);
    assert.equal((await server.call('GET', `${anders.replace(/[0-9a-f-]{36}$/, randomUUID())}/zaakeigenschappen`)).status, 404);

    // No check of waarde against the specificatie (as the reference by default, and zrc-021c expects).
    const vrij = await server.call('POST', `${zaak}/zaakeigenschappen`, { body: { zaak, eigenschap: zt.eigenschap, waarde: '2023-01-01' } });
    assert.equal(vrij.status, 201);
    const [event] = await listOutbox(server.og.database.db, server.baseUrl, { resourceUrl: created.body.url });
    assert.deepEqual([event!.resource, event!.actie, event!.hoofdObject], ['zaakeigenschap', 'create', zaak]);
  });

  it('takes an eigenschap of the zaak\'s zaaktype only (zrc-018a), and the zaak of its path', async () => {
    const zaak = await insertZaak(server, { zaaktype: zt.url });
    const foreign = await server.call('POST', `${zaak}/zaakeigenschappen`, { body: { zaak, eigenschap: other.eigenschap, waarde: 'ja' } });
    assert.deepEqual([foreign.status, codes(foreign.body)], [400, [['nonFieldErrors', 'zaaktype-mismatch']]]);
    const notOne = await server.call('POST', `${zaak}/zaakeigenschappen`, { body: { zaak, eigenschap: zt.roltypen.behandelaar, waarde: 'ja' } });
    assert.deepEqual(codes(notOne.body), [['eigenschap', 'invalid-resource']]);
    const anders = await insertZaak(server, { zaaktype: zt.url });
    const elsewhere = await server.call('POST', `${zaak}/zaakeigenschappen`, { body: { zaak: anders, eigenschap: zt.eigenschap, waarde: 'ja' } });
    assert.deepEqual(codes(elsewhere.body), [['zaak', 'invalid']]);
    const missing = await server.call('POST', `${zaak}/zaakeigenschappen`, { body: { zaak, eigenschap: zt.eigenschap } });
    assert.deepEqual(codes(missing.body), [['waarde', 'required']]);
    assert.deepEqual((await server.call('GET', `${zaak}/zaakeigenschappen`)).body, []);
  });

  it('changes only the waarde (PUT, PATCH), and deletes', async () => {
    const zaak = await insertZaak(server, { zaaktype: zt.url });
    const anders = await insertZaak(server, { zaaktype: zt.url });
    const created = (await server.call('POST', `${zaak}/zaakeigenschappen`, { body: { zaak, eigenschap: zt.eigenschap, waarde: 'rood' } })).body;
    const put = await server.call('PUT', created.url, { body: { zaak, eigenschap: zt.eigenschap, waarde: 'groen' } });
    assert.deepEqual([put.status, put.body.waarde], [200, 'groen']);
    const patch = await server.call('PATCH', created.url, { body: { waarde: 'blauw' } });
    assert.deepEqual([patch.status, patch.body.waarde, patch.body.naam], [200, 'blauw', 'kleur']);
    const change = await server.call('PUT', created.url, { body: { zaak: anders, eigenschap: other.eigenschap, waarde: 'x' } });
    assert.deepEqual(codes(change.body), [['zaak', 'wijzigen-niet-toegelaten'], ['eigenschap', 'wijzigen-niet-toegelaten']]);
    assert.equal((await server.call('GET', created.url)).body.waarde, 'blauw');

    assert.equal((await server.call('DELETE', created.url)).status, 204);
    assert.equal((await server.call('GET', created.url)).status, 404);
    const trail = (await auditTrail(server.og.database.db, zaak)).filter((a) => a.resourceUrl === created.url);
    assert.deepEqual(trail.map((a) => a.actie), ['create', 'update', 'partial_update', 'destroy']);
    assert.deepEqual((await listOutbox(server.og.database.db, server.baseUrl, { resourceUrl: created.url })).map((e) => e.actie), ['create', 'update', 'partial_update', 'destroy']);
  });

  it('changes a closed zaak only with zaken.geforceerd-bijwerken (zrc-007k/p), and shows only readable zaken\'s', async () => {
    const gesloten = await insertZaak(server, { zaaktype: zt.url, einddatum: '2024-02-01' });
    const body = { zaak: gesloten, eigenschap: zt.eigenschap, waarde: 'test' };
    const refused = await server.call('POST', `${gesloten}/zaakeigenschappen`, { client: BEPERKT, body });
    assert.deepEqual([refused.status, refused.body.code], [403, 'permission_denied']);
    const forced = await server.call('POST', `${gesloten}/zaakeigenschappen`, { client: GEFORCEERD, body });
    assert.equal(forced.status, 201);
    assert.equal((await server.call('PATCH', forced.body.url, { client: BEPERKT, body: { waarde: 'x' } })).status, 403);
    assert.equal((await server.call('DELETE', forced.body.url, { client: BEPERKT })).status, 403);
    assert.equal((await server.call('DELETE', forced.body.url, { client: GEFORCEERD })).status, 204);

    const geheim = await insertZaak(server, { zaaktype: zt.url, vertrouwelijkheidaanduiding: 'geheim' });
    const hidden = (await server.call('POST', `${geheim}/zaakeigenschappen`, { body: { zaak: geheim, eigenschap: zt.eigenschap, waarde: 'x' } })).body.url;
    assert.equal((await server.call('GET', hidden, { client: BEPERKT })).status, 403);
    assert.equal((await server.call('GET', `${geheim}/zaakeigenschappen`, { client: BEPERKT })).status, 403);
    const archived = await insertZaak(server, { zaaktype: zt.url, archiefstatus: 'gearchiveerd' });
    assert.deepEqual(codes((await server.call('POST', `${archived}/zaakeigenschappen`, { body: { zaak: archived, eigenschap: zt.eigenschap, waarde: 'x' } })).body), [['nonFieldErrors', 'zaak-archiefstatus-invalid']]);
  });
});
