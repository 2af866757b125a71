/**
 * The audit trail of a document: every change to it and to what belongs to it (versions,
 * lock, bestandsdelen, gebruiksrechten, objectinformatieobjecten, verzendingen), oldest first.
 * It goes with the document: destroying the document removes it (the destroy itself is kept).
 */
import { defineOperation, type Operation } from '../../platform/http/api.ts';
import { Type } from '../../platform/http/schema.ts';
import { notFound } from '../../platform/http/problem.ts';
import { auditTrail } from '../../platform/audit/audit.ts';
import * as repository from './repository.ts';
import { assertMay, AUDITTRAILS_LEZEN, urlsFor } from './access.ts';
import { AuditTrail } from './schemas.ts';
import { TAGS } from './informatieobjecten.ts';
import type { DocumentenDeps } from './index.ts';

const DocumentParam = Type.String({ description: 'Unieke resource identifier (UUID4)' });

export function audittrailOperations(deps: DocumentenDeps): Operation[] {
  /** The trail of a document the client may read the audit trail of; 404 when there is no such document. */
  async function trail(documentUuid: string, auth: Parameters<Operation['handler']>[0]['auth'], apiRoot: string) {
    const urls = urlsFor(deps.references, apiRoot);
    const io = /^[0-9a-f-]{36}$/i.test(documentUuid) ? await repository.findInformatieobject(deps.database.db, documentUuid.toLowerCase()) : undefined;
    if (!io) throw notFound(`Enkelvoudiginformatieobject ${documentUuid} bestaat niet.`);
    assertMay(auth, urls, io, [AUDITTRAILS_LEZEN]);
    return auditTrail(deps.database.db, urls.document(io.uuid));
  }

  return [
    defineOperation({
      method: 'GET',
      path: '/enkelvoudiginformatieobjecten/{enkelvoudiginformatieobject_uuid}/audittrail',
      operationId: 'audittrail_list',
      summary: 'Alle audit trail regels behorend bij het INFORMATIEOBJECT.',
      description: 'Alle audit trail regels behorend bij het INFORMATIEOBJECT.',
      tags: TAGS,
      scopes: [AUDITTRAILS_LEZEN],
      params: Type.Object({ enkelvoudiginformatieobject_uuid: DocumentParam }),
      responses: { 200: { description: 'OK', schema: Type.Array(AuditTrail) } },
      handler: async ({ params, auth, apiRoot }) => ({ status: 200, body: await trail(params.enkelvoudiginformatieobject_uuid, auth, apiRoot) }),
    }),
    defineOperation({
      method: 'GET',
      path: '/enkelvoudiginformatieobjecten/{enkelvoudiginformatieobject_uuid}/audittrail/{uuid}',
      operationId: 'audittrail_retrieve',
      summary: 'Een specifieke audit trail regel opvragen.',
      description: 'Een specifieke audit trail regel opvragen.',
      tags: TAGS,
      scopes: [AUDITTRAILS_LEZEN],
      params: Type.Object({ enkelvoudiginformatieobject_uuid: DocumentParam, uuid: Type.String({ format: 'uuid', description: 'Unieke identificatie van de audit regel.' }) }),
      responses: { 200: { description: 'OK', schema: AuditTrail } },
      async handler({ params, auth, apiRoot }) {
        const entry = (await trail(params.enkelvoudiginformatieobject_uuid, auth, apiRoot)).find((e) => e.uuid === params.uuid);
        if (!entry) throw notFound(`Audit trail regel ${params.uuid} bestaat niet.`);
        return { status: 200, body: entry };
      },
    }),
  ];
}
