/**
 * The Zaken API with this process's own Documenten and Besluiten APIs, everything made through
 * the APIs: the mirror of a zaakinformatieobject (zrc-005), closing a zaak with its documents
 * (zrc-007b/q) and a besluit's ingangsdatum as brondatum (zrc-021d), archiving with archived
 * documents only (zrc-022), and deleting a zaak with what belongs to it in the other APIs
 * (zrc-023). Every read and write between the APIs is in-process; none may be made while a
 * transaction holds the embedded database's one connection, so a mistake there hangs: each
 * test has a timeout.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadReferentielijsten } from '../../../src/components/referentielijsten/store.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { zaaktypeBody } from '../catalogi/fixtures.ts';
import { documentBody } from '../documenten/fixtures.ts';
import { CRS, zaakBody } from './fixtures.ts';

const CATALOGI = '/catalogi/api/v1';
const ZAKEN = '/zaken/api/v1';
const DOCUMENTEN = '/documenten/api/v1';
const BESLUITEN = '/besluiten/api/v1';

let server: TestServer;
let types: { zaaktype: string; begin: string; eind: string; resultaattype: string; besluittype: string; informatieobjecttype: string };

before(async () => {
  server = await startTestServer();
  types = await createTypes();
});
after(() => server?.close());

async function created(path: string, body: unknown, headers: Record<string, string> = {}): Promise<any> {
  const answer = await server.call('POST', path, { body, headers });
  assert.equal(answer.status, 201, `${path}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/**
 * A published zaaktype using an informatieobjecttype and naming a besluittype, with a begin
 * and an eind statustype and a resultaattype whose brondatum is the ingangsdatum of the besluit
 * (a Selectielijst klasse with procestermijn `vast_te_leggen_datum`).
 */
async function createTypes() {
  const ref = `${server.baseUrl}/referentielijsten/api/v1`;
  const store = loadReferentielijsten();
  const klasse = store.resultaten.find((r) => r.procestermijn === 'vast_te_leggen_datum' && r.bewaartermijn === 'P1Y')!;
  const catalogus = (await created(`${CATALOGI}/catalogussen`, { domein: 'RELA', rsin: '000000000', contactpersoonBeheerNaam: 'Beheer' })).url;
  const informatieobjecttype = (await created(`${CATALOGI}/informatieobjecttypen`, { catalogus, omschrijving: 'brief', vertrouwelijkheidaanduiding: 'openbaar', beginGeldigheid: '2018-01-01', informatieobjectcategorie: 'brief' })).url;
  const besluittype = (await created(`${CATALOGI}/besluittypen`, { catalogus, omschrijving: 'vergunning', publicatieIndicatie: false, informatieobjecttypen: ['brief'], beginGeldigheid: '2018-01-01' })).url;
  const zaaktype = (
    await created(`${CATALOGI}/zaaktypen`, zaaktypeBody(catalogus, 'RELA-1', { besluittypen: ['vergunning'], selectielijstProcestype: `${ref}/procestypen/${klasse.procesType}`, beginGeldigheid: '2018-01-01' }))
  ).url;
  await created(`${CATALOGI}/zaaktype-informatieobjecttypen`, { zaaktype, informatieobjecttype: 'brief', volgnummer: 1, richting: 'inkomend' });
  const begin = (await created(`${CATALOGI}/statustypen`, { omschrijving: 'Begin', zaaktype, volgnummer: 1 })).url;
  const eind = (await created(`${CATALOGI}/statustypen`, { omschrijving: 'Eind', zaaktype, volgnummer: 2 })).url;
  const resultaattype = (
    await created(`${CATALOGI}/resultaattypen`, {
      zaaktype,
      omschrijving: 'Verleend',
      resultaattypeomschrijving: `${ref}/resultaattypeomschrijvingen/${store.resultaattypeomschrijvingen[0]!.uuid}`,
      selectielijstklasse: `${ref}/resultaten/${klasse.uuid}`,
      brondatumArchiefprocedure: { afleidingswijze: 'ingangsdatum_besluit', procestermijn: null, datumkenmerk: '', einddatumBekend: false, objecttype: '', registratie: '' },
    })
  ).url;
  for (const url of [informatieobjecttype, besluittype, zaaktype]) assert.equal((await server.call('POST', `${url}/publish`)).status, 200);
  return { zaaktype, begin, eind, resultaattype, besluittype, informatieobjecttype };
}

const codes = (answer: { body: { invalidParams?: { name: string; code: string }[] } }) => (answer.body.invalidParams ?? []).map((p) => [p.name, p.code]);
const newZaak = async () => (await created(`${ZAKEN}/zaken`, zaakBody(types.zaaktype, { startdatum: '2018-01-01' }), CRS)).url as string;
const newDocument = async (extra: Record<string, unknown> = {}) => (await created(`${DOCUMENTEN}/enkelvoudiginformatieobjecten`, documentBody(types.informatieobjecttype, extra))).url as string;
const relate = (zaak: string, informatieobject: string) => created(`${ZAKEN}/zaakinformatieobjecten`, { zaak, informatieobject });
const mirrors = async (zaak: string) => (await server.call('GET', `${DOCUMENTEN}/objectinformatieobjecten?object=${encodeURIComponent(zaak)}`)).body as { url: string; informatieobject: string; objectType: string }[];
const status = (zaak: string, statustype: string, datumStatusGezet: string) => server.call('POST', `${ZAKEN}/statussen`, { body: { zaak, statustype, datumStatusGezet } });

/** Changes a document under its lock; `keepLock` leaves it locked. */
async function changeDocument(url: string, body: Record<string, unknown>, keepLock = false): Promise<void> {
  const lock = (await server.call('POST', `${url}/lock`)).body.lock as string;
  const changed = await server.call('PATCH', url, { body: { ...body, lock } });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  if (!keepLock) assert.equal((await server.call('POST', `${url}/unlock`, { body: { lock } })).status, 204);
}

describe('the Zaken API with this process\'s Documenten and Besluiten APIs', { timeout: 60_000 }, () => {
  it('mirrors a zaakinformatieobject in the Documenten API, and removes the mirror with it (zrc-005)', async () => {
    const zaak = await newZaak();
    const document = await newDocument();
    const relatie = await relate(zaak, document);
    assert.deepEqual((await mirrors(zaak)).map((m) => [m.informatieobject, m.objectType]), [[document, 'zaak']]);
    assert.equal((await server.call('DELETE', relatie.url)).status, 204);
    assert.deepEqual(await mirrors(zaak), []);
  });

  it('closes a zaak only with its documents unlocked and their indicatieGebruiksrecht set, then from the besluit\'s ingangsdatum (zrc-007b/q, zrc-021d)', async () => {
    const zaak = await newZaak();
    const document = await newDocument();
    await relate(zaak, document);
    await created(`${BESLUITEN}/besluiten`, { verantwoordelijkeOrganisatie: '000000000', besluittype: types.besluittype, zaak, datum: '2019-04-01', ingangsdatum: '2019-05-01' });
    await created(`${BESLUITEN}/besluiten`, { verantwoordelijkeOrganisatie: '000000000', besluittype: types.besluittype, zaak, datum: '2019-04-01', ingangsdatum: '2019-04-15' });
    await created(`${ZAKEN}/resultaten`, { zaak, resultaattype: types.resultaattype });

    assert.deepEqual(codes(await status(zaak, types.eind, '2019-06-01T10:00:00Z')), [['nonFieldErrors', 'indicatiegebruiksrecht-unset']]);
    await changeDocument(document, { indicatieGebruiksrecht: false }, true);
    assert.deepEqual(codes(await status(zaak, types.eind, '2019-06-01T10:00:00Z')), [['nonFieldErrors', 'informatieobject-locked']]);
    assert.equal((await server.call('POST', `${document}/unlock`)).status, 204);

    const closed = await status(zaak, types.eind, '2019-06-01T10:00:00Z');
    assert.equal(closed.status, 201, JSON.stringify(closed.body));
    const read = (await server.call('GET', zaak, { headers: CRS })).body;
    // The latest ingangsdatum of its besluiten plus the klasse's bewaartermijn of a year.
    assert.deepEqual([read.einddatum, read.archiefnominatie, read.archiefactiedatum], ['2019-06-01', 'vernietigen', '2020-05-01']);
  });

  it('archives a zaak only once its documents are gearchiveerd (zrc-022)', async () => {
    const zaak = await newZaak();
    const document = await newDocument();
    await relate(zaak, document);
    const archief = { archiefstatus: 'gearchiveerd', archiefnominatie: 'vernietigen', archiefactiedatum: '2030-01-01' };
    const refused = await server.call('PATCH', zaak, { body: archief, headers: CRS });
    assert.deepEqual([refused.status, codes(refused)], [400, [['archiefstatus', 'documents-not-archived']]]);
    await changeDocument(document, { status: 'gearchiveerd' });
    const archived = await server.call('PATCH', zaak, { body: archief, headers: CRS });
    assert.equal(archived.status, 200, JSON.stringify(archived.body));
    assert.equal(archived.body.archiefstatus, 'gearchiveerd');
  });

  it('deletes a zaak with its parts and their mirrors in the Documenten API, once its besluiten have let go of it (zrc-023)', async () => {
    const zaak = await newZaak();
    const deelzaak = (await created(`${ZAKEN}/zaken`, zaakBody(types.zaaktype, { startdatum: '2018-01-01', hoofdzaak: zaak }), CRS)).url as string;
    const [document, deeldocument] = [await newDocument(), await newDocument()];
    const relatie = await relate(zaak, document);
    await relate(deelzaak, deeldocument);
    const [mirror] = await mirrors(zaak);
    const besluit = await created(`${BESLUITEN}/besluiten`, { verantwoordelijkeOrganisatie: '000000000', besluittype: types.besluittype, zaak: deelzaak, datum: '2019-04-01', ingangsdatum: '2019-04-15' });

    const refused = await server.call('DELETE', zaak, { headers: CRS });
    assert.deepEqual([refused.status, codes(refused)], [400, [['nonFieldErrors', 'related-besluiten']]]);
    assert.equal((await server.call('GET', zaak, { headers: CRS })).status, 200, 'nothing deleted');
    assert.equal((await mirrors(zaak)).length, 1);

    assert.equal((await server.call('DELETE', besluit.url)).status, 204);
    assert.equal((await server.call('DELETE', zaak, { headers: CRS })).status, 204);
    for (const gone of [zaak, deelzaak, relatie.url, mirror!.url]) assert.equal((await server.call('GET', gone, { headers: CRS })).status, 404, gone);
    assert.deepEqual(await mirrors(deelzaak), []);
    // The documents stay: they are the Documenten API's, now without relations, so they may go too.
    assert.equal((await server.call('DELETE', document)).status, 204);
  });
});
