/**
 * One organisation in an FSC group: its Manager, its Inway (when it offers services) and its
 * Outway (for its own applications), sharing one store and one transaction log.
 */
import type { Database } from '../platform/db/database.ts';
import { FscStore } from './store.ts';
import { Manager, type ManagerOptions } from './manager.ts';
import { Inway } from './inway.ts';
import { Outway } from './outway.ts';
import { BatchingTransactionLog, type TransactionLog } from './txlog.ts';
import { JournalTransactionLog } from './journal.ts';
import type { PeerCredentials } from './pki.ts';
import { startAdmin } from './admin.ts';

export interface PeerOptions {
  database: Database;
  credentials: PeerCredentials;
  groupId: string;
  /** Service name → base URL; an Inway is started when there is at least one. */
  services?: Record<string, string>;
  directory?: boolean;
  directoryAddress?: string;
  host?: string;
  /** Ports; 0 picks a free one. FSC prescribes 8443 for the Manager and 443 for the Inway. */
  managerPort?: number;
  inwayPort?: number;
  outwayPort?: number;
  /** The beheerpagina's port, always on loopback (src/fsc/admin.ts); none when undefined. */
  adminPort?: number;
  /** Public addresses, when they differ from https://localhost:<port>. */
  managerAddress?: string;
  inwayAddress?: string;
  /**
   * A directory on local disk for the transaction log's journal (src/fsc/journal.ts): records
   * are durable there before a request goes on and reach the database within a fraction of a
   * second, which makes the hop cheaper than a database commit per side. Without it every
   * record is committed to the database before the request goes on.
   */
  journalDir?: string;
  /** Replaces the transaction log (tests make it fail). */
  log?: TransactionLog;
  manager?: Partial<ManagerOptions>;
}

export interface Peer {
  manager: Manager;
  inway?: Inway;
  outway: Outway;
  store: FscStore;
  managerAddress: string;
  inwayAddress?: string;
  outwayAddress: string;
  /** The beheerpagina, http://127.0.0.1:<port>/fsc/beheer, when started. */
  adminAddress?: string;
  close(): Promise<void>;
}

export async function startPeer(options: PeerOptions): Promise<Peer> {
  const host = options.host ?? '127.0.0.1';
  const store = new FscStore(options.database);
  const log: TransactionLog = options.log ?? (options.journalDir ? await JournalTransactionLog.open(options.journalDir, store) : new BatchingTransactionLog(store));
  const services = options.services ?? {};
  const manager = new Manager({
    store,
    credentials: options.credentials,
    groupId: options.groupId,
    managerAddress: options.managerAddress,
    directory: options.directory,
    directoryAddress: options.directoryAddress,
    offersService: (name) => name in services,
    transactionLog: log,
    ...options.manager,
  });
  // Closed in reverse order: the log last, once nothing writes to it any more.
  const closeLog = log.close?.bind(log);
  const started: { close(): Promise<void> }[] = closeLog ? [{ close: closeLog }] : [];
  try {
    const managerPort = await manager.listen(options.managerPort ?? 0, host);
    started.push(manager);
    let inway: Inway | undefined;
    if (Object.keys(services).length) {
      inway = new Inway({ credentials: options.credentials, groupId: options.groupId, peerId: manager.peerId, tokenKey: manager.certificate.publicKey, services, log, grantIsValid: (hash) => manager.grantIsValid(hash) });
      const port = await inway.listen(options.inwayPort ?? 0, host);
      started.push(inway);
      manager.options.inwayAddress = options.inwayAddress ?? `https://localhost:${port}`;
    }
    const outway = new Outway({ manager, log, groupId: options.groupId });
    const outwayPort = await outway.listen(options.outwayPort ?? 0, host);
    started.push(outway);
    const admin = options.adminPort === undefined ? undefined : await startAdmin({ manager, services: Object.keys(services) }, options.adminPort);
    if (admin) started.push(admin);
    if (options.directoryAddress && !options.directory) await manager.announce();
    return {
      manager,
      inway,
      outway,
      store,
      managerAddress: manager.options.managerAddress ?? `https://localhost:${managerPort}`,
      inwayAddress: manager.options.inwayAddress,
      outwayAddress: `http://${host}:${outwayPort}`,
      adminAddress: admin?.address,
      close: async () => {
        for (const s of started.reverse()) await s.close();
      },
    };
  } catch (error) {
    for (const s of started.reverse()) await s.close();
    throw error;
  }
}
