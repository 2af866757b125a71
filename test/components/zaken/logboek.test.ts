/**
 * Zaak reads that show a person's burgerservicenummer (a rol of a natuurlijk persoon) are
 * logged in the Logboek dataverwerkingen: one record per person, under the activity the client
 * names (or its default), in the caller's trace; without a known activity they are refused.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ADMIN, startTestServer, type TestServer } from '../../helpers/server.ts';
import { DEMO_VERWERKINGSACTIVITEITEN, type Verwerkingsactiviteit } from '../../../src/platform/logboek/logboek.ts';
import { client, grant, insertZaak, publishedZaaktype } from './sub-resource-fixtures.ts';
import { ZAKEN } from './fixtures.ts';

const BURGERZAKEN = DEMO_VERWERKINGSACTIVITEITEN[0]!;
const ZAAKSYSTEEM = client('zaaksysteem');
/** The zaaksysteem does not know the header: its reads are logged under this activity. */
const ZAAKAFHANDELING: Verwerkingsactiviteit = { id: 'https://gemeente.example/va/zaakafhandeling', naam: 'Zaken afhandelen', doel: 'Aanvragen behandelen', grondslag: 'Awb', applicaties: [ZAAKSYSTEEM.clientId] };
const [A, B] = ['111222333', '123456782'];
const CALLER_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';
const TRACEPARENT = `00-${CALLER_TRACE}-${CALLER_SPAN}-01`;

let server: TestServer;
let zaak: string;
const rollen: Record<'a' | 'b' | 'medewerker', string> = { a: '', b: '', medewerker: '' };

before(async () => {
  server = await startTestServer({ components: ['autorisaties', 'catalogi', 'zaken'], extraClients: [ZAAKSYSTEEM], verwerkingsactiviteiten: [BURGERZAKEN, ZAAKAFHANDELING] });
  const zt = await publishedZaaktype(server, 'LOG-A');
  await grant(server, ZAAKSYSTEEM.clientId, [{ scopes: ['zaken.lezen'], zaaktype: zt.url, maxVertrouwelijkheidaanduiding: 'geheim' }]);
  zaak = await insertZaak(server, { zaaktype: zt.url });
  const post = async (betrokkeneType: string, betrokkeneIdentificatie: Record<string, string>, roltype = zt.roltypen.behandelaar) => {
    const r = await server.call('POST', `${ZAKEN}/rollen`, { body: { zaak, betrokkeneType, roltype, roltoelichting: 'x', betrokkeneIdentificatie } });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body.url as string;
  };
  rollen.a = await post('natuurlijk_persoon', { inpBsn: A, geslachtsnaam: 'Jansen' }, zt.roltypen.initiator);
  rollen.b = await post('natuurlijk_persoon', { inpBsn: B, geslachtsnaam: 'Bakker' });
  rollen.medewerker = await post('medewerker', { identificatie: 'mw-1', achternaam: 'Smit' });
});
after(() => server.close());

const read = (path: string, headers: Record<string, string> = {}, who = ADMIN) => server.call('GET', path, { client: who, headers: { 'Accept-Crs': 'EPSG:4326', ...headers } });
const logged = (traceId: string) => server.og.logboek.find(server.og.database.db, { traceId });
const spanOf = (response: { headers: Headers }) => response.headers.get('traceparent')!.split('-')[2]!;
const withActivity = { Verwerkingsactiviteit: BURGERZAKEN.id, traceparent: TRACEPARENT };

describe('Logboek of zaak reads with a BSN', () => {
  it('refuses a read of rollen without a known processing activity', async () => {
    for (const path of [`${ZAKEN}/rollen?zaak=${zaak}`, rollen.a, `${zaak}?expand=rollen`, `${ZAKEN}/zaken?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=${A}`]) {
      const missing = await read(path);
      assert.equal(missing.status, 400, `${path}: ${JSON.stringify(missing.body)}`);
      assert.equal(missing.body.code, 'verwerkingsactiviteitRequired');
      assert.match(missing.headers.get('content-type')!, /^application\/problem\+json/);
      const unknown = await read(path, { Verwerkingsactiviteit: 'https://elders.example/va/onbekend' });
      assert.equal(unknown.status, 403, path);
      assert.equal(unknown.body.code, 'verwerkingsactiviteitOnbekend');
    }
    // A zaak without its rollen shows no BSN: no activity needed.
    assert.equal((await read(zaak)).status, 200);
  });

  it('logs a list of rollen once per person, in the caller\'s trace, and nothing for a rol without BSN', async () => {
    const list = await read(`${ZAKEN}/rollen?zaak=${zaak}`, withActivity);
    assert.equal(list.status, 200, JSON.stringify(list.body));
    assert.equal(list.body.count, 3);
    const records = await logged(CALLER_TRACE);
    assert.equal(records.length, 2);
    for (const r of records) {
      assert.equal(r.operationName, 'rol_list');
      assert.equal(r.parentSpanId, CALLER_SPAN);
      assert.equal(r.spanId, spanOf(list));
      assert.equal(r.component, 'zaken');
      assert.equal((r.verwerkingsactiviteit as { id: string }).id, BURGERZAKEN.id);
    }
    for (const bsn of [A, B]) assert.equal((await server.og.logboek.find(server.og.database.db, { subject: { type: 'BSN', id: bsn }, traceId: CALLER_TRACE })).length, 1, bsn);

    const medewerker = await read(rollen.medewerker, { Verwerkingsactiviteit: BURGERZAKEN.id });
    assert.equal(medewerker.status, 200);
    assert.deepEqual(await logged(medewerker.headers.get('traceparent')!.split('-')[1]!), []);
    const one = await read(rollen.b, { Verwerkingsactiviteit: BURGERZAKEN.id });
    const oneRecords = await logged(one.headers.get('traceparent')!.split('-')[1]!);
    assert.deepEqual(oneRecords.map((r) => r.operationName), ['rol_retrieve']);
  });

  it('logs the rollen a zaak expands, read for the client in the same trace', async () => {
    const trace = 'a'.repeat(31) + '1';
    const expanded = await read(`${zaak}?expand=rollen`, { Verwerkingsactiviteit: BURGERZAKEN.id, traceparent: `00-${trace}-${CALLER_SPAN}-01` });
    assert.equal(expanded.status, 200, JSON.stringify(expanded.body));
    assert.equal(expanded.body._expand.rollen.length, 3);
    const records = await logged(trace);
    assert.equal(records.length, 2);
    // Each rol was read in-process as a child of the zaak read's span.
    assert.ok(records.every((r) => r.operationName === 'rol_retrieve' && r.parentSpanId === spanOf(expanded) && r.applicatie === ADMIN.clientId));
  });

  it('logs a search of zaken by BSN for that person', async () => {
    const trace = 'b'.repeat(31) + '1';
    const found = await read(`${ZAKEN}/zaken?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=${A}`, { Verwerkingsactiviteit: BURGERZAKEN.id, traceparent: `00-${trace}-${CALLER_SPAN}-01` });
    assert.equal(found.status, 200);
    assert.equal(found.body.count, 1);
    const records = await logged(trace);
    assert.deepEqual(records.map((r) => r.operationName), ['zaak_list']);
    assert.equal((await server.og.logboek.find(server.og.database.db, { subject: { type: 'BSN', id: A }, traceId: trace })).length, 1);
  });

  it('logs a ZGW client that names no activity under its default from the register', async () => {
    const list = await read(`${ZAKEN}/rollen?zaak=${zaak}`, {}, ZAAKSYSTEEM);
    assert.equal(list.status, 200, JSON.stringify(list.body));
    const records = await logged(list.headers.get('traceparent')!.split('-')[1]!);
    assert.equal(records.length, 2);
    assert.ok(records.every((r) => (r.verwerkingsactiviteit as { id: string }).id === ZAAKAFHANDELING.id && r.applicatie === ZAAKSYSTEEM.clientId));
  });

  it('passes the trace on to the remote URLs it reads', async () => {
    const seen: (string | undefined)[] = [];
    const remote = http.createServer((req, res) => {
      seen.push(req.headers['traceparent'] as string | undefined);
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => remote.listen(0, '127.0.0.1', resolve));
    try {
      const zaaktype = (await read(zaak)).body.zaaktype;
      const trace = 'c'.repeat(31) + '1';
      const created = await server.call('POST', `${ZAKEN}/zaken`, {
        headers: { 'Accept-Crs': 'EPSG:4326', 'Content-Crs': 'EPSG:4326', traceparent: `00-${trace}-${CALLER_SPAN}-01` },
        body: { zaaktype, bronorganisatie: '000000000', verantwoordelijkeOrganisatie: '000000000', startdatum: '2024-01-01', communicatiekanaal: `http://127.0.0.1:${(remote.address() as AddressInfo).port}/kanaal/1` },
      });
      assert.equal(created.status, 400, 'the remote answered 404: bad-url');
      assert.equal(seen.length, 1);
      assert.equal(seen[0], `00-${trace}-${spanOf(created)}-01`);
    } finally {
      remote.close();
    }
  });
});
