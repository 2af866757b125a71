/**
 * A fresh, migrated database per test file: on PostgreSQL when TEST_DATABASE_URL is set (a
 * new database on that server, dropped afterwards), otherwise an in-memory PGlite.
 *
 * Creating a PGlite cluster runs initdb (seconds); so the first test process migrates one and
 * dumps it as a template, and every later one loads that dump.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { DatabaseTarget } from '../../src/platform/db/database.ts';
import { openMigratedDatabase } from '../../src/server.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface TestDatabase {
  target: DatabaseTarget;
  /** Drops the database (PostgreSQL); nothing to do for PGlite. */
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) return createPostgresDatabase(serverUrl);
  return { target: { kind: 'pglite', memory: true, loadDataDir: await pgliteTemplate() }, drop: async () => {} };
}

async function createPostgresDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `opengrond_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    target: { kind: 'postgres', url: url.toString(), poolSize: 5 },
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

function migrationsHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (full.includes(`${path.sep}migrations${path.sep}`) && entry.name.endsWith('.sql')) hash.update(full).update(fs.readFileSync(full));
    }
  };
  walk(path.join(root, 'src'));
  hash.update(JSON.parse(fs.readFileSync(path.join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')).version);
  return hash.digest('hex').slice(0, 16);
}

async function pgliteTemplate(): Promise<Blob> {
  const dir = path.join(root, 'node_modules/.cache/opengrond-test');
  const file = path.join(dir, `pglite-${migrationsHash()}.tar`);
  if (!fs.existsSync(file)) {
    const database = await openMigratedDatabase({ kind: 'pglite', memory: true });
    const dump = await database.pglite!.dumpDataDir('none');
    await database.close();
    fs.mkdirSync(dir, { recursive: true });
    // Written under a temporary name and renamed: parallel test processes never read half a file.
    const tmp = `${file}.${process.pid}`;
    fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(tmp, file);
  }
  return new Blob([fs.readFileSync(file)]);
}
