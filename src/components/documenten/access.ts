/**
 * What every resource of the Documenten API shares about the document it belongs to: its
 * URL, the URLs it keeps (stored as paths when this instance serves them), whether the client
 * may use it (scopes per informatieobjecttype, up to a vertrouwelijkheidaanduiding, in SQL for
 * lists), and recording a change (audit trail + notification on kanaal `documenten`) in the
 * change's own transaction.
 */
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Tx } from '../../platform/db/database.ts';
import type { Authorization } from '../../platform/auth/authorization.ts';
import { vertrouwelijkheidRank } from '../../platform/auth/authorization.ts';
import type { Vertrouwelijkheidaanduiding } from '../../platform/http/schema.ts';
import { permissionDenied, type InvalidParam } from '../../platform/http/problem.ts';
import { absoluteUrl } from '../../platform/http/local-url.ts';
import { recordMutation, type MutationChange } from '../../platform/events/mutation.ts';
import type { ReferenceResolver } from '../../platform/references/resolver.ts';

// The scopes of the Documenten API (component `drc`), as its operations' `security` names them.
export const LEZEN = 'documenten.lezen';
export const AANMAKEN = 'documenten.aanmaken';
export const BIJWERKEN = 'documenten.bijwerken';
export const GEFORCEERD_BIJWERKEN = 'documenten.geforceerd-bijwerken';
export const VERWIJDEREN = 'documenten.verwijderen';
export const LOCK = 'documenten.lock';
export const GEFORCEERD_UNLOCK = 'documenten.geforceerd-unlock';
export const AUDITTRAILS_LEZEN = 'audittrails.lezen';

export const API_PATH = '/documenten/api/v1';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** How URLs are stored and shown for one request: paths for what this instance serves, on the request's host. */
export interface Urls {
  apiRoot: string;
  /** The form a URL is kept in: its path when this process serves it, else the URL as given. */
  stored(url: string): string;
  /** A kept URL as the client sees it. */
  shown(stored: string): string;
  document(uuid: string): string;
  /** The uuid of one of this API's resources of `collection`, from its URL; undefined for any other URL. */
  ownUuid(url: string, collection: string): string | undefined;
}

export function urlsFor(references: ReferenceResolver, apiRoot: string): Urls {
  const origin = new URL(apiRoot).origin;
  const stored = (url: string) => references.localPath(url, { apiRoot }) ?? url;
  return {
    apiRoot,
    stored,
    shown: (value) => absoluteUrl(origin, value),
    document: (uuid) => `${apiRoot}/enkelvoudiginformatieobjecten/${uuid}`,
    ownUuid(url, collection) {
      const match = new RegExp(`^${API_PATH}/${collection}/(${UUID})$`, 'i').exec(stored(url));
      return match?.[1]?.toLowerCase();
    },
  };
}

/** What the rules about a document need of it: the document and its current version's key attributes. */
export interface DocumentRef {
  /** Primary key, for the sub-resources' `informatieobject_id`. */
  id: number;
  uuid: string;
  url: string;
  /** The checkout; '' when not locked. */
  lock: string;
  /** The current version. */
  versie: number;
  bronorganisatie: string;
  /** The informatieobjecttype as stored (a path when this instance's Catalogi API serves it). */
  informatieobjecttype: string;
  vertrouwelijkheidaanduiding: Vertrouwelijkheidaanduiding;
}

/** Whether the client has one of `scopes` for a document of this type and vertrouwelijkheidaanduiding. */
export function mayAccess(auth: Authorization, urls: Urls, document: Pick<DocumentRef, 'informatieobjecttype' | 'vertrouwelijkheidaanduiding'>, scopes: string[]): boolean {
  return scopes.some((scope) => {
    const grants = auth.grants('drc', scope);
    if (grants === 'all') return true;
    return grants.some(
      (g) =>
        (g.type === undefined || urls.stored(g.type) === document.informatieobjecttype) &&
        (g.maxVertrouwelijkheidaanduiding === undefined || vertrouwelijkheidRank(document.vertrouwelijkheidaanduiding) <= vertrouwelijkheidRank(g.maxVertrouwelijkheidaanduiding)),
    );
  });
}

/** 403 unless the client has one of `scopes` for this document. */
export function assertMay(auth: Authorization, urls: Urls, document: Pick<DocumentRef, 'informatieobjecttype' | 'vertrouwelijkheidaanduiding'>, scopes: string[]): void {
  if (!mayAccess(auth, urls, document, scopes)) {
    throw permissionDenied(`Je hebt geen toestemming voor dit document (scope ${scopes.join(' of ')} voor dit informatieobjecttype en deze vertrouwelijkheidaanduiding).`);
  }
}

/**
 * The documents the client has `scope` for, as an SQL condition on the informatieobject table
 * under `alias` (`informatieobjecttype = $t AND vertrouwelijkheid_rank <= $r` per grant), for
 * lists and counts of documents and of their sub-resources (joined to their document).
 */
export function authorisedDocuments(eb: ExpressionBuilder<any, any>, auth: Authorization, scope: string, urls: Urls, alias = 'io'): Expression<SqlBool> {
  const grants = auth.grants('drc', scope);
  if (grants === 'all') return eb.lit(true);
  const conditions = grants.map((g) => {
    const parts: Expression<SqlBool>[] = [];
    if (g.type !== undefined) parts.push(eb(`${alias}.informatieobjecttype`, '=', urls.stored(g.type)));
    if (g.maxVertrouwelijkheidaanduiding !== undefined) parts.push(eb(`${alias}.vertrouwelijkheid_rank`, '<=', vertrouwelijkheidRank(g.maxVertrouwelijkheidaanduiding)));
    return parts.length ? eb.and(parts) : eb.lit(true);
  });
  return conditions.length ? eb.or(conditions) : eb.lit(false);
}

/** A change to a document; `notify: false` for what the Documenten API does not announce: lock and unlock, bestandsdelen, and objectinformatieobjecten (the Zaken and Besluiten APIs announce those relations). */
export interface DocumentMutation extends MutationChange {
  document: Pick<DocumentRef, 'url' | 'bronorganisatie' | 'informatieobjecttype' | 'vertrouwelijkheidaanduiding'>;
}

/**
 * Audits a change to a document or one of its sub-resources (component `drc`, hoofdObject the
 * document) and enqueues its notification on kanaal `documenten` with the kenmerken
 * bronorganisatie, informatieobjecttype and vertrouwelijkheidaanduiding; both in `tx`.
 */
export async function recordDocumentMutation(tx: Tx, auth: Authorization, urls: Urls, mutation: DocumentMutation): Promise<void> {
  const { document, ...change } = mutation;
  await recordMutation(tx, auth, {
    ...change,
    component: 'drc',
    hoofdObject: document.url,
    kanaal: 'documenten',
    kenmerken: {
      bronorganisatie: document.bronorganisatie,
      informatieobjecttype: urls.shown(document.informatieobjecttype),
      vertrouwelijkheidaanduiding: document.vertrouwelijkheidaanduiding,
    },
  });
}

/** The `X-Audit-Toelichting` header of a request. */
export { auditToelichting } from '../../platform/audit/audit.ts';

/** A body's reference to one of our documents: its uuid, or the invalidParams entry saying why not. */
export function documentUuidFrom(urls: Urls, url: string, field = 'informatieobject'): { uuid: string } | { error: InvalidParam } {
  const uuid = urls.ownUuid(url, 'enkelvoudiginformatieobjecten');
  return uuid ? { uuid } : { error: { name: field, code: 'no_match', reason: 'Ongeldige hyperlink - Geen URL match.' } };
}
