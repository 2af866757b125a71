/**
 * Zaakbesluiten, under `/zaken/{zaak_uuid}/besluiten`: the zaak's side of a BESLUIT that names
 * the zaak. "Dit endpoint hoor je als consumer niet zelf aan te spreken": the Besluiten API
 * registers the relation here after it has stored the besluit with its `zaak`, and removes it
 * after it has changed or deleted the besluit. So, as the reference implementation checks it,
 * a besluit registered here must name this zaak, and one removed here must no longer do so
 * (`inconsistent-relation`). The besluit URL must answer with a besluit (`bad-url` /
 * `invalid-resource`); a zaak has a besluit once (`unique`).
 */
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../platform/db/database.ts';
import { defineOperation, type Operation } from '../../platform/http/api.ts';
import { validationError, type InvalidParam } from '../../platform/http/problem.ts';
import { Type } from '../../platform/http/schema.ts';
import type { ZakenDeps } from './index.ts';
import { asLookup, relatedResources } from './related.ts';
import { ZaakBesluit } from './schemas.ts';
import { sameUrl, shownUrl, storedUrl } from './urls.ts';
import { assertMayChange, assertMayRead, auditToelichting, loadZaak, recordZaakMutation, zaakUrl, ZAKEN_BIJWERKEN, ZAKEN_LEZEN, type ZaakRef } from './zaak-access.ts';
import { allRows, loadSubResource, NestedUuidParams, subResourcesOfZaak, UNIQUE_VIOLATION, ZaakUuidParams, type SubResourceRow } from './sub-resources.ts';
import { LOCATION } from '../../platform/http/parameters.ts';

const TAGS = ['zaken'];
const UNIQUE: InvalidParam = { name: 'nonFieldErrors', code: 'unique', reason: 'De velden zaak, besluit moeten een unieke set zijn.' };

export function zaakbesluitUrl(apiRoot: string, zaakUuid: string, uuid: string): string {
  return `${zaakUrl(apiRoot, zaakUuid)}/besluiten/${uuid}`;
}

function toApi(row: SubResourceRow, apiRoot: string): Record<string, unknown> {
  return { url: zaakbesluitUrl(apiRoot, row.zaak_uuid, row.uuid), uuid: row.uuid, besluit: shownUrl(row.besluit, apiRoot) };
}

function namesZaak(besluit: Record<string, unknown>, zaak: ZaakRef, apiRoot: string): boolean {
  return typeof besluit.zaak === 'string' && besluit.zaak !== '' && sameUrl(besluit.zaak, zaak.url, apiRoot);
}

export function zaakbesluitOperations(deps: ZakenDeps): Operation[] {
  const { database } = deps;
  const related = relatedResources(deps.references);

  return [
    defineOperation({
      method: 'GET',
      path: '/zaken/{zaak_uuid}/besluiten',
      operationId: 'zaakbesluit_list',
      summary: 'Alle ZAAKBESLUITen opvragen.',
      description: 'Alle ZAAKBESLUITen opvragen.',
      tags: TAGS,
      scopes: [ZAKEN_LEZEN],
      params: ZaakUuidParams,
      responses: { 200: { description: 'OK', schema: Type.Array(ZaakBesluit) } },
      async handler({ params, auth, apiRoot }) {
        const zaak = await loadZaak(database.db, params.zaak_uuid, apiRoot);
        assertMayRead(auth, zaak);
        return { status: 200, body: (await allRows(subResourcesOfZaak(database.db, 'zaakbesluit', zaak))).map((r) => toApi(r, apiRoot)) };
      },
    }),
    defineOperation({
      method: 'POST',
      path: '/zaken/{zaak_uuid}/besluiten',
      operationId: 'zaakbesluit_create',
      summary: 'Maak een ZAAKBESLUIT aan.',
      description:
        '**LET OP: Dit endpoint hoor je als consumer niet zelf aan te spreken.**\n\nDe Besluiten API gebruikt dit endpoint om relaties te synchroniseren, daarom is dit endpoint in de Zaken API geimplementeerd.',
      tags: TAGS,
      scopes: [ZAKEN_BIJWERKEN],
      auditHeaders: true,
      // The Besluiten API of this process registers and removes the relation in-process.
      relationSync: true,
      params: ZaakUuidParams,
      body: ZaakBesluit,
      responses: { 201: { description: 'Created', schema: ZaakBesluit, headers: LOCATION } },
      async handler({ params, body, auth, apiRoot, request }) {
        const zaak = await loadZaak(database.db, params.zaak_uuid, apiRoot);
        assertMayChange(auth, zaak, [ZAKEN_BIJWERKEN]);
        const errors: InvalidParam[] = [];
        const besluit = asLookup(await related.besluit(body.besluit, apiRoot), 'besluit');
        if (!besluit.ok) errors.push(besluit.error);
        else if (!namesZaak(besluit.resource, zaak, apiRoot)) {
          errors.push({ name: 'nonFieldErrors', code: 'inconsistent-relation', reason: 'Het besluit verwijst niet naar deze zaak; de Besluiten API legt die relatie eerst vast.' });
        }
        const uuid = randomUUID();
        const nieuw = await database.db
          .transaction()
          .execute(async (tx: Tx) => {
            const stored = storedUrl(body.besluit, apiRoot);
            if (await tx.selectFrom('zaken.zaakbesluit').select('id').where('zaak_id', '=', zaak.id).where('besluit', '=', stored).executeTakeFirst()) errors.push(UNIQUE);
            if (errors.length) throw validationError(errors);
            await tx.insertInto('zaken.zaakbesluit').values({ uuid, zaak_id: zaak.id, besluit: stored }).execute();
            const nieuw = toApi((await loadSubResource(tx, 'zaakbesluit', uuid, apiRoot)).row, apiRoot);
            await recordZaakMutation(tx, auth, { zaak, resource: 'zaakbesluit', resourceUrl: nieuw.url as string, actie: 'create', resultaat: 201, nieuw, resourceWeergave: body.besluit.slice(0, 200), toelichting: auditToelichting(request.headers) });
            return nieuw;
          })
          .catch((error: { code?: string }) => {
            if (error.code === UNIQUE_VIOLATION) throw validationError([UNIQUE]);
            throw error;
          });
        return { status: 201, body: nieuw, headers: { Location: nieuw.url as string } };
      },
    }),
    defineOperation({
      method: 'GET',
      path: '/zaken/{zaak_uuid}/besluiten/{uuid}',
      operationId: 'zaakbesluit_retrieve',
      summary: 'Een specifiek ZAAKBESLUIT opvragen.',
      description: 'Een specifiek ZAAKBESLUIT opvragen.',
      tags: TAGS,
      scopes: [ZAKEN_LEZEN],
      params: NestedUuidParams,
      responses: { 200: { description: 'OK', schema: ZaakBesluit } },
      async handler({ params, auth, apiRoot }) {
        const { row, zaak } = await loadSubResource(database.db, 'zaakbesluit', params.uuid, apiRoot, params.zaak_uuid);
        assertMayRead(auth, zaak);
        return { status: 200, body: toApi(row, apiRoot) };
      },
    }),
    defineOperation({
      method: 'DELETE',
      path: '/zaken/{zaak_uuid}/besluiten/{uuid}',
      operationId: 'zaakbesluit_destroy',
      summary: 'Verwijder een ZAAKBESLUIT.',
      description:
        '***LET OP: Dit endpoint hoor je als consumer niet zelf aan te spreken.***\n\nDe Besluiten API gebruikt dit endpoint om relaties te synchroniseren, daarom is dit endpoint in de Zaken API geimplementeerd.',
      tags: TAGS,
      scopes: [ZAKEN_BIJWERKEN],
      auditHeaders: true,
      // The Besluiten API of this process registers and removes the relation in-process.
      relationSync: true,
      params: NestedUuidParams,
      responses: { 204: { description: 'No content', bare: true } },
      async handler({ params, auth, apiRoot, request }) {
        const { row, zaak } = await loadSubResource(database.db, 'zaakbesluit', params.uuid, apiRoot, params.zaak_uuid);
        assertMayChange(auth, zaak, [ZAKEN_BIJWERKEN]);
        // A besluit that is gone (or unreachable) names no zaak any more.
        const besluit = await related.besluit(shownUrl(row.besluit, apiRoot), apiRoot);
        if (besluit.ok && namesZaak(besluit.resource, zaak, apiRoot)) {
          throw validationError([{ name: 'nonFieldErrors', code: 'inconsistent-relation', reason: 'Het besluit verwijst nog naar deze zaak. Deze relatie moet eerst in de Besluiten API verbroken worden.' }]);
        }
        const oud = toApi(row, apiRoot);
        await database.db.transaction().execute(async (tx: Tx) => {
          await tx.deleteFrom('zaken.zaakbesluit').where('id', '=', row.id).execute();
          // The kanaal zaken announces the creation of a zaakbesluit only.
          await recordZaakMutation(tx, auth, { zaak, resource: 'zaakbesluit', resourceUrl: oud.url as string, actie: 'destroy', resultaat: 204, oud, resourceWeergave: String(oud.besluit).slice(0, 200), toelichting: auditToelichting(request.headers), notify: false });
        });
        return { status: 204 };
      },
    }),
  ];
}
