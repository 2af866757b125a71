/**
 * Klantcontacten (deprecated in the standard in favour of the Contactmomenten API, still part
 * of it): a contact with a klant about a zaak. Create, list and read only. Without an
 * `identificatie` one is generated; it is unique (`unique`). `datumtijd` may not lie in the
 * future (`date-in-future`, as the reference checks).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Tx } from '../../platform/db/database.ts';
import { defineOperation, type Operation } from '../../platform/http/api.ts';
import { validationError, type InvalidParam } from '../../platform/http/problem.ts';
import { Type } from '../../platform/http/schema.ts';
import type { ZakenDeps } from './index.ts';
import { KlantContact, PaginatedKlantContactList } from './schemas.ts';
import { assertMayChange, assertMayRead, auditToelichting, recordZaakMutation, zaakFromUrl, zaakUrl, ZAKEN_BIJWERKEN, ZAKEN_GEFORCEERD_BIJWERKEN, ZAKEN_LEZEN } from './zaak-access.ts';
import { dateTime, loadSubResource, pageOfRows, readableSubResources, UNIQUE_VIOLATION, ZAAK_FILTER, type SubResourceRow } from './sub-resources.ts';
import { LOCATION, PAGE, UuidParams } from '../../platform/http/parameters.ts';

const TAGS = ['klantcontacten'];
const CREATE = [ZAKEN_BIJWERKEN, ZAKEN_GEFORCEERD_BIJWERKEN];
const DEPRECATED = '\n\n**DEPRECATED**: gebruik de contactmomenten API in plaats van deze endpoint.';
const UNIQUE: InvalidParam = { name: 'identificatie', code: 'unique', reason: 'Er bestaat al een klantcontact met deze identificatie.' };
const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export function klantcontactUrl(apiRoot: string, uuid: string): string {
  return `${apiRoot}/klantcontacten/${uuid}`;
}

function toApi(row: SubResourceRow, apiRoot: string): Record<string, unknown> {
  return {
    url: klantcontactUrl(apiRoot, row.uuid),
    uuid: row.uuid,
    zaak: zaakUrl(apiRoot, row.zaak_uuid),
    identificatie: row.identificatie,
    datumtijd: dateTime(row.datumtijd),
    kanaal: row.kanaal,
    onderwerp: row.onderwerp,
    toelichting: row.toelichting,
  };
}

/** A random identificatie of 12 letters and digits (as the reference makes them). */
function generatedIdentificatie(): string {
  return [...randomBytes(12)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
}

export function klantcontactOperations(deps: ZakenDeps): Operation[] {
  const { database } = deps;

  return [
    defineOperation({
      method: 'GET',
      path: '/klantcontacten',
      operationId: 'klantcontact_list',
      summary: 'Alle KLANTCONTACTen opvragen.',
      description: `Alle KLANTCONTACTen opvragen.${DEPRECATED}`,
      tags: TAGS,
      scopes: [ZAKEN_LEZEN],
      query: Type.Object({ zaak: Type.Optional(ZAAK_FILTER), page: Type.Optional(PAGE) }),
      responses: { 200: { description: 'OK', schema: PaginatedKlantContactList } },
      async handler({ query, auth, apiRoot, request }) {
        const rows = readableSubResources(database.db, 'klantcontact', auth, apiRoot, query.zaak);
        return { status: 200, body: await pageOfRows(rows, request, `${apiRoot}/klantcontacten`, query.page ?? 1, (page) => page.map((r) => toApi(r, apiRoot))) };
      },
    }),
    defineOperation({
      method: 'POST',
      path: '/klantcontacten',
      operationId: 'klantcontact_create',
      summary: 'Maak een KLANTCONTACT bij een ZAAK aan.',
      description: `Indien geen identificatie gegeven is, dan wordt deze automatisch gegenereerd.${DEPRECATED}`,
      tags: TAGS,
      scopes: CREATE,
      auditHeaders: true,
      body: KlantContact,
      responses: { 201: { description: 'Created', schema: KlantContact, headers: LOCATION } },
      async handler({ body, auth, apiRoot, request }) {
        const zaak = await zaakFromUrl(database.db, body.zaak, apiRoot);
        assertMayChange(auth, zaak, CREATE);
        const errors: InvalidParam[] = [];
        if (Date.parse(body.datumtijd) > Date.now()) errors.push({ name: 'datumtijd', code: 'date-in-future', reason: 'Deze datum mag niet in de toekomst zijn' });
        const uuid = randomUUID();
        const nieuw = await database.db
          .transaction()
          .execute(async (tx: Tx) => {
            const identificatie = body.identificatie || generatedIdentificatie();
            if (body.identificatie && (await tx.selectFrom('zaken.klantcontact').select('id').where('identificatie', '=', identificatie).executeTakeFirst())) errors.push(UNIQUE);
            if (errors.length) throw validationError(errors);
            await tx
              .insertInto('zaken.klantcontact')
              .values({ uuid, zaak_id: zaak.id, identificatie, datumtijd: body.datumtijd, kanaal: body.kanaal ?? '', onderwerp: body.onderwerp ?? '', toelichting: body.toelichting ?? '' })
              .execute();
            const nieuw = toApi((await loadSubResource(tx, 'klantcontact', uuid, apiRoot)).row, apiRoot);
            await recordZaakMutation(tx, auth, { zaak, resource: 'klantcontact', resourceUrl: nieuw.url as string, actie: 'create', resultaat: 201, nieuw, resourceWeergave: identificatie, toelichting: auditToelichting(request.headers) });
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
      path: '/klantcontacten/{uuid}',
      operationId: 'klantcontact_retrieve',
      summary: 'Een specifiek KLANTCONTACT bij een ZAAK opvragen.',
      description: `Een specifiek KLANTCONTACT bij een ZAAK opvragen.${DEPRECATED}`,
      tags: TAGS,
      scopes: [ZAKEN_LEZEN],
      params: UuidParams,
      responses: { 200: { description: 'OK', schema: KlantContact } },
      async handler({ params, auth, apiRoot }) {
        const { row, zaak } = await loadSubResource(database.db, 'klantcontact', params.uuid, apiRoot);
        assertMayRead(auth, zaak);
        return { status: 200, body: toApi(row, apiRoot) };
      },
    }),
  ];
}
