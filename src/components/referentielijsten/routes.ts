/**
 * The operations of the Referentielijsten API 0.6.0: read-only, and public, as the standard
 * says ("Deze APIs zijn alleen-lezen, en behoeven geen autorisatie"; it declares no security
 * requirement). Every object is served under this API's own root; a resultaat's `procesType`
 * points at this API's procestype.
 */
import { PAGE_SIZE, pageEnvelope } from '../../platform/http/pagination.ts';
import type { FastifyRequest } from 'fastify';
import { defineOperation, type Operation } from '../../platform/http/api.ts';
import { invalidParam, notFound } from '../../platform/http/problem.ts';
import { Type } from '../../platform/http/schema.ts';
import {
  CommunicatieKanaal,
  PaginatedCommunicatieKanaalList,
  PaginatedResultaatList,
  ProcesType,
  Resultaat,
  ResultaattypeOmschrijvingGeneriek,
} from './schemas.ts';
import {
  PROCESTERMIJN_WEERGAVE,
  TAAKGEBIEDEN,
  parseReferentielijstUrl,
  type CommunicatieKanaalRecord,
  type ProcesTypeRecord,
  type ReferentielijstenStore,
  type ResultaatRecord,
  type ResultaattypeOmschrijvingRecord,
} from './store.ts';

/** Page size of the paginated lists. */

const PUBLIC = null;
const UUID_DESCRIPTION = 'Unieke resource identifier (UUID4)';
const uuidParams = (description?: string) =>
  Type.Object({ uuid: Type.String({ format: 'uuid', title: 'uuid', ...(description ? { description } : {}) }) });
const page = () => Type.Optional(Type.Integer({ description: 'Een pagina binnen de gepagineerde set resultaten.', minimum: 1 }));

const PROCESTYPEN_DESCRIPTION =
  'Ontsluit de selectielijst procestypen.\n\nProcestypen worden gerefereerd in zaaktypecatalogi - bij het configureren\nvan een zaaktype wordt aangegeven welk procestype van toepassing is, zodat\nhet archiefregime van zaken bepaald kan worden.\n\nZie https://vng.nl/files/vng/20170706-selectielijst-gemeenten-intergemeentelijke-organen-2017.pdf\nvoor de bron van de inhoud.';
const RESULTATEN_DESCRIPTION =
  'Ontsluit de selectielijst resultaten.\n\nBij een procestype horen meerdere mogelijke resultaten, al dan niet\ngeneriek/specifiek. Bij het configureren van een resultaattype in het ZTC\nwordt aangegeven welke selectielijstklasse van toepassing is, wat een\nreferentie is naar een item van deze resource.\n\nZie https://vng.nl/files/vng/20170706-selectielijst-gemeenten-intergemeentelijke-organen-2017.pdf\nvoor de bron van de inhoud.';

export const procesTypeUrl = (apiRoot: string, uuid: string) => `${apiRoot}/procestypen/${uuid}`;
export const resultaatUrl = (apiRoot: string, uuid: string) => `${apiRoot}/resultaten/${uuid}`;

export function procesTypeToApi(r: ProcesTypeRecord, apiRoot: string): ProcesType {
  return { url: procesTypeUrl(apiRoot, r.uuid), nummer: r.nummer, jaar: r.jaar, naam: r.naam, omschrijving: r.omschrijving, toelichting: r.toelichting, procesobject: r.procesobject };
}

export function resultaatToApi(r: ResultaatRecord, apiRoot: string): Resultaat {
  const result: Resultaat = {
    url: resultaatUrl(apiRoot, r.uuid),
    procesType: procesTypeUrl(apiRoot, r.procesType),
    nummer: r.nummer,
    volledigNummer: r.volledigNummer,
    generiek: r.generiek,
    specifiek: !r.generiek,
    naam: r.naam,
    omschrijving: r.omschrijving,
    herkomst: r.herkomst,
    // Blank in two published resultaten; served as published (the schema's enum is the standard's).
    waardering: r.waardering as Resultaat['waardering'],
    procestermijn: r.procestermijn,
    procestermijnWeergave: PROCESTERMIJN_WEERGAVE[r.procestermijn],
    bewaartermijn: r.bewaartermijn,
    toelichting: r.toelichting,
  };
  for (const taakgebied of TAAKGEBIEDEN) result[taakgebied] = r[taakgebied];
  result.procestermijnOpmerking = r.procestermijnOpmerking;
  return result;
}

const omschrijvingToApi = (r: ResultaattypeOmschrijvingRecord, apiRoot: string): ResultaattypeOmschrijvingGeneriek => ({
  url: `${apiRoot}/resultaattypeomschrijvingen/${r.uuid}`,
  omschrijving: r.omschrijving,
  definitie: r.definitie,
  opmerking: r.opmerking,
});

const kanaalToApi = (r: CommunicatieKanaalRecord, apiRoot: string): CommunicatieKanaal => ({
  url: `${apiRoot}/communicatiekanalen/${r.uuid}`,
  naam: r.naam,
  omschrijving: r.omschrijving,
});

/** One page of `items` (all in memory) in the ZGW envelope. */
function paginate<T, R>(items: readonly T[], pageNumber: number, listUrl: string, request: FastifyRequest, toApi: (item: T) => R) {
  const start = (pageNumber - 1) * PAGE_SIZE;
  return pageEnvelope(listUrl, request, pageNumber, items.length, items.slice(start, start + PAGE_SIZE).map(toApi));
}

export function referentielijstenOperations(store: ReferentielijstenStore): Operation[] {
  const found = <T>(record: T | undefined, what: string, uuid: string): T => {
    if (!record) throw notFound(`${what} ${uuid} bestaat niet.`);
    return record;
  };

  return [
    defineOperation({
      method: 'GET',
      path: '/communicatiekanalen',
      operationId: 'communicatiekanaal_list',
      summary: 'Alle communicatiekanalen opvragen.',
      description: 'Raadpleeg de lijst van communicatiekanalen.',
      tags: ['communicatiekanalen'],
      scopes: PUBLIC,
      query: Type.Object({ page: page() }),
      responses: { 200: { description: 'OK', schema: PaginatedCommunicatieKanaalList } },
      async handler({ query, apiRoot, request }) {
        return { status: 200, body: paginate(store.communicatiekanalen, query.page ?? 1, `${apiRoot}/communicatiekanalen`, request, (r) => kanaalToApi(r, apiRoot)) };
      },
    }),
    defineOperation({
      method: 'GET',
      path: '/communicatiekanalen/{uuid}',
      operationId: 'communicatiekanaal_retrieve',
      summary: 'Een specifiek communicatiekanaal opvragen.',
      description: 'Raadpleeg de lijst van communicatiekanalen.',
      tags: ['communicatiekanalen'],
      scopes: PUBLIC,
      params: uuidParams(UUID_DESCRIPTION),
      responses: { 200: { description: 'OK', schema: CommunicatieKanaal } },
      async handler({ params, apiRoot }) {
        return { status: 200, body: kanaalToApi(found(store.findCommunicatiekanaal(params.uuid), 'Communicatiekanaal', params.uuid), apiRoot) };
      },
    }),
    defineOperation({
      method: 'GET',
      path: '/procestypen',
      operationId: 'procestype_list',
      summary: 'Alle procestypen opvragen.',
      description: PROCESTYPEN_DESCRIPTION,
      tags: ['procestypen'],
      scopes: PUBLIC,
      // The standard documents `jaar` as text; it must be a year all the same.
      query: Type.Object({ jaar: Type.Optional(Type.String({ description: 'jaar', pattern: '^[0-9]{1,9}$' })) }),
      // The standard documents this list without pagination.
      responses: { 200: { description: 'OK', schema: Type.Array(ProcesType) } },
      async handler({ query, apiRoot }) {
        const jaar = query.jaar === undefined ? undefined : Number(query.jaar);
        const procestypen = store.procestypen.filter((p) => jaar === undefined || p.jaar === jaar);
        return { status: 200, body: procestypen.map((p) => procesTypeToApi(p, apiRoot)) };
      },
    }),
    defineOperation({
      method: 'GET',
      path: '/procestypen/{uuid}',
      operationId: 'procestype_retrieve',
      summary: 'Een specifiek procestype opvragen.',
      description: PROCESTYPEN_DESCRIPTION,
      tags: ['procestypen'],
      scopes: PUBLIC,
      params: uuidParams(),
      responses: { 200: { description: 'OK', schema: ProcesType } },
      async handler({ params, apiRoot }) {
        return { status: 200, body: procesTypeToApi(found(store.findProcestype(params.uuid), 'Procestype', params.uuid), apiRoot) };
      },
    }),
    defineOperation({
      method: 'GET',
      path: '/resultaattypeomschrijvingen',
      operationId: 'resultaattypeomschrijvinggeneriek_list',
      summary: 'Alle generieke resultaattypeomschrijvingen opvragen.',
      description: 'Raadpleeg de generieke resultaattypeomschrijvingen.',
      tags: ['resultaattypeomschrijvingen'],
      scopes: PUBLIC,
      // The standard documents this list without pagination.
      responses: { 200: { description: 'OK', schema: Type.Array(ResultaattypeOmschrijvingGeneriek) } },
      async handler({ apiRoot }) {
        return { status: 200, body: store.resultaattypeomschrijvingen.map((r) => omschrijvingToApi(r, apiRoot)) };
      },
    }),
    defineOperation({
      method: 'GET',
      path: '/resultaattypeomschrijvingen/{uuid}',
      operationId: 'resultaattypeomschrijvinggeneriek_retrieve',
      summary: 'Een specifieke generieke resultaattypeomschrijving opvragen.',
      description: 'Raadpleeg de generieke resultaattypeomschrijvingen.',
      tags: ['resultaattypeomschrijvingen'],
      scopes: PUBLIC,
      params: uuidParams(UUID_DESCRIPTION),
      responses: { 200: { description: 'OK', schema: ResultaattypeOmschrijvingGeneriek } },
      async handler({ params, apiRoot }) {
        return { status: 200, body: omschrijvingToApi(found(store.findResultaattypeomschrijving(params.uuid), 'Resultaattypeomschrijving', params.uuid), apiRoot) };
      },
    }),
    defineOperation({
      method: 'GET',
      path: '/resultaten',
      operationId: 'resultaat_list',
      summary: 'Alle selectielijst resultaten opvragen.',
      description: RESULTATEN_DESCRIPTION,
      tags: ['resultaten'],
      scopes: PUBLIC,
      query: Type.Object({ proces_type: Type.Optional(Type.String({ description: 'proces_type' })), page: page() }),
      responses: { 200: { description: 'OK', schema: PaginatedResultaatList } },
      async handler({ query, apiRoot, request }) {
        let resultaten = store.resultaten;
        if (query.proces_type !== undefined && query.proces_type !== '') {
          // A procestype is known by its uuid: the URL of this API's procestype, or of the same one elsewhere.
          const ref = parseReferentielijstUrl(query.proces_type);
          if (!ref || ref.resource !== 'procestypen') throw invalidParam('proces_type', 'invalid', 'Voer een geldige URL van een procestype in.');
          resultaten = resultaten.filter((r) => r.procesType === ref.uuid);
        }
        return { status: 200, body: paginate(resultaten, query.page ?? 1, `${apiRoot}/resultaten`, request, (r) => resultaatToApi(r, apiRoot)) };
      },
    }),
    defineOperation({
      method: 'GET',
      path: '/resultaten/{uuid}',
      operationId: 'resultaat_retrieve',
      summary: 'Een specifiek selectielijst resultaat opvragen.',
      description: RESULTATEN_DESCRIPTION,
      tags: ['resultaten'],
      scopes: PUBLIC,
      params: uuidParams(),
      responses: { 200: { description: 'OK', schema: Resultaat } },
      async handler({ params, apiRoot }) {
        return { status: 200, body: resultaatToApi(found(store.findResultaat(params.uuid), 'Resultaat', params.uuid), apiRoot) };
      },
    }),
  ];
}
