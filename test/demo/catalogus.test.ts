import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { seedDemo } from '../../src/seed.ts';
import { DEMO_CATALOGUS, DEMO_DOMEIN, DEMO_RSIN } from '../../src/demo/catalogus.ts';

const ROOT = '/catalogi/api/v1';

/** The seed reaches the server under another host than the tests: links must follow the reader's host. */
const SEED_BASE = 'http://opengrond.example:8000';

let server: TestServer;
let catalogus: string | undefined;
before(async () => {
  server = await startTestServer({ components: ['autorisaties', 'catalogi', 'referentielijsten'] });
  catalogus = (await seedDemo(server.og, { baseUrl: SEED_BASE })).catalogus;
});
after(() => server.close());

const all = async (path: string) => (await server.call('GET', path)).body;

describe('demo catalogus', () => {
  it('has the three zaaktypen, published and complete', async () => {
    assert.ok(catalogus?.startsWith(`${SEED_BASE}${ROOT}/catalogussen/`));
    const zaaktypen = await all(`${ROOT}/zaaktypen?catalogus=${encodeURIComponent(catalogus!)}`);
    assert.deepEqual(zaaktypen.results.map((z: any) => z.identificatie).sort(), ['BEGRAVEN', 'KLACHT', 'OMGEVINGSVERGUNNING']);
    for (const spec of DEMO_CATALOGUS.zaaktypen) {
      const { body: zt } = await server.call('GET', `${zaaktypen.results.find((z: any) => z.identificatie === spec.identificatie).url}?expand=statustypen,resultaattypen,roltypen,eigenschappen,informatieobjecttypen`);
      assert.equal(zt.concept, false, spec.identificatie);
      assert.match(zt.selectielijstProcestype, new RegExp(`^${server.baseUrl}/referentielijsten/api/v1/procestypen/`));
      const x = zt._expand;
      assert.deepEqual(x.statustypen.map((s: any) => s.omschrijving), spec.statustypen.map(([o]) => o));
      assert.equal(x.statustypen.at(-1).isEindstatus, true);
      assert.deepEqual(x.roltypen.map((r: any) => r.omschrijving).sort(), spec.roltypen.map(([o]) => o).sort());
      assert.deepEqual(x.eigenschappen.map((e: any) => e.naam).sort(), spec.eigenschappen.map((e) => e.naam).sort());
      assert.deepEqual(x.informatieobjecttypen.map((i: any) => i.omschrijving).sort(), spec.informatieobjecttypen.map(([o]) => o).sort());
      assert.ok(x.informatieobjecttypen.every((i: any) => i.concept === false));
      assert.equal(x.resultaattypen.length, spec.resultaattypen.length);
      for (const rt of x.resultaattypen) {
        // The Selectielijst klasse is served by this instance's Referentielijsten API and belongs to the zaaktype's procestype.
        const klasse = await server.call('GET', rt.selectielijstklasse);
        assert.equal(klasse.status, 200, rt.selectielijstklasse);
        assert.equal(klasse.body.procesType, zt.selectielijstProcestype);
        assert.ok(rt.archiefnominatie && rt.omschrijvingGeneriek, JSON.stringify(rt));
      }
    }
    const begraven = zaaktypen.results.find((z: any) => z.identificatie === 'BEGRAVEN');
    assert.ok(begraven.informatieobjecttypeOmschrijving.includes('Verlof tot begraven'));
    const omgeving = zaaktypen.results.find((z: any) => z.identificatie === 'OMGEVINGSVERGUNNING');
    assert.deepEqual(omgeving.besluittypeOmschrijving, ['Besluit omgevingsvergunning']);
    assert.equal(omgeving.besluittypen.length, 1, 'the besluittype is published');
    const roltypen = await all(`${ROOT}/roltypen?zaaktype=${encodeURIComponent(begraven.url)}&omschrijvingGeneriek=initiator`);
    assert.deepEqual(roltypen.results.map((r: any) => r.omschrijving), ['Uitvaartondernemer']);
  });

  it('seeding again changes nothing', async () => {
    const before = await all(`${ROOT}/catalogussen?domein=${DEMO_DOMEIN}&rsin=${DEMO_RSIN}`);
    const counts = async () => Promise.all(['zaaktypen', 'informatieobjecttypen', 'besluittypen', 'statustypen', 'resultaattypen'].map(async (c) => (await all(`${ROOT}/${c}?status=alles`)).count));
    const was = await counts();
    const again = await seedDemo(server.og, { baseUrl: SEED_BASE });
    assert.equal(again.catalogus, catalogus);
    assert.deepEqual(await all(`${ROOT}/catalogussen?domein=${DEMO_DOMEIN}&rsin=${DEMO_RSIN}`), before);
    assert.deepEqual(await counts(), was);
  });
});

describe('a demo seed that stopped half-way', () => {
  it('is completed by the next seed, without doubles', async () => {
    const other = await startTestServer({ components: ['autorisaties', 'catalogi', 'referentielijsten'] });
    try {
      // What a seed that failed after its first zaaktype's first statustype leaves behind.
      const [iot] = DEMO_CATALOGUS.informatieobjecttypen;
      const zt = DEMO_CATALOGUS.zaaktypen[0]!;
      const gedeeltelijk = await other.call('POST', `${ROOT}/catalogussen`, { body: DEMO_CATALOGUS.catalogus });
      assert.equal(gedeeltelijk.status, 201, JSON.stringify(gedeeltelijk.body));
      assert.equal((await other.call('POST', `${ROOT}/informatieobjecttypen`, { body: { ...iot, catalogus: gedeeltelijk.body.url, beginGeldigheid: '2024-01-01' } })).status, 201);
      const { statustypen, roltypen: _r, resultaattypen: _res, eigenschappen: _e, informatieobjecttypen: _i, besluittypen: _b, procestype: _p, referentieproces, ...fields } = zt;
      const zaaktype = await other.call('POST', `${ROOT}/zaaktypen`, {
        body: { ...fields, indicatieInternOfExtern: 'extern', verlengingMogelijk: false, productenOfDiensten: [], referentieproces: { naam: referentieproces }, catalogus: gedeeltelijk.body.url, besluittypen: [], gerelateerdeZaaktypen: [], beginGeldigheid: '2024-01-01' },
      });
      assert.equal(zaaktype.status, 201, JSON.stringify(zaaktype.body));
      assert.equal((await other.call('POST', `${ROOT}/statustypen`, { body: { zaaktype: zaaktype.body.url, omschrijving: statustypen[0]![0], volgnummer: 1 } })).status, 201);

      const seeded = await seedDemo(other.og, { baseUrl: other.baseUrl });
      assert.equal(seeded.catalogus, gedeeltelijk.body.url);
      const count = async (collection: string) => (await other.call('GET', `${ROOT}/${collection}?status=alles`)).body.count;
      const all = DEMO_CATALOGUS.zaaktypen;
      assert.deepEqual(
        [await count('informatieobjecttypen'), await count('besluittypen'), await count('zaaktypen'), await count('statustypen'), await count('roltypen'), await count('eigenschappen'), await count('zaaktype-informatieobjecttypen'), await count('resultaattypen')],
        [
          DEMO_CATALOGUS.informatieobjecttypen.length,
          DEMO_CATALOGUS.besluittypen.length,
          all.length,
          all.reduce((n, z) => n + z.statustypen.length, 0),
          all.reduce((n, z) => n + z.roltypen.length, 0),
          all.reduce((n, z) => n + z.eigenschappen.length, 0),
          all.reduce((n, z) => n + z.informatieobjecttypen.length, 0),
          all.reduce((n, z) => n + z.resultaattypen.length, 0),
        ],
      );
      const concepts = (await other.call('GET', `${ROOT}/zaaktypen?status=concept`)).body.count;
      assert.equal(concepts, 0, 'everything is published');
    } finally {
      await other.close();
    }
  });
});
