import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { loadReferentielijsten } from '../../../src/components/referentielijsten/store.ts';
import { ROOT, zaaktypeBody } from './fixtures.ts';

const store = loadReferentielijsten();

let server: TestServer;
let catalogus: string;
let ref: string;
let zaaktype: Record<string, any>;
/** A procestype with a resultaat of procestermijn nihil, and one of another procestype. */
const nihil = store.resultaten.find((r) => r.procestermijn === 'nihil')!;
const elders = store.resultaten.find((r) => r.procesType !== nihil.procesType)!;
const generiek = store.resultaattypeomschrijvingen[0]!;

before(async () => {
  server = await startTestServer({ components: ['catalogi', 'referentielijsten'] });
  ref = `${server.baseUrl}/referentielijsten/api/v1`;
  catalogus = (await server.call('POST', `${ROOT}/catalogussen`, { body: { domein: 'RT', rsin: '000000000', contactpersoonBeheerNaam: 'Beheer' } })).body.url;
  zaaktype = (await server.call('POST', `${ROOT}/zaaktypen`, { body: zaaktypeBody(catalogus, 'RT-1', { selectielijstProcestype: `${ref}/procestypen/${nihil.procesType}` }) })).body;
});
after(() => server.close());

const resultaattype = (extra: Record<string, unknown> = {}) => ({
  zaaktype: zaaktype.url,
  omschrijving: 'Verleend',
  resultaattypeomschrijving: `${ref}/resultaattypeomschrijvingen/${generiek.uuid}`,
  selectielijstklasse: `${ref}/resultaten/${nihil.uuid}`,
  brondatumArchiefprocedure: { afleidingswijze: 'afgehandeld', procestermijn: null, datumkenmerk: '', einddatumBekend: false, objecttype: '', registratie: '' },
  ...extra,
});

const codes = (response: { body: { invalidParams?: { name: string; code: string }[] } }) => (response.body.invalidParams ?? []).map((p) => [p.name, p.code]);

describe('resultaattypen', () => {
  it('ztc-002: derives omschrijvingGeneriek, archiefnominatie and archiefactietermijn from the Selectielijst; zaaktype and besluittype list it', async () => {
    const besluittype = await server.call('POST', `${ROOT}/besluittypen`, { body: { catalogus, omschrijving: 'rt-besluit', publicatieIndicatie: false, informatieobjecttypen: [], beginGeldigheid: '2019-01-01' } });
    const created = await server.call('POST', `${ROOT}/resultaattypen`, { body: resultaattype({ besluittypen: ['rt-besluit'] }) });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual(
      [created.body.omschrijvingGeneriek, created.body.archiefnominatie, created.body.archiefactietermijn, created.body.zaaktypeIdentificatie, created.body.besluittypeOmschrijving],
      [generiek.omschrijving, nihil.waardering, nihil.bewaartermijn, 'RT-1', ['rt-besluit']],
    );
    assert.deepEqual((await server.call('GET', zaaktype.url)).body.resultaattypen, [created.body.url]);
    const bt = await server.call('GET', besluittype.body.url);
    assert.deepEqual([bt.body.resultaattypen, bt.body.resultaattypenOmschrijving], [[created.body.url], ['Verleend']]);
    const explicit = await server.call('POST', `${ROOT}/resultaattypen`, { body: resultaattype({ omschrijving: 'Eigen', archiefnominatie: 'vernietigen', archiefactietermijn: 'P1Y' }) });
    assert.deepEqual([explicit.body.archiefnominatie, explicit.body.archiefactietermijn], ['vernietigen', 'P1Y']);
    const listed = await server.call('GET', `${ROOT}/resultaattypen?zaaktype_identificatie=RT-1&status=concept`);
    assert.equal(listed.body.count, 2);
  });

  it('ztc-002: the Selectielijst references must be of the right kind and match the zaaktype procestype', async () => {
    const wrongOmschrijving = await server.call('POST', `${ROOT}/resultaattypen`, { body: resultaattype({ resultaattypeomschrijving: `${ref}/procestypen/${nihil.procesType}` }) });
    assert.deepEqual(codes(wrongOmschrijving), [['resultaattypeomschrijving', 'invalid-resource']]);
    const wrongKlasse = await server.call('POST', `${ROOT}/resultaattypen`, { body: resultaattype({ selectielijstklasse: `${server.baseUrl}/health` }) });
    assert.deepEqual(codes(wrongKlasse), [['selectielijstklasse', 'invalid-resource']]);
    const mismatch = await server.call('POST', `${ROOT}/resultaattypen`, {
      body: resultaattype({ selectielijstklasse: `${ref}/resultaten/${elders.uuid}`, brondatumArchiefprocedure: { afleidingswijze: 'ander_datumkenmerk', datumkenmerk: 'x', objecttype: 'pand', registratie: 'BAG' } }),
    });
    assert.deepEqual(codes(mismatch)[0], ['nonFieldErrors', 'procestype-mismatch'], JSON.stringify(mismatch.body));
    // A URL answering other than 200 is a bad-url; our own Referentielijsten answer 404 for an unknown resultaat.
    const unknownKlasse = await server.call('POST', `${ROOT}/resultaattypen`, { body: resultaattype({ selectielijstklasse: `${ref}/resultaten/00000000-0000-4000-8000-000000000000` }) });
    assert.deepEqual(codes(unknownKlasse), [['selectielijstklasse', 'bad-url']]);
    const missingOmschrijving = await server.call('POST', `${ROOT}/resultaattypen`, { body: resultaattype({ resultaattypeomschrijving: `${server.baseUrl}/onbekend` }) });
    assert.deepEqual(codes(missingOmschrijving), [['resultaattypeomschrijving', 'bad-url']]);
  });

  it('ztc-004 .. ztc-008: the errors of brondatumArchiefprocedure fields come before the procestype-mismatch', async () => {
    const both = await server.call('POST', `${ROOT}/resultaattypen`, {
      body: resultaattype({ selectielijstklasse: `${ref}/resultaten/${elders.uuid}`, brondatumArchiefprocedure: { afleidingswijze: 'afgehandeld', datumkenmerk: 'identificatie' } }),
    });
    assert.equal(both.status, 400);
    assert.deepEqual(codes(both)[0], ['brondatumArchiefprocedure.datumkenmerk', 'must-be-empty']);
    assert.ok(codes(both).some(([name, code]) => name === 'nonFieldErrors' && code === 'procestype-mismatch'), JSON.stringify(both.body));
  });

  it('ztc-003 .. ztc-008: brondatumArchiefprocedure fits its afleidingswijze and the procestermijn', async () => {
    const termijn = await server.call('POST', `${ROOT}/resultaattypen`, { body: resultaattype({ brondatumArchiefprocedure: { afleidingswijze: 'termijn', procestermijn: 'P5M' } }) });
    assert.deepEqual(codes(termijn), [['nonFieldErrors', 'invalid-afleidingswijze-for-procestermijn']]);
    const eigenschap = await server.call('POST', `${ROOT}/resultaattypen`, { body: resultaattype({ brondatumArchiefprocedure: { afleidingswijze: 'eigenschap', einddatumBekend: true } }) });
    assert.deepEqual(codes(eigenschap), [['brondatumArchiefprocedure.datumkenmerk', 'required'], ['nonFieldErrors', 'invalid-afleidingswijze-for-procestermijn']]);
    const teveel = await server.call('POST', `${ROOT}/resultaattypen`, {
      body: resultaattype({ brondatumArchiefprocedure: { afleidingswijze: 'afgehandeld', datumkenmerk: 'x', einddatumBekend: true, objecttype: 'pand', registratie: 'BAG', procestermijn: 'P1Y' } }),
    });
    assert.deepEqual(codes(teveel), [
      ['brondatumArchiefprocedure.datumkenmerk', 'must-be-empty'],
      ['brondatumArchiefprocedure.einddatumBekend', 'must-be-empty'],
      ['brondatumArchiefprocedure.objecttype', 'must-be-empty'],
      ['brondatumArchiefprocedure.registratie', 'must-be-empty'],
      ['brondatumArchiefprocedure.procestermijn', 'must-be-empty'],
    ]);
  });

  it('keeps links into its own Referentielijsten by path: they follow the host the API is reached at', async () => {
    const created = await server.call('POST', `${ROOT}/resultaattypen`, { body: resultaattype({ omschrijving: 'Elders gelezen' }) });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const elsewhere = 'http://catalogus.example';
    const read = async (url: string) => {
      const response = await server.og.app.inject({ method: 'GET', url: new URL(url).pathname, headers: { host: new URL(elsewhere).host, authorization: `Bearer ${await server.token()}` } });
      return response.json();
    };
    const rt = await read(created.body.url);
    assert.deepEqual(
      [rt.url, rt.selectielijstklasse, rt.resultaattypeomschrijving],
      [`${elsewhere}${new URL(created.body.url).pathname}`, `${elsewhere}/referentielijsten/api/v1/resultaten/${nihil.uuid}`, `${elsewhere}/referentielijsten/api/v1/resultaattypeomschrijvingen/${generiek.uuid}`],
    );
    assert.equal((await read(zaaktype.url)).selectielijstProcestype, `${elsewhere}/referentielijsten/api/v1/procestypen/${nihil.procesType}`);
    // A change that leaves the references as they are still finds them, and the zaaktype's procestype still matches.
    const patched = await server.call('PATCH', created.body.url, { body: { toelichting: 'gewijzigd' } });
    assert.deepEqual([patched.status, patched.body.selectielijstklasse], [200, created.body.selectielijstklasse], JSON.stringify(patched.body));
  });
});
