/**
 * Closing a zaak through the API, for every afleidingswijze of the brondatum (zrc-021a..i):
 * the zaaktype, its statustypen and resultaattypen live in a Catalogi API elsewhere, as do
 * the besluiten, the objects of zaakobjecten and some relevante zaken; the zaak's own parts
 * are in its tables.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { insertPart, insertZaak, startFakeApi, type FakeApi, type TestZaak } from './life-cycle-fixtures.ts';

let server: TestServer;
let elders: FakeApi;
let api: string;
let zaaktype: string;
let eind: string;

before(async () => {
  server = await startTestServer({ components: ['zaken'] });
  elders = await startFakeApi();
  api = `${server.baseUrl}/zaken/api/v1`;
  zaaktype = `${elders.origin}/catalogi/api/v1/zaaktypen/${randomUUID()}`;
  eind = statustype(2, true);
});
after(async () => {
  await server.close();
  await elders.close();
});

function statustype(volgnummer: number, isEindstatus: boolean): string {
  const path = `/catalogi/api/v1/statustypen/${randomUUID()}`;
  return elders.serve(path, { url: `${elders.origin}${path}`, omschrijving: `Status ${volgnummer}`, zaaktype, catalogus: `${elders.origin}/catalogi/api/v1/catalogussen/1`, zaaktypeIdentificatie: 'ARCH', volgnummer, isEindstatus });
}

function resultaattype(brondatumArchiefprocedure: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  const path = `/catalogi/api/v1/resultaattypen/${randomUUID()}`;
  return elders.serve(path, {
    url: `${elders.origin}${path}`,
    zaaktype,
    zaaktypeIdentificatie: 'ARCH',
    omschrijving: 'Klaar',
    resultaattypeomschrijving: 'https://referentielijsten.example/resultaattypeomschrijvingen/1',
    omschrijvingGeneriek: 'Klaar',
    selectielijstklasse: 'https://referentielijsten.example/resultaten/1',
    archiefnominatie: 'vernietigen',
    archiefactietermijn: 'P10Y',
    brondatumArchiefprocedure: { datumkenmerk: '', einddatumBekend: false, objecttype: '', registratie: '', procestermijn: null, ...brondatumArchiefprocedure },
    ...extra,
  });
}

function besluit(attributes: Record<string, unknown>): string {
  const path = `/besluiten/api/v1/besluiten/${randomUUID()}`;
  return elders.serve(path, { url: `${elders.origin}${path}`, verantwoordelijkeOrganisatie: '000000000', besluittype: `${elders.origin}/catalogi/api/v1/besluittypen/1`, datum: '2019-04-25', ...attributes });
}

const newZaak = (extra: Parameters<typeof insertZaak>[3] = {}) => insertZaak(server.og.database, api, zaaktype, extra);
const archief = (zaak: TestZaak) => server.og.database.db.selectFrom('zaken.zaak').select(['einddatum', 'archiefnominatie', 'archiefactiedatum']).where('id', '=', zaak.id).executeTakeFirstOrThrow();
const codes = (response: { body: { invalidParams?: { name: string; code: string }[] } }) => (response.body.invalidParams ?? []).map((p) => [p.name, p.code]);

/** Gives the zaak a resultaat of `type` and sets the eindstatus on 2018-04-26. */
async function close(zaak: TestZaak, type: string) {
  const resultaat = await server.call('POST', '/zaken/api/v1/resultaten', { body: { zaak: zaak.url, resultaattype: type } });
  assert.equal(resultaat.status, 201, JSON.stringify(resultaat.body));
  return server.call('POST', '/zaken/api/v1/statussen', { body: { zaak: zaak.url, statustype: eind, datumStatusGezet: '2018-04-26T13:37:00Z' } });
}

async function closesWith(zaak: TestZaak, type: string, archiefactiedatum: string | null) {
  const answer = await close(zaak, type);
  assert.equal(answer.status, 201, JSON.stringify(answer.body));
  assert.deepEqual(await archief(zaak), { einddatum: '2018-04-26', archiefnominatie: 'vernietigen', archiefactiedatum });
}

async function refusedWith(zaak: TestZaak, type: string, reason: RegExp) {
  const answer = await close(zaak, type);
  assert.deepEqual([answer.status, codes(answer)], [400, [['nonFieldErrors', 'archiefactiedatum-error']]]);
  assert.match(answer.body.invalidParams[0].reason, reason);
  assert.equal((await archief(zaak)).einddatum, null);
}

describe('closing a zaak: the archiefactiedatum for each afleidingswijze', () => {
  it('zrc-021a afgehandeld: the einddatum plus the archiefactietermijn; a status of a Catalogi elsewhere', async () => {
    await closesWith(await newZaak(), resultaattype({ afleidingswijze: 'afgehandeld' }), '2028-04-26');
    // Without an archiefactietermijn there is no archiefactiedatum, the archiefnominatie all the same.
    await closesWith(await newZaak(), resultaattype({ afleidingswijze: 'afgehandeld' }, { archiefactietermijn: null }), null);
  });

  it('zrc-021b hoofdzaak: the einddatum of the hoofdzaak', async () => {
    const hoofdzaak = await newZaak({ einddatum: '2018-04-18' });
    await closesWith(await newZaak({ hoofdzaakId: hoofdzaak.id }), resultaattype({ afleidingswijze: 'hoofdzaak', einddatumBekend: true }), '2028-04-18');
    const open = await newZaak();
    await refusedWith(await newZaak({ hoofdzaakId: open.id }), resultaattype({ afleidingswijze: 'hoofdzaak', einddatumBekend: true }), /einddatumBekend/);
  });

  it('zrc-021c eigenschap: the date in the zaakeigenschap named by datumkenmerk', async () => {
    const type = resultaattype({ afleidingswijze: 'eigenschap', datumkenmerk: 'archivering_test', einddatumBekend: true });
    const zaak = await newZaak();
    await insertPart(server.og.database, 'zaakeigenschap', { zaak_id: zaak.id, naam: 'archivering_test', waarde: '2023-01-01' });
    await closesWith(zaak, type, '2033-01-01');
    await refusedWith(await newZaak(), type, /Geen eigenschap gevonden/);
  });

  it('zrc-021d ingangsdatum_besluit: the latest ingangsdatum of the besluiten of the zaak, from the Besluiten API', async () => {
    const type = resultaattype({ afleidingswijze: 'ingangsdatum_besluit', einddatumBekend: true });
    const zaak = await newZaak();
    for (const [ingangsdatum, vervaldatum] of [['2016-01-01', '2022-01-01'], ['2024-01-01', '2025-01-01']]) {
      await insertPart(server.og.database, 'zaakbesluit', { zaak_id: zaak.id, besluit: besluit({ ingangsdatum, vervaldatum }) });
    }
    await closesWith(zaak, type, '2034-01-01');
    await refusedWith(await newZaak(), type, /Geen besluiten/);
    const weg = await newZaak();
    await insertPart(server.og.database, 'zaakbesluit', { zaak_id: weg.id, besluit: `${elders.origin}/besluiten/api/v1/besluiten/${randomUUID()}` });
    await refusedWith(weg, type, /kon niet opgehaald worden/);
  });

  it('zrc-021e vervaldatum_besluit: the latest vervaldatum of the besluiten', async () => {
    const type = resultaattype({ afleidingswijze: 'vervaldatum_besluit', einddatumBekend: true });
    const zaak = await newZaak();
    for (const [ingangsdatum, vervaldatum] of [['2016-01-01', '2022-01-01'], ['2024-01-01', '2025-01-01'], ['2017-01-01', null]]) {
      await insertPart(server.og.database, 'zaakbesluit', { zaak_id: zaak.id, besluit: besluit({ ingangsdatum, vervaldatum }) });
    }
    await closesWith(zaak, type, '2035-01-01');
  });

  it('zrc-021f termijn: the einddatum plus the procestermijn, plus the archiefactietermijn', async () => {
    await closesWith(await newZaak(), resultaattype({ afleidingswijze: 'termijn', procestermijn: 'P5M' }), '2028-09-26');
  });

  it('zrc-021g ander_datumkenmerk: no archiefactiedatum, unless the startdatumBewaartermijn was set by hand', async () => {
    const type = resultaattype({ afleidingswijze: 'ander_datumkenmerk', datumkenmerk: 'identificatie', objecttype: 'pand', registratie: 'test' });
    await closesWith(await newZaak(), type, null);
    await closesWith(await newZaak({ startdatumBewaartermijn: '2020-02-29' }), type, '2030-02-28');
  });

  it('zrc-021h zaakobject: the latest datumkenmerk of the zaakobjecten of the objecttype, fetched or described', async () => {
    const extern = await newZaak();
    for (const datum of ['2010-01-01', '2013-01-01']) {
      await insertPart(server.og.database, 'zaakobject', { zaak_id: extern.id, object_type: 'besluit', object: besluit({ datum, ingangsdatum: '2016-01-01' }) });
    }
    // A zaakobject of another objecttype does not count.
    await insertPart(server.og.database, 'zaakobject', { zaak_id: extern.id, object_type: 'pand', object_identificatie: { identificatie: 'test' } });
    await closesWith(extern, resultaattype({ afleidingswijze: 'zaakobject', objecttype: 'besluit', datumkenmerk: 'datum', einddatumBekend: true }), '2023-01-01');

    const lokaal = await newZaak();
    for (const waardepeildatum of ['2008-1-1', '2013-1-1']) {
      await insertPart(server.og.database, 'zaakobject', { zaak_id: lokaal.id, object_type: 'woz_waarde', object_identificatie: { waardepeildatum, isVoor: { wozObjectNummer: 'testobject' } } });
    }
    await closesWith(lokaal, resultaattype({ afleidingswijze: 'zaakobject', objecttype: 'woz_waarde', datumkenmerk: 'waardepeildatum', einddatumBekend: true }), '2023-01-01');
  });

  it('zrc-021i gerelateerde_zaak: the latest einddatum of the relevante andere zaken, here and elsewhere', async () => {
    const type = resultaattype({ afleidingswijze: 'gerelateerde_zaak', einddatumBekend: true });
    const hier = await newZaak({ einddatum: '2018-04-26' });
    const open = await newZaak();
    const path = `/zaken/api/v1/zaken/${randomUUID()}`;
    const remote = elders.serve(path, {
      url: `${elders.origin}${path}`, uuid: path.split('/').pop(), bronorganisatie: '000000000', zaaktype, verantwoordelijkeOrganisatie: '000000000', startdatum: '2018-01-01',
      einddatum: '2019-05-01', betalingsindicatieWeergave: '', deelzaken: [], eigenschappen: [], rollen: [], status: null, zaakinformatieobjecten: [], zaakobjecten: [], resultaat: null,
    });
    const relevant = [{ url: new URL(hier.url).pathname, aardRelatie: 'bijdrage' }, { url: open.url, aardRelatie: 'onderwerp' }, { url: remote, aardRelatie: 'vervolg' }];
    await closesWith(await newZaak({ relevanteAndereZaken: relevant }), type, '2029-05-01');
    await closesWith(await newZaak({ relevanteAndereZaken: relevant.slice(0, 2) }), type, '2028-04-26');
    await refusedWith(await newZaak(), type, /Geen gerelateerde zaken/);
  });

  it('a resultaattype elsewhere that cannot be fetched any more stops the closing', async () => {
    const type = resultaattype({ afleidingswijze: 'afgehandeld' });
    const zaak = await newZaak();
    assert.equal((await server.call('POST', '/zaken/api/v1/resultaten', { body: { zaak: zaak.url, resultaattype: type } })).status, 201);
    await server.og.database.db.updateTable('zaken.resultaat').set({ resultaattype: `${elders.origin}/catalogi/api/v1/resultaattypen/${randomUUID()}` }).where('zaak_id', '=', zaak.id).execute();
    const answer = await server.call('POST', '/zaken/api/v1/statussen', { body: { zaak: zaak.url, statustype: eind, datumStatusGezet: '2018-04-26T13:37:00Z' } });
    assert.deepEqual([answer.status, codes(answer)], [400, [['nonFieldErrors', 'bad-url']]]);
  });
});
