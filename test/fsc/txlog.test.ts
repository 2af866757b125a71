/**
 * The transaction log's group commit: concurrent records share batches, no more batches commit
 * at once than allowed, every write resolves only after its own batch is stored, and a failed
 * batch fails exactly its own writes. And the store's two statements (one record, a batch)
 * on the database.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BatchingTransactionLog } from '../../src/fsc/txlog.ts';
import { FscStore, type LogRecord } from '../../src/fsc/store.ts';
import { openMigratedDatabase } from '../../src/server.ts';
import { createTestDatabase } from '../helpers/database.ts';
import { logRecord } from './log-record.ts';

const record = (n: number): LogRecord => logRecord(n);

/** A store whose writes finish when the test says so. */
function slowStore(failOn?: (records: LogRecord[]) => boolean) {
  const batches: { records: LogRecord[]; done: () => void }[] = [];
  let active = 0;
  let maxActive = 0;
  return {
    batches,
    get maxActive() {
      return maxActive;
    },
    writeLogs(records: LogRecord[]) {
      active++;
      maxActive = Math.max(maxActive, active);
      return new Promise<void>((resolve, reject) => {
        batches.push({
          records,
          done: () => {
            active--;
            if (failOn?.(records)) reject(new Error('log down'));
            else resolve();
          },
        });
      });
    },
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

test('a lone record is written at once; records arriving meanwhile share the next batches, at most maxInFlight at a time', async () => {
  const store = slowStore();
  const log = new BatchingTransactionLog(store, { maxInFlight: 2 });
  const resolved: number[] = [];
  const first = log.write(record(0)).then(() => resolved.push(0));
  assert.equal(store.batches.length, 1, 'the first record does not wait');
  const rest = Array.from({ length: 10 }, (_, i) => log.write(record(i + 1)).then(() => resolved.push(i + 1)));
  await tick();
  assert.equal(store.batches.length, 2, 'the ten that came together are one batch');
  assert.equal(store.batches[1].records.length, 10);
  const more = log.write(record(11)).then(() => resolved.push(11));
  await tick();
  assert.equal(store.batches.length, 2, 'no third batch while two are committing');
  store.batches[1].done();
  await tick();
  await tick();
  assert.deepEqual(resolved.sort((a, b) => a - b), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'a write resolves when its own batch is stored');
  assert.equal(store.batches.length, 3);
  store.batches[0].done();
  store.batches[2].done();
  await Promise.all([first, ...rest, more]);
  assert.equal(resolved.length, 12);
  assert.equal(store.maxActive, 2);
});

test('a failed batch rejects its own writes only', async () => {
  const store = slowStore((records) => records.some((r) => r.transaction_id.endsWith('1')));
  const log = new BatchingTransactionLog(store);
  const a = log.write(record(0));
  const b = log.write(record(1));
  await tick();
  for (const batch of store.batches) batch.done();
  await a;
  await assert.rejects(b, /log down/);
});

test('on the database: one record and a batch are stored field for field, delegators included', async () => {
  const testDb = await createTestDatabase();
  const database = await openMigratedDatabase(testDb.target);
  try {
    const store = new FscStore(database);
    const delegated: LogRecord = {
      ...record(3),
      direction: 'DIRECTION_INCOMING',
      source: { type: 'SOURCE_TYPE_DELEGATED_SOURCE', outway_peer_id: 'a', delegator_peer_id: 'c' },
      destination: { type: 'DESTINATION_TYPE_DELEGATED_DESTINATION', service_peer_id: 'b', delegator_peer_id: 'd' },
      created_at: 1_764_633_600,
    };
    await store.writeLogs([record(1)]);
    await store.writeLogs([record(2), delegated]);
    const stored = await store.logs({ limit: 10, ascending: true });
    assert.deepEqual(stored.map((s) => s.record), [record(1), record(2), delegated]);
    assert.deepEqual((await store.logs({ peerId: 'd', limit: 10, ascending: true })).map((s) => s.record.transaction_id), [delegated.transaction_id]);
  } finally {
    await database.close();
    await testDb.drop();
  }
});
