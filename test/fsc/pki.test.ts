import { test } from 'node:test';
import assert from 'node:assert/strict';
import tls from 'node:tls';
import { once } from 'node:events';
import { createGroupCa, issuePeerCertificate, isTrusted, leafCertificate, peerIdentity, publicKeyThumbprint, certificateThumbprint } from '../../src/fsc/pki.ts';

test('a peer certificate carries the OIN as subject serialNumber and is trusted by its own CA only', async () => {
  const ca = await createGroupCa('Open Grond oefengroep');
  const other = await createGroupCa('Andere groep');
  const peer = await issuePeerCertificate(ca, { peerId: '00000001001234567000', name: 'Gemeente Dè Stad' });
  const cert = leafCertificate(peer.certificate);
  assert.deepEqual(peerIdentity(cert), { peerId: '00000001001234567000', peerName: 'Gemeente Dè Stad' });
  assert.equal(isTrusted(cert, ca.certificate), true);
  assert.equal(isTrusted(cert, other.certificate), false);
  assert.equal(isTrusted(cert, ca.certificate, new Date(Date.now() + 1000 * 86_400_000)), false, 'expired');
  assert.match(publicKeyThumbprint(cert), /^[0-9a-f]{64}$/);
  assert.match(certificateThumbprint(cert.raw), /^[A-Za-z0-9_-]{43}$/);
  await assert.rejects(issuePeerCertificate(ca, { peerId: '123', name: 'X' }), /20 cijfers/);
});

test('the certificates work for mTLS in Node: a server requiring client certificates of the group', async () => {
  const ca = await createGroupCa('groep');
  const server = await issuePeerCertificate(ca, { peerId: '00000000000000000001', name: 'Server' });
  const client = await issuePeerCertificate(ca, { peerId: '00000000000000000002', name: 'Client' });
  const srv = tls.createServer({ cert: server.certificate, key: server.privateKey, ca: ca.certificate, requestCert: true, rejectUnauthorized: true }, (socket) => {
    socket.end(peerIdentity({ subject: socket.getPeerX509Certificate()!.subject })!.peerId);
  });
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const port = (srv.address() as { port: number }).port;
  const socket = tls.connect({ port, host: '127.0.0.1', servername: 'localhost', cert: client.certificate, key: client.privateKey, ca: ca.certificate });
  let data = '';
  socket.on('data', (d) => (data += d));
  await once(socket, 'end');
  assert.equal(data, '00000000000000000002');
  srv.close();
});

test('opengrond pki init / peer write a CA and a peer certificate issued by it', async () => {
  const { runPki } = await import('../../src/fsc/cli.ts');
  const fs = await import('node:fs');
  const os = await import('node:os');
  const dir = fs.mkdtempSync(`${os.tmpdir()}/pki-`);
  const lines: string[] = [];
  assert.equal(await runPki(['init', '--dir', dir, '--group', 'test'], (l) => lines.push(l)), 0);
  assert.equal(await runPki(['peer', '--dir', dir, '--oin', '00000001001234567000', '--name', 'Gemeente'], (l) => lines.push(l)), 0);
  const cert = leafCertificate(fs.readFileSync(`${dir}/00000001001234567000.pem`, 'utf8'));
  assert.equal(isTrusted(cert, fs.readFileSync(`${dir}/ca.pem`, 'utf8')), true);
  assert.equal(fs.statSync(`${dir}/00000001001234567000-key.pem`).mode & 0o077, 0, 'key readable by its owner only');
  await assert.rejects(runPki(['init', '--dir', dir], () => {}), /bestaat al/);
  fs.rmSync(dir, { recursive: true });
});
