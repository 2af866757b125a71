/**
 * Demo data for the practice environment ("oefenomgeving"): a client with all rights whose
 * credentials `opengrond start` prints. Its secret is made once and kept, so a restart does
 * not invalidate tokens people already made.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from './platform/db/database.ts';
import { findClient } from './platform/auth/client-secrets.ts';
import { provisionClients } from './components/autorisaties/provision.ts';

export const DEMO_CLIENT_ID = 'opengrond-demo';

export async function seedDemo(database: Database): Promise<{ clientId: string; secret: string }> {
  const existing = await findClient(database.db, DEMO_CLIENT_ID);
  const secret = existing?.secret ?? randomBytes(24).toString('base64url');
  await provisionClients(database, [{ clientId: DEMO_CLIENT_ID, secret, label: 'Open Grond demo', heeftAlleAutorisaties: true }]);
  return { clientId: DEMO_CLIENT_ID, secret };
}
