/**
 * Zaakinformatieobjecten: a document (informatieobject in a Documenten API) in the zaakdossier.
 * - The server sets `registratiedatum` (now) and `aardRelatieWeergave` (hoort bij); a client's
 *   values are ignored (zrc-004a/b/c).
 * - `informatieobject` must resolve to an informatieobject (`bad-url` / `invalid-resource`,
 *   zrc-003d), whose informatieobjecttype is one of the zaaktype's informatieobjecttypen
 *   (`missing-zaaktype-informatieobjecttype-relation`, zrc-017); a zaak relates to an
 *   informatieobject once (`unique`); `status` is a status of this zaak.
 * - `zaak` and `informatieobject` do not change (`wijzigen-niet-toegelaten`, zrc-004d..g).
 * - The relation is mirrored in the Documenten API (zrc-005, see document-relations.ts): after
 *   our change is committed, because that API checks it against ours. When the mirror fails,
 *   the change is undone (recorded as such) and the client gets `pending-relations`.
 */
import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { Authorization } from '../../platform/auth/authorization.ts';
import { defineOperation, type Operation } from '../../platform/http/api.ts';
import { validationError, type InvalidParam } from '../../platform/http/problem.ts';
import { Type } from '../../platform/http/schema.ts';
import type { ZakenDeps } from './index.ts';
import { checkZaaktypeHasInformatieobjecttype } from './catalogi.ts';
import { RelationError } from './document-relations.ts';
import { asLookup, relatedResources } from './related.ts';
import { PatchedZaakInformatieObject, ZaakInformatieObject } from './schemas.ts';
import { ownUuid, shownUrl, storedUrl } from './urls.ts';
import {
  assertMayChange,
  assertMayRead,
  auditToelichting,
  recordZaakMutation,
  zaakFromUrl,
  zaakUrl,
  ZAKEN_AANMAKEN,
  ZAKEN_BIJWERKEN,
  ZAKEN_GEFORCEERD_BIJWERKEN,
  ZAKEN_LEZEN,
  ZAKEN_VERWIJDEREN,
  type ZaakRef,
} from './zaak-access.ts';
import { allRows, checkArchiefstatus, checkUnchangedUrls, dateTime, loadSubResource, readableSubResources, UNIQUE_VIOLATION, ZAAK_FILTER, type SubResourceRow } from './sub-resources.ts';
import { LOCATION, UuidParams } from '../../platform/http/parameters.ts';

const TAGS = ['zaakinformatieobjecten'];
const CREATE = [ZAKEN_AANMAKEN, ZAKEN_BIJWERKEN, ZAKEN_GEFORCEERD_BIJWERKEN];
const UPDATE = [ZAKEN_BIJWERKEN, ZAKEN_GEFORCEERD_BIJWERKEN];
const DESTROY = [ZAKEN_BIJWERKEN, ZAKEN_GEFORCEERD_BIJWERKEN, ZAKEN_VERWIJDEREN];

const AARD_RELATIE_WEERGAVE: Record<string, string> = {
  hoort_bij: 'Hoort bij, omgekeerd: kent',
  legt_vast: 'Legt vast, omgekeerd: kan vastgelegd zijn als',
};

const UNIQUE: InvalidParam = { name: 'nonFieldErrors', code: 'unique', reason: 'De velden zaak, informatieobject moeten een unieke set zijn.' };
const ROLLED_BACK = 'De relatie kon niet in de Documenten API worden gespiegeld en is teruggedraaid.';

type Body = Record<string, unknown>;

export function zaakinformatieobjectUrl(apiRoot: string, uuid: string): string {
  return `${apiRoot}/zaakinformatieobjecten/${uuid}`;
}

function toApi(row: SubResourceRow, apiRoot: string): Record<string, unknown> {
  return {
    url: zaakinformatieobjectUrl(apiRoot, row.uuid),
    uuid: row.uuid,
    informatieobject: shownUrl(row.informatieobject, apiRoot),
    zaak: zaakUrl(apiRoot, row.zaak_uuid),
    aardRelatieWeergave: AARD_RELATIE_WEERGAVE[row.aard_relatie] ?? row.aard_relatie,
    titel: row.titel,
    beschrijving: row.beschrijving,
    registratiedatum: dateTime(row.registratiedatum),
    vernietigingsdatum: dateTime(row.vernietigingsdatum),
    status: shownUrl(row.status, apiRoot),
  };
}

/**
 * The ObjectInformatieObjecten in the Documenten API of the zaakinformatieobjecten of a zaak
 * and its deelzaken. Read them before deleting the zaak (its zaakinformatieobjecten go with
 * it), and delete them with `deps.documentRelations` after that has been committed (zrc-023h).
 */
export async function objectinformatieobjectenOfZaak(db: Db | Tx, zaakId: number, apiRoot: string): Promise<string[]> {
  const rows = await db
    .selectFrom('zaken.zaakinformatieobject as zio')
    .innerJoin('zaken.zaak as zaak', 'zaak.id', 'zio.zaak_id')
    .select('zio.objectinformatieobject')
    .where((eb) => eb.or([eb('zaak.id', '=', zaakId), eb('zaak.hoofdzaak_id', '=', zaakId)]))
    .where('zio.objectinformatieobject', 'is not', null)
    .orderBy('zio.id')
    .execute();
  return rows.map((r) => shownUrl(r.objectinformatieobject as string, apiRoot));
}

export function zaakinformatieobjectOperations(deps: ZakenDeps): Operation[] {
  const { database, catalogi, documentRelations } = deps;
  const related = relatedResources(deps.references);

  /** `status`, when given: a status of this zaak (field errors as for any hyperlink, then the zaak's). */
  async function checkStatus(tx: Tx, status: string | null | undefined, zaak: ZaakRef, apiRoot: string): Promise<InvalidParam[]> {
    if (status === undefined || status === null) return [];
    const uuid = ownUuid(status, 'zaken', 'statussen', apiRoot);
    if (!uuid) return [{ name: 'status', code: 'no_match', reason: 'Ongeldige hyperlink - Geen URL match.' }];
    const found = await tx.selectFrom('zaken.status').select('zaak_id').where('uuid', '=', uuid).executeTakeFirst();
    if (!found) return [{ name: 'status', code: 'does_not_exist', reason: 'Ongeldige hyperlink - Object bestaat niet.' }];
    if (Number(found.zaak_id) !== zaak.id) return [{ name: 'nonFieldErrors', code: 'zaak-status-mismatch', reason: 'De opgegeven `status` hoort niet bij de opgegeven `zaak`.' }];
    return [];
  }

  /** zrc-017: the informatieobjecttype of the informatieobject is one of the zaaktype's. */
  async function checkInformatieobjecttype(informatieobject: Record<string, unknown>, zaak: ZaakRef, apiRoot: string): Promise<InvalidParam[]> {
    const zaaktype = await catalogi.fetch('zaaktype', zaak.zaaktype, apiRoot, 'nonFieldErrors');
    if (!zaaktype.ok) return [zaaktype.error];
    return checkZaaktypeHasInformatieobjecttype(zaaktype.resource, String(informatieobject.informatieobjecttype), apiRoot);
  }

  async function reload(db: Db | Tx, uuid: string, apiRoot: string) {
    return toApi((await loadSubResource(db, 'zaakinformatieobject', uuid, apiRoot)).row, apiRoot);
  }

  async function update(params: { uuid: string }, body: Body, auth: Authorization, apiRoot: string, actie: 'update' | 'partial_update') {
    const { row, zaak } = await loadSubResource(database.db, 'zaakinformatieobject', params.uuid, apiRoot);
    assertMayChange(auth, zaak, UPDATE);
    const errors = checkUnchangedUrls(body, { zaak: zaak.url, informatieobject: shownUrl(row.informatieobject, apiRoot) }, apiRoot);
    const nieuw = await database.db.transaction().execute(async (tx: Tx) => {
      errors.push(...(await checkStatus(tx, body.status as string | null | undefined, zaak, apiRoot)), ...(await checkArchiefstatus(tx, zaak)));
      if (errors.length) throw validationError(errors);
      const given = (key: string) => body[key] !== undefined;
      const changes = {
        ...(given('titel') ? { titel: body.titel as string } : {}),
        ...(given('beschrijving') ? { beschrijving: body.beschrijving as string } : {}),
        ...(given('vernietigingsdatum') ? { vernietigingsdatum: body.vernietigingsdatum as string | null } : {}),
        ...(given('status') ? { status: body.status === null ? null : storedUrl(body.status as string, apiRoot) } : {}),
      };
      // A body with only what does not change (zaak, informatieobject, the read-only aardRelatieWeergave) changes nothing.
      if (Object.keys(changes).length) await tx.updateTable('zaken.zaakinformatieobject').set(changes).where('id', '=', row.id).execute();
      const nieuw = await reload(tx, row.uuid, apiRoot);
      // The kanaal announces only the creation of a zaakinformatieobject.
      await recordZaakMutation(tx, auth, { zaak, resource: 'zaakinformatieobject', resourceUrl: nieuw.url as string, actie, resultaat: 200, oud: toApi(row, apiRoot), nieuw, resourceWeergave: weergave(nieuw), notify: false });
      return nieuw;
    });
    return { status: 200, body: nieuw };
  }

  return [
    defineOperation({
      method: 'GET',
      path: '/zaakinformatieobjecten',
      operationId: 'zaakinformatieobject_list',
      summary: 'Alle ZAAK-INFORMATIEOBJECT relaties opvragen.',
      description: 'Deze lijst kan gefilterd wordt met query-string parameters.',
      tags: TAGS,
      scopes: [ZAKEN_LEZEN],
      query: Type.Object({
        zaak: Type.Optional(ZAAK_FILTER),
        informatieobject: Type.Optional(Type.String({ format: 'uri', description: 'URL-referentie naar het INFORMATIEOBJECT (in de Documenten API), waar ook de relatieinformatie opgevraagd kan worden.' })),
      }),
      responses: { 200: { description: 'OK', schema: Type.Array(ZaakInformatieObject) } },
      async handler({ query, auth, apiRoot }) {
        let rows = readableSubResources(database.db, 'zaakinformatieobject', auth, apiRoot, query.zaak);
        if (query.informatieobject !== undefined) rows = rows.where('part.informatieobject', '=', storedUrl(query.informatieobject, apiRoot));
        return { status: 200, body: (await allRows(rows)).map((r) => toApi(r, apiRoot)) };
      },
    }),
    defineOperation({
      method: 'POST',
      path: '/zaakinformatieobjecten',
      operationId: 'zaakinformatieobject_create',
      summary: 'Maak een ZAAK-INFORMATIEOBJECT relatie aan.',
      description: 'Maak een ZAAK-INFORMATIEOBJECT relatie aan.',
      tags: TAGS,
      scopes: CREATE,
      auditHeaders: true,
      body: ZaakInformatieObject,
      responses: { 201: { description: 'Created', schema: ZaakInformatieObject, headers: LOCATION } },
      async handler({ body, auth, apiRoot, request }) {
        const b = body as Body;
        const zaak = await zaakFromUrl(database.db, b.zaak as string, apiRoot);
        assertMayChange(auth, zaak, CREATE);
        const errors: InvalidParam[] = [];
        const informatieobject = asLookup(await related.informatieobject(b.informatieobject as string, apiRoot), 'informatieobject');
        if (!informatieobject.ok) errors.push(informatieobject.error);
        else errors.push(...(await checkInformatieobjecttype(informatieobject.resource, zaak, apiRoot)));
        const uuid = randomUUID();
        const created = await database.db
          .transaction()
          .execute(async (tx: Tx) => {
            errors.push(...(await checkStatus(tx, b.status as string | null | undefined, zaak, apiRoot)));
            const duplicate = await tx.selectFrom('zaken.zaakinformatieobject').select('id').where('zaak_id', '=', zaak.id).where('informatieobject', '=', storedUrl(b.informatieobject as string, apiRoot)).executeTakeFirst();
            if (duplicate) errors.push(UNIQUE);
            errors.push(...(await checkArchiefstatus(tx, zaak)));
            if (errors.length) throw validationError(errors);
            await tx
              .insertInto('zaken.zaakinformatieobject')
              .values({
                uuid,
                zaak_id: zaak.id,
                informatieobject: storedUrl(b.informatieobject as string, apiRoot),
                titel: (b.titel as string | undefined) ?? '',
                beschrijving: (b.beschrijving as string | undefined) ?? '',
                vernietigingsdatum: (b.vernietigingsdatum as string | null | undefined) ?? null,
                status: b.status ? storedUrl(b.status as string, apiRoot) : null,
              })
              .execute();
            const nieuw = await reload(tx, uuid, apiRoot);
            await recordZaakMutation(tx, auth, { zaak, resource: 'zaakinformatieobject', resourceUrl: nieuw.url as string, actie: 'create', resultaat: 201, nieuw, resourceWeergave: weergave(nieuw), toelichting: auditToelichting(request.headers) });
            return nieuw;
          })
          .catch((error: { code?: string }) => {
            // Two requests relating the same informatieobject at once: the second loses at the database.
            if (error.code === UNIQUE_VIOLATION) throw validationError([UNIQUE]);
            throw error;
          });
        // After the commit: the Documenten API reads the relation back from us.
        try {
          const mirror = await documentRelations.create({ informatieobject: created.informatieobject as string, zaak: zaak.url }, apiRoot);
          await database.db.updateTable('zaken.zaakinformatieobject').set({ objectinformatieobject: storedUrl(mirror, apiRoot) }).where('uuid', '=', uuid).execute();
        } catch (error) {
          if (!(error instanceof RelationError)) throw error;
          await undoCreate(zaak, auth, created);
          throw validationError([{ name: 'informatieobject', code: 'pending-relations', reason: error.message }]);
        }
        return { status: 201, body: created, headers: { Location: created.url as string } };
      },
    }),
    defineOperation({
      method: 'GET',
      path: '/zaakinformatieobjecten/{uuid}',
      operationId: 'zaakinformatieobject_retrieve',
      summary: 'Een specifieke ZAAK-INFORMATIEOBJECT relatie opvragen.',
      description: 'Een specifieke ZAAK-INFORMATIEOBJECT relatie opvragen.',
      tags: TAGS,
      scopes: [ZAKEN_LEZEN],
      params: UuidParams,
      responses: { 200: { description: 'OK', schema: ZaakInformatieObject } },
      head: { operationId: 'zaakinformatieobject_headers', summary: 'De headers voor een specifiek(e) ZAAK-INFORMATIEOBJECT opvragen ' },
      etag: true,
      async handler({ params, auth, apiRoot }) {
        const { row, zaak } = await loadSubResource(database.db, 'zaakinformatieobject', params.uuid, apiRoot);
        assertMayRead(auth, zaak);
        return { status: 200, body: toApi(row, apiRoot) };
      },
    }),
    defineOperation({
      method: 'PUT',
      path: '/zaakinformatieobjecten/{uuid}',
      operationId: 'zaakinformatieobject_update',
      summary: 'Werk een ZAAK-INFORMATIEOBJECT relatie in zijn geheel bij.',
      description: 'Je mag enkel de gegevens van de relatie bewerken, en niet de relatie zelf aanpassen.',
      tags: TAGS,
      scopes: UPDATE,
      auditHeaders: true,
      params: UuidParams,
      body: ZaakInformatieObject,
      responses: { 200: { description: 'OK', schema: ZaakInformatieObject } },
      handler: ({ params, body, auth, apiRoot }) => update(params, body as Body, auth, apiRoot, 'update'),
    }),
    defineOperation({
      method: 'PATCH',
      path: '/zaakinformatieobjecten/{uuid}',
      operationId: 'zaakinformatieobject_partial_update',
      summary: 'Werk een ZAAK-INFORMATIEOBJECT relatie deels bij.',
      description: 'Je mag enkel de gegevens van de relatie bewerken, en niet de relatie zelf aanpassen.',
      tags: TAGS,
      scopes: UPDATE,
      auditHeaders: true,
      params: UuidParams,
      body: PatchedZaakInformatieObject,
      document: { bodyRequired: false },
      responses: { 200: { description: 'OK', schema: ZaakInformatieObject } },
      handler: ({ params, body, auth, apiRoot }) => update(params, body as Body, auth, apiRoot, 'partial_update'),
    }),
    defineOperation({
      method: 'DELETE',
      path: '/zaakinformatieobjecten/{uuid}',
      operationId: 'zaakinformatieobject_destroy',
      summary: 'Verwijder een ZAAK-INFORMATIEOBJECT relatie.',
      description: 'De gespiegelde relatie in de Documenten API wordt door de Zaken API verwijderd. Consumers kunnen dit niet handmatig doen.',
      tags: TAGS,
      scopes: DESTROY,
      auditHeaders: true,
      params: UuidParams,
      responses: { 204: { description: 'No content', bare: true } },
      async handler({ params, auth, apiRoot, request }) {
        const { row, zaak } = await loadSubResource(database.db, 'zaakinformatieobject', params.uuid, apiRoot);
        assertMayChange(auth, zaak, DESTROY);
        const oud = toApi(row, apiRoot);
        await database.db.transaction().execute(async (tx: Tx) => {
          await tx.deleteFrom('zaken.zaakinformatieobject').where('id', '=', row.id).execute();
          await recordZaakMutation(tx, auth, { zaak, resource: 'zaakinformatieobject', resourceUrl: oud.url as string, actie: 'destroy', resultaat: 204, oud, resourceWeergave: weergave(oud), toelichting: auditToelichting(request.headers), notify: false });
        });
        if (row.objectinformatieobject) {
          try {
            await documentRelations.delete(shownUrl(row.objectinformatieobject, apiRoot), apiRoot);
          } catch (error) {
            if (!(error instanceof RelationError)) throw error;
            // The Documenten API keeps its relation: so do we, as it was.
            await database.db.transaction().execute(async (tx: Tx) => {
              const { id: _id, zaak_uuid: _zaakUuid, ...columns } = row;
              await tx.insertInto('zaken.zaakinformatieobject').values(columns).execute();
              await recordZaakMutation(tx, auth, { zaak, resource: 'zaakinformatieobject', resourceUrl: oud.url as string, actie: 'create', resultaat: 201, nieuw: oud, resourceWeergave: weergave(oud), toelichting: ROLLED_BACK, notify: false });
            });
            throw validationError([{ name: 'informatieobject', code: 'pending-relations', reason: error.message }]);
          }
        }
        return { status: 204 };
      },
    }),
  ];

  /**
   * Removes a zaakinformatieobject just made whose mirror the Documenten API refused: on the
   * record, and announced, as its creation was.
   */
  async function undoCreate(zaak: ZaakRef, auth: Authorization, oud: Record<string, unknown>) {
    await database.db.transaction().execute(async (tx: Tx) => {
      await tx.deleteFrom('zaken.zaakinformatieobject').where('uuid', '=', oud.uuid as string).execute();
      await recordZaakMutation(tx, auth, { zaak, resource: 'zaakinformatieobject', resourceUrl: oud.url as string, actie: 'destroy', resultaat: 204, oud, resourceWeergave: weergave(oud), toelichting: ROLLED_BACK });
    });
  }
}

function weergave(zio: Record<string, unknown>): string {
  return String(zio.titel || zio.informatieobject).slice(0, 200);
}
