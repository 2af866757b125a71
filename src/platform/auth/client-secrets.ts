/** The JWT clients known to this instance: client id, HS256 secret and a label. */
import type { Db } from '../db/database.ts';
import type { ClientSecrets } from './jwt.ts';

export interface JwtClient {
  clientId: string;
  secret: string;
  label: string;
}

/** Creates or updates a client (idempotent: provisioning the same file twice changes nothing). */
export async function upsertClient(db: Db, client: JwtClient): Promise<void> {
  await db
    .insertInto('platform.jwt_client')
    .values({ client_id: client.clientId, secret: client.secret, label: client.label })
    .onConflict((oc) => oc.column('client_id').doUpdateSet({ secret: client.secret, label: client.label }))
    .execute();
}

export async function findClient(db: Db, clientId: string): Promise<JwtClient | undefined> {
  const row = await db.selectFrom('platform.jwt_client').selectAll().where('client_id', '=', clientId).executeTakeFirst();
  return row && { clientId: row.client_id, secret: row.secret, label: row.label };
}

export function clientSecretsFrom(db: Db): ClientSecrets {
  return { secretFor: async (clientId) => (await findClient(db, clientId))?.secret };
}
