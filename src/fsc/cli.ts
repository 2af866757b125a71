/**
 * `opengrond pki …` and `opengrond fsc …`: the FSC integration layer from the command line.
 * Parsed here rather than in src/cli.ts, so these flags do not mix with those of `start`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createGroupCa, issuePeerCertificate, leafCertificate, peerIdentity, publicKeyThumbprint, readPeerCredentials, writePem } from './pki.ts';
import { openDatabase } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';
import { FSC_MIGRATIONS } from './index.ts';
import { FscStore } from './store.ts';
import { Manager } from './manager.ts';
import { startPeer } from './peer.ts';
import type { SignatureType } from './contract.ts';

export const PKI_USAGE = `Gebruik: opengrond pki <init|peer> [opties]   (alleen voor ontwikkeling en tests;
  in productie komen certificaten van PKIoverheid)

  opengrond pki init --dir DIR [--group NAAM]
      maakt de trust anchor van een groep: DIR/ca.pem en DIR/ca-key.pem
  opengrond pki peer --dir DIR --oin OIN --name NAAM [--host HOST,...]
      maakt een peer-certificaat met het OIN als subject serialNumber:
      DIR/<OIN>.pem en DIR/<OIN>-key.pem, uitgegeven door DIR/ca.pem`;

export async function runPki(args: string[], out: (line: string) => void = console.log): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { dir: { type: 'string' }, group: { type: 'string' }, oin: { type: 'string' }, name: { type: 'string' }, host: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const sub = positionals[0];
  const dir = values.dir ?? './pki';
  if (values.help || !sub) {
    out(PKI_USAGE);
    return sub ? 0 : 1;
  }
  if (sub === 'init') {
    if (fs.existsSync(path.join(dir, 'ca-key.pem'))) throw new Error(`${dir}/ca-key.pem bestaat al; een groep heeft één trust anchor.`);
    const ca = await createGroupCa(values.group ?? 'Open Grond FSC-groep');
    writePem(dir, 'ca', ca);
    out(`Trust anchor gemaakt: ${path.join(dir, 'ca.pem')}`);
    return 0;
  }
  if (sub === 'peer') {
    if (!values.oin || !values.name) throw new Error('--oin en --name zijn verplicht.');
    const ca = { certificate: fs.readFileSync(path.join(dir, 'ca.pem'), 'utf8'), privateKey: fs.readFileSync(path.join(dir, 'ca-key.pem'), 'utf8') };
    const pem = await issuePeerCertificate(ca, { peerId: values.oin, name: values.name, hosts: values.host?.split(',').map((h) => h.trim()).filter(Boolean) });
    writePem(dir, values.oin, pem);
    const cert = leafCertificate(pem.certificate);
    out(`Peer-certificaat gemaakt: ${path.join(dir, `${values.oin}.pem`)}`);
    out(`  peer: ${peerIdentity(cert)!.peerId} (${peerIdentity(cert)!.peerName})`);
    out(`  public key thumbprint: ${publicKeyThumbprint(cert)}`);
    return 0;
  }
  throw new Error(`Onbekend pki-commando "${sub}".\n\n${PKI_USAGE}`);
}

export const FSC_USAGE = `Gebruik: opengrond fsc <serve|contracts|services|publish|connect|sign|logs> [opties]

  Elke peer (organisatie) heeft een eigen database, certificaat en sleutel:
  --database URL | --data-dir DIR   de FSC-gegevens van deze peer (DATABASE_URL / DATA_DIR)
  --cert FILE --key FILE --ca FILE  certificaat (PKIoverheid of opengrond pki), sleutel, trust anchor(s)
  --group ID                        de Group ID (FSC_GROUP)
  --directory URL                   de manager van de directory van de groep (FSC_DIRECTORY)

  opengrond fsc serve [--service naam=URL ...] [--manager-port 8443] [--inway-port 443]
                      [--outway-port 8080] [--host H] [--manager-address URL] [--inway-address URL]
                      [--is-directory] [--admin-port 8081] [--journal DIR]
      start de manager, de inway (als er diensten zijn) en de outway van deze peer, en de
      beheerpagina op http://127.0.0.1:<admin-port>/fsc/beheer (alleen op deze machine);
      --journal (FSC_JOURNAL): transactielogrecords eerst in een journaal op lokale schijf,
      binnen 0,2 s in de database (goedkoper per verzoek dan een commit per record)
  opengrond fsc contracts                        contracten met hun status en grant hashes
  opengrond fsc services                         de diensten in de directory van de groep
  opengrond fsc publish --service NAAM [--protocol PROTOCOL_TCP_HTTP_1.1] [--directory-peer OIN]
      biedt een dienst aan in de directory (ServicePublicationGrant)
  opengrond fsc connect --peer OIN --service NAAM
      vraagt toegang tot de dienst van een andere peer (ServiceConnectionGrant)
  opengrond fsc sign HASH [--type accept|reject|revoke]   tekent een contract (standaard accept)
  opengrond fsc logs [--limit N]                 de transactielog van deze peer`;

const FSC_OPTIONS = {
  database: { type: 'string' },
  'data-dir': { type: 'string' },
  cert: { type: 'string' },
  key: { type: 'string' },
  ca: { type: 'string' },
  group: { type: 'string' },
  directory: { type: 'string' },
  service: { type: 'string', multiple: true },
  protocol: { type: 'string' },
  'directory-peer': { type: 'string' },
  peer: { type: 'string' },
  type: { type: 'string' },
  limit: { type: 'string' },
  host: { type: 'string' },
  'manager-port': { type: 'string' },
  'inway-port': { type: 'string' },
  'outway-port': { type: 'string' },
  'admin-port': { type: 'string' },
  journal: { type: 'string' },
  'manager-address': { type: 'string' },
  'inway-address': { type: 'string' },
  'is-directory': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function runFsc(args: string[], out: (line: string) => void = console.log): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: FSC_OPTIONS });
  const sub = positionals[0];
  if (values.help || !sub) {
    out(FSC_USAGE);
    return sub ? 0 : 1;
  }
  const env = process.env;
  const cert = values.cert ?? env.FSC_CERT;
  const key = values.key ?? env.FSC_KEY;
  const ca = values.ca ?? env.FSC_CA;
  const groupId = values.group ?? env.FSC_GROUP;
  if (!cert || !key || !ca || !groupId) throw new Error('--cert, --key, --ca en --group zijn verplicht.');
  const credentials = readPeerCredentials({ certificate: cert, privateKey: key, trustAnchors: ca });
  const url = values.database ?? env.DATABASE_URL;
  const database = await openDatabase(url ? { kind: 'postgres', url } : { kind: 'pglite', dataDir: values['data-dir'] ?? env.DATA_DIR ?? './data' });
  await migrate(database, [FSC_MIGRATIONS]);
  const directoryAddress = values.directory ?? env.FSC_DIRECTORY;

  if (sub === 'serve') {
    const services = Object.fromEntries((values.service ?? []).map((s) => {
      const at = s.indexOf('=');
      if (at < 1) throw new Error(`--service verwacht naam=URL, niet "${s}".`);
      return [s.slice(0, at), s.slice(at + 1)];
    }));
    const peer = await startPeer({
      database, credentials, groupId, services, directoryAddress, directory: values['is-directory'], host: values.host ?? '0.0.0.0',
      managerPort: Number(values['manager-port'] ?? 8443), inwayPort: Number(values['inway-port'] ?? 443), outwayPort: Number(values['outway-port'] ?? 8080), adminPort: Number(values['admin-port'] ?? 8081),
      managerAddress: values['manager-address'], inwayAddress: values['inway-address'], journalDir: values.journal ?? env.FSC_JOURNAL,
    });
    out(`FSC-peer ${peer.manager.peerId} (${peer.manager.identity.peerName}) in groep ${groupId}`);
    out(`  manager: ${peer.managerAddress}${peer.inwayAddress ? `\n  inway:   ${peer.inwayAddress} (${Object.keys(services).join(', ')})` : ''}\n  outway:  ${peer.outwayAddress}\n  beheer:  ${peer.adminAddress} (alleen op deze machine)`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await peer.close();
    await database.close();
    return 0;
  }

  const manager = new Manager({ store: new FscStore(database), credentials, groupId, directoryAddress, managerAddress: values['manager-address'] });
  try {
    const report = (failures: string[]) => {
      for (const f of failures) out(`  niet afgeleverd bij ${f}`);
      return failures.length ? 2 : 0;
    };
    switch (sub) {
      case 'contracts':
        for (const o of await manager.overview()) {
          out(`${o.contract.hash}  ${o.state}${o.awaitingMe ? ' (wacht op uw handtekening)' : ''}`);
          o.contract.content.grants.forEach(({ data }, i) => out(`  ${data.type} ${data.service.peer_id}/${data.service.name}${data.outway ? ` ← ${data.outway.peer_id}` : ''}  grant hash ${o.grantHashes[i]}`));
        }
        return 0;
      case 'publish': {
        if (!values.service?.[0]) throw new Error('--service is verplicht.');
        if (!values['directory-peer'] && !directoryAddress) throw new Error('--directory of --directory-peer is verplicht.');
        const { hash, failures } = await manager.publishService(values.service[0], values.protocol, values['directory-peer']);
        out(`Contract ${hash} aangeboden.`);
        return report(failures);
      }
      case 'connect': {
        if (!values.peer || !values.service?.[0]) throw new Error('--peer en --service zijn verplicht.');
        const { hash, failures } = await manager.requestConnection(values.peer, values.service[0]);
        out(`Contract ${hash} aangeboden aan ${values.peer}.`);
        return report(failures);
      }
      case 'services':
        for (const { data } of await manager.directoryServices()) out(`${data.peer.id} (${data.peer.name})  ${data.name}${data.delegator ? `  namens ${data.delegator.peer_id}` : ''}`);
        return 0;
      case 'sign': {
        const type = (values.type ?? 'accept') as SignatureType;
        if (!['accept', 'reject', 'revoke'].includes(type)) throw new Error('--type is accept, reject of revoke.');
        if (!positionals[1]) throw new Error('Welk contract? Geef de content hash.');
        const { failures } = await manager.sign(positionals[1], type);
        out(`Handtekening (${type}) geplaatst.`);
        return report(failures);
      }
      case 'logs': {
        const { records } = await manager.logs({ limit: values.limit ?? '25' });
        for (const r of records) out(`${new Date(r.created_at * 1000).toISOString()}  ${r.direction === 'DIRECTION_INCOMING' ? 'in ' : 'uit'}  ${r.transaction_id}  ${r.source.outway_peer_id} → ${r.destination.service_peer_id}/${r.service_name}`);
        return 0;
      }
      default:
        throw new Error(`Onbekend fsc-commando "${sub}".\n\n${FSC_USAGE}`);
    }
  } finally {
    manager.client.close();
    await database.close();
  }
}

/** Entry from src/cli.ts: `pki …` or `fsc …`; resolves to the exit code. */
export async function runFscCommand(argv: string[]): Promise<number> {
  if (argv[0] === 'pki') return runPki(argv.slice(1));
  return runFsc(argv.slice(1));
}
