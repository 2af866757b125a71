import type { CompiledQuery, DatabaseConnection, Driver, QueryResult, TransactionSettings } from 'kysely';

/**
 * Wraps a Kysely driver to learn when a write of interest has committed: `onCommit` is called
 * after the COMMIT of a transaction in which a statement matched `watch` (or right after such a
 * statement outside a transaction). Used to wake the Notificaties workers after an outbox write
 * (src/platform/events/outbox-wake.ts) without a NOTIFY inside the transaction: PostgreSQL
 * commits NOTIFYing transactions one at a time, which capped every mutation at one disk sync.
 */
export class CommitWatchingDriver implements Driver {
  readonly #inner: Driver;
  readonly #watch: (sql: string) => boolean;
  readonly #onCommit: () => void;

  constructor(inner: Driver, watch: (sql: string) => boolean, onCommit: () => void) {
    this.#inner = inner;
    this.#watch = watch;
    this.#onCommit = onCommit;
  }

  init() {
    return this.#inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new WatchedConnection(await this.#inner.acquireConnection(), this.#watch, this.#onCommit);
  }

  releaseConnection(connection: DatabaseConnection) {
    return this.#inner.releaseConnection(inner(connection));
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    await this.#inner.beginTransaction(inner(connection), settings);
    (connection as WatchedConnection).begin();
  }

  async commitTransaction(connection: DatabaseConnection) {
    await this.#inner.commitTransaction(inner(connection));
    (connection as WatchedConnection).end(true);
  }

  async rollbackTransaction(connection: DatabaseConnection) {
    try {
      await this.#inner.rollbackTransaction(inner(connection));
    } finally {
      (connection as WatchedConnection).end(false);
    }
  }

  // A rolled-back savepoint may have held the watched write: then one wake-up too many, which costs a look, not an event.
  savepoint(connection: DatabaseConnection, name: string, compileQuery: (node: never, queryId: never) => CompiledQuery) {
    return this.#inner.savepoint!(inner(connection), name, compileQuery as never);
  }

  rollbackToSavepoint(connection: DatabaseConnection, name: string, compileQuery: (node: never, queryId: never) => CompiledQuery) {
    return this.#inner.rollbackToSavepoint!(inner(connection), name, compileQuery as never);
  }

  releaseSavepoint(connection: DatabaseConnection, name: string, compileQuery: (node: never, queryId: never) => CompiledQuery) {
    return this.#inner.releaseSavepoint!(inner(connection), name, compileQuery as never);
  }

  destroy() {
    return this.#inner.destroy();
  }
}

const inner = (connection: DatabaseConnection) => (connection as WatchedConnection).inner;

class WatchedConnection implements DatabaseConnection {
  #inTransaction = false;
  #written = false;

  constructor(
    readonly inner: DatabaseConnection,
    private readonly watch: (sql: string) => boolean,
    private readonly onCommit: () => void,
  ) {}

  begin() {
    this.#inTransaction = true;
    this.#written = false;
  }

  end(committed: boolean) {
    const written = this.#written;
    this.#inTransaction = false;
    this.#written = false;
    if (committed && written) this.onCommit();
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.inner.executeQuery<R>(query);
    if (this.watch(query.sql)) {
      if (this.#inTransaction) this.#written = true;
      else this.onCommit();
    }
    return result;
  }

  streamQuery<R>(query: CompiledQuery, chunkSize: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}
