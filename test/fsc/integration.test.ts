/**
 * The Inway, Outway and integration scenarios of the FSC test suite, on loopback with real
 * TLS: a gemeente offering a service through its Inway, an uitvaartonderneming calling it
 * through its Outway, a Directory, a delegator, and a stranger with a certificate of another CA.
 * The gemeente's transaction log is journalled on disk first, the others' are not.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { createPrivateKey } from 'node:crypto';
import { SignJWT } from 'jose';
import { openMigratedDatabase } from '../../src/server.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { createGroupCa, issuePeerCertificate, certificateThumbprint, leafCertificate, type Pem, type PeerCredentials } from '../../src/fsc/pki.ts';
import { startPeer, type Peer } from '../../src/fsc/peer.ts';
import { PeerClient } from '../../src/fsc/peer-client.ts';
import { Inway } from '../../src/fsc/inway.ts';
import { Outway } from '../../src/fsc/outway.ts';
import { grantHash } from '../../src/fsc/hash.ts';
import type { GrantData } from '../../src/fsc/contract.ts';
import type { LogRecord } from '../../src/fsc/store.ts';

const GROUP = 'opengrond-integratie';
let ca: Pem;
const dbs: TestDatabase[] = [];
const databases: Database[] = [];
let DIR: Peer, G: Peer, U: Peer, D: Peer;
const creds: Record<string, PeerCredentials> = {};
let service: http.Server;
let journalDir: string;
let serviceUrl: string;
const seen: { method: string; url: string; headers: http.IncomingHttpHeaders }[] = [];

async function peer(id: string, name: string, extra: Partial<Parameters<typeof startPeer>[0]> = {}): Promise<Peer> {
  const pem = await issuePeerCertificate(ca, { peerId: id, name });
  creds[id] = { ...pem, trustAnchors: ca.certificate };
  const testDb = await createTestDatabase();
  dbs.push(testDb);
  const database = await openMigratedDatabase(testDb.target);
  databases.push(database);
  return startPeer({ database, credentials: creds[id], groupId: GROUP, directoryAddress: DIR?.managerAddress, ...extra });
}

before(async () => {
  service = http.createServer((req, res) => {
    seen.push({ method: req.method!, url: req.url!, headers: req.headers });
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => res.writeHead(req.url?.includes('fout') ? 409 : 200, { 'content-type': 'application/json', 'x-service': 'zaken' }).end(JSON.stringify({ pad: req.url, body })));
  });
  service.listen(0, '127.0.0.1');
  await once(service, 'listening');
  serviceUrl = `http://127.0.0.1:${(service.address() as { port: number }).port}`;
  ca = await createGroupCa('integratiegroep');
  DIR = await peer('00000001000000000009', 'Directory', { directory: true });
  // The gemeente's transaction log goes through a journal on disk (src/fsc/journal.ts), the others' straight to their databases.
  journalDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opengrond-fsc-journal-'));
  G = await peer('00000001001234567000', 'Gemeente Oefenstad', { services: { zaken: serviceUrl }, journalDir });
  U = await peer('00000001009876543000', 'Uitvaartonderneming De Laatste Eer');
  D = await peer('00000001005555555000', 'Samenwerkingsverband Regio');
});

after(async () => {
  for (const p of [U, D, G, DIR]) await p?.close();
  for (const d of databases) await d.close();
  for (const d of dbs) await d.drop();
  service.close();
  fs.rmSync(journalDir, { recursive: true, force: true });
});

const connection = (extra: Partial<GrantData> = {}): GrantData => ({
  type: 'GRANT_TYPE_SERVICE_CONNECTION',
  outway: { peer_id: U.manager.peerId, public_key_thumbprint: U.manager.publicKeyThumbprint },
  service: { type: 'SERVICE_TYPE_SERVICE', peer_id: G.manager.peerId, name: 'zaken' },
  ...extra,
});

async function contract(grants: GrantData[], signers: Peer[]): Promise<string> {
  const { hash, failures } = await U.manager.propose(grants);
  assert.deepEqual(failures, []);
  for (const p of signers) assert.deepEqual((await p.manager.sign(hash, 'accept')).failures, []);
  return grantHash((await U.store.contract(hash))!.content, 0);
}

function call(via: Peer, gth: string | undefined, path = '/zaken/api/v1/zaken', init: { method?: string; body?: string } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(`${via.outwayAddress}${path}`, { method: init.method ?? 'GET', headers: { ...(gth ? { 'fsc-grant-hash': gth } : {}), 'content-type': 'application/json' } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

async function logs(of: Peer, asker: Peer, transactionId: string): Promise<LogRecord[]> {
  const client = new PeerClient(creds[asker.manager.peerId]);
  const res = await client.request(`${of.managerAddress}/v1/logs?transaction_ids=${transactionId}`);
  client.close();
  assert.equal(res.status, 200);
  return res.json<{ records: LogRecord[] }>().records;
}

test('Integration-ConsumeService-2, Outway-IncomingRequest-2: without a contract, or with one the gemeente has not signed, the Outway refuses and nothing reaches the service', async () => {
  const before = seen.length;
  const unknown = await call(U, '$1$3$onbekend');
  assert.equal(unknown.status, 403);
  assert.equal(unknown.headers['fsc-error-code'], 'ERROR_CODE_GRANT_NOT_FOUND');
  assert.equal(JSON.parse(unknown.body).domain, 'ERROR_DOMAIN_OUTWAY');
  const gth = await contract([connection()], []);
  const unsigned = await call(U, gth);
  assert.equal(unsigned.status, 403);
  assert.equal(unsigned.headers['fsc-error-code'], 'ERROR_CODE_UNABLE_TO_OBTAIN_ACCESS_TOKEN');
  assert.match(JSON.parse(unsigned.body).message, /invalid_grant.*proposed/);
  assert.equal(seen.length, before);
  const missing = await call(U, undefined);
  assert.equal(missing.status, 400);
});

let signedGrant: string;

test('Integration-ConsumeService-1, Integration-TransactionLog-1, Outway-IncomingRequest-1, Outway-TransactionLog-1/-2, Inway-Incoming-Request-1/-5, Inway-TransactionLog-1/-2, Manager-TransactionLogRecord-1: a signed contract lets the call through and both logs hold it under one transaction id', async () => {
  signedGrant = await contract([connection()], [G]);
  const res = await call(U, signedGrant, '/zaken/api/v1/zaken?status=open', { method: 'POST', body: '{"a":1}' });
  assert.equal(res.status, 200, res.body);
  assert.deepEqual(JSON.parse(res.body), { pad: '/zaken/api/v1/zaken?status=open', body: '{"a":1}' }, 'path and body unaltered');
  assert.equal(res.headers['x-service'], 'zaken');
  const transactionId = String(res.headers['fsc-transaction-id']);
  assert.match(transactionId, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'a UUIDv7');
  const atService = seen.at(-1)!;
  assert.equal(atService.headers['fsc-transaction-id'], transactionId);
  assert.ok(atService.headers['fsc-authorization'], 'the access token reaches the service');
  assert.equal(atService.headers['fsc-grant-hash'], undefined);

  const expected = { transaction_id: transactionId, grant_hash: signedGrant, source: { type: 'SOURCE_TYPE_SOURCE', outway_peer_id: U.manager.peerId }, destination: { type: 'DESTINATION_TYPE_DESTINATION', service_peer_id: G.manager.peerId }, service_name: 'zaken' };
  const atConsumer = await logs(U, G, transactionId);
  const atProvider = await logs(G, U, transactionId);
  assert.deepEqual(atConsumer.map((r) => ({ ...r, created_at: undefined })), [{ ...expected, direction: 'DIRECTION_OUTGOING', created_at: undefined }]);
  assert.deepEqual(atProvider.map((r) => ({ ...r, created_at: undefined })), [{ ...expected, direction: 'DIRECTION_INCOMING', created_at: undefined }]);
  // A peer not involved sees none of it.
  assert.deepEqual(await logs(G, D, transactionId), []);

  // Errors of the service pass through unaltered.
  const failing = await call(U, signedGrant, '/zaken/api/v1/fout');
  assert.equal(failing.status, 409);
  assert.equal(failing.headers['fsc-error-code'], undefined);
});

test('the Outway fetches one token and reuses it', async () => {
  const grant = await contract([connection()], [G]);
  const results = await Promise.all(Array.from({ length: 20 }, () => call(U, grant)));
  assert.ok(results.every((r) => r.status === 200));
  const tokens = new Set(seen.slice(-20).map((s) => s.headers['fsc-authorization']));
  assert.equal(tokens.size, 1);
});

async function tokenFor(gth: string, client: Peer = U): Promise<string> {
  const c = new PeerClient(creds[client.manager.peerId]);
  const res = await c.request(`${G.managerAddress}/v1/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'client_credentials', scope: gth, client_id: client.manager.peerId }).toString() });
  c.close();
  return res.json<{ access_token: string }>().access_token;
}

async function inwayCall(as: PeerCredentials, headers: Record<string, string>, inway = G.inwayAddress!) {
  const client = new PeerClient(as);
  try {
    return await client.request(`${inway}/zaken/api/v1/zaken`, { headers });
  } finally {
    client.close();
  }
}

function assertInwayError(res: { status: number; headers: http.IncomingHttpHeaders; json<T>(): T }, status: number, code: string) {
  assert.equal(res.status, status, res.json<{ message: string }>().message);
  assert.equal(res.headers['fsc-error-code'], code);
  assert.equal(res.json<{ domain: string }>().domain, 'ERROR_DOMAIN_INWAY');
  if (status === 401) assert.equal(res.headers['www-authenticate'], 'Bearer');
}

test('Inway-Incoming-Request-2: no access token', async () => {
  assertInwayError(await inwayCall(creds[U.manager.peerId], { 'fsc-transaction-id': '0193a000-0000-7000-8000-000000000000' }), 401, 'ERROR_CODE_ACCESS_TOKEN_MISSING');
});

test('Inway-Incoming-Request-3: a token bound to another certificate', async () => {
  const token = await tokenFor(signedGrant);
  assertInwayError(await inwayCall(creds[D.manager.peerId], { 'fsc-authorization': token, 'fsc-transaction-id': '0193a000-0000-7000-8000-000000000000' }), 401, 'ERROR_CODE_ACCESS_TOKEN_INVALID');
});

test('Inway-Incoming-Request-6: an expired token', async () => {
  const key = createPrivateKey(creds[G.manager.peerId].privateKey);
  const now = Math.floor(Date.now() / 1000);
  const expired = await new SignJWT({ gth: signedGrant, gid: GROUP, svc: 'zaken', cnf: { 'x5t#S256': certificateThumbprint(leafCertificate(creds[U.manager.peerId].certificate).raw) } })
    .setProtectedHeader({ alg: 'ES256' }).setIssuer(G.manager.peerId).setSubject(U.manager.peerId).setNotBefore(now - 600).setExpirationTime(now - 300).sign(key);
  assertInwayError(await inwayCall(creds[U.manager.peerId], { 'fsc-authorization': expired, 'fsc-transaction-id': '0193a000-0000-7000-8000-000000000000' }), 401, 'ERROR_CODE_ACCESS_TOKEN_EXPIRED');
  const forged = await new SignJWT({ gth: signedGrant, gid: GROUP, svc: 'zaken' }).setProtectedHeader({ alg: 'ES256' }).setIssuer(G.manager.peerId).setExpirationTime(now + 300).sign(createPrivateKey(creds[U.manager.peerId].privateKey));
  assertInwayError(await inwayCall(creds[U.manager.peerId], { 'fsc-authorization': forged, 'fsc-transaction-id': '0193a000-0000-7000-8000-000000000000' }), 401, 'ERROR_CODE_ACCESS_TOKEN_INVALID');
  const otherGroup = await new SignJWT({ gth: signedGrant, gid: 'andere-groep', svc: 'zaken', cnf: { 'x5t#S256': 'x' } }).setProtectedHeader({ alg: 'ES256' }).setIssuer(G.manager.peerId).setExpirationTime(now + 300).sign(key);
  assertInwayError(await inwayCall(creds[U.manager.peerId], { 'fsc-authorization': otherGroup, 'fsc-transaction-id': '0193a000-0000-7000-8000-000000000000' }), 403, 'ERROR_CODE_WRONG_GROUP_ID_IN_TOKEN');
});

test('Inway-TransactionLog-3: a valid token without a transaction id is refused', async () => {
  const token = await tokenFor(signedGrant);
  assertInwayError(await inwayCall(creds[U.manager.peerId], { 'fsc-authorization': token }), 400, 'MISSING_LOG_RECORD_ID');
  assertInwayError(await inwayCall(creds[U.manager.peerId], { 'fsc-authorization': token, 'fsc-transaction-id': 'geen-uuid' }), 400, 'INVALID_LOG_RECORD_ID');
});

test('Inway-TransactionLog-6: when the log cannot be written the Inway answers an error and does not call the service', async () => {
  const inway = new Inway({ credentials: creds[G.manager.peerId], groupId: GROUP, peerId: G.manager.peerId, tokenKey: G.manager.certificate.publicKey, services: { zaken: serviceUrl }, log: { write: () => Promise.reject(new Error('schijf vol')) } });
  const port = await inway.listen(0);
  const before = seen.length;
  const token = await tokenFor(signedGrant);
  assertInwayError(await inwayCall(creds[U.manager.peerId], { 'fsc-authorization': token, 'fsc-transaction-id': '0193a000-0000-7000-8000-000000000000' }, `https://localhost:${port}`), 500, 'TRANSACTION_LOG_WRITE_ERROR');
  assert.equal(seen.length, before);
  await inway.close();
});

test('Outway-TransactionLog-5: when the log cannot be written the Outway answers an error and does not call the Inway', async () => {
  const outway = new Outway({ manager: U.manager, groupId: GROUP, log: { write: () => Promise.reject(new Error('schijf vol')) } });
  const port = await outway.listen(0);
  const before = seen.length;
  const res = await call({ outwayAddress: `http://127.0.0.1:${port}` } as Peer, signedGrant);
  assert.equal(res.status, 500);
  assert.equal(res.headers['fsc-error-code'], 'TRANSACTION_LOG_WRITE_ERROR');
  assert.equal(seen.length, before);
  await outway.close();
});

test('Inway-Incoming-Request-4: a certificate of another CA is refused at the TLS handshake', async () => {
  const otherCa = await createGroupCa('andere CA');
  const stranger = await issuePeerCertificate(otherCa, { peerId: U.manager.peerId, name: 'Uitvaartonderneming De Laatste Eer' });
  const token = await tokenFor(signedGrant);
  await assert.rejects(inwayCall({ ...stranger, trustAnchors: ca.certificate }, { 'fsc-authorization': token, 'fsc-transaction-id': '0193a000-0000-7000-8000-000000000000' }));
});

test('the Outway answers CONNECT with 405 ERROR_CODE_METHOD_UNSUPPORTED', async () => {
  const req = http.request({ host: '127.0.0.1', port: new URL(U.outwayAddress).port, method: 'CONNECT', path: 'example.org:443' });
  req.end();
  const [res] = await once(req, 'connect');
  assert.equal(res.statusCode, 405);
  assert.equal(res.headers['fsc-error-code'], 'ERROR_CODE_METHOD_UNSUPPORTED');
  res.socket?.destroy();
});

test('Integration-ConsumeServiceAsDelegatee-1, Outway-TransactionLog-3, Inway-TransactionLog-4: calling on behalf of a delegator', async () => {
  const gth = await contract([{ ...connection(), type: 'GRANT_TYPE_DELEGATED_SERVICE_CONNECTION', delegator: { peer_id: D.manager.peerId } }], [G, D]);
  const res = await call(U, gth);
  assert.equal(res.status, 200, res.body);
  const id = String(res.headers['fsc-transaction-id']);
  const source = { type: 'SOURCE_TYPE_DELEGATED_SOURCE', outway_peer_id: U.manager.peerId, delegator_peer_id: D.manager.peerId };
  assert.deepEqual((await logs(U, U, id))[0].source, source);
  assert.deepEqual((await logs(G, U, id))[0].source, source);
  assert.equal((await logs(G, D, id)).length, 1, 'the delegator may read the record too');
});

async function delegatedPublication(): Promise<void> {
  const { hash, failures } = await D.manager.propose([{ type: 'GRANT_TYPE_DELEGATED_SERVICE_PUBLICATION', directory: { peer_id: DIR.manager.peerId }, service: { peer_id: G.manager.peerId, name: 'zaken', protocol: 'PROTOCOL_TCP_HTTP_1.1' }, delegator: { peer_id: D.manager.peerId } }]);
  assert.deepEqual(failures, []);
  assert.deepEqual((await G.manager.sign(hash, 'accept')).failures, []);
}

test('Integration-ConsumeDelegatedService-1, Outway-TransactionLog-4, Inway-TransactionLog-5: a service published by a delegatee', async () => {
  await delegatedPublication();
  const gth = await contract([connection({ service: { type: 'SERVICE_TYPE_DELEGATED_SERVICE', peer_id: G.manager.peerId, name: 'zaken', delegator: { peer_id: D.manager.peerId } } })], [G, D]);
  const res = await call(U, gth);
  assert.equal(res.status, 200, res.body);
  const id = String(res.headers['fsc-transaction-id']);
  const destination = { type: 'DESTINATION_TYPE_DELEGATED_DESTINATION', service_peer_id: G.manager.peerId, delegator_peer_id: D.manager.peerId };
  assert.deepEqual((await logs(U, U, id))[0].destination, destination);
  assert.deepEqual((await logs(G, U, id))[0].destination, destination);
});

test('Integration-ConsumeDelegatedService-2: on behalf of a delegator, a service published by a delegatee', async () => {
  const gth = await contract(
    [{ ...connection({ service: { type: 'SERVICE_TYPE_DELEGATED_SERVICE', peer_id: G.manager.peerId, name: 'zaken', delegator: { peer_id: D.manager.peerId } } }), type: 'GRANT_TYPE_DELEGATED_SERVICE_CONNECTION', delegator: { peer_id: D.manager.peerId } }],
    [G, D],
  );
  const res = await call(U, gth);
  assert.equal(res.status, 200, res.body);
  const record = (await logs(G, U, String(res.headers['fsc-transaction-id'])))[0];
  assert.equal(record.source.type, 'SOURCE_TYPE_DELEGATED_SOURCE');
  assert.equal(record.destination.type, 'DESTINATION_TYPE_DELEGATED_DESTINATION');
});

test('a revoked contract is refused again, at once', async () => {
  assert.equal((await call(U, signedGrant)).status, 200);
  const hash = (await U.store.grant(signedGrant))!.contentHash;
  assert.deepEqual((await G.manager.sign(hash, 'revoke')).failures, []);
  const before = seen.length;
  const refused = await call(U, signedGrant);
  assert.equal(refused.status, 401, 'the Inway refuses the still unexpired token');
  assert.equal(refused.headers['fsc-error-code'], 'ERROR_CODE_ACCESS_TOKEN_INVALID');
  const again = await call(U, signedGrant);
  assert.equal(again.status, 403, 'and the Manager gives no new one');
  assert.match(JSON.parse(again.body).message, /revoked/);
  assert.equal(seen.length, before);
});

test('Outway-IncomingRequest-3, Inway: an unreachable Inway or service gives 502', async () => {
  const gth = await contract([connection()], [G]);
  service.closeAllConnections();
  const inwayRes = await new Promise<number>((resolve) => {
    // A service that is down: the Inway answers ERROR_CODE_SERVICE_UNREACHABLE.
    const down = http.createServer();
    down.listen(0, '127.0.0.1', async () => {
      const port = (down.address() as { port: number }).port;
      down.close();
      const inway = new Inway({ credentials: creds[G.manager.peerId], groupId: GROUP, peerId: G.manager.peerId, tokenKey: G.manager.certificate.publicKey, services: { zaken: `http://127.0.0.1:${port}` }, log: { write: async () => {} } });
      const inwayPort = await inway.listen(0);
      const res = await inwayCall(creds[U.manager.peerId], { 'fsc-authorization': await tokenFor(gth), 'fsc-transaction-id': '0193a000-0000-7000-8000-000000000000' }, `https://localhost:${inwayPort}`);
      assertInwayError(res, 502, 'ERROR_CODE_SERVICE_UNREACHABLE');
      await inway.close();
      resolve(res.status);
    });
  });
  assert.equal(inwayRes, 502);
  await G.inway!.close();
  const res = await call(U, gth);
  assert.equal(res.status, 502);
  assert.equal(res.headers['fsc-error-code'], 'ERROR_CODE_INWAY_UNREACHABLE');
  assert.equal(JSON.parse(res.body).domain, 'ERROR_DOMAIN_OUTWAY');
});

test('Manager-Port-1, Inway-Port-1: the Manager answers on 8443 and the Inway on 443', async (t) => {
  const pem = await issuePeerCertificate(ca, { peerId: '00000001000000000443', name: 'Poortpeer' });
  const credentials = { ...pem, trustAnchors: ca.certificate };
  const testDb = await createTestDatabase();
  dbs.push(testDb);
  const database = await openMigratedDatabase(testDb.target);
  databases.push(database);
  let p: Peer;
  try {
    p = await startPeer({ database, credentials, groupId: GROUP, services: { zaken: serviceUrl }, managerPort: 8443, inwayPort: 443 });
  } catch (error) {
    // Another process on this machine may hold the port, or the user may not bind below 1024.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') return t.skip(`port 443 or 8443 not available here (${code})`);
    throw error;
  }
  try {
    const client = new PeerClient(creds[U.manager.peerId]);
    assert.equal((await client.request('https://localhost:8443/v1/peer')).status, 200);
    assert.equal((await client.request('https://localhost:443/zaken')).headers['fsc-error-code'], 'ERROR_CODE_ACCESS_TOKEN_MISSING');
    client.close();
  } finally {
    await p.close();
  }
});
