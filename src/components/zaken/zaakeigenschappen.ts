/**
 * Zaakeigenschappen, under `/zaken/{zaak_uuid}/zaakeigenschappen`: the value of an EIGENSCHAP
 * of the zaaktype for this zaak. The eigenschap must be one of the zaak's zaaktype
 * (`zaaktype-mismatch`, zrc-018); `naam` is copied from it; only `waarde` changes afterwards
 * (`wijzigen-niet-toegelaten` for `zaak` and `eigenschap`).
 *
 * `waarde` is not checked against the eigenschap's specificatie: the standard does not ask it,
 * and the reference implementation does so only as an experimental setting, off by default
 * (the official suite's zrc-021c sends a waarde outside the waardenverzameling).
 */
import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { Authorization } from '../../platform/auth/authorization.ts';
import { defineOperation, type Operation } from '../../platform/http/api.ts';
import { validationError, type InvalidParam } from '../../platform/http/problem.ts';
import { Type } from '../../platform/http/schema.ts';
import type { ZakenDeps } from './index.ts';
import { checkBelongsToZaaktype } from './catalogi.ts';
import { PatchedZaakEigenschap, ZaakEigenschap } from './schemas.ts';
import { shownUrl, storedUrl } from './urls.ts';
import { assertMayChange, assertMayRead, auditToelichting, loadZaak, recordZaakMutation, zaakFromUrl, zaakUrl, ZAKEN_BIJWERKEN, ZAKEN_GEFORCEERD_BIJWERKEN, ZAKEN_LEZEN } from './zaak-access.ts';
import { allRows, subResourcesOfZaak, checkArchiefstatus, checkUnchangedUrls, loadSubResource, NestedUuidParams, ZaakUuidParams, type SubResourceRow } from './sub-resources.ts';
import { LOCATION } from '../../platform/http/parameters.ts';

const TAGS = ['zaken'];
const CHANGE = [ZAKEN_BIJWERKEN, ZAKEN_GEFORCEERD_BIJWERKEN];

type Body = Record<string, unknown>;

export function zaakeigenschapUrl(apiRoot: string, zaakUuid: string, uuid: string): string {
  return `${zaakUrl(apiRoot, zaakUuid)}/zaakeigenschappen/${uuid}`;
}

function toApi(row: SubResourceRow, apiRoot: string): Record<string, unknown> {
  return {
    url: zaakeigenschapUrl(apiRoot, row.zaak_uuid, row.uuid),
    uuid: row.uuid,
    zaak: zaakUrl(apiRoot, row.zaak_uuid),
    eigenschap: shownUrl(row.eigenschap, apiRoot),
    naam: row.naam,
    waarde: row.waarde,
  };
}

export function zaakeigenschapOperations(deps: ZakenDeps): Operation[] {
  const { database, catalogi } = deps;

  async function reload(db: Db | Tx, uuid: string, apiRoot: string) {
    return toApi((await loadSubResource(db, 'zaakeigenschap', uuid, apiRoot)).row, apiRoot);
  }

  async function update(params: { zaak_uuid: string; uuid: string }, body: Body, auth: Authorization, apiRoot: string, actie: 'update' | 'partial_update') {
    const { row, zaak } = await loadSubResource(database.db, 'zaakeigenschap', params.uuid, apiRoot, params.zaak_uuid);
    assertMayChange(auth, zaak, CHANGE);
    const errors = checkUnchangedUrls(body, { zaak: zaak.url, eigenschap: shownUrl(row.eigenschap, apiRoot) }, apiRoot);
    const nieuw = await database.db.transaction().execute(async (tx: Tx) => {
      errors.push(...(await checkArchiefstatus(tx, zaak)));
      if (errors.length) throw validationError(errors);
      if (body.waarde !== undefined) await tx.updateTable('zaken.zaakeigenschap').set({ waarde: body.waarde as string }).where('id', '=', row.id).execute();
      const nieuw = await reload(tx, row.uuid, apiRoot);
      await recordZaakMutation(tx, auth, { zaak, resource: 'zaakeigenschap', resourceUrl: nieuw.url as string, actie, resultaat: 200, oud: toApi(row, apiRoot), nieuw, resourceWeergave: row.naam });
      return nieuw;
    });
    return { status: 200, body: nieuw };
  }

  return [
    defineOperation({
      method: 'GET',
      path: '/zaken/{zaak_uuid}/zaakeigenschappen',
      operationId: 'zaakeigenschap_list',
      summary: 'Alle ZAAKEIGENSCHAPpen opvragen.',
      description: 'Alle ZAAKEIGENSCHAPpen opvragen.',
      tags: TAGS,
      scopes: [ZAKEN_LEZEN],
      params: ZaakUuidParams,
      responses: { 200: { description: 'OK', schema: Type.Array(ZaakEigenschap) } },
      async handler({ params, auth, apiRoot }) {
        const zaak = await loadZaak(database.db, params.zaak_uuid, apiRoot);
        assertMayRead(auth, zaak);
        const rows = await allRows(subResourcesOfZaak(database.db, 'zaakeigenschap', zaak));
        return { status: 200, body: rows.map((r) => toApi(r, apiRoot)) };
      },
    }),
    defineOperation({
      method: 'POST',
      path: '/zaken/{zaak_uuid}/zaakeigenschappen',
      operationId: 'zaakeigenschap_create',
      summary: 'Maak een ZAAKEIGENSCHAP aan.',
      description: 'Maak een ZAAKEIGENSCHAP aan.',
      tags: TAGS,
      scopes: CHANGE,
      auditHeaders: true,
      params: ZaakUuidParams,
      body: ZaakEigenschap,
      responses: { 201: { description: 'Created', schema: ZaakEigenschap, headers: LOCATION } },
      async handler({ params, body, auth, apiRoot, request }) {
        const zaak = await loadZaak(database.db, params.zaak_uuid, apiRoot);
        // The zaak in the body is the zaak of the path.
        if ((await zaakFromUrl(database.db, body.zaak, apiRoot)).id !== zaak.id) {
          throw validationError([{ name: 'zaak', code: 'invalid', reason: `De zaak moet de zaak uit het pad zijn: ${zaak.url}.` }]);
        }
        assertMayChange(auth, zaak, CHANGE);
        const errors: InvalidParam[] = [];
        const eigenschap = await catalogi.fetch('eigenschap', body.eigenschap, apiRoot);
        if (!eigenschap.ok) errors.push(eigenschap.error);
        else errors.push(...checkBelongsToZaaktype('nonFieldErrors', eigenschap.resource, zaak.zaaktype, apiRoot));
        const uuid = randomUUID();
        const nieuw = await database.db.transaction().execute(async (tx: Tx) => {
          errors.push(...(await checkArchiefstatus(tx, zaak)));
          if (errors.length || !eigenschap.ok) throw validationError(errors);
          const naam = String(eigenschap.resource.naam ?? '');
          await tx.insertInto('zaken.zaakeigenschap').values({ uuid, zaak_id: zaak.id, eigenschap: storedUrl(body.eigenschap, apiRoot), naam, waarde: body.waarde }).execute();
          const nieuw = await reload(tx, uuid, apiRoot);
          await recordZaakMutation(tx, auth, { zaak, resource: 'zaakeigenschap', resourceUrl: nieuw.url as string, actie: 'create', resultaat: 201, nieuw, resourceWeergave: naam, toelichting: auditToelichting(request.headers) });
          return nieuw;
        });
        return { status: 201, body: nieuw, headers: { Location: nieuw.url as string } };
      },
    }),
    defineOperation({
      method: 'GET',
      path: '/zaken/{zaak_uuid}/zaakeigenschappen/{uuid}',
      operationId: 'zaakeigenschap_retrieve',
      summary: 'Een specifieke ZAAKEIGENSCHAP opvragen.',
      description: 'Een specifieke ZAAKEIGENSCHAP opvragen.',
      tags: TAGS,
      scopes: [ZAKEN_LEZEN],
      params: NestedUuidParams,
      responses: { 200: { description: 'OK', schema: ZaakEigenschap } },
      head: { operationId: 'zaakeigenschap_headers', summary: 'De headers voor een specifiek(e) ZAAKEIGENSCHAP opvragen ' },
      etag: true,
      async handler({ params, auth, apiRoot }) {
        const { row, zaak } = await loadSubResource(database.db, 'zaakeigenschap', params.uuid, apiRoot, params.zaak_uuid);
        assertMayRead(auth, zaak);
        return { status: 200, body: toApi(row, apiRoot) };
      },
    }),
    defineOperation({
      method: 'PUT',
      path: '/zaken/{zaak_uuid}/zaakeigenschappen/{uuid}',
      operationId: 'zaakeigenschap_update',
      summary: 'Werk een ZAAKEIGENSCHAP in zijn geheel bij.',
      description: '**Er wordt gevalideerd op**\n- Alleen de `waarde` mag gewijzigd worden',
      tags: TAGS,
      scopes: CHANGE,
      params: NestedUuidParams,
      body: ZaakEigenschap,
      responses: { 200: { description: 'OK', schema: ZaakEigenschap } },
      handler: ({ params, body, auth, apiRoot }) => update(params, body as Body, auth, apiRoot, 'update'),
    }),
    defineOperation({
      method: 'PATCH',
      path: '/zaken/{zaak_uuid}/zaakeigenschappen/{uuid}',
      operationId: 'zaakeigenschap_partial_update',
      summary: 'Werk een ZAAKEIGENSCHAP deels bij.',
      description: '**Er wordt gevalideerd op**\n- Alleen de `waarde` mag gewijzigd worden',
      tags: TAGS,
      scopes: CHANGE,
      params: NestedUuidParams,
      body: PatchedZaakEigenschap,
      document: { bodyRequired: false },
      responses: { 200: { description: 'OK', schema: ZaakEigenschap } },
      handler: ({ params, body, auth, apiRoot }) => update(params, body as Body, auth, apiRoot, 'partial_update'),
    }),
    defineOperation({
      method: 'DELETE',
      path: '/zaken/{zaak_uuid}/zaakeigenschappen/{uuid}',
      operationId: 'zaakeigenschap_destroy',
      summary: 'Verwijder een ZAAKEIGENSCHAP.',
      description: 'Verwijder een ZAAKEIGENSCHAP',
      tags: TAGS,
      scopes: CHANGE,
      params: NestedUuidParams,
      responses: { 204: { description: 'No content', bare: true } },
      async handler({ params, auth, apiRoot }) {
        const { row, zaak } = await loadSubResource(database.db, 'zaakeigenschap', params.uuid, apiRoot, params.zaak_uuid);
        assertMayChange(auth, zaak, CHANGE);
        const oud = toApi(row, apiRoot);
        await database.db.transaction().execute(async (tx: Tx) => {
          await tx.deleteFrom('zaken.zaakeigenschap').where('id', '=', row.id).execute();
          await recordZaakMutation(tx, auth, { zaak, resource: 'zaakeigenschap', resourceUrl: oud.url as string, actie: 'destroy', resultaat: 204, oud, resourceWeergave: row.naam });
        });
        return { status: 204 };
      },
    }),
  ];
}

