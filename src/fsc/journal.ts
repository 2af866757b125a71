/**
 * A transaction log that makes each record durable in a journal on local disk before the
 * request goes on, and moves the records into the peer's database shortly after (every
 * `ingestEveryMs`, and before the log is read: `settle`). FSC Logging allows this: "The storage
 * of the log record MAY be implemented both synchronously or asynchronously. For both
 * implementations it is REQUIRED to receive confirmation that the log record is persisted in
 * order to continue" (its example: a message broker that persists the records later on).
 *
 * Why: a request through FSC waits for one log record on each side of the hop. One write with
 * O_DSYNC to a local file returned in ~0.25 ms on our machine where a PostgreSQL INSERT and
 * commit over a connection took ~0.6 ms (docs/performance.md, "FSC").
 *
 * Layout of the directory: `id` (this journal's id: the key of its read position in the
 * database) and segments `NNNNNNNNNNNNNNNN.jsonl`, one JSON record per line. A process writes
 * only to segments it created itself, and after a failed write goes on in a new one; so a line
 * torn by a crash or a full disk is only ever at the end of a segment no one writes to any
 * more, where it is skipped (its request was never confirmed, so never proxied). The position
 * up to which records have been moved is committed in the same transaction as the records, so
 * each record reaches the database exactly once; older segments are removed once moved.
 *
 * What it trades: a record waits up to `ingestEveryMs` on this disk before the database has
 * it; a disk lost in that time loses those records, which a commit on a (replicated) database
 * server would have kept. It survives the process or the machine stopping (O_DSYNC).
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { lockDataDir } from '../platform/db/data-dir-lock.ts';
import type { FscStore, LogRecord } from './store.ts';
import type { TransactionLog } from './txlog.ts';

export interface JournalOptions {
  /** How often journalled records are moved into the database (ms). */
  ingestEveryMs?: number;
  /** A new segment is started once the current one holds this many bytes. */
  segmentBytes?: number;
  /** At most this many records per database transaction when moving a backlog. */
  ingestBatch?: number;
}

interface Pending {
  line: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

type JournalStore = Pick<FscStore, 'journalPosition' | 'ingestJournal'>;

const SEGMENT = /^(\d{16})\.jsonl$/;
const segmentFile = (n: number) => `${String(n).padStart(16, '0')}.jsonl`;
const WRITE_FLAGS = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_APPEND | fs.constants.O_DSYNC;

export class JournalTransactionLog implements TransactionLog {
  private queue: Pending[] = [];
  private writing?: Promise<void>;
  private fd = -1;
  private segment = 0;
  private size = 0;
  /** After a failed write: the next write starts a new segment. */
  private segmentEnded = false;
  private timer?: NodeJS.Timeout;
  private running: Promise<void> = Promise.resolve();
  private next?: Promise<void>;
  /** Up to where records are in the database: read once, then kept here (this process alone moves them). */
  private position?: { segment: number; offset: number };

  private constructor(
    private readonly dir: string,
    private readonly id: string,
    private readonly store: JournalStore,
    private readonly options: JournalOptions,
    private readonly unlock: () => void,
  ) {}

  /** Opens (or creates) the journal in `dir`, which this process then holds alone, and moves what an earlier run left into the database. */
  static async open(dir: string, store: JournalStore, options: JournalOptions = {}): Promise<JournalTransactionLog> {
    fs.mkdirSync(dir, { recursive: true });
    const unlock = lockDataDir(dir, 'FSC journal directory', '--journal');
    try {
      const idFile = path.join(dir, 'id');
      let id = fs.existsSync(idFile) ? fs.readFileSync(idFile, 'utf8').trim() : '';
      // New, or left empty by a crash while it was being made (then nothing was journalled yet).
      if (!id) {
        id = randomUUID();
        const fd = fs.openSync(idFile, 'w', 0o600);
        fs.writeSync(fd, id);
        fs.fsyncSync(fd);
        fs.closeSync(fd);
        syncDirectory(dir);
      }
      const journal = new JournalTransactionLog(dir, id, store, options, unlock);
      journal.startSegment(Math.max(0, ...segments(dir)) + 1);
      await journal.settle();
      journal.timer = setInterval(() => journal.settle().catch((error: unknown) => console.error(`FSC transaction log: moving the journal into the database failed, retrying: ${(error as Error).message}`)), options.ingestEveryMs ?? 200);
      journal.timer.unref();
      return journal;
    } catch (error) {
      unlock();
      throw error;
    }
  }

  /** Resolves once the record is on disk (O_DSYNC); records of requests arriving meanwhile share the next write. */
  write(record: LogRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ line: `${JSON.stringify(record)}\n`, resolve, reject });
      this.writing ??= this.drain();
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue.splice(0);
      const data = Buffer.from(batch.map((p) => p.line).join(''));
      try {
        if (this.segmentEnded || (this.size > 0 && this.size + data.length > (this.options.segmentBytes ?? 16 * 1024 * 1024))) this.startSegment(this.segment + 1);
        await writeAll(this.fd, data);
        this.size += data.length;
        batch.forEach((p) => p.resolve());
      } catch (error) {
        batch.forEach((p) => p.reject(error));
        // Whatever part of the batch reached the file ends this segment: nothing is written after a torn line.
        this.segmentEnded = true;
      }
    }
    this.writing = undefined;
  }

  /** Closes the current segment and creates the next, durably (its directory entry too). */
  private startSegment(n: number): void {
    const fd = fs.openSync(path.join(this.dir, segmentFile(n)), WRITE_FLAGS, 0o600);
    syncDirectory(this.dir);
    const previous = this.fd;
    [this.fd, this.segment, this.size, this.segmentEnded] = [fd, n, 0, false];
    // What was written to the previous segment is on disk already (O_DSYNC); closing it cannot lose any of it.
    if (previous >= 0) fs.close(previous, () => {});
  }

  /**
   * Resolves once every record whose write had resolved before the call is in the database.
   * One move runs at a time; callers arriving while one runs share the next.
   */
  settle(): Promise<void> {
    if (!this.next) {
      this.next = this.running.then(() => {
        this.next = undefined;
        return this.moveToDatabase();
      });
      this.running = this.next.catch(() => {});
    }
    return this.next;
  }

  private async moveToDatabase(): Promise<void> {
    this.position ??= (await this.store.journalPosition(this.id)) ?? { segment: 0, offset: 0 };
    const position = this.position;
    for (const n of segments(this.dir).filter((s) => s >= position.segment)) {
      const file = path.join(this.dir, segmentFile(n));
      let offset = n === position.segment ? position.offset : 0;
      // Taken before reading: a segment that was no longer written to then has all its lines in what is read.
      const closed = n !== this.segment;
      const text = await readFrom(file, offset);
      const lines = text.slice(0, text.lastIndexOf('\n') + 1).split('\n').slice(0, -1);
      for (let i = 0; i < lines.length; i += this.options.ingestBatch ?? 1000) {
        const chunk = lines.slice(i, i + (this.options.ingestBatch ?? 1000));
        offset += chunk.reduce((bytes, line) => bytes + Buffer.byteLength(line) + 1, 0);
        await this.store.ingestJournal(this.id, chunk.map((line) => JSON.parse(line) as LogRecord), { segment: n, offset });
        this.position = { segment: n, offset };
      }
      // A segment no one writes to any more is done (a torn last line included).
      if (closed) await fsp.rm(file, { force: true });
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.writing;
    try {
      await this.settle();
    } finally {
      fs.closeSync(this.fd);
      this.unlock();
    }
  }
}

function segments(dir: string): number[] {
  return fs.readdirSync(dir).flatMap((name) => {
    const match = SEGMENT.exec(name);
    return match ? [Number(match[1])] : [];
  }).sort((a, b) => a - b);
}

/** A new file's directory entry is only durable once the directory itself is synced. */
function syncDirectory(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** One write of the whole buffer (O_DSYNC: on disk when it returns); a short write is an error. */
function writeAll(fd: number, data: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    fs.write(fd, data, 0, data.length, null, (error, bytesWritten) => {
      if (error) reject(error);
      else if (bytesWritten !== data.length) reject(new Error(`only ${bytesWritten} of ${data.length} bytes written`));
      else resolve();
    });
  });
}

async function readFrom(file: string, offset: number): Promise<string> {
  const handle = await fsp.open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size <= offset) return '';
    const buffer = Buffer.alloc(size - offset);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}
