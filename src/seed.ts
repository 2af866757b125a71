/**
 * Demo data for the practice environment ("oefenomgeving"): a client with all rights whose
 * credentials `opengrond start` prints, and the demo catalogus (`demo/catalogus.ts`), made
 * through the Catalogi API with that client, and the demo begraafplaatsen
 * (`components/begraafplaatsen/demo.ts`) when that API is served. Its secret is made once and kept, so a restart
 * does not invalidate tokens people already made; the catalogus is made once too.
 */
import { randomBytes } from 'node:crypto';
import type { OpenGrond } from './server.ts';
import { findClient } from './platform/auth/client-secrets.ts';
import { provisionClients } from './components/autorisaties/provision.ts';
import { seedDemoCatalogus, type SeedCatalogusOptions } from './demo/catalogus.ts';
import { seedDemoBegraafplaatsen } from './components/begraafplaatsen/demo.ts';

export const DEMO_CLIENT_ID = 'opengrond-demo';

export interface DemoSeed {
  clientId: string;
  secret: string;
  /** The demo catalogus' URL; undefined when the Catalogi or Referentielijsten API is not served. */
  catalogus?: string;
}

export async function seedDemo(og: OpenGrond, options: SeedCatalogusOptions = {}): Promise<DemoSeed> {
  const existing = await findClient(og.database.db, DEMO_CLIENT_ID);
  const secret = existing?.secret ?? randomBytes(24).toString('base64url');
  await provisionClients(og.database, [{ clientId: DEMO_CLIENT_ID, secret, label: 'Open Grond demo', heeftAlleAutorisaties: true }]);
  og.authenticator.invalidate();
  const client = { clientId: DEMO_CLIENT_ID, secret };
  const catalogus = await seedDemoCatalogus(og, client, options);
  if (og.apis.some((api) => api.name === 'begraafplaatsen')) await seedDemoBegraafplaatsen(og.database.db);
  return { ...client, catalogus: catalogus?.url };
}
