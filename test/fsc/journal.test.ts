/**
 * The transaction log's journal (src/fsc/journal.ts) on a real database: records are on disk
 * when a write resolves and in the database after `settle`, each exactly once — across
 * segments, after a crash that tore the last line, and after a crash between moving records
 * and removing their segment.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JournalTransactionLog } from '../../src/fsc/journal.ts';
import { FscStore, type LogRecord } from '../../src/fsc/store.ts';
import { openMigratedDatabase } from '../../src/server.ts';
import { createTestDatabase } from '../helpers/database.ts';
import { logRecord } from './log-record.ts';

const record = (n: number): LogRecord => logRecord(n, { direction: 'DIRECTION_INCOMING' });

/** A store on a fresh database and an empty journal directory, for one test. */
async function setUp(t: { after(fn: () => Promise<void>): void }) {
  const testDb = await createTestDatabase();
  const database = await openMigratedDatabase(testDb.target);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opengrond-journal-test-'));
  t.after(async () => {
    await database.close();
    await testDb.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const store = new FscStore(database);
  const stored = async () => (await store.logs({ limit: 1000, ascending: true })).map((r) => r.record);
  const segments = () => fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  return { store, dir, stored, segments };
}

const lines = (records: LogRecord[]) => records.map((r) => `${JSON.stringify(r)}\n`).join('');

test('a write is on disk when it resolves; settle moves it into the database once', async (t) => {
  const { store, dir, stored, segments } = await setUp(t);
  const journal = await JournalTransactionLog.open(dir, store, { ingestEveryMs: 60_000 });
  await Promise.all([1, 2, 3].map((n) => journal.write(record(n))));
  assert.equal(fs.readFileSync(path.join(dir, segments()[0]), 'utf8'), lines([1, 2, 3].map(record)), 'the lines are in the segment');
  assert.deepEqual(await stored(), [], 'not in the database before settle');
  await journal.settle();
  assert.deepEqual(await stored(), [1, 2, 3].map(record));
  await journal.write(record(4));
  await journal.settle();
  await journal.settle();
  assert.deepEqual(await stored(), [1, 2, 3, 4].map(record), 'each record once');
  await journal.close();
  assert.throws(() => fs.readFileSync(path.join(dir, 'opengrond.lock')), /ENOENT/, 'close releases the directory');
});

test('the directory has one writer at a time', async (t) => {
  const { store, dir } = await setUp(t);
  const journal = await JournalTransactionLog.open(dir, store, { ingestEveryMs: 60_000 });
  await assert.rejects(JournalTransactionLog.open(dir, store), /FSC journal directory .* in use by process/);
  await journal.close();
});

test('the timer moves records without anyone asking', async (t) => {
  const { store, dir, stored } = await setUp(t);
  const journal = await JournalTransactionLog.open(dir, store, { ingestEveryMs: 20 });
  await journal.write(record(1));
  for (let i = 0; i < 100 && (await stored()).length === 0; i++) await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(await stored(), [record(1)]);
  await journal.close();
});

test('full segments are followed by new ones and removed once moved', async (t) => {
  const { store, dir, stored, segments } = await setUp(t);
  const journal = await JournalTransactionLog.open(dir, store, { ingestEveryMs: 60_000, segmentBytes: 600, ingestBatch: 2 });
  for (let n = 1; n <= 10; n++) await journal.write(record(n));
  assert.ok(segments().length >= 4, `several segments: ${segments().join(', ')}`);
  await journal.settle();
  assert.deepEqual(await stored(), Array.from({ length: 10 }, (_, i) => record(i + 1)));
  assert.equal(segments().length, 1, 'only the segment being written is left');
  await journal.close();
});

test('a segment that fills up while its records are being moved keeps the lines written meanwhile', async (t) => {
  const { store, dir, stored } = await setUp(t);
  // The move of record 1 waits until records 2 (same segment) and 3 (the next one) are written.
  let called!: () => void;
  const moving = new Promise<void>((resolve) => (called = resolve));
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const slowStore = {
    journalPosition: (id: string) => store.journalPosition(id),
    ingestJournal: async (...args: Parameters<FscStore['ingestJournal']>) => {
      called();
      await gate;
      return store.ingestJournal(...args);
    },
  };
  const line = Buffer.byteLength(lines([record(1)]));
  const journal = await JournalTransactionLog.open(dir, slowStore, { ingestEveryMs: 60_000, segmentBytes: 2 * line });
  await journal.write(record(1));
  const first = journal.settle();
  await moving;
  await journal.write(record(2));
  await journal.write(record(3));
  release();
  await first;
  await journal.settle();
  assert.deepEqual(await stored(), [1, 2, 3].map(record));
  await journal.close();
});

test('after a crash: complete lines of the old segment are moved, a torn last line is skipped, and writing goes on in a new segment', async (t) => {
  const { store, dir, stored, segments } = await setUp(t);
  fs.writeFileSync(path.join(dir, 'id'), 'journal-1');
  fs.writeFileSync(path.join(dir, '0000000000000001.jsonl'), lines([record(1), record(2)]) + JSON.stringify(record(3)).slice(0, 40));
  const journal = await JournalTransactionLog.open(dir, store, { ingestEveryMs: 60_000 });
  assert.deepEqual(await stored(), [record(1), record(2)], 'moved on opening; the torn line is not a record');
  assert.deepEqual(segments(), ['0000000000000002.jsonl'], 'the old segment is gone, a new one is written');
  await journal.write(record(4));
  await journal.settle();
  assert.deepEqual(await stored(), [record(1), record(2), record(4)]);
  await journal.close();
});

test('after a crash between moving records and removing their segment: nothing arrives twice', async (t) => {
  const { store, dir, stored } = await setUp(t);
  fs.writeFileSync(path.join(dir, 'id'), 'journal-2');
  const first = lines([record(1)]);
  fs.writeFileSync(path.join(dir, '0000000000000001.jsonl'), first + lines([record(2)]));
  // Record 1 had been moved (the position says so) when the process stopped.
  await store.ingestJournal('journal-2', [record(1)], { segment: 1, offset: Buffer.byteLength(first) });
  const journal = await JournalTransactionLog.open(dir, store, { ingestEveryMs: 60_000 });
  assert.deepEqual(await stored(), [record(1), record(2)]);
  await journal.close();
});

test('a short write (a full disk) rejects its requests, and the journal goes on in a new segment', async (t) => {
  const { store, dir, stored, segments } = await setUp(t);
  const journal = await JournalTransactionLog.open(dir, store, { ingestEveryMs: 60_000 });
  await journal.write(record(1));
  // The next write gets only half of its bytes onto the disk, as when the disk is full.
  const write = fs.write;
  t.after(() => void (fs.write = write));
  fs.write = ((fd: number, buffer: Buffer, offset: number, length: number, position: null, callback: (error: Error | null, written: number) => void) => {
    fs.write = write;
    write(fd, buffer, offset, Math.floor(length / 2), position, callback);
  }) as unknown as typeof fs.write;
  await assert.rejects(journal.write(record(2)), /only \d+ of \d+ bytes written/);
  await journal.write(record(3));
  assert.equal(segments().length, 2, 'the torn line ends its segment');
  await journal.settle();
  assert.deepEqual(await stored(), [record(1), record(3)], 'the refused record is not in the log');
  await journal.close();
});
