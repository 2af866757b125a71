import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, ADMIN, LIMITED, type TestServer } from '../../helpers/server.ts';
import { importTestset } from '../../../src/components/brp/import.ts';
import { DEMO_VERWERKINGSACTIVITEITEN } from '../../../src/platform/logboek/logboek.ts';

const TESTSET = new URL('../../../../shared/standards/brp/testset-gba-v-20220502.csv', import.meta.url).pathname;
const ACTIVITY = DEMO_VERWERKINGSACTIVITEITEN[0]!.id;
const PATH = '/haalcentraal/api/brp/personen';
const BSN = '999990639';

/** Source mode and proxy mode (a second Open Grond forwarding to the first) must answer alike. */
describe('BRP Personen API, proxy mode against a second Open Grond', () => {
  let source: TestServer;
  let proxy: TestServer;
  before(async () => {
    source = await startTestServer({ components: ['brp'] });
    await importTestset(source.og.database, TESTSET);
    proxy = await startTestServer({
      components: ['brp'],
      brpAutorisaties: [{ clientId: LIMITED.clientId, queryTypes: ['RaadpleegMetBurgerservicenummer'], fields: ['naam'] }],
      brp: { mode: 'proxy', upstream: { url: `${source.baseUrl}/haalcentraal/api/brp`, headers: { Authorization: `Bearer ${await source.token(ADMIN)}` } } },
    });
  });
  after(async () => {
    await proxy?.close();
    await source?.close();
  });

  const ask = (server: TestServer, body: unknown, options: { client?: typeof LIMITED; headers?: Record<string, string> } = {}) =>
    server.call('POST', PATH, { body, client: options.client, headers: { Verwerkingsactiviteit: ACTIVITY, ...options.headers } });

  it('answers every query type and a fields selection as source mode does', async () => {
    const address = await ask(source, { type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: [BSN], fields: ['naam', 'geboorte', 'verblijfplaats', 'gemeenteVanInschrijving'] });
    assert.equal(address.status, 200, JSON.stringify(address.body));
    const p = address.body.personen[0];
    const adres = p.verblijfplaats.verblijfadres;
    const gemeente = p.gemeenteVanInschrijving.code;
    // The test person has no BAG identificaties; take them from someone who has.
    const bag = await source.og.database.db.selectFrom('brp.persoonslijst').select(['nummeraanduiding_identificatie as na', 'adresseerbaar_object_identificatie as ao']).where('nummeraanduiding_identificatie', 'is not', null).where('overleden', '=', false).limit(1).executeTakeFirstOrThrow();
    const queries: Record<string, unknown>[] = [
      { type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: [BSN, '999993653'], fields: ['burgerservicenummer', 'naam.voornamen', 'geboorte.datum.jaar', 'verblijfplaats.verblijfadres.postcode', 'leeftijd'] },
      { type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: [BSN], fields: ['naam', 'geboorte', 'verblijfplaats', 'ouders', 'partners', 'kinderen', 'nationaliteiten', 'adressering'] },
      { type: 'ZoekMetGeslachtsnaamEnGeboortedatum', geslachtsnaam: p.naam.geslachtsnaam.slice(0, 3) + '*', geboortedatum: p.geboorte.datum.datum, fields: ['burgerservicenummer', 'naam'] },
      { type: 'ZoekMetNaamEnGemeenteVanInschrijving', geslachtsnaam: p.naam.geslachtsnaam, voornamen: p.naam.voornamen, gemeenteVanInschrijving: gemeente, fields: ['burgerservicenummer', 'geboorte'] },
      { type: 'ZoekMetPostcodeEnHuisnummer', postcode: adres.postcode, huisnummer: adres.huisnummer, fields: ['burgerservicenummer', 'naam.volledigeNaam', 'adressering.adresregel1'] },
      { type: 'ZoekMetStraatHuisnummerEnGemeenteVanInschrijving', straat: adres.officieleStraatnaam ?? adres.korteStraatnaam, huisnummer: adres.huisnummer, gemeenteVanInschrijving: gemeente, fields: ['burgerservicenummer'] },
      { type: 'ZoekMetNummeraanduidingIdentificatie', nummeraanduidingIdentificatie: bag.na, fields: ['burgerservicenummer', 'adressering'] },
      { type: 'ZoekMetAdresseerbaarObjectIdentificatie', adresseerbaarObjectIdentificatie: bag.ao, fields: ['burgerservicenummer', 'naam'] },
      { type: 'ZoekMetPostcodeEnHuisnummer', postcode: '1234AA', huisnummer: 99999, fields: ['burgerservicenummer'] },
    ];
    for (const query of queries) {
      const fromSource = await ask(source, query);
      const fromProxy = await ask(proxy, query);
      assert.equal(fromSource.status, 200, `${query.type}: ${JSON.stringify(fromSource.body)}`);
      assert.equal(fromProxy.status, fromSource.status, `${query.type}: ${JSON.stringify(fromProxy.body)}`);
      assert.deepEqual(fromProxy.body, fromSource.body, String(query.type));
      if (query.type !== 'ZoekMetPostcodeEnHuisnummer' || query.huisnummer !== 99999) assert.ok(fromSource.body.personen.length > 0, `${query.type} finds someone`);
      assert.equal(fromProxy.headers.get('api-version'), fromSource.headers.get('api-version'));
    }
  });

  it('gives the same problems for bad input', async () => {
    for (const body of [
      { type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: ['12'], fields: ['naam'] },
      { type: 'ZoekMetPostcodeEnHuisnummer', postcode: '1234AA', fields: ['bestaatNiet'] },
      { type: 'Onbekend' },
    ]) {
      const fromSource = await ask(source, body);
      const fromProxy = await ask(proxy, body);
      assert.equal(fromSource.status, 400);
      assert.deepEqual({ status: fromProxy.status, body: fromProxy.body }, { status: fromSource.status, body: fromSource.body });
    }
  });

  it('finds the deceased only when asked, and narrows by gemeente, as source mode does', async () => {
    const dead = await source.og.database.db.selectFrom('brp.persoonslijst').select(['burgerservicenummer as bsn']).where('overleden', '=', true).where('geslachtsnaam', 'is not', null).where('geboortedatum', 'is not', null).limit(1).executeTakeFirstOrThrow();
    const asked = await ask(source, { type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: [dead.bsn], fields: ['naam', 'geboorte', 'gemeenteVanInschrijving'] });
    const p = asked.body.personen[0];
    const search = { type: 'ZoekMetGeslachtsnaamEnGeboortedatum', geslachtsnaam: p.naam.geslachtsnaam, geboortedatum: p.geboorte.datum.datum, fields: ['burgerservicenummer', 'naam'] };
    for (const query of [search, { ...search, inclusiefOverledenPersonen: true }, { ...search, inclusiefOverledenPersonen: true, gemeenteVanInschrijving: p.gemeenteVanInschrijving?.code ?? '0599' }, { ...search, inclusiefOverledenPersonen: true, gemeenteVanInschrijving: '9999' }]) {
      const fromSource = await ask(source, query);
      const fromProxy = await ask(proxy, query);
      assert.equal(fromSource.status, 200, JSON.stringify(fromSource.body));
      assert.deepEqual({ status: fromProxy.status, body: fromProxy.body }, { status: fromSource.status, body: fromSource.body }, JSON.stringify(query));
    }
    const without = await ask(proxy, search);
    const withDead = await ask(proxy, { ...search, inclusiefOverledenPersonen: true });
    assert.ok(!without.body.personen.some((x: any) => x.burgerservicenummer === dead.bsn), 'the deceased are left out by default');
    assert.ok(withDead.body.personen.some((x: any) => x.burgerservicenummer === dead.bsn));
  });

  it('authorises and logs on the proxy, and the trace continues upstream', async () => {
    const refused = await ask(proxy, { type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: [BSN], fields: ['geboorte'] }, { client: LIMITED });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.code, 'unauthorizedField');
    const allowed = await ask(proxy, { type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: [BSN], fields: ['naam.geslachtsnaam'] }, { client: LIMITED });
    assert.equal(allowed.status, 200);
    assert.deepEqual(allowed.body.personen, [{ naam: { geslachtsnaam: 'Burck' } }]);
    const traceId = allowed.headers.get('traceparent')!.split('-')[1]!;
    const onProxy = await proxy.og.logboek.find(proxy.og.database.db, { traceId });
    assert.equal(onProxy.length, 1);
    assert.equal(onProxy[0]!.applicatie, LIMITED.clientId);
    assert.equal(onProxy[0]!.status, 'OK');
    const forSubject = await proxy.og.logboek.find(proxy.og.database.db, { subject: { type: 'BSN', id: BSN } });
    assert.ok(forSubject.some((r) => r.traceId === traceId));
    // The source logs the same trace, as a child of the proxy's span, for the proxy's application.
    const upstream = await source.og.logboek.find(source.og.database.db, { traceId });
    assert.equal(upstream.length, 1);
    assert.equal(upstream[0]!.parentSpanId, onProxy[0]!.spanId);
    assert.equal(upstream[0]!.applicatie, ADMIN.clientId);
  });

  it('an upstream that refuses the proxy\'s own credentials is a 502 to the client, not its 401', async () => {
    const refused = await startTestServer({ components: ['brp'], brp: { mode: 'proxy', upstream: { url: `${source.baseUrl}/haalcentraal/api/brp`, headers: { Authorization: 'Bearer niet-geldig' } } } });
    try {
      const r = await ask(refused, { type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: [BSN], fields: ['naam'] });
      assert.equal(r.status, 502, JSON.stringify(r.body));
      assert.match(r.headers.get('content-type')!, /^application\/problem\+json/);
      assert.deepEqual(await refused.og.logboek.find(refused.og.database.db, { subject: { type: 'BSN', id: BSN } }), []);
    } finally {
      await refused.close();
    }
  });

  it('an unreachable upstream is a 503 problem, logged nowhere as OK', async () => {
    const down = await startTestServer({ components: ['brp'], brp: { mode: 'proxy', upstream: { url: 'http://127.0.0.1:9/haalcentraal/api/brp', timeoutMs: 2000 } } });
    try {
      const r = await ask(down, { type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: [BSN], fields: ['naam'] });
      assert.equal(r.status, 503);
      assert.match(r.headers.get('content-type')!, /^application\/problem\+json/);
      const rows = await down.og.database.db.selectFrom('platform.verwerking').select('status').execute();
      assert.ok(rows.every((row) => row.status !== 'OK'));
    } finally {
      await down.close();
    }
  });
});
