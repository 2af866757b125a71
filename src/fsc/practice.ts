/**
 * The FSC part of the practice environment (`opengrond start`): a local group of two peers —
 * a gemeente offering its ZGW APIs through its Inway (its Manager is also the group's
 * Directory), and an uitvaartonderneming calling them through its Outway — with a signed
 * contract between them, so a newcomer sees a ZGW call travel outway → inway → Zaken API and
 * lands in both transaction logs. The gemeente publishes every API the Begrafenisplanner's
 * funeral director side needs ({@link PRACTICE_SERVICES}), and the uitvaartonderneming's one
 * contract holds a connection grant for each. Each organisation keeps its FSC data in its own
 * in-memory database; the certificates are made fresh at every start. Each has its
 * beheerpagina on a free loopback port.
 */
import { openDatabase, type Database } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';
import { FSC_MIGRATIONS } from './index.ts';
import { createGroupCa, issuePeerCertificate } from './pki.ts';
import { startPeer, type Peer } from './peer.ts';
import { grantHash } from './hash.ts';

export const PRACTICE_GROUP = 'opengrond-oefengroep';
export const GEMEENTE = { id: '00000001001234567000', name: 'Gemeente Oefenstad' };
export const UITVAART = { id: '00000001009876543000', name: 'Uitvaartonderneming De Laatste Eer' };
/** The gemeente's services in the group: FSC service name → the API the Inway passes it to (all on this server). */
export const PRACTICE_SERVICES = ['zaken', 'documenten', 'catalogi', 'begraafplaatsen', 'brp', 'notificaties'] as const;

export interface PracticeGroup {
  gemeente: Peer;
  uitvaart: Peer;
  /** The grant hash the uitvaartonderneming's applications put in Fsc-Grant-Hash for the Zaken API. */
  grantHash: string;
  /** Per service, the grant hash for Fsc-Grant-Hash. */
  grantHashes: Record<(typeof PRACTICE_SERVICES)[number], string>;
  close(): Promise<void>;
}

/** Starts the two peers; `zgwBaseUrl` is where the Inway finds the ZGW APIs (this server). */
export async function startPracticeGroup(options: { zgwBaseUrl: string; host?: string }): Promise<PracticeGroup> {
  const ca = await createGroupCa('Open Grond oefengroep');
  const databases: Database[] = [];
  const peers: Peer[] = [];
  const open = async () => {
    const database = await openDatabase({ kind: 'pglite', memory: true });
    databases.push(database);
    await migrate(database, [FSC_MIGRATIONS]);
    return database;
  };
  try {
    const gemeentePem = await issuePeerCertificate(ca, { peerId: GEMEENTE.id, name: GEMEENTE.name });
    const services = Object.fromEntries(PRACTICE_SERVICES.map((name) => [name, options.zgwBaseUrl]));
    const gemeente = await startPeer({ database: await open(), credentials: { ...gemeentePem, trustAnchors: ca.certificate }, groupId: PRACTICE_GROUP, services, directory: true, host: options.host, adminPort: 0 });
    peers.push(gemeente);
    const uitvaartPem = await issuePeerCertificate(ca, { peerId: UITVAART.id, name: UITVAART.name });
    const uitvaart = await startPeer({ database: await open(), credentials: { ...uitvaartPem, trustAnchors: ca.certificate }, groupId: PRACTICE_GROUP, directoryAddress: gemeente.managerAddress, host: options.host, adminPort: 0 });
    peers.push(uitvaart);

    // The gemeente publishes its APIs in the Directory (itself) ...
    const publication = await gemeente.manager.propose(PRACTICE_SERVICES.map((name) => ({ type: 'GRANT_TYPE_SERVICE_PUBLICATION' as const, directory: { peer_id: GEMEENTE.id }, service: { peer_id: GEMEENTE.id, name, protocol: 'PROTOCOL_TCP_HTTP_1.1' as const } })));
    if (publication.failures.length) throw new Error(publication.failures.join('; '));
    // ... the uitvaartonderneming asks for a connection to each, and the gemeente signs it.
    const { hash, failures } = await uitvaart.manager.propose(
      PRACTICE_SERVICES.map((name) => ({ type: 'GRANT_TYPE_SERVICE_CONNECTION' as const, outway: { peer_id: UITVAART.id, public_key_thumbprint: uitvaart.manager.publicKeyThumbprint }, service: { type: 'SERVICE_TYPE_SERVICE' as const, peer_id: GEMEENTE.id, name } })),
    );
    if (failures.length) throw new Error(failures.join('; '));
    const signed = await gemeente.manager.sign(hash, 'accept');
    if (signed.failures.length) throw new Error(signed.failures.join('; '));
    const content = (await uitvaart.store.contract(hash))!.content;
    const grantHashes = Object.fromEntries(PRACTICE_SERVICES.map((name, i) => [name, grantHash(content, i)])) as PracticeGroup['grantHashes'];
    return {
      gemeente,
      uitvaart,
      grantHash: grantHashes.zaken,
      grantHashes,
      close: async () => {
        for (const p of peers.reverse()) await p.close();
        for (const d of databases) await d.close();
      },
    };
  } catch (error) {
    for (const p of peers.reverse()) await p.close();
    for (const d of databases) await d.close();
    throw error;
  }
}
