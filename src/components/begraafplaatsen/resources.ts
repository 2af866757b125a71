/**
 * The read-only resources of the Begraafplaatsen API: begraafplaatsen (with opening hours),
 * grafsoorten, graven, grafplaatsen, and the day's tijdsloten of a begraafplaats. They are
 * kept by the municipality (the demo seed, or SQL); clients read them to choose a slot and a
 * grave.
 */
import { defineOperation, type Operation } from '../../platform/http/api.ts';
import type { Database } from '../../platform/db/database.ts';
import { pageEnvelope } from '../../platform/http/pagination.ts';
import { invalidParam, notFound } from '../../platform/http/problem.ts';
import { Type, Url, type Static, type TSchema } from '../../platform/http/schema.ts';
import type { TObject } from '@sinclair/typebox';
import * as repository from './repository.ts';
import { Begraafplaats, Graf, Grafplaats, Grafsoort, PaginatedBegraafplaatsList, PaginatedGrafList, PaginatedGrafplaatsList, PaginatedGrafsoortList, Tijdslot } from './schemas.ts';
import { instant, isoLokaal, slotStarts } from './tijd.ts';
import { filterUuid, ownUuid, urls, type Collection } from './urls.ts';
import { LEZEN } from './scopes.ts';

export const UuidParams = Type.Object({ uuid: Type.String({ format: 'uuid', description: 'Unieke resource identifier (UUID4).' }) });
export const PAGE = Type.Integer({ minimum: 1, description: 'Een pagina binnen de gepagineerde set resultaten.' });

export function begraafplaatsToApi(b: repository.BegraafplaatsRow, apiRoot: string) {
  return { url: urls(apiRoot).begraafplaats(b.uuid), uuid: b.uuid, naam: b.naam, adres: b.adres, gemeentecode: b.gemeentecode, slotduur: b.slotduur, openingstijden: b.openingstijden, sluitingsdagen: b.sluitingsdagen };
}

export function grafsoortToApi(g: repository.GrafsoortRow, apiRoot: string) {
  return { url: urls(apiRoot).grafsoort(g.uuid), ...g };
}

export function grafToApi(g: repository.GrafRow, apiRoot: string) {
  const u = urls(apiRoot);
  return { url: u.graf(g.uuid), uuid: g.uuid, begraafplaats: u.begraafplaats(g.begraafplaats), grafsoort: u.grafsoort(g.grafsoort), vak: g.vak, nummer: g.nummer, grafplaatsen: g.grafplaatsen.map(u.grafplaats) };
}

export function grafplaatsToApi(g: repository.GrafplaatsRow, apiRoot: string) {
  const u = urls(apiRoot);
  return { url: u.grafplaats(g.uuid), uuid: g.uuid, graf: u.graf(g.graf), volgnummer: g.volgnummer, status: g.status };
}

/** The local day [00:00, next 00:00) as instants. */
export function dag(datum: string): { van: Date; tot: Date } {
  const next = new Date(`${datum}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return { van: instant(datum, '00:00'), tot: instant(next.toISOString().slice(0, 10), '00:00') };
}

/** The begraafplaats a body or query names by URL; a 400 on `field` when it is none of ours. */
export async function begraafplaatsOf(database: Database, url: string, field = 'begraafplaats'): Promise<repository.BegraafplaatsRow> {
  const uuid = ownUuid(url, 'begraafplaatsen');
  const found = uuid && (await repository.findBegraafplaats(database.db, uuid));
  if (!found) throw invalidParam(field, 'does_not_exist', `Begraafplaats ${url} bestaat niet.`);
  return found;
}

interface ReadResource<Row, Q extends TObject> {
  collection: Collection;
  /** Singular, for operationIds and messages: `begraafplaats`. */
  resource: string;
  schema: TSchema;
  paginated: TSchema;
  /** The list's filters besides `page`. */
  filters: Q;
  summaries: { list: string; listDescription: string; read: string; readDescription: string };
  list(query: Static<Q>, page: number): Promise<{ count: number; results: Row[] }>;
  find(uuid: string): Promise<Row | undefined>;
  toApi(row: Row, apiRoot: string): unknown;
}

/** The list (paginated, filtered) and the detail of one read-only resource. */
function readOperations<Row, Q extends TObject>(r: ReadResource<Row, Q>): Operation[] {
  const tags = [r.collection];
  return [
    defineOperation({
      method: 'GET',
      path: `/${r.collection}`,
      operationId: `${r.resource}_list`,
      summary: r.summaries.list,
      description: r.summaries.listDescription,
      tags,
      scopes: LEZEN,
      query: Type.Object({ ...r.filters.properties, page: Type.Optional(PAGE) }),
      responses: { 200: { description: 'OK', schema: r.paginated } },
      async handler({ query, apiRoot, request }) {
        const n = (query.page as number | undefined) ?? 1;
        const { count, results } = await r.list(query as Static<Q>, n);
        return { status: 200, body: pageEnvelope(`${apiRoot}/${r.collection}`, request, n, count, results.map((row) => r.toApi(row, apiRoot))) };
      },
    }),
    defineOperation({
      method: 'GET',
      path: `/${r.collection}/{uuid}`,
      operationId: `${r.resource}_read`,
      summary: r.summaries.read,
      description: r.summaries.readDescription,
      tags,
      scopes: LEZEN,
      params: UuidParams,
      responses: { 200: { description: 'OK', schema: r.schema } },
      async handler({ params, apiRoot }) {
        const row = await r.find(params.uuid);
        if (!row) throw notFound(`${r.resource} ${params.uuid} bestaat niet.`);
        return { status: 200, body: r.toApi(row, apiRoot) };
      },
    }),
  ];
}

const NO_FILTERS = Type.Object({});

export function resourceOperations(database: Database): Operation[] {
  const db = database.db;
  return [
    ...readOperations({
      collection: 'begraafplaatsen',
      resource: 'begraafplaats',
      schema: Begraafplaats,
      paginated: PaginatedBegraafplaatsList,
      filters: NO_FILTERS,
      summaries: {
        list: 'Alle begraafplaatsen opvragen.',
        listDescription: 'De begraafplaatsen met hun openingstijden, sluitingsdagen en slotduur, op naam.',
        read: 'Een begraafplaats opvragen.',
        readDescription: 'Een begraafplaats met haar openingstijden, sluitingsdagen en slotduur.',
      },
      list: (_query, n) => repository.listBegraafplaatsen(db, n),
      find: (uuid) => repository.findBegraafplaats(db, uuid),
      toApi: begraafplaatsToApi,
    }),
    ...readOperations({
      collection: 'grafsoorten',
      resource: 'grafsoort',
      schema: Grafsoort,
      paginated: PaginatedGrafsoortList,
      filters: NO_FILTERS,
      summaries: {
        list: 'Alle grafsoorten opvragen.',
        listDescription: 'De soorten graf: particulier-graf, algemeen-graf, urnengraf, kindergraf.',
        read: 'Een grafsoort opvragen.',
        readDescription: 'Een grafsoort.',
      },
      list: (_query, n) => repository.listGrafsoorten(db, n),
      find: (uuid) => repository.findGrafsoort(db, uuid),
      toApi: grafsoortToApi,
    }),
    ...readOperations({
      collection: 'graven',
      resource: 'graf',
      schema: Graf,
      paginated: PaginatedGrafList,
      filters: Type.Object({
        begraafplaats: Type.Optional(Url({ description: 'URL-referentie naar de begraafplaats.' })),
        grafsoort: Type.Optional(Url({ description: 'URL-referentie naar de grafsoort.' })),
        beschikbaar: Type.Optional(Type.Boolean({ description: 'true: alleen graven met een vrije grafplaats; false: alleen graven zonder.' })),
      }),
      summaries: {
        list: 'Alle graven opvragen.',
        listDescription: 'Graven, per begraafplaats op vak en nummer; te filteren op begraafplaats, grafsoort en of er een grafplaats vrij is.',
        read: 'Een graf opvragen.',
        readDescription: 'Een graf met zijn grafplaatsen.',
      },
      list: (query, n) => repository.listGraven(db, { begraafplaats: filterUuid(query.begraafplaats, 'begraafplaatsen'), grafsoort: filterUuid(query.grafsoort, 'grafsoorten'), beschikbaar: query.beschikbaar }, n),
      find: (uuid) => repository.findGraf(db, uuid),
      toApi: grafToApi,
    }),
    ...readOperations({
      collection: 'grafplaatsen',
      resource: 'grafplaats',
      schema: Grafplaats,
      paginated: PaginatedGrafplaatsList,
      filters: Type.Object({
        graf: Type.Optional(Url({ description: 'URL-referentie naar het graf.' })),
        beschikbaar: Type.Optional(Type.Boolean({ description: 'true: alleen vrije grafplaatsen; false: alleen gereserveerde en bezette.' })),
      }),
      summaries: {
        list: 'Alle grafplaatsen opvragen.',
        listDescription: 'Grafplaatsen met hun status (vrij, gereserveerd, bezet); te filteren op graf en op vrij.',
        read: 'Een grafplaats opvragen.',
        readDescription: 'Een grafplaats met haar status.',
      },
      list: (query, n) => repository.listGrafplaatsen(db, { graf: filterUuid(query.graf, 'graven'), beschikbaar: query.beschikbaar }, n),
      find: (uuid) => repository.findGrafplaats(db, uuid),
      toApi: grafplaatsToApi,
    }),
    defineOperation({
      method: 'GET',
      path: '/tijdsloten',
      operationId: 'tijdslot_list',
      summary: 'De tijdsloten van één dag op een begraafplaats.',
      description:
        'De tijdsloten volgen uit de openingstijden van die weekdag en de slotduur: om de slotduur vanaf het begin van elke openingstijd, zolang het slot voor het einde afloopt. Een sluitingsdag of een dag zonder openingstijden heeft geen tijdsloten. Niet gepagineerd (één dag).',
      tags: ['tijdsloten'],
      scopes: LEZEN,
      query: Type.Object({
        begraafplaats: Url({ description: 'URL-referentie naar de begraafplaats.' }),
        datum: Type.String({ format: 'date', description: 'De dag (Nederlandse kalender), JJJJ-MM-DD.' }),
      }),
      responses: { 200: { description: 'OK', schema: Type.Array(Tijdslot) } },
      async handler({ query, apiRoot }) {
        const begraafplaats = await begraafplaatsOf(database, query.begraafplaats);
        const starts = slotStarts(query.datum, begraafplaats.openingstijden, begraafplaats.sluitingsdagen, begraafplaats.slotduur);
        const { van, tot } = dag(query.datum);
        const held = new Set(await repository.heldStarts(db, begraafplaats.uuid, van, tot));
        const now = Date.now();
        const url = urls(apiRoot).begraafplaats(begraafplaats.uuid);
        const body = starts.map((start) => ({
          begraafplaats: url,
          start: isoLokaal(start),
          eind: isoLokaal(new Date(start.getTime() + begraafplaats.slotduur * 60_000)),
          beschikbaar: start.getTime() > now && !held.has(start.getTime()),
        }));
        return { status: 200, body };
      },
    }),
  ];
}
