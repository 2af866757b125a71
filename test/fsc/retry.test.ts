/**
 * Propagation with retries: a contract or signature another peer's Manager did not take
 * (unreachable) is stored and sent again with exponential backoff until it arrives.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { createGroup, type TestGroup, type TestPeer } from './group.ts';
import { retryDelay } from '../../src/fsc/manager.ts';

let group: TestGroup;
let A: TestPeer, B: TestPeer;
let nowhere: string;

const retry = { firstDelayMs: 100, maxDelayMs: 400, intervalMs: 25 };

before(async () => {
  group = await createGroup([
    { id: '00000001000000000001', name: 'Gemeente Oefenstad', manager: { retry } },
    { id: '00000001000000000002', name: 'Uitvaart Rust', manager: { retry } },
  ]);
  [A, B] = group.peers;
  // An address where no Manager listens: a port that was free a moment ago.
  const probe = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => probe.once('listening', resolve));
  nowhere = `https://localhost:${(probe.address() as net.AddressInfo).port}`;
  await new Promise((resolve) => probe.close(resolve));
});
after(() => group.close());

async function until<T>(what: string, check: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test('the wait doubles from the first delay up to the cap', () => {
  assert.deepEqual([1, 2, 3, 4, 5, 20].map((n) => retryDelay(n, 1_000, 3_600_000)), [1_000, 2_000, 4_000, 8_000, 16_000, 3_600_000]);
});

test('a contract an unreachable peer did not take is sent again, with growing waits, until it arrives', async () => {
  await A.store.upsertPeer({ id: B.id, name: B.name, managerAddress: nowhere });
  const { hash, failures } = await A.manager.propose([
    { type: 'GRANT_TYPE_SERVICE_CONNECTION', outway: { peer_id: B.id, public_key_thumbprint: B.manager.publicKeyThumbprint }, service: { type: 'SERVICE_TYPE_SERVICE', peer_id: A.id, name: 'zaken' } },
  ]);
  assert.equal(failures.length, 1);
  assert.match(failures[0], /^00000001000000000002: .*wordt opnieuw geprobeerd/);
  assert.equal(await B.store.contract(hash), undefined);

  // While B stays unreachable the attempts go on (each wait per retryDelay, above).
  await until('three more attempts', async () => {
    const [d] = await A.store.deliveries();
    return d && d.attempts >= 4 ? d : undefined;
  });
  const [pending] = await A.store.deliveries();
  assert.equal(pending.peerId, B.id);
  assert.ok(pending.nextAttemptAt - Date.now() <= retry.maxDelayMs, 'the wait is capped');
  assert.match(pending.lastError, /ECONNREFUSED/);

  // B can be reached again: the contract arrives, with A's accept signature, and the delivery is done.
  await A.store.upsertPeer({ id: B.id, name: B.name, managerAddress: B.address });
  const arrived = await until('the contract at B', () => B.store.contract(hash));
  assert.ok(arrived.signatures.accept[A.id]);
  await until('no delivery left', async () => ((await A.store.deliveries()).length === 0 ? true : undefined));
});

test('a signature placed while the other peer is unreachable reaches it later; the contract becomes valid on both sides', async () => {
  const { hash, failures } = await A.manager.propose([
    { type: 'GRANT_TYPE_SERVICE_CONNECTION', outway: { peer_id: B.id, public_key_thumbprint: B.manager.publicKeyThumbprint }, service: { type: 'SERVICE_TYPE_SERVICE', peer_id: A.id, name: 'documenten' } },
  ]);
  assert.deepEqual(failures, []);
  await B.store.upsertPeer({ id: A.id, name: A.name, managerAddress: nowhere });
  assert.equal((await B.manager.sign(hash, 'accept')).failures.length, 1);
  assert.equal((await A.store.contract(hash))!.signatures.accept[B.id], undefined);
  await B.store.upsertPeer({ id: A.id, name: A.name, managerAddress: A.address });
  await until('B’s signature at A', async () => (await A.store.contract(hash))!.signatures.accept[B.id]);
  assert.equal((await A.manager.overview()).find((o) => o.contract.hash === hash)!.state, 'valid');
});
