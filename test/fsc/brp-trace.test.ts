/**
 * A BRP query from another organisation through FSC (its Outway → our Inway → the BRP
 * Personen API, two peers on loopback with real mTLS): the caller's W3C trace id reaches our
 * Logboek record, which names the calling peer as the foreign processor and the FSC
 * transaction, whatever `Fsc-Peer` the caller claims itself; the BRP API knows the calling peer
 * from the access token our Inway passes on, which our own Manager signed.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { openMigratedDatabase } from '../../src/server.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { createGroupCa, issuePeerCertificate } from '../../src/fsc/pki.ts';
import { startPeer, type Peer } from '../../src/fsc/peer.ts';
import { grantHash } from '../../src/fsc/hash.ts';
import { savePersoonslijst } from '../../src/components/brp/store.ts';
import { DEMO_VERWERKINGSACTIVITEITEN } from '../../src/platform/logboek/logboek.ts';
import { testFscManager } from '../helpers/fsc-manager.ts';

const GROUP = 'opengrond-brp-trace';
const BSN = '999990019';
const TRACE = '0af7651916cd43dd8448eb211c80319c';
const SPAN = 'b7ad6b7169203331';
const dbs: TestDatabase[] = [];
const databases: Database[] = [];
let brp: TestServer;
let gemeente: Peer;
let uitvaart: Peer;
let grant: string;

before(async () => {
  brp = await startTestServer({ components: ['brp'] });
  await savePersoonslijst(brp.og.database.db, { categorieen: { '01': [[{ '01.20': BSN, '02.10': 'Jan', '02.40': 'Jansen', '03.10': '19800101' }]] } });
  const ca = await createGroupCa('brp-trace');
  const peer = async (id: string, name: string, services?: Record<string, string>) => {
    const pem = await issuePeerCertificate(ca, { peerId: id, name });
    const testDb = await createTestDatabase();
    dbs.push(testDb);
    const database = await openMigratedDatabase(testDb.target);
    databases.push(database);
    return startPeer({ database, credentials: { ...pem, trustAnchors: ca.certificate }, groupId: GROUP, services });
  };
  gemeente = await peer('00000001001234567000', 'Gemeente Oefenstad', { brp: `${brp.baseUrl}/haalcentraal/api/brp` });
  uitvaart = await peer('00000001009876543000', 'Uitvaartonderneming De Laatste Eer');
  // The BRP API trusts its own organisation's Manager (the gemeente's), as `--fsc-manager-cert` does.
  brp.og.fscCallers.trust({ peerId: gemeente.manager.peerId, publicKey: gemeente.manager.certificate.publicKey });
  await uitvaart.manager.announce(gemeente.managerAddress);
  await gemeente.manager.announce(uitvaart.managerAddress);
  const { hash, failures } = await uitvaart.manager.propose([
    { type: 'GRANT_TYPE_SERVICE_CONNECTION', outway: { peer_id: uitvaart.manager.peerId, public_key_thumbprint: uitvaart.manager.publicKeyThumbprint }, service: { type: 'SERVICE_TYPE_SERVICE', peer_id: gemeente.manager.peerId, name: 'brp' } },
  ]);
  assert.deepEqual(failures, []);
  assert.deepEqual((await gemeente.manager.sign(hash, 'accept')).failures, []);
  grant = grantHash((await uitvaart.store.contract(hash))!.content, 0);
});

after(async () => {
  for (const p of [uitvaart, gemeente]) await p?.close();
  for (const d of databases) await d.close();
  for (const d of dbs) await d.drop();
  await brp?.close();
});

/** POST through the uitvaart's Outway, as its application would. */
async function viaOutway(headers: Record<string, string>, body: unknown) {
  const token = await brp.token();
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: any }>((resolve, reject) => {
    const req = http.request(`${uitvaart.outwayAddress}/personen`, { method: 'POST', headers: { 'fsc-grant-hash': grant, 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

test('one trace id from the caller through Outway and Inway to the Logboek record, with the calling peer as foreign processor', async () => {
  const answer = await viaOutway(
    // The caller claims to be someone else: the Inway says who it is.
    { traceparent: `00-${TRACE}-${SPAN}-01`, verwerkingsactiviteit: DEMO_VERWERKINGSACTIVITEITEN[0]!.id, 'fsc-peer': '00000001999999999000' },
    { type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: [BSN], fields: ['naam.geslachtsnaam'] },
  );
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(answer.body.personen, [{ naam: { geslachtsnaam: 'Jansen' } }]);
  assert.equal(String(answer.headers['traceparent']).split('-')[1], TRACE, 'the answer continues the caller\'s trace');
  const transactionId = String(answer.headers['fsc-transaction-id']);

  const records = await brp.og.logboek.find(brp.og.database.db, { traceId: TRACE });
  assert.equal(records.length, 1);
  const [record] = records;
  assert.equal(record!.parentSpanId, SPAN, 'the caller\'s span is the parent: the proxies add no span of their own');
  assert.equal(record!.foreignProcessor, uitvaart.manager.peerId);
  assert.equal(record!.fscTransactionId, transactionId);
  assert.equal(record!.status, 'OK');
  assert.equal((await brp.og.logboek.find(brp.og.database.db, { subject: { type: 'BSN', id: BSN }, traceId: TRACE })).length, 1);
});

test('a direct call without FSC records no foreign processor, whatever FSC headers it sends', async () => {
  const trace = 'f'.repeat(31) + '1';
  // A token signed by another key than the gemeente Manager's, with the gemeente as issuer.
  const forged = await testFscManager(gemeente.manager.peerId).token('00000001999999999000');
  const direct = await brp.call('POST', '/haalcentraal/api/brp/personen', {
    headers: { traceparent: `00-${trace}-${SPAN}-01`, Verwerkingsactiviteit: DEMO_VERWERKINGSACTIVITEITEN[0]!.id, 'Fsc-Peer': '00000001999999999000', 'Fsc-Transaction-Id': '0193a000-0000-7000-8000-000000000000', 'Fsc-Authorization': forged },
    body: { type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: [BSN], fields: ['naam.geslachtsnaam'] },
  });
  assert.equal(direct.status, 200);
  const [record] = await brp.og.logboek.find(brp.og.database.db, { traceId: trace });
  assert.equal(record!.foreignProcessor, undefined);
  assert.equal(record!.fscTransactionId, undefined);
});
