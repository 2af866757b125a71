/**
 * The transaction log (FSC Logging) of a peer's Inway and Outway. A record must be written
 * before a request is proxied, and the request denied if that fails; so `write` resolves only
 * once the record is stored. Records of concurrent requests are written together in one
 * INSERT (group commit): under load one round trip serves many requests, while a lone request
 * still waits for its own write only.
 */
import type { FscStore, LogRecord } from './store.ts';

export interface TransactionLog {
  write(record: LogRecord): Promise<void>;
}

export class BatchingTransactionLog implements TransactionLog {
  private queue: { record: LogRecord; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private writing = false;

  constructor(
    private readonly store: Pick<FscStore, 'writeLogs'>,
    private readonly maxBatch = 500,
  ) {}

  write(record: LogRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ record, resolve, reject });
      if (!this.writing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.writing = true;
    while (this.queue.length) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        await this.store.writeLogs(batch.map((b) => b.record));
        for (const b of batch) b.resolve();
      } catch (error) {
        for (const b of batch) b.reject(error);
      }
    }
    this.writing = false;
  }
}
