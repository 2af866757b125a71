/**
 * The Notificaties beheer-API (not part of the standard, so its own API root and document):
 * operators see every delivery with its attempts and outcome, and retry the dead ones. Scope
 * `notificaties.beheren` on component `nrc` (or all rights). `opengrond notificaties …` does
 * the same from the command line.
 */
import type { ApiDefinition, Operation } from '../../platform/http/api.ts';
import { defineOperation } from '../../platform/http/api.ts';
import type { Database } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/problem.ts';
import { pageEnvelope, PAGE_SIZE } from '../../platform/http/pagination.ts';
import { Enum, named, Nullable, Paginated, Type, Url } from '../../platform/http/schema.ts';
import { Message } from './schemas.ts';
import { findLevering, listLeveringen, retryDead, type LeveringView } from './delivery/leveringen.ts';

const BEHEREN = ['notificaties.beheren'];
const STATUS = ['pending', 'delivered', 'dead'] as const;
const DATE_TIME = { format: 'date-time' };

const Levering = named(
  'Levering',
  Type.Object({
    url: Url({ description: 'URL-referentie naar deze levering.' }),
    id: Type.Integer(),
    status: Enum(STATUS, { description: '`pending`: nog af te leveren (eventueel na een mislukte poging), `delivered`: afgeleverd (2xx), `dead`: opgegeven na het maximale aantal pogingen.' }),
    aantalPogingen: Type.Integer(),
    volgendePoging: Nullable(Type.String({ ...DATE_TIME, description: 'Wanneer de levering op zijn vroegst weer geprobeerd wordt (alleen bij `pending`).' })),
    laatsteHttpStatus: Nullable(Type.Integer({ description: 'Het antwoord van de abonnee op de laatste poging; leeg als er geen antwoord kwam.' })),
    laatsteFout: Nullable(Type.String()),
    afgeleverdOp: Nullable(Type.String(DATE_TIME)),
    aangemaaktOp: Type.String(DATE_TIME),
    abonnement: Url(),
    callbackUrl: Type.String({ format: 'uri' }),
    notificatie: Message,
  }),
);

const Poging = named(
  'Poging',
  Type.Object({
    nummer: Type.Integer(),
    gestartOp: Type.String(DATE_TIME),
    duurMs: Type.Integer(),
    httpStatus: Nullable(Type.Integer()),
    fout: Nullable(Type.String()),
  }),
);

const LeveringDetail = named('LeveringDetail', Type.Object({ ...Levering.properties, pogingen: Type.Array(Poging) }));

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, description: 'Het nummer van de levering.' }) });
const Filter = {
  abonnement: Type.Optional(Type.String({ format: 'uuid', description: 'Alleen leveringen aan dit abonnement (UUID).' })),
  kanaal: Type.Optional(Type.String({ description: 'Alleen leveringen van notificaties op dit kanaal.' })),
};

export function beheerApi(database: Database): ApiDefinition {
  return {
    name: 'notificaties-beheer',
    component: 'nrc',
    title: 'Notificaties beheer',
    version: '1.0.0',
    description:
      'Beheer van de aflevering van notificaties van de Notificaties API: elke levering van een notificatie aan een abonnement, met zijn pogingen en hun uitkomst, en het opnieuw aanbieden van leveringen die zijn opgegeven (`dead`).',
    operations: beheerOperations(database),
  };
}

function beheerOperations(database: Database): Operation[] {
  const TAGS = ['leveringen'];
  const toApi = (l: LeveringView, apiRoot: string) => ({
    url: `${apiRoot}/leveringen/${l.id}`,
    id: l.id,
    status: l.status,
    aantalPogingen: l.attempts,
    volgendePoging: l.nextAttemptAt,
    laatsteHttpStatus: l.lastStatus,
    laatsteFout: l.lastError,
    afgeleverdOp: l.deliveredAt,
    aangemaaktOp: l.createdAt,
    abonnement: `${new URL(apiRoot).origin}/notificaties/api/v1/abonnement/${l.abonnement}`,
    callbackUrl: l.callbackUrl,
    notificatie: l.bericht,
  });
  const detail = async (id: number, apiRoot: string) => {
    const levering = await findLevering(database.db, id);
    if (!levering) throw notFound(`Levering ${id} bestaat niet.`);
    return {
      ...toApi(levering, apiRoot),
      pogingen: levering.pogingen.map((p) => ({ nummer: p.nummer, gestartOp: p.startedAt, duurMs: p.durationMs, httpStatus: p.statusCode, fout: p.error })),
    };
  };

  return [
    defineOperation({
      method: 'GET',
      path: '/leveringen',
      operationId: 'levering_list',
      summary: 'Alle leveringen, nieuwste eerst.',
      tags: TAGS,
      scopes: BEHEREN,
      query: Type.Object({
        status: Type.Optional(Enum(STATUS)),
        ...Filter,
        page: Type.Optional(Type.Integer({ minimum: 1, description: 'Een pagina binnen de gepagineerde set resultaten.' })),
      }),
      responses: { 200: { description: 'OK', schema: Paginated(Levering) } },
      async handler({ query, apiRoot, request }) {
        const page = query.page ?? 1;
        const { count, results } = await listLeveringen(database.db, { status: query.status, abonnement: query.abonnement, kanaal: query.kanaal }, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
        return { status: 200, body: pageEnvelope(`${apiRoot}/leveringen`, request, page, count, results.map((l) => toApi(l, apiRoot))) };
      },
    }),
    defineOperation({
      method: 'GET',
      path: '/leveringen/{id}',
      operationId: 'levering_read',
      summary: 'Een levering met al zijn pogingen.',
      tags: TAGS,
      scopes: BEHEREN,
      params: IdParams,
      responses: { 200: { description: 'OK', schema: LeveringDetail } },
      async handler({ params, apiRoot }) {
        return { status: 200, body: await detail(params.id, apiRoot) };
      },
    }),
    defineOperation({
      method: 'POST',
      path: '/leveringen/{id}/opnieuw',
      operationId: 'levering_retry',
      summary: 'Bied een opgegeven levering opnieuw aan.',
      description: 'Een levering met status `dead` krijgt een nieuwe reeks pogingen, te beginnen nu. Een levering met een andere status blijft zoals hij is.',
      tags: TAGS,
      scopes: BEHEREN,
      params: IdParams,
      responses: { 200: { description: 'OK', schema: LeveringDetail } },
      async handler({ params, apiRoot }) {
        await detail(params.id, apiRoot);
        await retryDead(database.db, { ids: [params.id] });
        return { status: 200, body: await detail(params.id, apiRoot) };
      },
    }),
    defineOperation({
      method: 'POST',
      path: '/leveringen/opnieuw',
      operationId: 'levering_retry_all',
      summary: 'Bied alle opgegeven leveringen opnieuw aan.',
      description: 'Alle leveringen met status `dead` (eventueel alleen die aan één abonnement of op één kanaal) krijgen een nieuwe reeks pogingen, te beginnen nu.',
      tags: TAGS,
      scopes: BEHEREN,
      query: Type.Object(Filter),
      responses: { 200: { description: 'OK', schema: Type.Object({ aantal: Type.Integer({ description: 'Hoeveel leveringen opnieuw worden aangeboden.' }) }) } },
      async handler({ query }) {
        return { status: 200, body: { aantal: await retryDead(database.db, { abonnement: query.abonnement, kanaal: query.kanaal }) } };
      },
    }),
  ];
}
