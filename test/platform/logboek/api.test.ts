import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, LIMITED, type TestServer } from '../../helpers/server.ts';
import { savePersoonslijst } from '../../../src/components/brp/store.ts';
import { DEMO_VERWERKINGSACTIVITEITEN, type Verwerkingsactiviteit } from '../../../src/platform/logboek/logboek.ts';
import type { Persoonslijst } from '../../../src/components/brp/gba/persoonslijst.ts';

const INZIEN = { clientId: 'privacy-office', secret: 'privacy-office-secret-0123456789' };
const ZGW_ONLY = { clientId: 'zaken-app', secret: 'zaken-app-secret-0123456789' };
const SOCIAAL: Verwerkingsactiviteit = { id: 'https://gemeente.example/va/schuldhulp', naam: 'Schuldhulpverlening', doel: 'Inwoners met schulden helpen', grondslag: 'Wgs art. 2' };
const BURGERZAKEN = DEMO_VERWERKINGSACTIVITEITEN[0]!;
/** The privacy office reads the log for inzageverzoeken: its default activity, so it sends no header. */
const INZAGE: Verwerkingsactiviteit = { ...DEMO_VERWERKINGSACTIVITEITEN[1]!, applicaties: [INZIEN.clientId] };
const SEARCH = '/logboek/api/v1/verwerkingen/_zoek';

function persoonslijst(bsn: string, geslachtsnaam: string): Persoonslijst {
  return { categorieen: { '01': [[{ '01.20': bsn, '02.10': 'Jan', '02.40': geslachtsnaam, '03.10': '19800101', '04.10': 'M' }]], '08': [[{ '09.10': '0599', '11.10': 'Hoofdstraat', '11.20': '1', '11.60': '3011AA' }]] } };
}

describe('Logboek inzage API', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({
      components: ['brp'],
      verwerkingsactiviteiten: [BURGERZAKEN, SOCIAAL, INZAGE],
      extraClients: [
        { ...INZIEN, autorisaties: [{ component: 'ac', scopes: ['logboek.inzien'] }] },
        { ...ZGW_ONLY, autorisaties: [{ component: 'ac', scopes: ['autorisaties.lezen'] }] },
      ],
    });
    await savePersoonslijst(server.og.database.db, persoonslijst('999990019', 'Jansen'));
    await savePersoonslijst(server.og.database.db, persoonslijst('999990020', 'Pietersen'));
  });
  after(() => server.close());

  const brp = (bsns: string[], activity: Verwerkingsactiviteit) =>
    server.call('POST', '/haalcentraal/api/brp/personen', { body: { type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: bsns, fields: ['naam'] }, headers: { Verwerkingsactiviteit: activity.id } });

  it('finds the records of a data subject, an activity and a trace, with the register\'s name and purpose', async () => {
    const first = await brp(['999990019'], BURGERZAKEN);
    const second = await brp(['999990019', '999990020'], SOCIAAL);
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(second.body.personen.length, 2);

    const bySubject = await server.call('POST', SEARCH, { client: INZIEN, body: { burgerservicenummer: '999990019' } });
    assert.equal(bySubject.status, 200, JSON.stringify(bySubject.body));
    assert.equal(bySubject.body.count, 2);
    assert.deepEqual(bySubject.body.results.map((r: any) => r.verwerkingsactiviteit.naam), ['Schuldhulpverlening', 'Raadplegen persoonsgegevens voor burgerzaken']);
    assert.equal(bySubject.body.results[0].verwerkingsactiviteit.doel, SOCIAAL.doel);
    assert.equal(bySubject.body.results[0].operationName, 'RaadpleegMetBurgerservicenummer');
    assert.equal(bySubject.body.results[0].applicatie, 'test-admin');
    assert.ok(!JSON.stringify(bySubject.body).includes('999990019'), 'the answer does not repeat the BSN');

    const other = await server.call('POST', SEARCH, { client: INZIEN, body: { burgerservicenummer: '999990020' } });
    assert.equal(other.body.count, 1);

    const byActivity = await server.call('POST', SEARCH, { client: INZIEN, body: { verwerkingsactiviteit: SOCIAAL.id } });
    assert.equal(byActivity.body.count, 2);
    assert.ok(byActivity.body.results.every((r: any) => r.verwerkingsactiviteit.id === SOCIAAL.id));

    const traceId = second.headers.get('traceparent')!.split('-')[1]!;
    const byTrace = await server.call('POST', SEARCH, { client: INZIEN, body: { traceId } });
    assert.equal(byTrace.body.count, 2);
    const both = await server.call('POST', SEARCH, { client: INZIEN, body: { traceId, burgerservicenummer: '999990020' } });
    assert.equal(both.body.count, 1);
    const none = await server.call('POST', SEARCH, { client: INZIEN, body: { burgerservicenummer: '999990031' } });
    assert.deepEqual(none.body, { count: 0, results: [] });
  });

  it('logs its own reads: one record per data subject shown, under the reader\'s activity', async () => {
    const before = await server.og.logboek.find(server.og.database.db, { activityId: INZAGE.id });
    const read = await server.call('POST', SEARCH, { client: INZIEN, body: { verwerkingsactiviteit: BURGERZAKEN.id } });
    assert.equal(read.status, 200);
    const traceId = read.headers.get('traceparent')!.split('-')[1]!;
    const logged = await server.og.logboek.find(server.og.database.db, { traceId });
    // The burgerzaken records found name one person (999990019): one record for that person.
    assert.equal(logged.length, 1);
    assert.deepEqual([logged[0]!.operationName, logged[0]!.applicatie, (logged[0]!.verwerkingsactiviteit as { id: string }).id], ['verwerking__zoek', INZIEN.clientId, INZAGE.id]);
    const forSubject = await server.og.logboek.find(server.og.database.db, { subject: { type: 'BSN', id: '999990019' }, traceId });
    assert.equal(forSubject.length, 1);
    assert.equal((await server.og.logboek.find(server.og.database.db, { activityId: INZAGE.id })).length, before.length + 1);
  });

  it('needs a processing activity from a reader without a default one', async () => {
    const admin = await server.call('POST', SEARCH, { body: { burgerservicenummer: '999990019' } });
    assert.equal(admin.status, 400);
    assert.equal(admin.body.code, 'verwerkingsactiviteitRequired');
    const unknown = await server.call('POST', SEARCH, { body: { burgerservicenummer: '999990019' }, headers: { Verwerkingsactiviteit: 'https://elders.example/va/x' } });
    assert.equal(unknown.status, 403);
    assert.equal(unknown.body.code, 'verwerkingsactiviteitOnbekend');
    const named = await server.call('POST', SEARCH, { body: { burgerservicenummer: '999990019' }, headers: { Verwerkingsactiviteit: INZAGE.id } });
    assert.equal(named.status, 200);
  });

  it('documents itself', async () => {
    const doc = (await (await fetch(`${server.baseUrl}/logboek/api/v1/openapi.json`)).json()) as any;
    assert.ok(doc.paths['/verwerkingen/_zoek'].post);
  });

  it('needs the scope logboek.inzien', async () => {
    assert.equal((await server.call('POST', SEARCH, { client: LIMITED, body: { burgerservicenummer: '999990019' } })).status, 403);
    assert.equal((await server.call('POST', SEARCH, { client: ZGW_ONLY, body: { burgerservicenummer: '999990019' } })).status, 403);
    const anonymous = await fetch(`${server.baseUrl}${SEARCH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"burgerservicenummer":"999990019"}' });
    assert.equal(anonymous.status, 401);
  });

  it('refuses a search without criteria or with a malformed one', async () => {
    const empty = await server.call('POST', SEARCH, { client: INZIEN, body: {} });
    assert.equal(empty.status, 400);
    assert.equal(empty.body.invalidParams[0].name, 'nonFieldErrors');
    const bad = await server.call('POST', SEARCH, { client: INZIEN, body: { burgerservicenummer: '12', traceId: 'x' } });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.invalidParams.map((p: any) => p.name).sort(), ['burgerservicenummer', 'traceId']);
  });
});
