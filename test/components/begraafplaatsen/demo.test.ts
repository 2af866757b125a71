/**
 * The demo data the Begrafenisplanner builds on: `seedDemo` (as `opengrond start` runs it)
 * seeds the begraafplaatsen and the zaaktype Begraven with the names the contract promises
 * (docs/begrafenisplanner.md), and seeding again changes nothing.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { seedDemo } from '../../../src/seed.ts';
import { API } from './fixtures.ts';

const CATALOGI = '/catalogi/api/v1';

describe('demo data of the Begrafenisplanner', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
    await seedDemo(server.og, { baseUrl: server.baseUrl });
  });
  after(() => server?.close());

  it('seeds the two begraafplaatsen of Gemeente Oefenstad with graven, some bezet', async () => {
    const begraafplaatsen = (await server.call('GET', `${API}/begraafplaatsen`)).body;
    assert.deepEqual(begraafplaatsen.results.map((b: { naam: string }) => b.naam), ['Algemene Begraafplaats Oefenstad', 'Begraafplaats Rustoord']);
    assert.ok(begraafplaatsen.results.every((b: { slotduur: number; openingstijden: unknown[] }) => b.slotduur === 60 && b.openingstijden.length === 6));
    assert.ok((await server.call('GET', `${API}/grafplaatsen?beschikbaar=false`)).body.count > 0);
    assert.ok((await server.call('GET', `${API}/grafplaatsen?beschikbaar=true`)).body.count > 0);
  });

  it('publishes zaaktype BEGRAVEN with the statustypen, roltypen, informatieobjecttypen, resultaattypen and zaakobjecttype of the contract', async () => {
    const [zaaktype] = (await server.call('GET', `${CATALOGI}/zaaktypen?identificatie=BEGRAVEN`)).body.results;
    assert.equal(zaaktype.concept, false);
    const of = async (collection: string) => (await server.call('GET', `${CATALOGI}/${collection}?zaaktype=${encodeURIComponent(zaaktype.url)}`)).body.results;
    const statustypen = await of('statustypen');
    assert.deepEqual(
      statustypen.map((s: { volgnummer: number; omschrijving: string }) => [s.volgnummer, s.omschrijving]),
      [[1, 'Aangevraagd'], [2, 'Ingepland'], [3, 'Verplaatst'], [4, 'Afgerond']],
    );
    const roltypen = Object.fromEntries((await of('roltypen')).map((r: { omschrijving: string; omschrijvingGeneriek: string }) => [r.omschrijving, r.omschrijvingGeneriek]));
    assert.equal(roltypen.Uitvaartondernemer, 'initiator');
    assert.equal(roltypen.Overledene, 'belanghebbende');
    assert.equal(roltypen.Rechthebbende, 'belanghebbende');
    const iots = await Promise.all(zaaktype.informatieobjecttypen.map(async (url: string) => (await server.call('GET', url)).body.omschrijving));
    for (const name of ['Verlof tot begraven', 'Bevestiging begrafenis', 'Bijlage begrafenis']) assert.ok(iots.includes(name), name);
    const resultaattypen = (await of('resultaattypen')).map((r: { omschrijving: string }) => r.omschrijving);
    for (const name of ['Begraven', 'Afgewezen']) assert.ok(resultaattypen.includes(name), name);
    const [zaakobjecttype] = await of('zaakobjecttypen');
    assert.equal(zaakobjecttype.relatieOmschrijving, 'Grafplaats van de begrafenis');
    assert.equal(zaakobjecttype.objecttype, `${server.baseUrl}${API}/grafplaatsen`);
  });

  it('lets a zaak Begraven name a grafplaats as its zaakobject, of the zaakobjecttype', async () => {
    const [zaaktype] = (await server.call('GET', `${CATALOGI}/zaaktypen?identificatie=BEGRAVEN`)).body.results;
    const [zaakobjecttype] = (await server.call('GET', `${CATALOGI}/zaakobjecttypen?zaaktype=${encodeURIComponent(zaaktype.url)}`)).body.results;
    const grafplaats = (await server.call('GET', `${API}/grafplaatsen?beschikbaar=true`)).body.results[0];
    const zaak = await server.call('POST', '/zaken/api/v1/zaken', {
      body: { bronorganisatie: '123456782', verantwoordelijkeOrganisatie: '123456782', zaaktype: zaaktype.url, startdatum: new Date().toISOString().slice(0, 10) },
      headers: { 'Accept-Crs': 'EPSG:4326', 'Content-Crs': 'EPSG:4326' },
    });
    assert.equal(zaak.status, 201, JSON.stringify(zaak.body));
    const zaakobject = await server.call('POST', '/zaken/api/v1/zaakobjecten', {
      body: { zaak: zaak.body.url, object: grafplaats.url, objectType: 'overige', objectTypeOverige: 'grafplaats', relatieomschrijving: 'Grafplaats van de begrafenis', zaakobjecttype: zaakobjecttype.url },
    });
    assert.equal(zaakobject.status, 201, JSON.stringify(zaakobject.body));
    assert.equal(zaakobject.body.object, grafplaats.url);
  });

  it('seeding again changes nothing', async () => {
    const count = async () => Promise.all([`${API}/graven`, `${API}/grafplaatsen`, `${CATALOGI}/zaakobjecttypen`, `${CATALOGI}/statustypen`].map(async (p) => (await server.call('GET', p)).body.count));
    const was = await count();
    await seedDemo(server.og, { baseUrl: server.baseUrl });
    assert.deepEqual(await count(), was);
  });
});
