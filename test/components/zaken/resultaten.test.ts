import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { auditTrail } from '../../../src/platform/audit/audit.ts';
import { listOutbox } from '../../../src/platform/events/outbox.ts';
import { clientWith, createZaaktypen, insertZaak, type TestZaak, type TestZaaktype } from './life-cycle-fixtures.ts';

let server: TestServer;
let api: string;
let zaaktype: TestZaaktype;
let ander: TestZaaktype;

before(async () => {
  server = await startTestServer({ components: ['catalogi', 'zaken', 'referentielijsten'] });
  api = `${server.baseUrl}/zaken/api/v1`;
  ({ zaaktype, ander } = await createZaaktypen(server));
});
after(() => server.close());

const ROOT = '/zaken/api/v1/resultaten';
const codes = (response: { body: { invalidParams?: { name: string; code: string }[] } }) => (response.body.invalidParams ?? []).map((p) => [p.name, p.code]);
const newZaak = (extra: Parameters<typeof insertZaak>[3] = {}) => insertZaak(server.og.database, api, zaaktype.stored, extra);
const zaakRow = (zaak: TestZaak) =>
  server.og.database.db.selectFrom('zaken.zaak').select(['einddatum', 'archiefnominatie', 'archiefactiedatum']).where('id', '=', zaak.id).executeTakeFirstOrThrow();
const create = (zaak: TestZaak, resultaattype = zaaktype.resultaattype, client?: { clientId: string; secret: string }) =>
  server.call('POST', ROOT, { body: { zaak: zaak.url, resultaattype, toelichting: 'eerste' }, client });
/** A zaak closed with its eindstatus, through the API. */
async function closedZaak(): Promise<{ zaak: TestZaak; resultaat: string }> {
  const zaak = await newZaak();
  const resultaat = (await create(zaak)).body.url;
  const eind = await server.call('POST', '/zaken/api/v1/statussen', { body: { zaak: zaak.url, statustype: zaaktype.eind, datumStatusGezet: '2018-04-20T13:37:00Z' } });
  assert.equal(eind.status, 201, JSON.stringify(eind.body));
  return { zaak, resultaat };
}

describe('resultaten', () => {
  it('creates, reads, lists (filters zaak and resultaattype), updates and deletes the resultaat of a zaak', async () => {
    const zaak = await newZaak();
    const created = await create(zaak);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.headers.get('location'), created.body.url);
    assert.deepEqual({ ...created.body, url: undefined, uuid: undefined }, { url: undefined, uuid: undefined, zaak: zaak.url, resultaattype: zaaktype.resultaattype, toelichting: 'eerste' });
    const read = await server.call('GET', created.body.url);
    assert.deepEqual([read.status, read.body], [200, created.body]);
    assert.ok(read.headers.get('etag'));

    const other = await newZaak();
    const second = (await create(other)).body;
    const list = (query: string) => server.call('GET', `${ROOT}?${query}`);
    assert.deepEqual((await list(`zaak=${encodeURIComponent(zaak.url)}`)).body.results, [created.body]);
    assert.deepEqual((await list(`resultaattype=${encodeURIComponent(zaaktype.resultaattype)}`)).body.results.map((r: { url: string }) => r.url).slice(0, 2), [second.url, created.body.url]);
    assert.equal((await list(`resultaattype=${encodeURIComponent(ander.resultaattype)}`)).body.count, 0);

    const put = await server.call('PUT', created.body.url, { body: { zaak: zaak.url, resultaattype: zaaktype.resultaattype, toelichting: 'anders' } });
    assert.deepEqual([put.status, put.body.toelichting], [200, 'anders']);
    const patch = await server.call('PATCH', created.body.url, { body: { toelichting: 'nog anders' } });
    assert.deepEqual([patch.status, patch.body.toelichting, patch.body.resultaattype], [200, 'nog anders', zaaktype.resultaattype]);
    assert.equal((await server.call('DELETE', created.body.url)).status, 204);
    assert.equal((await server.call('GET', created.body.url)).status, 404);
    assert.equal((await server.call('DELETE', created.body.url)).status, 404);
  });

  it('zrc-020a: a resultaattype of another zaaktype is refused; the resultaattype must be one and cannot change', async () => {
    const zaak = await newZaak();
    const mismatch = await create(zaak, ander.resultaattype);
    assert.deepEqual([mismatch.status, codes(mismatch)], [400, [['nonFieldErrors', 'zaaktype-mismatch']]]);
    assert.deepEqual(codes(await create(zaak, zaaktype.begin)), [['resultaattype', 'invalid-resource']]);
    assert.deepEqual(codes(await create(zaak, `${server.baseUrl}/catalogi/api/v1/resultaattypen/${randomUUID()}`)), [['resultaattype', 'bad-url']]);
    const created = (await create(zaak)).body;
    const changed = await server.call('PATCH', created.url, { body: { resultaattype: ander.resultaattype } });
    assert.deepEqual(codes(changed), [['resultaattype', 'wijzigen-niet-toegelaten']]);
  });

  it('one resultaat per zaak', async () => {
    const zaak = await newZaak();
    const first = (await create(zaak)).body;
    const second = await create(zaak);
    assert.deepEqual([second.status, codes(second)], [400, [['zaak', 'unique']]]);
    // Moving a resultaat onto a zaak that has one is the same conflict.
    const other = await newZaak();
    const moved = (await create(other)).body;
    assert.deepEqual(codes(await server.call('PATCH', moved.url, { body: { zaak: zaak.url } })), [['zaak', 'unique']]);
    // Two at once: one wins, the other gets the same 400.
    const racing = await newZaak();
    const answers = await Promise.all([create(racing), create(racing), create(racing)]);
    assert.deepEqual(answers.map((a) => a.status).sort(), [201, 400, 400]);
    assert.ok(first.url);
  });

  it('zrc-007e: on a closed zaak without zaken.geforceerd-bijwerken a second resultaat is 400 unique, any change 403', async () => {
    const { zaak, resultaat } = await closedZaak();
    const beperkt = await clientWith(server, 'beperkt', ['zaken.lezen', 'zaken.aanmaken', 'zaken.bijwerken'], zaaktype.url);
    assert.deepEqual(codes(await create(zaak, zaaktype.resultaattype, beperkt)), [['zaak', 'unique']]);
    const body = { zaak: zaak.url, resultaattype: zaaktype.resultaattype };
    for (const [method, answer] of [
      ['PUT', await server.call('PUT', resultaat, { body, client: beperkt })],
      ['PATCH', await server.call('PATCH', resultaat, { body, client: beperkt })],
      ['DELETE', await server.call('DELETE', resultaat, { client: beperkt })],
    ] as const) {
      assert.deepEqual([answer.status, answer.body.code], [403, 'permission_denied'], method);
    }
    assert.equal((await server.call('GET', resultaat)).status, 200);
    // An open zaak it may change.
    const open = await newZaak();
    assert.equal((await create(open, zaaktype.resultaattype, beperkt)).status, 201);
  });

  it('zrc-007k: with zaken.geforceerd-bijwerken the resultaat of a closed zaak changes; an empty archiefactiedatum is derived again', async () => {
    const { zaak, resultaat } = await closedZaak();
    const geforceerd = await clientWith(server, 'geforceerd', ['zaken.lezen', 'zaken.geforceerd-bijwerken'], zaaktype.url);
    assert.deepEqual(await zaakRow(zaak), { einddatum: '2018-04-20', archiefnominatie: 'vernietigen', archiefactiedatum: '2028-04-20' });
    assert.equal((await server.call('DELETE', resultaat, { client: geforceerd })).status, 204);
    await server.og.database.db.updateTable('zaken.zaak').set({ archiefactiedatum: null, archiefnominatie: null }).where('id', '=', zaak.id).execute();
    const again = await create(zaak, zaaktype.resultaattype, geforceerd);
    assert.equal(again.status, 201, JSON.stringify(again.body));
    assert.deepEqual(await zaakRow(zaak), { einddatum: '2018-04-20', archiefnominatie: 'vernietigen', archiefactiedatum: '2028-04-20' });
    const put = await server.call('PUT', again.body.url, { body: { zaak: zaak.url, resultaattype: zaaktype.resultaattype, toelichting: 'some stuff' }, client: geforceerd });
    assert.deepEqual([put.status, put.body.toelichting], [200, 'some stuff']);
    const patch = await server.call('PATCH', again.body.url, { body: { toelichting: 'some more stuff' }, client: geforceerd });
    assert.deepEqual([patch.status, patch.body.toelichting], [200, 'some more stuff']);
  });

  it('needs zaken.bijwerken (or geforceerd-bijwerken) for the zaak: 403 outside the client rights', async () => {
    const zaak = await newZaak();
    const lezen = await clientWith(server, 'lezen', ['zaken.lezen'], zaaktype.url);
    const elders = await clientWith(server, 'elders', ['zaken.lezen', 'zaken.bijwerken'], ander.url);
    assert.equal((await create(zaak, zaaktype.resultaattype, lezen)).status, 403);
    assert.equal((await create(zaak, zaaktype.resultaattype, elders)).status, 403);
    const created = (await create(zaak)).body;
    assert.equal((await server.call('GET', created.url, { client: elders })).status, 403);
    assert.equal((await server.call('GET', `${ROOT}?zaak=${encodeURIComponent(zaak.url)}`, { client: elders })).body.count, 0);
    assert.equal((await server.call('DELETE', created.url, { client: lezen })).status, 403);
  });

  it('audits every change under its zaak and notifies kanaal zaken (create, update, destroy)', async () => {
    const zaak = await newZaak();
    const created = (await create(zaak)).body;
    await server.call('PATCH', created.url, { body: { toelichting: 'anders' } });
    await server.call('DELETE', created.url);
    const trail = await auditTrail(server.og.database.db, zaak.url);
    assert.deepEqual(trail.map((a) => [a.resource, a.actie, a.resultaat]), [['resultaat', 'create', 201], ['resultaat', 'partial_update', 200], ['resultaat', 'destroy', 204]]);
    assert.deepEqual(trail[1]!.wijzigingen, { oud: created, nieuw: { ...created, toelichting: 'anders' } });
    const events = await listOutbox(server.og.database.db, server.baseUrl, { resourceUrl: created.url });
    assert.deepEqual(events.map((e) => [e.kanaal, e.resource, e.actie, e.hoofdObject]), [['zaken', 'resultaat', 'create', zaak.url], ['zaken', 'resultaat', 'partial_update', zaak.url], ['zaken', 'resultaat', 'destroy', zaak.url]]);
  });
});
