import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGroup, GROUP_ID, type TestGroup } from './group.ts';
import { issuePeerCertificate } from '../../src/fsc/pki.ts';
import { runFsc } from '../../src/fsc/cli.ts';

let group: TestGroup;
let dir: string;
let common: string[];

before(async () => {
  group = await createGroup([{ id: '00000001000000000009', name: 'Directory' }, { id: '00000001000000000001', name: 'Gemeente' }], { directory: '00000001000000000009' });
  await group.peers[1].manager.announce();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fsc-cli-'));
  const pem = await issuePeerCertificate(group.ca, { peerId: '00000001000000000002', name: 'Uitvaart' });
  fs.writeFileSync(path.join(dir, 'peer.pem'), pem.certificate);
  fs.writeFileSync(path.join(dir, 'peer-key.pem'), pem.privateKey);
  fs.writeFileSync(path.join(dir, 'ca.pem'), group.ca.certificate);
  common = ['--data-dir', path.join(dir, 'db'), '--cert', path.join(dir, 'peer.pem'), '--key', path.join(dir, 'peer-key.pem'), '--ca', path.join(dir, 'ca.pem'), '--group', GROUP_ID, '--directory', group.peers[0].address];
});
after(async () => {
  await group.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('opengrond fsc connect / contracts / publish / services / logs act as the peer whose certificate and database they are given', async () => {
  const [DIR, G] = group.peers;
  const lines: string[] = [];
  assert.equal(await runFsc(['connect', '--peer', G.id, '--service', 'zaken', ...common], (l) => lines.push(l)), 0, lines.join('\n'));
  const hash = /Contract (\S+) aangeboden/.exec(lines[0])![1];
  assert.ok(await G.store.contract(hash), 'the gemeente received the contract');

  const listed: string[] = [];
  await runFsc(['contracts', ...common], (l) => listed.push(l));
  assert.equal(listed[0], `${hash}  proposed`);
  assert.match(listed[1], /GRANT_TYPE_SERVICE_CONNECTION 00000001000000000001\/zaken ← 00000001000000000002/);

  const published: string[] = [];
  assert.equal(await runFsc(['publish', '--service', 'begraafplaatsen', ...common], (l) => published.push(l)), 0, published.join('\n'));
  const publication = /Contract (\S+) aangeboden/.exec(published[0])![1];
  assert.ok((await DIR.store.contract(publication))!.signatures.accept[DIR.id], 'the directory signed the publication');
  const services: string[] = [];
  assert.equal(await runFsc(['services', ...common], (l) => services.push(l)), 0);
  assert.ok(services.includes('00000001000000000002 (Uitvaart)  begraafplaatsen'), services.join('\n'));

  const logs: string[] = [];
  assert.equal(await runFsc(['logs', ...common], (l) => logs.push(l)), 0);
  assert.deepEqual(logs, []);
  await assert.rejects(runFsc(['sign', hash, '--type', 'verscheur', ...common], () => {}), /accept, reject of revoke/);
});
