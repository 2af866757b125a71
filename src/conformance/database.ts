/**
 * The database a conformance run uses. Given a PostgreSQL server (`--database URL` or
 * `$DATABASE_URL`), the run gets a fresh database `opengrond_conformance_<pid>` on it, created
 * through the given URL and dropped afterwards (also on failure and Ctrl-C). Given nothing,
 * the local server at `postgres://postgres@127.0.0.1:5432/postgres` is tried; if it cannot be
 * used, the run falls back to the embedded in-memory database with a warning. The role needs
 * CREATEDB (or superuser); the runner itself needs no root.
 *
 * Passwords: `pg` takes one from the URL, else from `$PGPASSWORD`, else from `~/.pgpass`.
 *
 * On the development machines (Debian, PostgreSQL 15, `pg_ctlcluster 15 main start` as root),
 * /etc/postgresql/15/main/pg_hba.conf allows
 *   - Unix socket (/var/run/postgresql): `peer` only: the OS user must equal the role, so
 *     only the `postgres` OS user gets in as `postgres`;
 *   - TCP 127.0.0.1 / ::1: `scram-sha-256`: a password is required.
 * A fresh cluster's `postgres` role has no password, so TCP logins fail ("SASL: ... client
 * password must be a string"). Give it one, once:
 *     su postgres -c "psql -c \"ALTER ROLE postgres PASSWORD 'postgres'\""
 * and run with `PGPASSWORD=postgres npm run conformance` or
 * `--database postgres://postgres:postgres@127.0.0.1:5432/postgres`. (A socket URL,
 * `postgres:///postgres?host=/var/run/postgresql`, works for an OS user with a role of the
 * same name.)
 */
import pg from 'pg';

export const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export type RunDatabase =
  | {
      kind: 'postgres';
      /** URL of the fresh database, for the server. */
      url: string;
      /** URL the database was created through (without password, for printing). */
      display: string;
      name: string;
      drop(): Promise<void>;
    }
  | { kind: 'pglite'; warning?: string };

export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value);
}

/** `postgres://u:p@h/postgres` → `postgres://u:p@h/<name>`, keeping the query (`?host=/socket`, `sslmode`). */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function redactUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return value.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
  }
}

export function conformanceDatabaseName(pid = process.pid): string {
  return `opengrond_conformance_${pid}`;
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on('error', () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, async (client) => {
    try {
      // PostgreSQL 13+: also ends connections a crashed server may have left behind.
      await client.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
    } catch (error) {
      if ((error as { code?: string }).code !== '42601') throw error; // syntax error: older server
      await client.query(`DROP DATABASE IF EXISTS ${quote(name)}`);
    }
  });
}

/** Creates (replacing a leftover of the same name) a fresh database on the server at `serverUrl`. */
export async function createFreshDatabase(serverUrl: string, name = conformanceDatabaseName()): Promise<RunDatabase & { kind: 'postgres' }> {
  await dropDatabase(serverUrl, name);
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${quote(name)}`));
  let dropped = false;
  return {
    kind: 'postgres',
    url: databaseUrl(serverUrl, name),
    display: redactUrl(databaseUrl(serverUrl, name)),
    name,
    async drop() {
      if (dropped) return;
      dropped = true;
      await dropDatabase(serverUrl, name);
    },
  };
}

export interface DatabaseChoice {
  /** `--database`; `memory` (or `pglite`) asks for the embedded database. */
  database?: string;
  memory?: boolean;
  env?: NodeJS.ProcessEnv;
}

export async function prepareDatabase(choice: DatabaseChoice): Promise<RunDatabase> {
  const given = choice.database ?? choice.env?.DATABASE_URL;
  if (choice.memory || given === 'memory' || given === 'pglite') return { kind: 'pglite' };
  if (given) {
    if (!isPostgresUrl(given)) throw new Error(`--database must be a postgres:// URL (or "memory"), got "${redactUrl(given)}"`);
    try {
      return await createFreshDatabase(given);
    } catch (error) {
      throw new Error(`cannot create the run's database on ${redactUrl(given)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  try {
    return await createFreshDatabase(DEFAULT_SERVER_URL);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      kind: 'pglite',
      warning:
        `PostgreSQL at ${DEFAULT_SERVER_URL} is not usable (${reason}); running on the embedded in-memory database instead. ` +
        'Pass --database postgres://USER:PASSWORD@HOST:PORT/postgres, set DATABASE_URL, or set PGPASSWORD.',
    };
  }
}
