/**
 * What every resource of the Zaken API shares about the zaak it belongs to: finding it by
 * uuid or URL, whether the client may read or change it (scopes per zaaktype, up to a
 * vertrouwelijkheidaanduiding, in SQL for lists), the rule that a closed zaak changes only
 * with `zaken.geforceerd-bijwerken`, and recording a change (audit trail + notification on
 * kanaal `zaken`) in the change's own transaction.
 *
 * Sub-resources (statussen, rollen, zaakobjecten, …) use these exports; keep them stable.
 *
 * @example
 * const zaak = await zaakFromUrl(database.db, body.zaak, apiRoot);          // 400 when no zaak of ours
 * assertMayChange(auth, zaak, ZAKEN_BIJWERKEN);                             // 403 outside the client's rights
 * await database.db.transaction().execute(async (tx) => {
 *   … insert …
 *   await recordZaakMutation(tx, auth, { zaak, resource: 'status', resourceUrl, actie: 'create', resultaat: 201, nieuw });
 * });
 */
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { Authorization } from '../../platform/auth/authorization.ts';
import { vertrouwelijkheidRank } from '../../platform/auth/authorization.ts';
import { VERTROUWELIJKHEIDAANDUIDINGEN, type Vertrouwelijkheidaanduiding } from '../../platform/http/schema.ts';
import { notFound, permissionDenied, validationError } from '../../platform/http/problem.ts';
import { recordMutation, type MutationChange } from '../../platform/events/mutation.ts';
import { ownUuid, shownUrl, storedUrl } from './urls.ts';

// The scopes of the Zaken API (component `zrc`), as its operations' `security` names them.
export const ZAKEN_LEZEN = 'zaken.lezen';
export const ZAKEN_AANMAKEN = 'zaken.aanmaken';
export const ZAKEN_BIJWERKEN = 'zaken.bijwerken';
export const ZAKEN_VERWIJDEREN = 'zaken.verwijderen';
export const ZAKEN_HEROPENEN = 'zaken.heropenen';
export const ZAKEN_GEFORCEERD_BIJWERKEN = 'zaken.geforceerd-bijwerken';
export const ZAKEN_STATUSSEN_TOEVOEGEN = 'zaken.statussen.toevoegen';
export const AUDITTRAILS_LEZEN = 'audittrails.lezen';

/** The path of the zaken collection; a zaak's URL is `${apiRoot}/zaken/${uuid}`. */
export const ZAKEN_PATH = '/zaken/api/v1/zaken';

export function zaakUrl(apiRoot: string, uuid: string): string {
  return `${apiRoot}/zaken/${uuid}`;
}

/** What the rules about a zaak need of it; loaded with {@link loadZaak} / {@link zaakFromUrl}. */
export interface ZaakRef {
  /** Primary key, for the sub-resources' `zaak_id`. */
  id: number;
  uuid: string;
  /** The zaak's URL on the request's host. */
  url: string;
  /** The zaaktype URL as the client sees it. */
  zaaktype: string;
  bronorganisatie: string;
  vertrouwelijkheidaanduiding: Vertrouwelijkheidaanduiding;
  /** Set when the zaak is closed (its eindstatus was set). */
  einddatum: string | null;
}

const REF_COLUMNS = ['id', 'uuid', 'zaaktype', 'bronorganisatie', 'vertrouwelijkheid_rank', 'einddatum'] as const;

type RefRow = { id: number | string; uuid: string; zaaktype: string; bronorganisatie: string; vertrouwelijkheid_rank: number; einddatum: string | null };

function toRef(row: RefRow, apiRoot: string): ZaakRef {
  return {
    id: Number(row.id),
    uuid: row.uuid,
    url: zaakUrl(apiRoot, row.uuid),
    zaaktype: shownUrl(row.zaaktype, apiRoot),
    bronorganisatie: row.bronorganisatie,
    vertrouwelijkheidaanduiding: VERTROUWELIJKHEIDAANDUIDINGEN[row.vertrouwelijkheid_rank]!,
    einddatum: row.einddatum,
  };
}

/** The zaak with this uuid, or undefined. */
export async function findZaak(db: Db | Tx, uuid: string, apiRoot: string): Promise<ZaakRef | undefined> {
  const row = await db.selectFrom('zaken.zaak').select(REF_COLUMNS).where('uuid', '=', uuid).executeTakeFirst();
  return row ? toRef(row as RefRow, apiRoot) : undefined;
}

/** The zaak with this uuid (a path parameter): 404 when there is none. */
export async function loadZaak(db: Db | Tx, uuid: string, apiRoot: string): Promise<ZaakRef> {
  const zaak = await findZaak(db, uuid, apiRoot);
  if (!zaak) throw notFound(`Zaak ${uuid} bestaat niet.`);
  return zaak;
}

/**
 * The zaak a body or filter refers to by URL (`zaak` of a status, rol, …): a 400 on `field`
 * when the URL is no zaak of this API (`no_match`) or no longer exists (`does_not_exist`).
 */
export async function zaakFromUrl(db: Db | Tx, url: string, apiRoot: string, field = 'zaak'): Promise<ZaakRef> {
  const uuid = ownUuid(url, 'zaken', 'zaken', apiRoot);
  if (!uuid) throw validationError([{ name: field, code: 'no_match', reason: 'Ongeldige hyperlink - Geen URL match.' }]);
  const zaak = await findZaak(db, uuid, apiRoot);
  if (!zaak) throw validationError([{ name: field, code: 'does_not_exist', reason: 'Ongeldige hyperlink - Object bestaat niet.' }]);
  return zaak;
}

/** Whether the client has one of `scopes` for this zaak's zaaktype, up to its vertrouwelijkheidaanduiding. */
export function mayAccess(auth: Authorization, zaak: Pick<ZaakRef, 'zaaktype' | 'vertrouwelijkheidaanduiding'>, scopes: string[]): boolean {
  return scopes.some((scope) => auth.allows('zrc', scope, { type: zaak.zaaktype, vertrouwelijkheidaanduiding: zaak.vertrouwelijkheidaanduiding }));
}

/** 403 unless the client may read this zaak (and so its sub-resources). */
export function assertMayRead(auth: Authorization, zaak: Pick<ZaakRef, 'zaaktype' | 'vertrouwelijkheidaanduiding'>): void {
  if (!mayAccess(auth, zaak, [ZAKEN_LEZEN])) throw permissionDenied('Je hebt geen toestemming om deze zaak te lezen (zaaktype of vertrouwelijkheidaanduiding).');
}

/**
 * 403 unless the client has one of `scopes` for this zaak; and a closed zaak (einddatum set)
 * may only be changed with `zaken.geforceerd-bijwerken` for it, as the standard says for
 * every change to a zaak and its sub-resources.
 */
export function assertMayChange(auth: Authorization, zaak: Pick<ZaakRef, 'zaaktype' | 'vertrouwelijkheidaanduiding' | 'einddatum'>, scopes: string[]): void {
  if (!mayAccess(auth, zaak, scopes)) throw permissionDenied(`Je hebt geen toestemming om deze zaak te wijzigen (scope ${scopes.join(' of ')} voor dit zaaktype en deze vertrouwelijkheidaanduiding).`);
  assertOpenOrForced(auth, zaak);
}

/** A closed zaak changes only with `zaken.geforceerd-bijwerken` for its zaaktype: 403 otherwise. */
export function assertOpenOrForced(auth: Authorization, zaak: Pick<ZaakRef, 'zaaktype' | 'vertrouwelijkheidaanduiding' | 'einddatum'>): void {
  if (zaak.einddatum !== null && !mayAccess(auth, zaak, [ZAKEN_GEFORCEERD_BIJWERKEN])) {
    throw permissionDenied('De zaak is afgesloten; wijzigen vereist de scope zaken.geforceerd-bijwerken.');
  }
}

/**
 * The zaken the client has `scope` for, as an SQL condition on the zaak table under `alias`
 * (`zaaktype = $t AND vertrouwelijkheid_rank <= $r` per grant), for lists, counts and
 * `_zoek` of zaken and of their sub-resources (joined to their zaak). `true` when the client
 * is not restricted; `false` when it has no grant at all.
 *
 * @example
 * db.selectFrom('zaken.status').innerJoin('zaken.zaak as zaak', 'zaak.id', 'status.zaak_id')
 *   .where((eb) => authorisedZaken(eb, auth, ZAKEN_LEZEN, apiRoot, 'zaak'))
 */
export function authorisedZaken(eb: ExpressionBuilder<any, any>, auth: Authorization, scope: string, apiRoot: string, alias = 'zaak'): Expression<SqlBool> {
  const grants = auth.grants('zrc', scope);
  if (grants === 'all') return eb.lit(true);
  // Per zaaktype the highest ceiling granted (8: no ceiling); a grant without a zaaktype covers every zaaktype.
  const NONE = VERTROUWELIJKHEIDAANDUIDINGEN.length;
  const ceiling = (g: (typeof grants)[number]) => (g.maxVertrouwelijkheidaanduiding === undefined ? NONE : vertrouwelijkheidRank(g.maxVertrouwelijkheidaanduiding));
  const anyType = Math.max(-1, ...grants.filter((g) => g.type === undefined).map(ceiling));
  const perType = new Map<string, number>();
  for (const g of grants) if (g.type !== undefined) perType.set(storedUrl(g.type, apiRoot), Math.max(perType.get(storedUrl(g.type, apiRoot)) ?? -1, ceiling(g)));
  // Zaaktypen with the same ceiling share one `zaaktype IN (…) AND rank <= r`: with the usual
  // single ceiling the whole filter is one range scan of the zaak_autorisatie index (index-only for a count).
  const byCeiling = new Map<number, string[]>();
  for (const [type, rank] of perType) if (rank > anyType) byCeiling.set(rank, [...(byCeiling.get(rank) ?? []), type]);
  const rankAtMost = (rank: number) => (rank >= NONE ? [] : [eb(`${alias}.vertrouwelijkheid_rank`, '<=', rank)]);
  const conditions: Expression<SqlBool>[] = [...byCeiling].map(([rank, types]) => eb.and([eb(`${alias}.zaaktype`, 'in', types), ...rankAtMost(rank)]));
  if (anyType >= 0) conditions.push(anyType >= NONE ? eb.lit(true) : eb.and(rankAtMost(anyType)));
  return conditions.length ? eb.or(conditions) : eb.lit(false);
}

/**
 * The `zaak` filter of a sub-resource's list, as an SQL condition on the zaak table under
 * `alias`: the zaak with that URL; a URL that names no zaak of ours matches nothing.
 */
export function zaakFilter(eb: ExpressionBuilder<any, any>, url: string, apiRoot: string, alias = 'zaak'): Expression<SqlBool> {
  const uuid = ownUuid(url, 'zaken', 'zaken', apiRoot);
  return uuid ? eb(`${alias}.uuid`, '=', uuid) : eb.lit(false);
}

export interface ZaakMutation extends MutationChange {
  zaak: Pick<ZaakRef, 'url' | 'zaaktype' | 'bronorganisatie' | 'vertrouwelijkheidaanduiding'>;
}

/**
 * Audits a change to a zaak or one of its sub-resources (component `zrc`, hoofdObject the
 * zaak) and enqueues its notification on kanaal `zaken` with the kenmerken bronorganisatie,
 * zaaktype and vertrouwelijkheidaanduiding; both in `tx`, the change's own transaction.
 */
export async function recordZaakMutation(tx: Tx, auth: Authorization, mutation: ZaakMutation): Promise<void> {
  const { zaak, ...change } = mutation;
  await recordMutation(tx, auth, {
    ...change,
    component: 'zrc',
    hoofdObject: zaak.url,
    kanaal: 'zaken',
    kenmerken: { bronorganisatie: zaak.bronorganisatie, zaaktype: zaak.zaaktype, vertrouwelijkheidaanduiding: zaak.vertrouwelijkheidaanduiding },
  });
}

/** The `X-Audit-Toelichting` header of a request, for {@link ZaakMutation.toelichting}. */
export { auditToelichting } from '../../platform/audit/audit.ts';
