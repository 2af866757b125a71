/**
 * One database handle for every component: Kysely on either the embedded PGlite (PostgreSQL
 * compiled to WebAssembly, persisted in a data directory or kept in memory) or a real
 * PostgreSQL server over `pg`. Both speak the same SQL, so components and migrations are
 * written once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CompiledQuery, Kysely, PGliteDialect, PostgresDialect, sql, type Driver, type Transaction } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { SerializedDriver } from './serialized-driver.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { CommitWatchingDriver } from './commit-watch.ts';
import { isOutboxWrite, OUTBOX_WAKE_SQL, outboxWaker } from '../events/outbox-wake.ts';

/** Kysely typed loosely: each component types its own rows in its repository. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Db = Kysely<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Tx = Transaction<any>;

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string }
  /** In memory; `loadDataDir` starts from a dump (`dumpDataDir`) instead of an empty cluster. */
  | { kind: 'pglite'; memory: true; loadDataDir?: Blob };

export interface ScriptSession {
  /** Runs a multi-statement SQL script in one transaction. */
  execScript(script: string): Promise<void>;
  query<R>(text: string, params?: unknown[]): Promise<R[]>;
}

/** Any number; it only has to be the same in every process that migrates this database. */
const MIGRATION_LOCK_KEY = 4_207_411;

export interface Database {
  readonly kind: 'postgres' | 'pglite';
  readonly db: Db;
  /** The embedded engine, for PGlite-only operations such as dumping a data directory. */
  readonly pglite?: PGlite;
  /**
   * Runs `fn` while holding the migration lock: a PostgreSQL advisory lock, so that several
   * processes starting together on one database migrate once; PGlite has one process anyway.
   */
  withMigrationSession<T>(fn: (session: ScriptSession) => Promise<T>): Promise<T>;
  /**
   * Calls `onNotify` with the payload of every NOTIFY on `channel`, which committed
   * transactions of any process on this database send (`SELECT pg_notify(channel, payload)`).
   * Resolves once listening; the function it resolves to stops listening. A lost connection is
   * re-established, and `onNotify` called then without a payload, since notifications may have
   * been missed meanwhile.
   */
  listen(channel: string, onNotify: (payload?: string) => void): Promise<() => Promise<void>>;
  /**
   * Runs one statement on its own (autocommit), on PostgreSQL as a named prepared statement:
   * parsed and planned once per connection instead of on every call. For the few statements a
   * request waits on every time (the FSC transaction log record), where that is a measurable
   * part of the request. `name` must stand for this `text` only, in the whole process.
   */
  execPrepared(name: string, text: string, params: unknown[]): Promise<void>;
  close(): Promise<void>;
}

// PostgreSQL type OIDs whose default JS mapping we change, the same way on both drivers:
// `date` stays the ISO string the ZGW APIs exchange (no time-zone shift through Date), and
// `int8` (count(*)) becomes a number.
const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === 'postgres' ? openPostgres(target.url, target.poolSize) : openPGlite(target);
}

/** Every driver wakes the Notificaties workers once an outbox write has committed (events/outbox-wake.ts). */
const wakingOnOutbox = (driver: Driver, wake: () => void) => new CommitWatchingDriver(driver, isOutboxWrite, wake);

/**
 * PGlite is a single connection, and Kysely's PGlite driver does not queue its callers: two
 * concurrent requests would share (and corrupt) one transaction. This dialect hands the
 * connection to one caller at a time.
 */
class SerializedPGliteDialect extends PGliteDialect {
  constructor(
    config: ConstructorParameters<typeof PGliteDialect>[0],
    private readonly wake: () => void,
  ) {
    super(config);
  }

  override createDriver() {
    return wakingOnOutbox(new SerializedDriver(super.createDriver()), this.wake);
  }
}

class WakingPostgresDialect extends PostgresDialect {
  constructor(
    config: ConstructorParameters<typeof PostgresDialect>[0],
    private readonly wake: () => void,
  ) {
    super(config);
  }

  override createDriver() {
    return wakingOnOutbox(super.createDriver(), this.wake);
  }
}

function openPostgres(url: string, poolSize = 10): Database {
  const types = {
    getTypeParser(oid: number, format?: string) {
      if (oid === DATE_OID) return (v: string) => v;
      if (oid === INT8_OID || oid === NUMERIC_OID) return (v: string) => Number(v);
      return pg.types.getTypeParser(oid, format as 'text');
    },
  };
  // JIT compilation pays off for long analytical queries; for short statements on tables the
  // planner has no statistics for yet (a new deployment) it estimated high and took ~100 ms each.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types, options: '-c jit=off' });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const db: Db = new Kysely({ dialect: new WakingPostgresDialect({ pool }, outboxWaker(() => pool.query(OUTBOX_WAKE_SQL))) });
  return {
    kind: 'postgres',
    db,
    async withMigrationSession(fn) {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        return await fn({
          async execScript(script) {
            try {
              await client.query('BEGIN');
              await client.query(script);
              await client.query('COMMIT');
            } catch (error) {
              await client.query('ROLLBACK').catch(() => {});
              throw error;
            }
          },
          query: async (text, params) => (await client.query(text, params)).rows,
        });
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
        client.release();
      }
    },
    listen: (channel, onNotify) => listenPostgres(url, channel, onNotify),
    execPrepared: async (name, text, params) => void (await pool.query({ name, text, values: params })),
    close: () => db.destroy(),
  };
}

/** LISTEN needs a session of its own: a client outside the pool, reconnected when it drops. */
async function listenPostgres(url: string, channel: string, onNotify: (payload?: string) => void): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (message) => message.channel === channel && onNotify(message.payload));
    c.on('error', reconnect);
    c.on('end', reconnect);
    await c.connect();
    await c.query(`LISTEN ${c.escapeIdentifier(channel)}`);
    client = c;
  };
  function reconnect() {
    if (stopped || retry) return;
    const lost = client;
    client = undefined;
    lost?.end().catch(() => {});
    retry = setTimeout(() => {
      retry = undefined;
      connect().then(() => onNotify(), reconnect);
    }, 1000);
  }
  try {
    await connect();
  } catch (error) {
    stopped = true;
    clearTimeout(retry);
    throw error;
  }
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => {});
  };
}

async function openPGlite(target: { dataDir: string } | { memory: true; loadDataDir?: Blob }): Promise<Database> {
  let unlock = () => {};
  let dataDir: string | undefined;
  if ('dataDir' in target) {
    dataDir = path.resolve(target.dataDir);
    fs.mkdirSync(dataDir, { recursive: true });
    unlock = lockDataDir(dataDir);
  }
  try {
    const parsers = { [DATE_OID]: (v: string) => v, [INT8_OID]: (v: string) => Number(v), [NUMERIC_OID]: (v: string) => Number(v) };
    const loadDataDir = 'loadDataDir' in target ? target.loadDataDir : undefined;
    const pglite = await PGlite.create(dataDir ? path.join(dataDir, 'pgdata') : undefined, { parsers, loadDataDir });
    const db: Db = new Kysely({ dialect: new SerializedPGliteDialect({ pglite }, outboxWaker(() => sql.raw(OUTBOX_WAKE_SQL).execute(db))) });
    return {
      kind: 'pglite',
      db,
      pglite,
      withMigrationSession(fn) {
        // Holding Kysely's (only) connection queues every other caller behind the migrations.
        return db.connection().execute(() =>
          fn({
            execScript: (script) => pglite.transaction(async (tx) => void (await tx.exec(script))),
            query: async (text, params) => (await pglite.query(text, params)).rows as never,
          }),
        );
      },
      async listen(channel, onNotify) {
        // Through Kysely's (only) connection, so LISTEN never lands inside another caller's transaction.
        const unlisten = await db.connection().execute(() => pglite.listen(channel, (payload) => onNotify(payload)));
        return () => db.connection().execute(() => unlisten());
      },
      // Through Kysely, whose driver hands the one connection to one caller at a time.
      execPrepared: async (_name, text, params) => void (await db.executeQuery(CompiledQuery.raw(text, params))),
      async close() {
        await db.destroy();
        if (!pglite.closed) await pglite.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}
