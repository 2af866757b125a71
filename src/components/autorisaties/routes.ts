/**
 * The operations of the Autorisaties API 1.0.0. Every mutation is one transaction with its
 * audit record and its notification on kanaal `autorisaties`; afterwards the cached rights
 * of the platform's authentication are dropped so a change takes effect at once.
 */
import { randomUUID } from 'node:crypto';
import type { Database, Tx } from '../../platform/db/database.ts';
import { defineOperation, type HandlerResult, type Operation } from '../../platform/http/api.ts';
import { notFound, validationError, type InvalidParam } from '../../platform/http/problem.ts';
import { pageEnvelope } from '../../platform/http/pagination.ts';
import { Paginated, Type } from '../../platform/http/schema.ts';
import { writeAudit, type AuditActie } from '../../platform/audit/audit.ts';
import { enqueueNotificatie } from '../../platform/events/outbox.ts';
import type { Authorization } from '../../platform/auth/authorization.ts';
import { Applicatie, COMPONENT_WEERGAVE, type Autorisatie } from './schemas.ts';
import * as repository from './repository.ts';
import { checkApplicatie, clientIdsTaken } from './rules.ts';
import { LOCATION, UuidParams } from '../../platform/http/parameters.ts';

const TAGS = ['applicaties'];
const LEZEN = ['autorisaties.lezen'];
const BIJWERKEN = ['autorisaties.bijwerken'];
const UNIQUE_VIOLATION = '23505';

/** Only the fields that belong to the autorisatie's component are kept. */
const FIELDS_BY_COMPONENT: Record<string, (keyof Autorisatie)[]> = {
  zrc: ['zaaktype', 'maxVertrouwelijkheidaanduiding'],
  drc: ['informatieobjecttype', 'maxVertrouwelijkheidaanduiding'],
  brc: ['besluittype'],
};

function normaliseAutorisatie(a: Autorisatie): Autorisatie {
  const result: Autorisatie = { component: a.component, scopes: [...new Set(a.scopes)] };
  for (const field of FIELDS_BY_COMPONENT[a.component] ?? []) if (a[field]) (result as Record<string, unknown>)[field] = a[field];
  return result;
}

export function toApi(record: repository.ApplicatieRecord, apiRoot: string): Applicatie {
  return {
    url: applicatieUrl(apiRoot, record.uuid),
    clientIds: record.clientIds,
    label: record.label,
    heeftAlleAutorisaties: record.heeftAlleAutorisaties,
    autorisaties: record.autorisaties.map((a) => ({ ...a, componentWeergave: COMPONENT_WEERGAVE[a.component] })),
  };
}

const applicatieUrl = (apiRoot: string, uuid: string) => `${apiRoot}/applicaties/${uuid}`;

export interface AutorisatiesDeps {
  database: Database;
  /** Called after every committed change: cached rights must be dropped. */
  onChange: () => void;
}

export function autorisatiesOperations({ database, onChange }: AutorisatiesDeps): Operation[] {
  // The database is looked up per call: the API can be declared (for its OpenAPI document) without one.

  /** Checks, saves, audits and announces one applicatie, all in one transaction. */
  async function save(auth: Authorization, apiRoot: string, record: repository.ApplicatieRecord, actie: AuditActie, oud?: Applicatie): Promise<HandlerResult> {
    const errors: InvalidParam[] = checkApplicatie(record);
    if (new Set(record.clientIds).size !== record.clientIds.length) {
      errors.push({ name: 'clientIds', code: 'unique', reason: 'Een client ID mag maar één keer voorkomen.' });
    }
    const url = applicatieUrl(apiRoot, record.uuid);
    try {
      const saved = await database.db.transaction().execute(async (tx: Tx) => {
        errors.push(...clientIdsTaken(await repository.clientIdsInUse(tx, record.clientIds, record.uuid)));
        if (errors.length) throw validationError(errors);
        await repository.saveApplicatie(tx, record);
        const nieuw = toApi(record, apiRoot);
        await writeAudit(tx, auth, { component: 'ac', hoofdObject: url, resource: 'applicatie', resourceUrl: url, resourceWeergave: record.label, actie, resultaat: actie === 'create' ? 201 : 200, oud, nieuw });
        await enqueueNotificatie(tx, { kanaal: 'autorisaties', hoofdObject: url, resource: 'applicatie', resourceUrl: url, actie });
        return nieuw;
      });
      onChange();
      return actie === 'create' ? { status: 201, body: saved, headers: { Location: url } } : { status: 200, body: saved };
    } catch (error) {
      // Two requests claiming the same client id at once: the second loses at the database.
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw validationError(clientIdsTaken(record.clientIds));
      throw error;
    }
  }

  async function existing(uuid: string) {
    const record = await repository.findApplicatie(database.db, uuid);
    if (!record) throw notFound(`Applicatie ${uuid} bestaat niet.`);
    return record;
  }

  return [
    defineOperation({
      method: 'GET',
      path: '/applicaties',
      operationId: 'applicatie_list',
      summary: 'Geef een collectie van applicaties, met ingesloten autorisaties.',
      description:
        'De autorisaties zijn gedefinieerd op een specifieke component, bijvoorbeeld het ZRC, en geven aan welke scopes van toepassing zijn voor dit component. De collectie kan doorzocht worden met de `clientIds` query parameter.',
      tags: TAGS,
      scopes: LEZEN,
      query: Type.Object({
        clientIds: Type.Optional(Type.String({ description: 'Multiple values may be separated by commas.' })),
        page: Type.Optional(Type.Integer({ description: 'Een pagina binnen de gepagineerde set resultaten.', minimum: 1 })),
      }),
      responses: { 200: { description: 'OK', schema: Paginated(Applicatie) } },
      async handler({ query, apiRoot, request }) {
        const page = query.page ?? 1;
        const clientIds = query.clientIds?.split(',').map((s) => s.trim()).filter(Boolean);
        const { count, results } = await repository.listApplicaties(database.db, { clientIds, page });
        return { status: 200, body: pageEnvelope(`${apiRoot}/applicaties`, request, page, count, results.map((r) => toApi(r, apiRoot))) };
      },
    }),
    defineOperation({
      method: 'POST',
      path: '/applicaties',
      operationId: 'applicatie_create',
      summary: 'Registreer een applicatie met een bepaalde set van autorisaties.',
      description:
        'Indien `heeftAlleAutorisaties` gezet is, dan moet je `autorisaties` leeg (of weg) laten.\n\nIndien je `autorisaties` meegeeft, dan moet `heeftAlleAutorisaties` de waarde `false` hebben of weggelaten worden.\n\nNa het aanmaken wordt een notificatie verstuurd.',
      tags: TAGS,
      scopes: BIJWERKEN,
      body: Applicatie,
      responses: { 201: { description: 'Created', schema: Applicatie, headers: LOCATION } },
      handler: ({ body, auth, apiRoot }) =>
        save(
          auth,
          apiRoot,
          {
            uuid: randomUUID(),
            clientIds: body.clientIds,
            label: body.label,
            heeftAlleAutorisaties: body.heeftAlleAutorisaties ?? false,
            autorisaties: (body.autorisaties ?? []).map(normaliseAutorisatie),
          },
          'create',
        ),
    }),
    defineOperation({
      method: 'GET',
      path: '/applicaties/consumer',
      operationId: 'applicatie_consumer',
      summary: 'Vraag een applicatie op, op basis van clientId',
      description: 'Gegeven een `clientId`, via de query string, zoek de bijbehorende applicatie op. Het antwoord bevat de applicatie met ingesloten autorisaties.',
      tags: TAGS,
      scopes: LEZEN,
      query: Type.Object({ clientId: Type.String({ description: 'Geef het client ID op waarvoor je de applicatie wil opvragen.' }) }, { required: ['clientId'] }),
      // The standard documents this answer as a list (of the one applicatie that has the client id).
      responses: { 200: { description: 'OK', schema: Type.Array(Applicatie) } },
      async handler({ query, apiRoot }) {
        const record = await repository.findApplicatieByClientId(database.db, query.clientId);
        if (!record) throw notFound(`Er is geen applicatie met client ID "${query.clientId}".`);
        return { status: 200, body: [toApi(record, apiRoot)] };
      },
    }),
    defineOperation({
      method: 'GET',
      path: '/applicaties/{uuid}',
      operationId: 'applicatie_read',
      summary: 'Vraag een applicatie op, met ingesloten autorisaties.',
      tags: TAGS,
      scopes: LEZEN,
      params: UuidParams,
      responses: { 200: { description: 'OK', schema: Applicatie } },
      async handler({ params, apiRoot }) {
        return { status: 200, body: toApi(await existing(params.uuid), apiRoot) };
      },
    }),
    defineOperation({
      method: 'PUT',
      path: '/applicaties/{uuid}',
      operationId: 'applicatie_update',
      summary: 'Werk de applicatie bij.',
      description:
        'Indien `heeftAlleAutorisaties` gezet is, dan moet je `autorisaties` leeg (of weg) laten.\n\nIndien je `autorisaties` meegeeft, dan moet `heeftAlleAutorisaties` de waarde `false` hebben of weggelaten worden.\n\nNa het bijwerken wordt een notificatie verstuurd.',
      tags: TAGS,
      scopes: BIJWERKEN,
      params: UuidParams,
      body: Applicatie,
      responses: { 200: { description: 'OK', schema: Applicatie } },
      async handler({ params, body, auth, apiRoot }) {
        const current = await existing(params.uuid);
        return save(
          auth,
          apiRoot,
          {
            uuid: current.uuid,
            clientIds: body.clientIds,
            label: body.label,
            heeftAlleAutorisaties: body.heeftAlleAutorisaties ?? false,
            autorisaties: (body.autorisaties ?? []).map(normaliseAutorisatie),
          },
          'update',
          toApi(current, apiRoot),
        );
      },
    }),
    defineOperation({
      method: 'PATCH',
      path: '/applicaties/{uuid}',
      operationId: 'applicatie_partial_update',
      summary: 'Werk (een deel van) de applicatie bij.',
      description:
        'Indien `autorisaties` meegegeven is, dan worden de bestaande `autorisaties` vervangen met de nieuwe set van `autorisaties`.\n\nIndien `heeftAlleAutorisaties` gezet is, dan moet je `autorisaties` leeg (of weg) laten.\n\nIndien je `autorisaties` meegeeft, dan moet `heeftAlleAutorisaties` de waarde `false` hebben of weggelaten worden.\n\nNa het bijwerken wordt een notificatie verstuurd.',
      tags: TAGS,
      scopes: BIJWERKEN,
      params: UuidParams,
      body: Applicatie,
      responses: { 200: { description: 'OK', schema: Applicatie } },
      async handler({ params, body, auth, apiRoot }) {
        const current = await existing(params.uuid);
        // Setting heeftAlleAutorisaties clears the explicit list, and giving a list clears it, unless both are given.
        const heeftAlleAutorisaties = body.heeftAlleAutorisaties ?? (body.autorisaties ? false : current.heeftAlleAutorisaties);
        const autorisaties = body.autorisaties ? body.autorisaties.map(normaliseAutorisatie) : body.heeftAlleAutorisaties ? [] : current.autorisaties;
        return save(
          auth,
          apiRoot,
          { uuid: current.uuid, clientIds: body.clientIds ?? current.clientIds, label: body.label ?? current.label, heeftAlleAutorisaties, autorisaties },
          'partial_update',
          toApi(current, apiRoot),
        );
      },
    }),
    defineOperation({
      method: 'DELETE',
      path: '/applicaties/{uuid}',
      operationId: 'applicatie_delete',
      summary: 'Verwijder een applicatie met de bijhorende autorisaties.',
      description: 'Na het verwijderen wordt een notificatie verstuurd.',
      tags: TAGS,
      scopes: BIJWERKEN,
      params: UuidParams,
      responses: { 204: { description: 'No content' } },
      async handler({ params, auth, apiRoot }) {
        const current = await existing(params.uuid);
        const url = applicatieUrl(apiRoot, current.uuid);
        await database.db.transaction().execute(async (tx: Tx) => {
          await repository.deleteApplicatie(tx, current.uuid);
          await writeAudit(tx, auth, { component: 'ac', hoofdObject: url, resource: 'applicatie', resourceUrl: url, resourceWeergave: current.label, actie: 'destroy', resultaat: 204, oud: toApi(current, apiRoot) });
          await enqueueNotificatie(tx, { kanaal: 'autorisaties', hoofdObject: url, resource: 'applicatie', resourceUrl: url, actie: 'destroy' });
        });
        onChange();
        return { status: 204 };
      },
    }),
  ];
}
