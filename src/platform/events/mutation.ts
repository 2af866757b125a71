/**
 * A change as the ZGW APIs record it: one audit trail record and, unless the kanaal does not
 * announce it, one notificatie in the outbox, both in the change's own transaction. The
 * components say what is particular to them (component code, kanaal, hoofdObject, kenmerken).
 */
import type { Tx } from '../db/database.ts';
import type { Authorization } from '../auth/authorization.ts';
import { writeAudit, type AuditRecord } from '../audit/audit.ts';
import { enqueueNotificatie } from './outbox.ts';

export interface Mutation extends AuditRecord {
  /** The notificatie's kanaal, e.g. `zaken`. */
  kanaal: string;
  /** The kanaal's kenmerken of the hoofdObject. */
  kenmerken: Record<string, string>;
  /** The notification's actie, when it differs from the audit's (default: the same). */
  notificatieActie?: string;
  /** False for a change the kanaal does not announce (see its "Resources en acties"). */
  notify?: boolean;
}

export async function recordMutation(tx: Tx, auth: Authorization, mutation: Mutation): Promise<void> {
  const { kanaal, kenmerken, notificatieActie, notify, ...audit } = mutation;
  await writeAudit(tx, auth, audit);
  if (notify === false) return;
  await enqueueNotificatie(tx, {
    kanaal,
    hoofdObject: audit.hoofdObject,
    resource: audit.resource,
    resourceUrl: audit.resourceUrl,
    actie: notificatieActie ?? audit.actie,
    kenmerken,
  });
}

/**
 * What a component's caller says of a change; the component adds its code, kanaal, hoofdObject
 * and kenmerken (see recordZaakMutation, recordDocumentMutation).
 */
export type MutationChange = Omit<Mutation, 'component' | 'hoofdObject' | 'kanaal' | 'kenmerken'>;
