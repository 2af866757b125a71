/**
 * Provisioning clients from a file (`--clients FILE`): a deployment bootstraps its first
 * administrator this way, the conformance suite its fixture clients. Each entry gets its
 * JWT secret; one with `heeftAlleAutorisaties` or `autorisaties` also gets (or updates) the
 * Applicatie holding its client id. Running it twice changes nothing.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../platform/db/database.ts';
import { upsertClient } from '../../platform/auth/client-secrets.ts';
import { Authorization, NO_RIGHTS } from '../../platform/auth/authorization.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { enqueueNotificatie } from '../../platform/events/outbox.ts';
import { validationError } from '../../platform/http/problem.ts';
import { compileValidator } from '../../platform/http/validation.ts';
import { Type, type Static } from '../../platform/http/schema.ts';
import { Autorisatie } from './schemas.ts';
import * as repository from './repository.ts';
import { checkApplicatie, clientIdsTaken } from './rules.ts';

export const ClientSpec = Type.Object({
  clientId: Type.String({ minLength: 1, maxLength: 50 }),
  secret: Type.String({ minLength: 1 }),
  label: Type.Optional(Type.String({ maxLength: 100 })),
  heeftAlleAutorisaties: Type.Optional(Type.Boolean()),
  autorisaties: Type.Optional(Type.Array(Autorisatie)),
});
export type ClientSpec = Static<typeof ClientSpec>;

const validateClients = compileValidator(Type.Array(ClientSpec), 'body');

/** Who the audit trail names for changes made by provisioning. */
const PROVISIONING = new Authorization({ clientId: 'opengrond', userId: 'opengrond', userRepresentation: 'Open Grond provisioning', rights: NO_RIGHTS });

/** Validates a parsed clients file; throws a ProblemError naming the broken entries. */
export function parseClients(data: unknown): ClientSpec[] {
  validateClients(data);
  return data as ClientSpec[];
}

export async function provisionClients(database: Database, clients: ClientSpec[]): Promise<void> {
  const { db } = database;
  for (const client of clients) {
    const label = client.label ?? client.clientId;
    await upsertClient(db, { clientId: client.clientId, secret: client.secret, label });
    if (client.heeftAlleAutorisaties === undefined && client.autorisaties === undefined) continue;

    const current = await repository.findApplicatieByClientId(db, client.clientId);
    const record: repository.ApplicatieRecord = {
      uuid: current?.uuid ?? randomUUID(),
      clientIds: current?.clientIds ?? [client.clientId],
      label: current?.label ?? label,
      heeftAlleAutorisaties: client.heeftAlleAutorisaties ?? false,
      autorisaties: client.autorisaties ?? [],
    };
    const errors = checkApplicatie(record);
    if (errors.length) throw validationError(errors, `Client ${client.clientId}: ongeldige autorisaties.`);
    if (current && JSON.stringify(current) === JSON.stringify(record)) continue;

    const path = `/autorisaties/api/v1/applicaties/${record.uuid}`;
    await db.transaction().execute(async (tx) => {
      const taken = await repository.clientIdsInUse(tx, record.clientIds, record.uuid);
      if (taken.length) throw validationError(clientIdsTaken(taken));
      await repository.saveApplicatie(tx, record);
      const actie = current ? 'update' : 'create';
      await writeAudit(tx, PROVISIONING, { component: 'ac', hoofdObject: path, resource: 'applicatie', resourceUrl: path, resourceWeergave: record.label, actie, resultaat: current ? 200 : 201 });
      await enqueueNotificatie(tx, { kanaal: 'autorisaties', hoofdObject: path, resource: 'applicatie', resourceUrl: path, actie });
    });
  }
}
