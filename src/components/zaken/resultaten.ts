/**
 * The resultaat of a zaak (at most one): list (filters zaak, resultaattype), read, create,
 * update, partial update and delete. The resultaattype must be one of the zaak's zaaktype
 * (zrc-020) and cannot change afterwards. A closed zaak's resultaat changes only with
 * `zaken.geforceerd-bijwerken` (zrc-007e, zrc-007k); when it does, the zaak's
 * archiefnominatie and archiefactiedatum, if still empty, are derived from it as the standard
 * says ("wordt automatisch berekend bij het aanmaken of wijzigen van een RESULTAAT aan deze
 * ZAAK indien nog leeg").
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/database.ts';
import type { Authorization } from '../../platform/auth/authorization.ts';
import { defineOperation, type Operation } from '../../platform/http/api.ts';
import { pageEnvelope, PAGE_SIZE } from '../../platform/http/pagination.ts';
import { notFound, permissionDenied, validationError, type InvalidParam } from '../../platform/http/problem.ts';
import { Type } from '../../platform/http/schema.ts';
import type { ZakenDeps } from './index.ts';
import { checkBelongsToZaaktype } from './catalogi.ts';
import { archiveParameters, checkNotArchived, lifeCycleState, lockLifeCycle, writeLifeCycle, type LifeCycleState } from './closing.ts';
import { relatedResources } from './related.ts';
import { PaginatedResultaatList, PatchedResultaat, Resultaat } from './schemas.ts';
import { sameUrl, shownUrl, storedUrl } from './urls.ts';
import {
  assertMayRead,
  assertOpenOrForced,
  auditToelichting,
  authorisedZaken,
  findZaak,
  mayAccess,
  recordZaakMutation,
  zaakFilter,
  zaakFromUrl,
  ZAKEN_BIJWERKEN,
  ZAKEN_GEFORCEERD_BIJWERKEN,
  ZAKEN_LEZEN,
  type ZaakRef,
} from './zaak-access.ts';
import { LOCATION, UuidParams } from '../../platform/http/parameters.ts';

const TAGS = ['resultaten'];
const SCOPES = [ZAKEN_BIJWERKEN, ZAKEN_GEFORCEERD_BIJWERKEN];
const UNIQUE_VIOLATION = '23505';

const ListQuery = Type.Object({
  zaak: Type.Optional(Type.String({ format: 'uri', description: 'URL-referentie naar de ZAAK.' })),
  resultaattype: Type.Optional(Type.String({ format: 'uri', description: 'URL-referentie naar het RESULTAATTYPE (in de Catalogi API).' })),
  page: Type.Optional(Type.Integer({ description: 'Een pagina binnen de gepagineerde set resultaten.', minimum: 1 })),
});

interface ResultaatRow {
  id: number | string;
  uuid: string;
  zaak_id: number | string;
  zaak_uuid: string;
  resultaattype: string;
  toelichting: string;
}

type ResultaatBody = { zaak: string; resultaattype: string; toelichting?: string };

function resultaatFrom(db: Db) {
  return db.selectFrom('zaken.resultaat as resultaat').innerJoin('zaken.zaak as zaak', 'zaak.id', 'resultaat.zaak_id');
}

function resultaatRows(db: Db) {
  return resultaatFrom(db).select(['resultaat.id', 'resultaat.uuid', 'resultaat.zaak_id', 'zaak.uuid as zaak_uuid', 'resultaat.resultaattype', 'resultaat.toelichting']);
}

function toApi(row: ResultaatRow, apiRoot: string): Resultaat {
  return {
    url: `${apiRoot}/resultaten/${row.uuid}`,
    uuid: row.uuid,
    zaak: `${apiRoot}/zaken/${row.zaak_uuid}`,
    resultaattype: shownUrl(row.resultaattype, apiRoot),
    toelichting: row.toelichting,
  };
}

const notUnique = (): InvalidParam => ({ name: 'zaak', code: 'unique', reason: 'Er bestaat al een resultaat met deze zaak.' });

export function resultaatOperations(deps: ZakenDeps): Operation[] {
  const { database } = deps;
  const related = relatedResources(deps.references);

  function assertMayChangeResultaat(auth: Authorization, zaak: ZaakRef): void {
    if (!mayAccess(auth, zaak, SCOPES)) throw permissionDenied(`Je hebt geen toestemming om het resultaat van deze zaak te wijzigen (scope ${SCOPES.join(' of ')} voor dit zaaktype en deze vertrouwelijkheidaanduiding).`);
  }

  async function existing(uuid: string, apiRoot: string): Promise<{ row: ResultaatRow; zaak: ZaakRef }> {
    const row = (await resultaatRows(database.db).where('resultaat.uuid', '=', uuid).executeTakeFirst()) as ResultaatRow | undefined;
    if (!row) throw notFound(`Resultaat ${uuid} bestaat niet.`);
    return { row, zaak: (await findZaak(database.db, row.zaak_uuid, apiRoot))! };
  }

  /**
   * The rules of a resultaat for `zaak`, in the reference implementation's order: the
   * resultaattype (a resultaattype; on a change the same as before), one resultaat per zaak,
   * then the rules across them. Returns the resultaattype and the zaak's life-cycle state.
   */
  async function validate(zaak: ZaakRef, body: ResultaatBody, apiRoot: string, current?: ResultaatRow) {
    const errors: InvalidParam[] = [];
    const resultaattype = await deps.catalogi.fetch('resultaattype', body.resultaattype, apiRoot);
    if (!resultaattype.ok) errors.push(resultaattype.error);
    else if (current && !sameUrl(body.resultaattype, current.resultaattype, apiRoot)) {
      errors.push({ name: 'resultaattype', code: 'wijzigen-niet-toegelaten', reason: 'Dit veld mag niet gewijzigd worden.' });
    }
    const other = await database.db.selectFrom('zaken.resultaat').select('uuid').where('zaak_id', '=', zaak.id).executeTakeFirst();
    if (other && other.uuid !== current?.uuid) errors.push(notUnique());
    if (errors.length || !resultaattype.ok) throw validationError(errors);
    const state = await lifeCycleState(database.db, zaak.id);
    errors.push(...checkBelongsToZaaktype('nonFieldErrors', resultaattype.resource, zaak.zaaktype, apiRoot).map((e) => ({ ...e, reason: 'Het resultaattype hoort niet bij het zaaktype van de zaak.' })));
    errors.push(...checkNotArchived(state));
    if (errors.length) throw validationError(errors);
    return { resultaattype: resultaattype.resource, state };
  }

  /** On a closed zaak: its archiefnominatie and archiefactiedatum where still empty, from this resultaattype. */
  async function archiveOnChange(zaak: ZaakRef, state: LifeCycleState, resultaattype: Record<string, unknown>, apiRoot: string) {
    if (state.einddatum === null || (state.archiefnominatie !== null && state.archiefactiedatum !== null)) return {};
    return archiveParameters(database.db, related, zaak.id, state, resultaattype, state.einddatum, apiRoot);
  }

  /** Writes the resultaat and what it changes of its zaak, locked against concurrent changes, with its audit and notification. */
  async function save(auth: Authorization, apiRoot: string, headers: Record<string, string | string[] | undefined>, change: {
    uuid: string;
    zaak: ZaakRef;
    body: ResultaatBody;
    state: LifeCycleState;
    zaakChanges: { archiefnominatie?: string | null; archiefactiedatum?: string | null };
    actie: 'create' | 'update' | 'partial_update';
    oud?: Resultaat;
  }) {
    const url = `${apiRoot}/resultaten/${change.uuid}`;
    const values = { zaak_id: change.zaak.id, resultaattype: storedUrl(change.body.resultaattype, apiRoot), toelichting: change.body.toelichting ?? '' };
    try {
      return await database.db.transaction().execute(async (tx) => {
        const { einddatum, archiefnominatie, archiefactiedatum } = change.state;
        await lockLifeCycle(tx, change.zaak.id, { einddatum, archiefnominatie, archiefactiedatum });
        if (change.actie === 'create') await tx.insertInto('zaken.resultaat').values({ uuid: change.uuid, ...values }).execute();
        else await tx.updateTable('zaken.resultaat').set(values).where('uuid', '=', change.uuid).execute();
        await writeLifeCycle(tx, change.zaak.id, change.zaakChanges);
        const nieuw = toApi((await resultaatRows(tx).where('resultaat.uuid', '=', change.uuid).executeTakeFirstOrThrow()) as ResultaatRow, apiRoot);
        const status = change.actie === 'create' ? 201 : 200;
        await recordZaakMutation(tx, auth, { zaak: change.zaak, resource: 'resultaat', resourceUrl: url, actie: change.actie, resultaat: status, oud: change.oud, nieuw, toelichting: auditToelichting(headers) });
        return change.actie === 'create' ? { status, body: nieuw, headers: { Location: url } } : { status, body: nieuw };
      });
    } catch (error) {
      // Two resultaten for one zaak at once: the second loses at the database.
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw validationError([notUnique()]);
      throw error;
    }
  }

  /** resultaat_update and resultaat_partial_update: `body` is the resultaat as it is to be. */
  async function update(current: { row: ResultaatRow; zaak: ZaakRef }, body: ResultaatBody, actie: 'update' | 'partial_update', auth: Authorization, apiRoot: string, headers: Record<string, string | string[] | undefined>) {
    const { row, zaak: currentZaak } = current;
    assertMayChangeResultaat(auth, currentZaak);
    const zaak = sameUrl(body.zaak, currentZaak.url, apiRoot) ? currentZaak : await zaakFromUrl(database.db, body.zaak, apiRoot);
    if (zaak !== currentZaak) assertMayChangeResultaat(auth, zaak);
    const { resultaattype, state } = await validate(zaak, body, apiRoot, row);
    assertOpenOrForced(auth, currentZaak);
    assertOpenOrForced(auth, zaak);
    const zaakChanges = await archiveOnChange(zaak, state, resultaattype, apiRoot);
    return save(auth, apiRoot, headers, { uuid: row.uuid, zaak, body, state, zaakChanges, actie, oud: toApi(row, apiRoot) });
  }

  return [
    defineOperation({
      method: 'GET',
      path: '/resultaten',
      operationId: 'resultaat_list',
      summary: 'Alle RESULTAATen van ZAAKen opvragen.',
      description: 'Deze lijst kan gefilterd wordt met query-string parameters.',
      tags: TAGS,
      scopes: [ZAKEN_LEZEN],
      query: ListQuery,
      responses: { 200: { description: 'OK', schema: PaginatedResultaatList } },
      async handler({ query, auth, apiRoot, request }) {
        const page = query.page ?? 1;
        const filtered = resultaatFrom(database.db).where((eb) => {
          const conditions = [authorisedZaken(eb, auth, ZAKEN_LEZEN, apiRoot, 'zaak')];
          if (query.zaak !== undefined) conditions.push(zaakFilter(eb, query.zaak, apiRoot));
          if (query.resultaattype !== undefined) conditions.push(eb('resultaat.resultaattype', '=', storedUrl(query.resultaattype, apiRoot)));
          return eb.and(conditions);
        });
        const counted = await filtered.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
        const rows = (await filtered
          .select(['resultaat.id', 'resultaat.uuid', 'resultaat.zaak_id', 'zaak.uuid as zaak_uuid', 'resultaat.resultaattype', 'resultaat.toelichting'])
          .orderBy('resultaat.id', 'desc')
          .limit(PAGE_SIZE)
          .offset((page - 1) * PAGE_SIZE)
          .execute()) as ResultaatRow[];
        return { status: 200, body: pageEnvelope(`${apiRoot}/resultaten`, request, page, Number(counted.count), rows.map((r) => toApi(r, apiRoot))) };
      },
    }),

    defineOperation({
      method: 'POST',
      path: '/resultaten',
      operationId: 'resultaat_create',
      auditHeaders: true,
      summary: 'Maak een RESULTAAT bij een ZAAK aan.',
      description: '**Er wordt gevalideerd op:**\n- geldigheid URL naar de ZAAK\n- geldigheid URL naar het RESULTAATTYPE',
      tags: TAGS,
      scopes: SCOPES,
      body: Resultaat,
      responses: { 201: { description: 'Created', schema: Resultaat, headers: LOCATION } },
      async handler({ body, auth, apiRoot, request }) {
        const zaak = await zaakFromUrl(database.db, body.zaak, apiRoot);
        assertMayChangeResultaat(auth, zaak);
        const { resultaattype, state } = await validate(zaak, body, apiRoot);
        // After validation, as the reference: a second resultaat is a 400 also on a closed zaak (zrc-007e).
        assertOpenOrForced(auth, zaak);
        const zaakChanges = await archiveOnChange(zaak, state, resultaattype, apiRoot);
        return save(auth, apiRoot, request.headers, { uuid: randomUUID(), zaak, body, state, zaakChanges, actie: 'create' });
      },
    }),

    defineOperation({
      method: 'GET',
      path: '/resultaten/{uuid}',
      operationId: 'resultaat_retrieve',
      summary: 'Een specifieke RESULTAAT opvragen.',
      description: 'Een specifieke RESULTAAT opvragen.',
      tags: TAGS,
      scopes: [ZAKEN_LEZEN],
      params: UuidParams,
      etag: true,
      head: { operationId: 'resultaat_headers', summary: 'De headers voor een specifiek(e) RESULTAAT opvragen ' },
      responses: { 200: { description: 'OK', schema: Resultaat } },
      async handler({ params, auth, apiRoot }) {
        const { row, zaak } = await existing(params.uuid, apiRoot);
        assertMayRead(auth, zaak);
        return { status: 200, body: toApi(row, apiRoot) };
      },
    }),

    defineOperation({
      method: 'PUT',
      path: '/resultaten/{uuid}',
      operationId: 'resultaat_update',
      auditHeaders: true,
      summary: 'Werk een RESULTAAT in zijn geheel bij.',
      description: '**Er wordt gevalideerd op** \n- geldigheid URL naar de ZAAK\n- het RESULTAATTYPE mag niet gewijzigd worden',
      tags: TAGS,
      scopes: SCOPES,
      params: UuidParams,
      body: Resultaat,
      responses: { 200: { description: 'OK', schema: Resultaat } },
      async handler({ params, body, auth, apiRoot, request }) {
        const current = await existing(params.uuid, apiRoot);
        return update(current, { zaak: body.zaak, resultaattype: body.resultaattype, toelichting: body.toelichting ?? '' }, 'update', auth, apiRoot, request.headers);
      },
    }),

    defineOperation({
      method: 'PATCH',
      path: '/resultaten/{uuid}',
      operationId: 'resultaat_partial_update',
      auditHeaders: true,
      summary: 'Werk een RESULTAAT deels bij.',
      description: '**Er wordt gevalideerd op** \n- geldigheid URL naar de ZAAK\n- het RESULTAATTYPE mag niet gewijzigd worden',
      tags: TAGS,
      scopes: SCOPES,
      params: UuidParams,
      body: PatchedResultaat,
      responses: { 200: { description: 'OK', schema: Resultaat } },
      document: { bodyRequired: false },
      async handler({ params, body, auth, apiRoot, request }) {
        const current = await existing(params.uuid, apiRoot);
        const shown = toApi(current.row, apiRoot);
        const merged = { zaak: body.zaak ?? shown.zaak, resultaattype: body.resultaattype ?? shown.resultaattype, toelichting: body.toelichting ?? shown.toelichting };
        return update(current, merged, 'partial_update', auth, apiRoot, request.headers);
      },
    }),

    defineOperation({
      method: 'DELETE',
      path: '/resultaten/{uuid}',
      operationId: 'resultaat_destroy',
      auditHeaders: true,
      summary: 'Verwijder een RESULTAAT van een ZAAK.',
      description: 'Verwijder een RESULTAAT van een ZAAK.',
      tags: TAGS,
      scopes: SCOPES,
      params: UuidParams,
      responses: { 204: { description: 'No content', bare: true } },
      async handler({ params, auth, apiRoot, request }) {
        const { row, zaak } = await existing(params.uuid, apiRoot);
        assertMayChangeResultaat(auth, zaak);
        assertOpenOrForced(auth, zaak);
        const url = `${apiRoot}/resultaten/${row.uuid}`;
        await database.db.transaction().execute(async (tx) => {
          await lockLifeCycle(tx, zaak.id, { einddatum: zaak.einddatum });
          const deleted = await tx.deleteFrom('zaken.resultaat').where('uuid', '=', row.uuid).executeTakeFirst();
          if (Number(deleted.numDeletedRows) === 0) throw notFound(`Resultaat ${row.uuid} bestaat niet.`);
          await recordZaakMutation(tx, auth, { zaak, resource: 'resultaat', resourceUrl: url, actie: 'destroy', resultaat: 204, oud: toApi(row, apiRoot), toelichting: auditToelichting(request.headers) });
        });
        return { status: 204 };
      },
    }),
  ];
}
