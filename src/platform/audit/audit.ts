/**
 * The audit trail (ZGW "audittrail"): every mutation writes one record, in the mutation's own
 * transaction, with who did it (applicatie and gebruiker from the JWT), what changed (old and
 * new representation) and the main object it belongs to.
 */
import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../db/database.ts';
import type { Authorization } from '../auth/authorization.ts';
import { absoluteUrl, localPath } from '../http/local-url.ts';

/** The standard's known acties, and `lock`/`unlock` of a document (the audit trail allows others). */
export type AuditActie = 'create' | 'list' | 'retrieve' | 'destroy' | 'update' | 'partial_update' | 'lock' | 'unlock';

const ACTIE_WEERGAVE: Record<AuditActie, string> = {
  create: 'Object aangemaakt',
  list: 'Lijst opgevraagd',
  retrieve: 'Object opgevraagd',
  destroy: 'Object verwijderd',
  update: 'Object bijgewerkt',
  partial_update: 'Object deels bijgewerkt',
  lock: 'Object vergrendeld',
  unlock: 'Object ontgrendeld',
};

export interface AuditRecord {
  /** Component code as used in the audit trail's `bron`: ac, ztc, zrc, drc, brc, nrc. */
  component: string;
  hoofdObject: string;
  resource: string;
  resourceUrl: string;
  resourceWeergave?: string;
  actie: AuditActie;
  resultaat: number;
  oud?: unknown;
  nieuw?: unknown;
  toelichting?: string;
}

export interface AuditEntry {
  uuid: string;
  bron: string;
  applicatieId: string;
  applicatieWeergave: string;
  gebruikersId: string;
  gebruikersWeergave: string;
  actie: string;
  actieWeergave: string;
  resultaat: number;
  hoofdObject: string;
  resource: string;
  resourceUrl: string;
  toelichting: string;
  resourceWeergave: string;
  aanmaakdatum: string;
  wijzigingen: { oud: unknown; nieuw: unknown };
}

export async function writeAudit(tx: Tx, auth: Authorization, record: AuditRecord, requestId = ''): Promise<void> {
  await tx
    .insertInto('platform.audittrail')
    .values({
      uuid: randomUUID(),
      component: record.component,
      bron: record.component.toUpperCase(),
      hoofd_object: localPath(record.hoofdObject),
      resource: record.resource,
      resource_url: localPath(record.resourceUrl),
      resource_weergave: record.resourceWeergave ?? '',
      actie: record.actie,
      actie_weergave: ACTIE_WEERGAVE[record.actie],
      resultaat: record.resultaat,
      applicatie_id: auth.clientId,
      applicatie_weergave: auth.clientId,
      gebruikers_id: auth.userId,
      gebruikers_weergave: auth.userRepresentation,
      request_id: requestId,
      toelichting: record.toelichting ?? '',
      oud: record.oud === undefined ? null : JSON.stringify(record.oud),
      nieuw: record.nieuw === undefined ? null : JSON.stringify(record.nieuw),
    })
    .execute();
}

/**
 * Removes the audit trail of one main object, as destroying a document does with "alle
 * gerelateerde resources" (Documenten API); the destroy itself is audited afterwards.
 */
export async function deleteAuditTrail(tx: Tx, hoofdObjectUrl: string): Promise<void> {
  await tx.deleteFrom('platform.audittrail').where('hoofd_object', '=', localPath(hoofdObjectUrl)).execute();
}

/** The audit trail of one main object, oldest first, as the `/audittrail` endpoints show it. */
export async function auditTrail(db: Db, hoofdObjectUrl: string): Promise<AuditEntry[]> {
  const origin = new URL(hoofdObjectUrl).origin;
  const rows = await db.selectFrom('platform.audittrail').selectAll().where('hoofd_object', '=', localPath(hoofdObjectUrl)).orderBy('aanmaakdatum').orderBy('uuid').execute();
  return rows.map((r) => ({
    uuid: r.uuid,
    bron: r.bron,
    applicatieId: r.applicatie_id,
    applicatieWeergave: r.applicatie_weergave,
    gebruikersId: r.gebruikers_id,
    gebruikersWeergave: r.gebruikers_weergave,
    actie: r.actie,
    actieWeergave: r.actie_weergave,
    resultaat: r.resultaat,
    hoofdObject: absoluteUrl(origin, r.hoofd_object),
    resource: r.resource,
    resourceUrl: absoluteUrl(origin, r.resource_url),
    toelichting: r.toelichting,
    resourceWeergave: r.resource_weergave,
    aanmaakdatum: new Date(r.aanmaakdatum).toISOString(),
    wijzigingen: { oud: r.oud, nieuw: r.nieuw },
  }));
}
