/**
 * Who may do what with a besluit, and how a change is recorded. The Autorisaties API grants
 * Besluiten scopes per besluittype (a besluit has no vertrouwelijkheidaanduiding), so a
 * client sees and changes only besluiten (and their besluitinformatieobjecten and audit trail)
 * of its besluittypen: lists filter in SQL, single objects answer 403 outside them.
 */
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Tx } from '../../platform/db/database.ts';
import type { Authorization } from '../../platform/auth/authorization.ts';
import { permissionDenied } from '../../platform/http/problem.ts';
import { writeAudit, type AuditActie } from '../../platform/audit/audit.ts';
import { enqueueNotificatie } from '../../platform/events/outbox.ts';
import type { Visible } from './repository.ts';

// The scopes of the Besluiten API (component `brc`), as its operations' `security` names them.
export const BESLUITEN_LEZEN = 'besluiten.lezen';
export const BESLUITEN_AANMAKEN = 'besluiten.aanmaken';
export const BESLUITEN_BIJWERKEN = 'besluiten.bijwerken';
export const BESLUITEN_VERWIJDEREN = 'besluiten.verwijderen';
export const AUDITTRAILS_LEZEN = 'audittrails.lezen';

/** Whether the client has `scope` for besluiten of `besluittype` (both in stored form, see references.ts). */
export function mayAccess(auth: Authorization, scope: string, besluittype: string, stored: (url: string) => string): boolean {
  const grants = auth.grants('brc', scope);
  return grants === 'all' || grants.some((g) => g.type === undefined || stored(g.type) === besluittype);
}

/** 403 unless the client has `scope` for besluiten of this besluittype. */
export function assertMayAccess(auth: Authorization, scope: string, besluittype: string, stored: (url: string) => string): void {
  if (!mayAccess(auth, scope, besluittype, stored)) throw permissionDenied(`Je hebt geen toestemming voor ${scope} op besluiten van dit besluittype.`);
}

/** The besluiten the client has `scope` for, as an SQL condition on a besluittype column. */
export function visibleTo(auth: Authorization, scope: string, stored: (url: string) => string): Visible {
  const grants = auth.grants('brc', scope);
  return (eb: ExpressionBuilder<any, any>, column: string): Expression<SqlBool> => {
    if (grants === 'all' || grants.some((g) => g.type === undefined)) return eb.lit(true);
    const types = grants.map((g) => stored(g.type!));
    return types.length ? eb(column, 'in', types) : eb.lit(false);
  };
}

export interface BesluitAudit {
  /** The besluit's URL: the main object of every record. */
  besluit: string;
  /** `besluit` or `besluitinformatieobject`. */
  resource: string;
  resourceUrl: string;
  resourceWeergave: string;
  actie: AuditActie;
  /** HTTP status of the answer: 201, 200, 204; 400 for a change undone because another API refused its relation. */
  resultaat: number;
  oud?: unknown;
  nieuw?: unknown;
  /** `X-Audit-Toelichting` of the request, or why a change was undone. */
  toelichting?: string;
}

/** Audits a change to a besluit or one of its besluitinformatieobjecten (component `brc`, hoofdObject the besluit), in `tx`. */
export async function auditBesluit(tx: Tx, auth: Authorization, record: BesluitAudit): Promise<void> {
  const { besluit, ...rest } = record;
  await writeAudit(tx, auth, { component: 'brc', hoofdObject: besluit, ...rest });
}

/**
 * Enqueues the notification of a change to a besluit on kanaal `besluiten`, with its kenmerken
 * verantwoordelijkeOrganisatie and besluittype, in `tx`, the change's own transaction. The
 * kanaal announces the besluit only ("Resources en acties: besluit: create, update, destroy").
 */
export async function notifyBesluit(tx: Tx, besluit: { url: string; verantwoordelijkeOrganisatie: string; besluittype: string }, actie: string): Promise<void> {
  await enqueueNotificatie(tx, {
    kanaal: 'besluiten',
    hoofdObject: besluit.url,
    resource: 'besluit',
    resourceUrl: besluit.url,
    actie,
    kenmerken: { verantwoordelijkeOrganisatie: besluit.verantwoordelijkeOrganisatie, besluittype: besluit.besluittype },
  });
}
