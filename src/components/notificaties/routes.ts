/**
 * The operations of the Notificaties API 1.0.1: kanalen (registered by publishers),
 * abonnementen (consumers' callbacks with filters per kanaal) and publishing a notificatie,
 * which is stored with its deliveries in the request's transaction and delivered by the
 * workers (delivery/). Changes to kanalen and abonnementen are audited (bron `nrc`).
 */
import { randomUUID } from 'node:crypto';
import type { Database, Tx } from '../../platform/db/database.ts';
import { defineOperation, type HandlerResult, type Operation } from '../../platform/http/api.ts';
import { notFound, validationError, type InvalidParam } from '../../platform/http/problem.ts';
import { Type } from '../../platform/http/schema.ts';
import { absoluteUrl } from '../../platform/http/local-url.ts';
import { writeAudit, type AuditActie } from '../../platform/audit/audit.ts';
import type { Authorization } from '../../platform/auth/authorization.ts';
import { Abonnement, Kanaal, Message } from './schemas.ts';
import * as repository from './repository.ts';
import { checkAanmaakdatum, consistentWithKanaal } from './rules.ts';
import { checkCallback } from './callbacks/check.ts';
import type { CallbackPolicy } from './callbacks/policy.ts';
import { fanOut, type Bericht } from './delivery/fan-out.ts';

const LOCATION = { Location: { description: 'URL waar de resource leeft.', schema: { type: 'string', format: 'uri' } } };
const UuidParams = Type.Object({ uuid: Type.String({ format: 'uuid', description: 'Unique resource identifier (UUID4)' }) });
const PUBLICEREN = 'notificaties.publiceren';
const CONSUMEREN = 'notificaties.consumeren';
const UNIQUE_VIOLATION = '23505';
/** What a client that did not make an abonnement reads instead of its `auth`, a credential of the subscriber. */
export const HIDDEN_AUTH = '********';

export interface NotificatiesDeps {
  database: Database;
  policy: CallbackPolicy;
  /** How long a callback may take to answer the test notificatie. */
  callbackTimeoutMs: number;
}

const kanaalUrl = (apiRoot: string, uuid: string) => `${apiRoot}/kanaal/${uuid}`;
const abonnementUrl = (apiRoot: string, uuid: string) => `${apiRoot}/abonnement/${uuid}`;

function kanaalToApi(k: repository.KanaalRecord, apiRoot: string): Kanaal {
  return {
    url: kanaalUrl(apiRoot, k.uuid),
    naam: k.naam,
    // Our own kanalen point at their API's document, kept as a path.
    documentatieLink: k.documentatieLink && absoluteUrl(new URL(apiRoot).origin, k.documentatieLink),
    filters: k.filters,
  };
}

function abonnementToApi(a: repository.AbonnementRecord, apiRoot: string, viewer: Authorization | undefined): Abonnement {
  return {
    url: abonnementUrl(apiRoot, a.uuid),
    callbackUrl: a.callbackUrl,
    auth: viewer && viewer.clientId === a.clientId ? a.auth : HIDDEN_AUTH,
    kanalen: a.kanalen.map((k) => ({ naam: k.naam, filters: k.filters })),
  };
}

export function notificatiesOperations(deps: NotificatiesDeps): Operation[] {
  return [...kanaalOperations(deps), ...abonnementOperations(deps), publishOperation(deps)];
}

function kanaalOperations({ database }: NotificatiesDeps): Operation[] {
  const TAGS = ['kanaal'];
  return [
    defineOperation({
      method: 'GET',
      path: '/kanaal',
      operationId: 'kanaal_list',
      summary: 'Alle KANAALen opvragen.',
      tags: TAGS,
      scopes: [PUBLICEREN, CONSUMEREN],
      query: Type.Object({ naam: Type.Optional(Type.String({ description: 'Naam van het KANAAL (ook wel "Exchange" genoemd) dat de bron vertegenwoordigd.' })) }),
      responses: { 200: { description: 'OK', schema: Type.Array(Kanaal) } },
      async handler({ query, apiRoot }) {
        return { status: 200, body: (await repository.listKanalen(database.db, { naam: query.naam })).map((k) => kanaalToApi(k, apiRoot)) };
      },
    }),
    defineOperation({
      method: 'POST',
      path: '/kanaal',
      operationId: 'kanaal_create',
      summary: 'Maak een KANAAL aan.',
      tags: TAGS,
      scopes: [PUBLICEREN],
      body: Kanaal,
      responses: { 201: { description: 'Created', schema: Kanaal, headers: LOCATION } },
      async handler({ body, auth, apiRoot }) {
        const kanaal: repository.KanaalRecord = { uuid: randomUUID(), naam: body.naam, documentatieLink: body.documentatieLink ?? '', filters: body.filters ?? [] };
        const url = kanaalUrl(apiRoot, kanaal.uuid);
        const taken = () => validationError([{ name: 'naam', code: 'unique', reason: 'Er bestaat al een kanaal met deze naam.' }]);
        try {
          const nieuw = await database.db.transaction().execute(async (tx: Tx) => {
            if ((await repository.kanalenByNaam(tx, [kanaal.naam])).size) throw taken();
            await repository.insertKanaal(tx, kanaal);
            const nieuw = kanaalToApi(kanaal, apiRoot);
            await writeAudit(tx, auth, { component: 'nrc', hoofdObject: url, resource: 'kanaal', resourceUrl: url, resourceWeergave: kanaal.naam, actie: 'create', resultaat: 201, nieuw });
            return nieuw;
          });
          return { status: 201, body: nieuw, headers: { Location: url } };
        } catch (error) {
          // Two publishers registering one kanaal at once: the second loses at the database.
          if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw taken();
          throw error;
        }
      },
    }),
    defineOperation({
      method: 'GET',
      path: '/kanaal/{uuid}',
      operationId: 'kanaal_read',
      summary: 'Een specifiek KANAAL opvragen.',
      tags: TAGS,
      scopes: [PUBLICEREN, CONSUMEREN],
      params: UuidParams,
      responses: { 200: { description: 'OK', schema: Kanaal } },
      async handler({ params, apiRoot }) {
        const kanaal = await repository.findKanaal(database.db, params.uuid);
        if (!kanaal) throw notFound(`Kanaal ${params.uuid} bestaat niet.`);
        return { status: 200, body: kanaalToApi(kanaal, apiRoot) };
      },
    }),
  ];
}

function abonnementOperations({ database, policy, callbackTimeoutMs }: NotificatiesDeps): Operation[] {
  const TAGS = ['abonnement'];

  async function existing(uuid: string) {
    const found = await repository.findAbonnement(database.db, uuid);
    if (!found) throw notFound(`Abonnement ${uuid} bestaat niet.`);
    return found;
  }

  /** Every kanaal must exist, and filter only on the kanaal's kenmerken. */
  async function checkKanalen(kanalen: repository.FilterGroupRecord[]): Promise<InvalidParam[]> {
    const known = await repository.kanalenByNaam(database.db, [...new Set(kanalen.map((k) => k.naam))]);
    const errors: InvalidParam[] = [];
    kanalen.forEach((group, i) => {
      const kanaal = known.get(group.naam);
      if (!kanaal) errors.push({ name: `kanalen.${i}.naam`, code: 'kanaal_naam', reason: `Kanaal "${group.naam}" bestaat niet.` });
      else if (!consistentWithKanaal(kanaal.filters, Object.keys(group.filters))) {
        errors.push({ name: `kanalen.${i}.filters`, code: 'inconsistent-abonnement-filters', reason: `De filters passen niet bij de kenmerken van kanaal "${group.naam}": ${kanaal.filters.join(', ') || 'geen'}.` });
      }
    });
    return errors;
  }

  /** Checks, saves and audits one abonnement; the callback is tested (a request to it) only when it or its auth is new. */
  async function save(auth: Authorization, apiRoot: string, record: repository.AbonnementRecord, actie: AuditActie, current?: repository.AbonnementRecord): Promise<HandlerResult> {
    const url = abonnementUrl(apiRoot, record.uuid);
    const errors = await checkKanalen(record.kanalen);
    if (!current || current.callbackUrl !== record.callbackUrl || current.auth !== record.auth) {
      const test: Bericht = { kanaal: 'test', hoofdObject: url, resource: 'abonnement', resourceUrl: url, actie: 'create', aanmaakdatum: new Date().toISOString(), kenmerken: {} };
      errors.push(...(await checkCallback(policy, record.callbackUrl, record.auth, test, callbackTimeoutMs)));
    }
    if (errors.length) throw validationError(errors);
    const nieuw = await database.db.transaction().execute(async (tx: Tx) => {
      await repository.saveAbonnement(tx, record);
      // The audit trail never holds the subscriber's credential.
      const nieuw = abonnementToApi(record, apiRoot, auth);
      await writeAudit(tx, auth, {
        component: 'nrc',
        hoofdObject: url,
        resource: 'abonnement',
        resourceUrl: url,
        resourceWeergave: record.callbackUrl,
        actie,
        resultaat: actie === 'create' ? 201 : 200,
        oud: current && abonnementToApi(current, apiRoot, undefined),
        nieuw: abonnementToApi(record, apiRoot, undefined),
      });
      return nieuw;
    });
    return actie === 'create' ? { status: 201, body: nieuw, headers: { Location: url } } : { status: 200, body: nieuw };
  }

  const groups = (kanalen: { naam: string; filters?: Record<string, string> }[]) => kanalen.map((k) => ({ naam: k.naam, filters: k.filters ?? {} }));

  return [
    defineOperation({
      method: 'GET',
      path: '/abonnement',
      operationId: 'abonnement_list',
      summary: 'Alle ABONNEMENTen opvragen.',
      tags: TAGS,
      scopes: [CONSUMEREN, PUBLICEREN],
      responses: { 200: { description: 'OK', schema: Type.Array(Abonnement) } },
      async handler({ auth, apiRoot }) {
        return { status: 200, body: (await repository.listAbonnementen(database.db)).map((a) => abonnementToApi(a, apiRoot, auth)) };
      },
    }),
    defineOperation({
      method: 'POST',
      path: '/abonnement',
      operationId: 'abonnement_create',
      summary: 'Maak een ABONNEMENT aan.',
      tags: TAGS,
      scopes: [CONSUMEREN],
      body: Abonnement,
      responses: { 201: { description: 'Created', schema: Abonnement, headers: LOCATION } },
      handler: ({ body, auth, apiRoot }) =>
        save(auth, apiRoot, { uuid: randomUUID(), callbackUrl: body.callbackUrl, auth: body.auth, clientId: auth.clientId, kanalen: groups(body.kanalen) }, 'create'),
    }),
    defineOperation({
      method: 'GET',
      path: '/abonnement/{uuid}',
      operationId: 'abonnement_read',
      summary: 'Een specifiek ABONNEMENT opvragen.',
      tags: TAGS,
      scopes: [CONSUMEREN, PUBLICEREN],
      params: UuidParams,
      responses: { 200: { description: 'OK', schema: Abonnement } },
      async handler({ params, auth, apiRoot }) {
        return { status: 200, body: abonnementToApi(await existing(params.uuid), apiRoot, auth) };
      },
    }),
    defineOperation({
      method: 'PUT',
      path: '/abonnement/{uuid}',
      operationId: 'abonnement_update',
      summary: 'Werk een ABONNEMENT in zijn geheel bij.',
      tags: TAGS,
      scopes: [CONSUMEREN],
      params: UuidParams,
      body: Abonnement,
      responses: { 200: { description: 'OK', schema: Abonnement } },
      async handler({ params, body, auth, apiRoot }) {
        const current = await existing(params.uuid);
        return save(auth, apiRoot, { ...current, callbackUrl: body.callbackUrl, auth: body.auth, kanalen: groups(body.kanalen) }, 'update', current);
      },
    }),
    defineOperation({
      method: 'PATCH',
      path: '/abonnement/{uuid}',
      operationId: 'abonnement_partial_update',
      summary: 'Werk een ABONNEMENT deels bij.',
      tags: TAGS,
      scopes: [CONSUMEREN],
      params: UuidParams,
      body: Abonnement,
      responses: { 200: { description: 'OK', schema: Abonnement } },
      async handler({ params, body, auth, apiRoot }) {
        const current = await existing(params.uuid);
        const next = { ...current, callbackUrl: body.callbackUrl ?? current.callbackUrl, auth: body.auth ?? current.auth, kanalen: body.kanalen ? groups(body.kanalen) : current.kanalen };
        return save(auth, apiRoot, next, 'partial_update', current);
      },
    }),
    defineOperation({
      method: 'DELETE',
      path: '/abonnement/{uuid}',
      operationId: 'abonnement_delete',
      summary: 'Verwijder een ABONNEMENT.',
      tags: TAGS,
      scopes: [CONSUMEREN],
      params: UuidParams,
      responses: { 204: { description: 'No content' } },
      async handler({ params, auth, apiRoot }) {
        const current = await existing(params.uuid);
        const url = abonnementUrl(apiRoot, current.uuid);
        await database.db.transaction().execute(async (tx: Tx) => {
          await repository.deleteAbonnement(tx, current.uuid);
          await writeAudit(tx, auth, { component: 'nrc', hoofdObject: url, resource: 'abonnement', resourceUrl: url, resourceWeergave: current.callbackUrl, actie: 'destroy', resultaat: 204, oud: abonnementToApi(current, apiRoot, undefined) });
        });
        return { status: 204 };
      },
    }),
  ];
}

function publishOperation({ database }: NotificatiesDeps): Operation {
  return defineOperation({
    method: 'POST',
    path: '/notificaties',
    operationId: 'notificaties_create',
    summary: 'Publiceer een notificatie.',
    tags: ['notificaties'],
    scopes: [PUBLICEREN],
    body: Message,
    // The standard answers 200 with the notificatie as published.
    responses: { 200: { description: '', schema: Message } },
    async handler({ body, auth }) {
      const bericht: Bericht = {
        kanaal: body.kanaal,
        hoofdObject: body.hoofdObject,
        resource: body.resource,
        resourceUrl: body.resourceUrl,
        actie: body.actie,
        aanmaakdatum: body.aanmaakdatum,
        kenmerken: body.kenmerken ?? {},
      };
      const errors = checkAanmaakdatum(bericht.aanmaakdatum);
      const kanaal = (await repository.kanalenByNaam(database.db, [bericht.kanaal])).get(bericht.kanaal);
      if (!kanaal) errors.push({ name: 'kanaal', code: 'message_kanaal', reason: `Kanaal "${bericht.kanaal}" bestaat niet.` });
      else if (!consistentWithKanaal(kanaal.filters, Object.keys(bericht.kenmerken))) {
        errors.push({ name: 'kenmerken', code: 'kenmerken_inconsistent', reason: `De kenmerken passen niet bij die van kanaal "${kanaal.naam}": ${kanaal.filters.join(', ') || 'geen'}.` });
      }
      if (errors.length) throw validationError(errors);
      await database.db.transaction().execute((tx: Tx) => fanOut(tx, [{ bericht, bron: `client:${auth.clientId}` }]));
      return { status: 200, body: bericht };
    },
  });
}
