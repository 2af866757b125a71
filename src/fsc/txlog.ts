/**
 * The transaction log (FSC Logging) of a peer's Inway and Outway. A record must be written
 * before a request is proxied, and the request denied if that fails; so `write` resolves only
 * once the record is committed (durably: synchronous commit stays on). That commit is most of
 * what the hop costs, so records of concurrent requests are written together (group commit):
 * each batch is one INSERT in its own transaction, and up to `maxInFlight` batches commit at
 * the same time on different connections, so a request that arrives while a batch is being
 * committed does not wait for it but starts the next one (PostgreSQL flushes the WAL of
 * concurrent commits together). A lone request waits for its own write only. (The other
 * implementation, src/fsc/journal.ts, writes to a local journal first.)
 */
import type { FscStore, LogRecord } from './store.ts';

export interface TransactionLog {
  /** Resolves once the record is durable; the request may go on only then. */
  write(record: LogRecord): Promise<void>;
  /** Resolves once every record written before the call can be read from the store (GET /logs); for a log that writes to the store directly, nothing to wait for. */
  settle?(): Promise<void>;
  close?(): Promise<void>;
}

interface Pending {
  record: LogRecord;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class BatchingTransactionLog implements TransactionLog {
  private queue: Pending[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly store: Pick<FscStore, 'writeLogs'>,
    private readonly options: { maxBatch?: number; maxInFlight?: number } = {},
  ) {}

  write(record: LogRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ record, resolve, reject });
      this.next();
    });
  }

  /**
   * Starts a batch of what is queued, unless enough batches are committing already. With
   * nothing committing it starts at once; otherwise at the end of this turn of the event loop,
   * so that the records of requests that arrived together share one batch.
   */
  private next(): void {
    if (!this.queue.length || this.inFlight >= (this.options.maxInFlight ?? 4)) return;
    if (this.inFlight === 0) return this.flush();
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (this.queue.length && this.inFlight < (this.options.maxInFlight ?? 4)) this.flush();
    });
  }

  private flush(): void {
    const batch = this.queue.splice(0, this.options.maxBatch ?? 500);
    this.inFlight++;
    this.store.writeLogs(batch.map((b) => b.record)).then(
      () => batch.forEach((b) => b.resolve()),
      (error: unknown) => batch.forEach((b) => b.reject(error)),
    ).finally(() => {
      this.inFlight--;
      this.next();
    });
  }
}
