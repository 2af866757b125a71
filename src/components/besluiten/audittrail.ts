/**
 * The audit trail of a besluit: every change to it and its besluitinformatieobjecten, oldest
 * first, for clients with `audittrails.lezen` on its besluittype. Deleting the besluit deletes
 * its trail (besluit_delete), so the besluit's 404 covers both.
 */
import type { Authorization } from '../../platform/auth/authorization.ts';
import { defineOperation, type Operation } from '../../platform/http/api.ts';
import { notFound } from '../../platform/http/problem.ts';
import { Type } from '../../platform/http/schema.ts';
import { auditTrail, type AuditEntry } from '../../platform/audit/audit.ts';
import { AuditTrail } from './schemas.ts';
import * as repository from './repository.ts';
import { assertMayAccess, AUDITTRAILS_LEZEN } from './access.ts';
import { referencesFor } from './references.ts';
import { besluitUrl, type BesluitenDeps } from './besluiten.ts';

const BesluitUuid = Type.String({ format: 'uuid', description: 'Unieke resource identifier (UUID4)' });

/** An entry as the API shows it: `oud` of a create and `nieuw` of a delete are left out rather than null (they are objects in the standard). */
function toApi(entry: AuditEntry): AuditEntry {
  const wijzigingen: Record<string, unknown> = {};
  if (entry.wijzigingen.oud != null) wijzigingen.oud = entry.wijzigingen.oud;
  if (entry.wijzigingen.nieuw != null) wijzigingen.nieuw = entry.wijzigingen.nieuw;
  return { ...entry, wijzigingen: wijzigingen as AuditEntry['wijzigingen'] };
}

export function auditTrailOperations({ database, references: resolver }: BesluitenDeps): Operation[] {
  async function trail(besluitUuid: string, auth: Authorization, apiRoot: string): Promise<AuditEntry[]> {
    const besluit = await repository.findBesluit(database.db, besluitUuid);
    if (!besluit) throw notFound(`Besluit ${besluitUuid} bestaat niet.`);
    assertMayAccess(auth, AUDITTRAILS_LEZEN, besluit.besluittype, referencesFor(resolver, apiRoot).stored);
    return (await auditTrail(database.db, besluitUrl(apiRoot, besluitUuid))).map(toApi);
  }

  return [
    defineOperation({
      method: 'GET',
      path: '/besluiten/{besluit_uuid}/audittrail',
      operationId: 'audittrail_list',
      summary: 'Alle audit trail regels behorend bij het BESLUIT.',
      description: 'Alle audit trail regels behorend bij het BESLUIT.',
      tags: ['besluiten'],
      scopes: [AUDITTRAILS_LEZEN],
      params: Type.Object({ besluit_uuid: BesluitUuid }),
      responses: { 200: { description: 'OK', schema: Type.Array(AuditTrail) } },
      handler: async ({ params, auth, apiRoot }) => ({ status: 200, body: await trail(params.besluit_uuid, auth, apiRoot) }),
    }),
    defineOperation({
      method: 'GET',
      path: '/besluiten/{besluit_uuid}/audittrail/{uuid}',
      operationId: 'audittrail_read',
      summary: 'Een specifieke audit trail regel opvragen.',
      description: 'Een specifieke audit trail regel opvragen.',
      tags: ['besluiten'],
      scopes: [AUDITTRAILS_LEZEN],
      params: Type.Object({ besluit_uuid: BesluitUuid, uuid: Type.String({ format: 'uuid', description: 'Unieke identificatie van de audit regel.' }) }),
      responses: { 200: { description: 'OK', schema: AuditTrail } },
      async handler({ params, auth, apiRoot }) {
        const entry = (await trail(params.besluit_uuid, auth, apiRoot)).find((e) => e.uuid === params.uuid);
        if (!entry) throw notFound(`Audit trail regel ${params.uuid} bestaat niet bij dit besluit.`);
        return { status: 200, body: entry };
      },
    }),
  ];
}
