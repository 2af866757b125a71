/**
 * `opengrond pki …` and `opengrond fsc …`: the FSC integration layer from the command line.
 * Parsed here rather than in src/cli.ts, so these flags do not mix with those of `start`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createGroupCa, issuePeerCertificate, leafCertificate, peerIdentity, publicKeyThumbprint, writePem } from './pki.ts';

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

/** Entry from src/cli.ts: `pki …` or `fsc …`; resolves to the exit code. */
export async function runFscCommand(argv: string[]): Promise<number> {
  if (argv[0] === 'pki') return runPki(argv.slice(1));
  throw new Error(`Onbekend commando "${argv[0]}".`);
}
