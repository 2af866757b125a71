/**
 * What Zaken tests need from the Catalogi API: a catalogus and published zaaktypen, made
 * through the API as a client would; and a zaak body to start from.
 */
import assert from 'node:assert/strict';
import type { TestServer } from '../../helpers/server.ts';

export const CATALOGI = '/catalogi/api/v1';
export const ZAKEN = '/zaken/api/v1';
/** Every Zaken request about a zaak carries the CRS headers the standard requires. */
export const CRS = { 'Accept-Crs': 'EPSG:4326', 'Content-Crs': 'EPSG:4326' };

const catalogussen = new WeakMap<TestServer, Promise<string>>();
let counter = 0;

export async function createZaaktype(server: TestServer, overrides: Record<string, unknown> = {}, publish = true): Promise<string> {
  let catalogus = catalogussen.get(server);
  if (!catalogus) catalogussen.set(server, (catalogus = server
    .call('POST', `${CATALOGI}/catalogussen`, { body: { domein: `T${process.pid % 10000}`, rsin: '000000000', contactpersoonBeheerNaam: 'Test' } })
    .then((r) => {
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.url as string;
    })));
  const created = await server.call('POST', `${CATALOGI}/zaaktypen`, {
    body: {
      identificatie: `ZT-${++counter}`,
      omschrijving: 'Zaaktype voor tests',
      vertrouwelijkheidaanduiding: 'openbaar',
      doel: 'testen',
      aanleiding: 'testen',
      indicatieInternOfExtern: 'extern',
      handelingInitiator: 'indienen',
      onderwerp: 'Test',
      handelingBehandelaar: 'behandelen',
      doorlooptijd: 'P10D',
      opschortingEnAanhoudingMogelijk: false,
      verlengingMogelijk: false,
      publicatieIndicatie: false,
      productenOfDiensten: ['https://producten.example/p/1'],
      referentieproces: { naam: 'test', link: '' },
      catalogus: await catalogus,
      besluittypen: [],
      gerelateerdeZaaktypen: [],
      deelzaaktypen: [],
      beginGeldigheid: '2019-01-01',
      versiedatum: '2019-01-01',
      ...overrides,
    },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  if (publish) assert.equal((await server.call('POST', `${created.body.url}/publish`)).status, 200);
  return created.body.url as string;
}

export function zaakBody(zaaktype: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    bronorganisatie: '000000000',
    verantwoordelijkeOrganisatie: '000000000',
    zaaktype,
    startdatum: '2024-03-01',
    omschrijving: 'Een zaak',
    ...overrides,
  };
}

/** The resources' uuid from its URL. */
export const uuidOf = (url: string) => url.split('/').pop()!;
