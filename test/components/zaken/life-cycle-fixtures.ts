/**
 * What the statussen and resultaten tests build on: zaken and their parts written straight
 * into the tables (the resources that make them have their own modules and tests), and a
 * small HTTP server playing other APIs (a Catalogi, Besluiten or Documenten API elsewhere);
 * a catalogus in this instance's Catalogi API, and clients with some zrc scopes.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { Database } from '../../../src/platform/db/database.ts';
import { VERTROUWELIJKHEIDAANDUIDINGEN, type Vertrouwelijkheidaanduiding } from '../../../src/platform/http/schema.ts';
import { loadReferentielijsten } from '../../../src/components/referentielijsten/store.ts';
import { provisionClients } from '../../../src/components/autorisaties/provision.ts';
import type { TestServer } from '../../helpers/server.ts';

export interface TestZaak {
  id: number;
  uuid: string;
  /** The zaak's URL under `apiRoot`. */
  url: string;
}

/** A zaak of `zaaktype` (stored as given: a path for our own Catalogi, else the URL). */
export async function insertZaak(
  database: Database,
  apiRoot: string,
  zaaktype: string,
  extra: {
    vertrouwelijkheidaanduiding?: Vertrouwelijkheidaanduiding;
    einddatum?: string;
    hoofdzaakId?: number;
    relevanteAndereZaken?: { url: string; aardRelatie: string }[];
    archiefstatus?: string;
    archiefnominatie?: string;
    archiefactiedatum?: string;
    startdatumBewaartermijn?: string;
  } = {},
): Promise<TestZaak> {
  const uuid = randomUUID();
  const row = await database.db
    .insertInto('zaken.zaak')
    .values({
      uuid,
      identificatie: `ZAAK-${uuid.slice(0, 8)}`,
      bronorganisatie: '000000000',
      zaaktype,
      registratiedatum: '2018-01-01',
      verantwoordelijke_organisatie: '000000000',
      startdatum: '2018-01-01',
      vertrouwelijkheid_rank: VERTROUWELIJKHEIDAANDUIDINGEN.indexOf(extra.vertrouwelijkheidaanduiding ?? 'openbaar'),
      einddatum: extra.einddatum ?? null,
      hoofdzaak_id: extra.hoofdzaakId ?? null,
      relevante_andere_zaken: JSON.stringify(extra.relevanteAndereZaken ?? []),
      archiefstatus: extra.archiefstatus ?? 'nog_te_archiveren',
      archiefnominatie: extra.archiefnominatie ?? null,
      archiefactiedatum: extra.archiefactiedatum ?? null,
      startdatum_bewaartermijn: extra.startdatumBewaartermijn ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: Number(row.id), uuid, url: `${apiRoot}/zaken/${uuid}` };
}

/** A part of a zaak, as its own resource module would store it; returns its uuid. */
export async function insertPart(database: Database, table: 'rol' | 'zaakobject' | 'zaakinformatieobject' | 'zaakeigenschap' | 'zaakbesluit', values: Record<string, unknown>): Promise<string> {
  const uuid = randomUUID();
  const defaults: Record<string, Record<string, unknown>> = {
    rol: { betrokkene_type: 'natuurlijk_persoon', roltype: 'https://catalogi.example/roltypen/1' },
    zaakobject: { object_type: 'overige' },
    zaakinformatieobject: {},
    zaakeigenschap: { eigenschap: 'https://catalogi.example/eigenschappen/1' },
    zaakbesluit: {},
  };
  const row: Record<string, unknown> = { uuid, ...defaults[table], ...values };
  if (row.object_identificatie !== undefined) row.object_identificatie = JSON.stringify(row.object_identificatie);
  await database.db.insertInto(`zaken.${table}`).values(row).execute();
  return uuid;
}

export interface FakeApi {
  /** Scheme, host and port: `http://127.0.0.1:1234`. */
  origin: string;
  /** Serves `body` as JSON at `path` (200), until replaced. */
  serve(path: string, body: unknown): string;
  close(): Promise<void>;
}

/** An HTTP server answering GETs of the paths given with their JSON; 404 for any other. */
export async function startFakeApi(): Promise<FakeApi> {
  const resources = new Map<string, unknown>();
  const server = http.createServer((request, response) => {
    const body = resources.get(request.url ?? '');
    if (request.method !== 'GET' || body === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    serve(path, body) {
      resources.set(path, body);
      return `${origin}${path}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// ---------------------------------------------------------------------------------------------
// A real catalogus in this instance's Catalogi API


export interface TestZaaktype {
  url: string;
  /** The zaaktype as the Zaken API stores it (a path: it is this instance's). */
  stored: string;
  begin: string;
  eind: string;
  resultaattype: string;
}

/**
 * A catalogus with two zaaktypen, each with a begin and an eind statustype and a resultaattype
 * (afgehandeld, a Selectielijst klasse `vernietigen` after P10Y).
 */
export async function createZaaktypen(server: TestServer): Promise<{ zaaktype: TestZaaktype; ander: TestZaaktype }> {
  const root = '/catalogi/api/v1';
  const ref = `${server.baseUrl}/referentielijsten/api/v1`;
  const store = loadReferentielijsten();
  const klasse = store.resultaten.find((r) => r.procestermijn === 'nihil' && r.waardering === 'vernietigen' && r.bewaartermijn === 'P10Y')!;
  const post = async (path: string, body: Record<string, unknown>) => {
    const response = await server.call('POST', `${root}${path}`, { body });
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.url as string;
  };
  const catalogus = await post('/catalogussen', { domein: 'ZST', rsin: '000000000', contactpersoonBeheerNaam: 'Beheer' });
  const zaaktype = async (identificatie: string): Promise<TestZaaktype> => {
    const url = await post('/zaaktypen', {
      identificatie,
      omschrijving: identificatie,
      vertrouwelijkheidaanduiding: 'openbaar',
      doel: 'doel',
      aanleiding: 'aanleiding',
      indicatieInternOfExtern: 'extern',
      handelingInitiator: 'indienen',
      onderwerp: 'onderwerp',
      handelingBehandelaar: 'behandelen',
      doorlooptijd: 'P10D',
      opschortingEnAanhoudingMogelijk: false,
      verlengingMogelijk: false,
      publicatieIndicatie: false,
      productenOfDiensten: [],
      selectielijstProcestype: `${ref}/procestypen/${klasse.procesType}`,
      referentieproces: { naam: 'proces' },
      catalogus,
      besluittypen: [],
      gerelateerdeZaaktypen: [],
      beginGeldigheid: '2018-01-01',
    });
    return {
      url,
      stored: new URL(url).pathname,
      begin: await post('/statustypen', { omschrijving: 'Begin', zaaktype: url, volgnummer: 1 }),
      eind: await post('/statustypen', { omschrijving: 'Eind', zaaktype: url, volgnummer: 2 }),
      resultaattype: await post('/resultaattypen', {
        zaaktype: url,
        omschrijving: 'Klaar',
        resultaattypeomschrijving: `${ref}/resultaattypeomschrijvingen/${store.resultaattypeomschrijvingen[0]!.uuid}`,
        selectielijstklasse: `${ref}/resultaten/${klasse.uuid}`,
        brondatumArchiefprocedure: { afleidingswijze: 'afgehandeld', procestermijn: null, datumkenmerk: '', einddatumBekend: false, objecttype: '', registratie: '' },
      }),
    };
  };
  return { zaaktype: await zaaktype('ZST-1'), ander: await zaaktype('ZST-2') };
}

/** A client with these zrc scopes on one zaaktype (up to openbaar), as a test identity. */
export async function clientWith(server: TestServer, name: string, scopes: string[], zaaktype: string): Promise<{ clientId: string; secret: string }> {
  const client = { clientId: `zst-${name}`, secret: `zst-${name}-secret-0123456789` };
  await provisionClients(server.og.database, [{ ...client, label: name, autorisaties: [{ component: 'zrc', scopes, zaaktype, maxVertrouwelijkheidaanduiding: 'openbaar' }] }]);
  server.og.authenticator.invalidate();
  return client;
}
