import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { seedDemo } from '../../src/seed.ts';
import { DEMO_CATALOGUS, DEMO_DOMEIN, DEMO_RSIN } from '../../src/demo/catalogus.ts';

const ROOT = '/catalogi/api/v1';

let server: TestServer;
let catalogus: string | undefined;
before(async () => {
  server = await startTestServer({ components: ['autorisaties', 'catalogi', 'referentielijsten'] });
  catalogus = (await seedDemo(server.og, { baseUrl: server.baseUrl })).catalogus;
});
after(() => server.close());

const all = async (path: string) => (await server.call('GET', path)).body;

describe('demo catalogus', () => {
  it('has the three zaaktypen, published and complete', async () => {
    assert.ok(catalogus?.startsWith(`${server.baseUrl}${ROOT}/catalogussen/`));
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
    const again = await seedDemo(server.og, { baseUrl: server.baseUrl });
    assert.equal(again.catalogus, catalogus);
    assert.deepEqual(await all(`${ROOT}/catalogussen?domein=${DEMO_DOMEIN}&rsin=${DEMO_RSIN}`), before);
    assert.deepEqual(await counts(), was);
  });
});
