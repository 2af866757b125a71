import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, LIMITED, type TestServer } from '../../helpers/server.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importTestset, importGezagsrelaties, bsnFor, isValidBsn } from '../../../src/components/brp/import.ts';
import { savePersoonslijst } from '../../../src/components/brp/store.ts';
import { addVoorkomen, emptyPersoonslijst } from '../../../src/components/brp/gba/persoonslijst.ts';
import { DEMO_VERWERKINGSACTIVITEITEN } from '../../../src/platform/logboek/logboek.ts';
import { testFscManager } from '../../helpers/fsc-manager.ts';

const TESTSET = new URL('../../../../shared/standards/brp/testset-gba-v-20220502.csv', import.meta.url).pathname;
const ACTIVITY = DEMO_VERWERKINGSACTIVITEITEN[0]!.id;
const PATH = '/haalcentraal/api/brp/personen';

describe('BRP Personen API, source mode', () => {
  let server: TestServer;
  // The injectable clock: leeftijd is counted on this day, whatever the request says.
  let today = new Date(2020, 8, 24, 12);
  before(async () => {
    server = await startTestServer({
      components: ['brp'],
      brp: { now: () => today },
      brpAutorisaties: [{ clientId: LIMITED.clientId, queryTypes: ['RaadpleegMetBurgerservicenummer'], fields: ['naam', 'burgerservicenummer'] }],
    });
    const n = await importTestset(server.og.database, TESTSET);
    assert.ok(n > 600, `imported ${n}`);
  });
  after(() => server.close());

  const ask = (body: unknown, options: { client?: typeof LIMITED; headers?: Record<string, string> } = {}) =>
    server.call('POST', PATH, { body, client: options.client, headers: { Verwerkingsactiviteit: ACTIVITY, ...options.headers } });

  it('RaadpleegMetBurgerservicenummer gives the asked fields of the imported person, plus the automatic ones', async () => {
    const r = await ask({ type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: ['999990639'], fields: ['naam.geslachtsnaam', 'geboorte.datum.jaar', 'verblijfplaats.verblijfadres.postcode'] });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(r.body.personen, [
      {
        naam: { geslachtsnaam: 'Burck' },
        geboorte: { datum: { type: 'Datum', datum: '1922-09-25', langFormaat: '25 september 1922' } },
        // A polymorphic object keeps its `type` (the features: verblijfplaats/adres/verblijfadres/fields.feature).
        verblijfplaats: { type: 'Adres', verblijfadres: { postcode: '2584BZ' } },
      },
    ]);
    assert.match(r.headers.get('traceparent')!, /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });

  it('ZoekMetGeslachtsnaamEnGeboortedatum with a wildcard, case-insensitive', async () => {
    const r = await ask({ type: 'ZoekMetGeslachtsnaamEnGeboortedatum', geslachtsnaam: 'bur*', geboortedatum: '1922-09-25', fields: ['burgerservicenummer'] });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.personen, [{ burgerservicenummer: '999990639' }]);
  });

  it('ZoekMetPostcodeEnHuisnummer', async () => {
    const r = await ask({ type: 'ZoekMetPostcodeEnHuisnummer', postcode: '2584 bz', huisnummer: 132, fields: ['burgerservicenummer'] });
    assert.equal(r.status, 200);
    assert.ok(r.body.personen.some((p: any) => p.burgerservicenummer === '999990639'));
  });

  it('refuses unknown and automatic fields with the documented problem', async () => {
    const r = await ask({ type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: ['999990639'], fields: ['bestaatNiet', 'rni'] });
    assert.equal(r.status, 400);
    assert.equal(r.body.code, 'paramsValidation');
    assert.equal(r.body.instance, PATH);
    assert.deepEqual(r.body.invalidParams, [
      { code: 'fields', name: 'fields[0]', reason: 'Parameter bevat een niet bestaande veldnaam.' },
      { code: 'fields', name: 'fields[1]', reason: 'Parameter bevat een niet toegestane veldnaam.' },
    ]);
  });

  it('refuses a call without a known Verwerkingsactiviteit', async () => {
    const body = { type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: ['999990639'], fields: ['naam'] };
    const missing = await server.call('POST', PATH, { body });
    assert.equal(missing.status, 400);
    const unknown = await ask(body, { headers: { Verwerkingsactiviteit: 'https://example.org/onbekend' } });
    assert.equal(unknown.status, 403);
  });

  it('a field outside the application\'s authorisation is refused and logged as refused', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const r = await ask(
      { type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: ['999990639'], fields: ['naam', 'geboorte'] },
      { client: LIMITED, headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` } },
    );
    assert.equal(r.status, 403);
    assert.equal(r.body.code, 'unauthorizedField');
    assert.match(r.body.detail, /geboorte/);
    const records = await server.og.logboek.find(server.og.database.db, { traceId });
    assert.equal(records.length, 1);
    assert.equal(records[0]!.status, 'ERROR');
    assert.equal(records[0]!.parentSpanId, '00f067aa0ba902b7');
    assert.equal(records[0]!.applicatie, LIMITED.clientId);
    const allowed = await ask({ type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: ['999990639'], fields: ['naam.voornamen'] }, { client: LIMITED });
    assert.equal(allowed.status, 200);
    const other = await ask({ type: 'ZoekMetPostcodeEnHuisnummer', postcode: '2584BZ', huisnummer: 132, fields: ['naam'] }, { client: LIMITED });
    assert.equal(other.status, 403);
  });

  it('logs one record per person found, with the subject hashed, findable by BSN', async () => {
    // Through our Inway: the access token our Manager issued names the calling organisation.
    const manager = testFscManager();
    server.og.fscCallers.trust(manager.trusted);
    const viaInway = { 'Fsc-Authorization': await manager.token('00000001234567890000'), 'Fsc-Peer': '00000001234567890000', 'Fsc-Transaction-Id': 'tx-1' };
    const r = await ask({ type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: ['999990639', '999993653'], fields: ['burgerservicenummer'] }, { headers: viaInway });
    assert.equal(r.status, 200);
    const traceId = r.headers.get('traceparent')!.split('-')[1]!;
    const records = await server.og.logboek.find(server.og.database.db, { traceId });
    assert.equal(records.length, 2);
    assert.equal(records[0]!.foreignProcessor, '00000001234567890000');
    assert.equal(records[0]!.fscTransactionId, 'tx-1');
    const rows = await server.og.database.db.selectFrom('platform.verwerking').select('data_subject_hash').where('trace_id', '=', traceId).execute();
    assert.ok(rows.every((row) => row.data_subject_hash !== '999990639' && /^[0-9a-f]{64}$/.test(row.data_subject_hash)));
    const forSubject = await server.og.logboek.find(server.og.database.db, { subject: { type: 'BSN', id: '999993653' } });
    assert.ok(forSubject.some((x) => x.traceId === traceId));
    // The person is logged also when the client did not ask for the burgerservicenummer.
    const withoutBsn = await ask({ type: 'ZoekMetPostcodeEnHuisnummer', postcode: '2584BZ', huisnummer: 132, fields: ['naam.geslachtsnaam'] });
    assert.equal(withoutBsn.status, 200);
    assert.ok(withoutBsn.body.personen.every((p: any) => p.burgerservicenummer === undefined));
    const trace2 = withoutBsn.headers.get('traceparent')!.split('-')[1]!;
    assert.ok((await server.og.logboek.find(server.og.database.db, { subject: { type: 'BSN', id: '999990639' } })).some((x) => x.traceId === trace2));
  });

  it('counts leeftijd on the day of the injected clock', async () => {
    const ask1 = () => ask({ type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: ['999990639'], fields: ['leeftijd'] });
    assert.deepEqual((await ask1()).body.personen, [{ leeftijd: 97 }]);
    today = new Date(2020, 8, 25, 12);
    assert.deepEqual((await ask1()).body.personen, [{ leeftijd: 98 }]);
  });

  it('imports gezagsrelaties and gives the gezag of the gezaghouder and of the minderjarige, asked whole only', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gezag-'));
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, 'bsnMinderjarige,soortGezag,bsnMeerderjarige\n999990020,OG2,999990639\n999990020,XX,999990032\n');
    await assert.rejects(importGezagsrelaties(server.og.database, bad), /regel 3: soortGezag/);
    const file = path.join(dir, 'gezag.csv');
    fs.writeFileSync(file, 'bsnMinderjarige,soortGezag,bsnMeerderjarige\n999990020,OG2,999990639\n999990020,OG2,999990032\n999990044,N,\n');
    assert.equal(await importGezagsrelaties(server.og.database, file), 3);
    const twee = { type: 'TweehoofdigOuderlijkGezag', minderjarige: { burgerservicenummer: '999990020' }, ouders: [{ burgerservicenummer: '999990639' }, { burgerservicenummer: '999990032' }] };
    const r = await ask({ type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: ['999990639', '999990020', '999990044', '999990019'], fields: ['burgerservicenummer', 'gezag'] });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.personen.length, 4);
    const gezag = Object.fromEntries(r.body.personen.map((p: any) => [p.burgerservicenummer, p.gezag]));
    assert.deepEqual(gezag, {
      '999990639': [twee],
      '999990020': [twee],
      '999990044': [{ type: 'GezagNietTeBepalen', minderjarige: { burgerservicenummer: '999990044' } }],
      '999990019': undefined,
    });
    // GG: the ouder is the one the minderjarige's persoonslijst names, whatever order the relations came in.
    const kind = emptyPersoonslijst();
    addVoorkomen(kind, '01', { '01.20': '000000036' }, 'stapel');
    addVoorkomen(kind, '02', { '01.20': '000000061' }, 'stapel');
    await savePersoonslijst(server.og.database.db, kind);
    fs.writeFileSync(file, 'bsnMinderjarige,soortGezag,bsnMeerderjarige\n000000036,GG,000000048\n000000036,GG,000000061\n');
    await importGezagsrelaties(server.og.database, file);
    const gg = await ask({ type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: ['000000036'], fields: ['gezag'] });
    assert.deepEqual(gg.body.personen, [{ gezag: [{ type: 'GezamenlijkGezag', minderjarige: { burgerservicenummer: '000000036' }, ouder: { burgerservicenummer: '000000061' }, derde: { burgerservicenummer: '000000048' } }] }]);
    const part = await ask({ type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: ['999990639'], fields: ['gezag.type'] });
    assert.equal(part.status, 400);
    assert.equal(part.body.invalidParams[0].reason, 'Parameter bevat een niet toegestane veldnaam.');
  });

  it('makes BSNs that pass the 11-proef', () => {
    for (let i = 1; i < 2000; i += 37) assert.ok(isValidBsn(bsnFor(i)), bsnFor(i));
    assert.ok(isValidBsn('999990639'));
  });
});
