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
import { Type, Url } from '../../platform/http/schema.ts';
import * as repository from './repository.ts';
import { Begraafplaats, Graf, Grafplaats, Grafsoort, PaginatedBegraafplaatsList, PaginatedGrafList, PaginatedGrafplaatsList, PaginatedGrafsoortList, Tijdslot } from './schemas.ts';
import { instant, isoLokaal, slotStarts } from './tijd.ts';
import { filterUuid, ownUuid, urls } from './urls.ts';
import { LEZEN } from './scopes.ts';

export const UuidParams = Type.Object({ uuid: Type.String({ format: 'uuid', description: 'Unieke resource identifier (UUID4).' }) });
export const PAGE = Type.Integer({ minimum: 1, description: 'Een pagina binnen de gepagineerde set resultaten.' });
const BESCHIKBAAR = Type.Boolean({ description: 'true: alleen met een vrije grafplaats; false: alleen zonder.' });

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

export function resourceOperations(database: Database): Operation[] {
  const db = database.db;
  const existing = async <T>(found: Promise<T | undefined>, what: string, uuid: string) => {
    const row = await found;
    if (!row) throw notFound(`${what} ${uuid} bestaat niet.`);
    return row;
  };
  const list = (path: string, tag: string, schema: Parameters<typeof defineOperation>[0]['responses'][number]['schema']) => ({
    method: 'GET' as const,
    path,
    operationId: `${tag}_list`,
    tags: [path.slice(1)],
    scopes: LEZEN,
    responses: { 200: { description: 'OK', schema } },
  });
  const detail = (path: string, tag: string, schema: Parameters<typeof defineOperation>[0]['responses'][number]['schema']) => ({
    method: 'GET' as const,
    path: `${path}/{uuid}`,
    operationId: `${tag}_read`,
    tags: [path.slice(1)],
    scopes: LEZEN,
    params: UuidParams,
    responses: { 200: { description: 'OK', schema } },
  });

  return [
    defineOperation({
      ...list('/begraafplaatsen', 'begraafplaats', PaginatedBegraafplaatsList),
      summary: 'Alle begraafplaatsen opvragen.',
      description: 'De begraafplaatsen met hun openingstijden, sluitingsdagen en slotduur, op naam.',
      query: Type.Object({ page: Type.Optional(PAGE) }),
      async handler({ query, apiRoot, request }) {
        const n = query.page ?? 1;
        const { count, results } = await repository.listBegraafplaatsen(db, n);
        return { status: 200, body: pageEnvelope(`${apiRoot}/begraafplaatsen`, request, n, count, results.map((b) => begraafplaatsToApi(b, apiRoot))) };
      },
    }),
    defineOperation({
      ...detail('/begraafplaatsen', 'begraafplaats', Begraafplaats),
      summary: 'Een begraafplaats opvragen.',
      description: 'Een begraafplaats met haar openingstijden, sluitingsdagen en slotduur.',
      async handler({ params, apiRoot }) {
        return { status: 200, body: begraafplaatsToApi(await existing(repository.findBegraafplaats(db, params.uuid), 'Begraafplaats', params.uuid), apiRoot) };
      },
    }),
    defineOperation({
      ...list('/grafsoorten', 'grafsoort', PaginatedGrafsoortList),
      summary: 'Alle grafsoorten opvragen.',
      description: 'De soorten graf: particulier-graf, algemeen-graf, urnengraf, kindergraf.',
      query: Type.Object({ page: Type.Optional(PAGE) }),
      async handler({ query, apiRoot, request }) {
        const n = query.page ?? 1;
        const { count, results } = await repository.listGrafsoorten(db, n);
        return { status: 200, body: pageEnvelope(`${apiRoot}/grafsoorten`, request, n, count, results.map((g) => grafsoortToApi(g, apiRoot))) };
      },
    }),
    defineOperation({
      ...detail('/grafsoorten', 'grafsoort', Grafsoort),
      summary: 'Een grafsoort opvragen.',
      description: 'Een grafsoort.',
      async handler({ params, apiRoot }) {
        return { status: 200, body: grafsoortToApi(await existing(repository.findGrafsoort(db, params.uuid), 'Grafsoort', params.uuid), apiRoot) };
      },
    }),
    defineOperation({
      ...list('/graven', 'graf', PaginatedGrafList),
      summary: 'Alle graven opvragen.',
      description: 'Graven, op vak en nummer; te filteren op begraafplaats, grafsoort en of er een grafplaats vrij is.',
      query: Type.Object({
        begraafplaats: Type.Optional(Url({ description: 'URL-referentie naar de begraafplaats.' })),
        grafsoort: Type.Optional(Url({ description: 'URL-referentie naar de grafsoort.' })),
        beschikbaar: Type.Optional(BESCHIKBAAR),
        page: Type.Optional(PAGE),
      }),
      async handler({ query, apiRoot, request }) {
        const n = query.page ?? 1;
        const filter = { begraafplaats: filterUuid(query.begraafplaats, 'begraafplaatsen'), grafsoort: filterUuid(query.grafsoort, 'grafsoorten'), beschikbaar: query.beschikbaar };
        const { count, results } = await repository.listGraven(db, filter, n);
        return { status: 200, body: pageEnvelope(`${apiRoot}/graven`, request, n, count, results.map((g) => grafToApi(g, apiRoot))) };
      },
    }),
    defineOperation({
      ...detail('/graven', 'graf', Graf),
      summary: 'Een graf opvragen.',
      description: 'Een graf met zijn grafplaatsen.',
      async handler({ params, apiRoot }) {
        return { status: 200, body: grafToApi(await existing(repository.findGraf(db, params.uuid), 'Graf', params.uuid), apiRoot) };
      },
    }),
    defineOperation({
      ...list('/grafplaatsen', 'grafplaats', PaginatedGrafplaatsList),
      summary: 'Alle grafplaatsen opvragen.',
      description: 'Grafplaatsen met hun status (vrij, gereserveerd, bezet); te filteren op graf en op vrij.',
      query: Type.Object({
        graf: Type.Optional(Url({ description: 'URL-referentie naar het graf.' })),
        beschikbaar: Type.Optional(Type.Boolean({ description: 'true: alleen vrije grafplaatsen; false: alleen gereserveerde en bezette.' })),
        page: Type.Optional(PAGE),
      }),
      async handler({ query, apiRoot, request }) {
        const n = query.page ?? 1;
        const { count, results } = await repository.listGrafplaatsen(db, { graf: filterUuid(query.graf, 'graven'), beschikbaar: query.beschikbaar }, n);
        return { status: 200, body: pageEnvelope(`${apiRoot}/grafplaatsen`, request, n, count, results.map((g) => grafplaatsToApi(g, apiRoot))) };
      },
    }),
    defineOperation({
      ...detail('/grafplaatsen', 'grafplaats', Grafplaats),
      summary: 'Een grafplaats opvragen.',
      description: 'Een grafplaats met haar status.',
      async handler({ params, apiRoot }) {
        return { status: 200, body: grafplaatsToApi(await existing(repository.findGrafplaats(db, params.uuid), 'Grafplaats', params.uuid), apiRoot) };
      },
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
