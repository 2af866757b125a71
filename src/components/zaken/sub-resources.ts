/**
 * What the resources that belong to a zaak (rollen, zaakobjecten, zaakinformatieobjecten,
 * klantcontacten, zaakcontactmomenten, zaakverzoeken, zaakeigenschappen, zaakbesluiten) share:
 * their path parameters, finding one row with its zaak, listing rows of the zaken a client may
 * read (in SQL), and the rules every one of them applies in the same words.
 *
 * Each resource has its own table with `uuid` and `zaak_id`; the zaak is joined as `zaak`.
 *
 * @example
 * const { row, zaak } = await loadSubResource(db, 'rol', params.uuid, apiRoot); // 404 when absent
 * assertMayRead(auth, zaak);                                                   // 403 outside the client's rights
 */
import type { SelectQueryBuilder } from 'kysely';
import type { FastifyRequest } from 'fastify';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { Authorization } from '../../platform/auth/authorization.ts';
import { notFound, type InvalidParam } from '../../platform/http/problem.ts';
import { pageEnvelope, PAGE_SIZE } from '../../platform/http/pagination.ts';
import { Type, type TSchema } from '../../platform/http/schema.ts';
import { authorisedZaken, loadZaak, zaakFilter, ZAKEN_LEZEN, type ZaakRef } from './zaak-access.ts';
import { sameUrl } from './urls.ts';
import { UUID } from '../../platform/http/parameters.ts';

export const ZaakUuidParams = Type.Object({ zaak_uuid: UUID });
export const NestedUuidParams = Type.Object({ uuid: UUID, zaak_uuid: UUID });
export const ZAAK_FILTER = Type.String({ format: 'uri', description: 'URL-referentie naar de ZAAK.' });
export const UNIQUE_VIOLATION = '23505';

/** The tables of the resources that belong to a zaak, in schema `zaken`. */
export type SubResourceTable = 'rol' | 'zaakobject' | 'zaakinformatieobject' | 'klantcontact' | 'zaakcontactmoment' | 'zaakverzoek' | 'zaakeigenschap' | 'zaakbesluit';

/** A row of one of those tables, with its zaak's uuid. */
export type SubResourceRow = Record<string, any> & { id: number | string; uuid: string; zaak_id: number | string; zaak_uuid: string };

/** Rows of `table` (as `part`) with the uuid of their zaak (joined as `zaak`). */
function withZaak(db: Db | Tx, table: SubResourceTable): SelectQueryBuilder<any, any, SubResourceRow> {
  return db
    .selectFrom(`zaken.${table} as part`)
    .innerJoin('zaken.zaak as zaak', 'zaak.id', 'part.zaak_id')
    .selectAll('part')
    .select('zaak.uuid as zaak_uuid') as unknown as SelectQueryBuilder<any, any, SubResourceRow>;
}

/** The row with this uuid (nested resources: under the zaak `zaakUuid`), with the uuid of its zaak. */
export async function findSubResource(db: Db | Tx, table: SubResourceTable, uuid: string, zaakUuid?: string): Promise<SubResourceRow | undefined> {
  let query = withZaak(db, table).where('part.uuid', '=', uuid);
  if (zaakUuid !== undefined) query = query.where('zaak.uuid', '=', zaakUuid);
  return query.executeTakeFirst();
}

/** The row with this uuid and its zaak: 404 when there is none. */
export async function loadSubResource(db: Db | Tx, table: SubResourceTable, uuid: string, apiRoot: string, zaakUuid?: string): Promise<{ row: SubResourceRow; zaak: ZaakRef }> {
  const row = await findSubResource(db, table, uuid, zaakUuid);
  if (!row) throw notFound(`${table} ${uuid} bestaat niet.`);
  return { row, zaak: await loadZaak(db, row.zaak_uuid, apiRoot) };
}

/**
 * The rows of `table` whose zaak the client may read (`zaken.lezen` for its zaaktype up to its
 * vertrouwelijkheidaanduiding), filtered in SQL; `zaak` narrows them to one zaak by URL (a URL
 * that is no zaak of ours matches nothing).
 */
export function readableSubResources(db: Db, table: SubResourceTable, auth: Authorization, apiRoot: string, zaak?: string): SelectQueryBuilder<any, any, SubResourceRow> {
  const query = withZaak(db, table).where((eb) => authorisedZaken(eb, auth, ZAKEN_LEZEN, apiRoot, 'zaak'));
  return zaak === undefined ? query : query.where((eb) => zaakFilter(eb, zaak, apiRoot));
}

/** The rows of `table` of one zaak (resources nested under it; the zaak's own access is checked first). */
export function subResourcesOfZaak(db: Db, table: SubResourceTable, zaak: Pick<ZaakRef, 'id'>): SelectQueryBuilder<any, any, SubResourceRow> {
  return withZaak(db, table).where('part.zaak_id', '=', zaak.id);
}

/** Every row of the query, in the order they were made (lists the standard does not paginate). */
export async function allRows(query: SelectQueryBuilder<any, any, SubResourceRow>): Promise<SubResourceRow[]> {
  return query.orderBy('part.id').execute();
}

/** One page of the query in the ZGW list envelope, with an exact count. */
export async function pageOfRows<T>(
  query: SelectQueryBuilder<any, any, SubResourceRow>,
  request: FastifyRequest,
  listUrl: string,
  page: number,
  toApi: (rows: SubResourceRow[]) => Promise<T[]> | T[],
) {
  const { count } = (await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow()) as { count: number | string };
  const rows = await query.orderBy('part.id').limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE).execute();
  return pageEnvelope(listUrl, request, page, Number(count), await toApi(rows));
}

/**
 * "De huidige zaak archiefstatus staat dit request niet toe": a zaak that is (being) archived
 * gets no new or changed sub-resources (`zaak-archiefstatus-invalid`, as the reference names it).
 */
export async function checkArchiefstatus(db: Db | Tx, zaak: Pick<ZaakRef, 'id'>): Promise<InvalidParam[]> {
  const row = await db.selectFrom('zaken.zaak').select('archiefstatus').where('id', '=', zaak.id).executeTakeFirst();
  if (!row || row.archiefstatus === 'nog_te_archiveren') return [];
  return [{ name: 'nonFieldErrors', code: 'zaak-archiefstatus-invalid', reason: "De huidige zaak archiefstatus staat dit request niet toe. Archiefstatus moet gelijk zijn aan 'nog_te_archiveren'." }];
}

/**
 * Attributes that may not change on an update (`wijzigen-niet-toegelaten`): each URL given
 * that names another resource than the stored one.
 */
export function checkUnchangedUrls(given: Record<string, unknown>, stored: Record<string, string>, apiRoot: string): InvalidParam[] {
  return Object.entries(stored)
    .filter(([name, current]) => given[name] !== undefined && !sameUrl(String(given[name]), current, apiRoot))
    .map(([name]) => ({ name, code: 'wijzigen-niet-toegelaten', reason: 'Dit veld mag niet gewijzigd worden.' }));
}

/** A date-time column as the API shows it. */
export function dateTime(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

/**
 * The schema an answer of a `Discriminated` resource (Rol, ZaakObject) is serialised with: the
 * same schema, documented identically (under the same name), that lets the variant's own
 * property (`betrokkeneIdentificatie`, `objectIdentificatie`) through, which Fastify's
 * serialiser would otherwise drop as unknown to the base schema.
 */
export function answerSchema<T extends TSchema>(schema: T): T {
  return { ...schema, additionalProperties: true };
}
