/**
 * A local FSC group for tests: a trust anchor and peers, each with its own database (PGlite in
 * memory, or a new PostgreSQL database with TEST_DATABASE_URL) and its own Manager on loopback.
 */
import { openMigratedDatabase } from '../../src/server.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { createGroupCa, issuePeerCertificate, type Pem, type PeerCredentials } from '../../src/fsc/pki.ts';
import { FscStore } from '../../src/fsc/store.ts';
import { Manager, type ManagerOptions } from '../../src/fsc/manager.ts';
import { PeerClient } from '../../src/fsc/peer-client.ts';

export const GROUP_ID = 'opengrond-test';

export interface TestPeer {
  id: string;
  name: string;
  credentials: PeerCredentials;
  database: Database;
  store: FscStore;
  manager: Manager;
  address: string;
  /** An mTLS client with this peer's certificate, for calling other peers by hand. */
  client: PeerClient;
}

export interface TestGroup {
  ca: Pem;
  peers: TestPeer[];
  close(): Promise<void>;
}

export interface PeerSpec {
  id: string;
  name: string;
  algorithm?: 'ECDSA' | 'RSA';
  manager?: Partial<ManagerOptions>;
}

export async function createGroup(specs: PeerSpec[], options: { directory?: string } = {}): Promise<TestGroup> {
  const ca = await createGroupCa('testgroep');
  const peers: TestPeer[] = [];
  const dbs: TestDatabase[] = [];
  for (const spec of specs) {
    const pem = await issuePeerCertificate(ca, { peerId: spec.id, name: spec.name, algorithm: spec.algorithm });
    const credentials = { ...pem, trustAnchors: ca.certificate };
    const testDb = await createTestDatabase();
    dbs.push(testDb);
    const database = await openMigratedDatabase(testDb.target);
    const store = new FscStore(database);
    const isDirectory = spec.id === options.directory;
    const directoryPeer = peers.find((p) => p.id === options.directory);
    const manager = new Manager({ store, credentials, groupId: GROUP_ID, directory: isDirectory, directoryAddress: directoryPeer?.address, ...spec.manager });
    const port = await manager.listen(0);
    peers.push({ id: spec.id, name: spec.name, credentials, database, store, manager, address: `https://localhost:${port}`, client: new PeerClient(credentials) });
  }
  return {
    ca,
    peers,
    async close() {
      for (const p of peers) {
        p.client.close();
        await p.manager.close();
        await p.database.close();
      }
      for (const db of dbs) await db.drop();
    },
  };
}
