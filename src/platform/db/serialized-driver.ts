import type { CompiledQuery, DatabaseConnection, Driver, TransactionSettings } from 'kysely';

/**
 * Wraps a single-connection driver so that each acquireConnection waits until the previous
 * holder released it (Kysely holds a connection for a whole transaction).
 */
export class SerializedDriver implements Driver {
  #inner: Driver;
  #queue: Promise<void> = Promise.resolve();
  #release: (() => void) | undefined;

  constructor(inner: Driver) {
    this.#inner = inner;
  }

  init() {
    return this.#inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.#queue;
    let release!: () => void;
    this.#queue = new Promise<void>((resolve) => (release = resolve));
    await previous;
    this.#release = release;
    return this.#inner.acquireConnection();
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    await this.#inner.releaseConnection(connection);
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    return this.#inner.beginTransaction(connection, settings);
  }

  commitTransaction(connection: DatabaseConnection) {
    return this.#inner.commitTransaction(connection);
  }

  rollbackTransaction(connection: DatabaseConnection) {
    return this.#inner.rollbackTransaction(connection);
  }

  savepoint(connection: DatabaseConnection, name: string, compileQuery: (node: never, queryId: never) => CompiledQuery) {
    return this.#inner.savepoint!(connection, name, compileQuery as never);
  }

  rollbackToSavepoint(connection: DatabaseConnection, name: string, compileQuery: (node: never, queryId: never) => CompiledQuery) {
    return this.#inner.rollbackToSavepoint!(connection, name, compileQuery as never);
  }

  releaseSavepoint(connection: DatabaseConnection, name: string, compileQuery: (node: never, queryId: never) => CompiledQuery) {
    return this.#inner.releaseSavepoint!(connection, name, compileQuery as never);
  }

  destroy() {
    return this.#inner.destroy();
  }
}
