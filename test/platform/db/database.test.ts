import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../../../src/platform/db/database.ts';
import { migrate } from '../../../src/platform/db/migrate.ts';
import { openMigratedDatabase, PLATFORM_MIGRATIONS } from '../../../src/server.ts';
import { createTestDatabase } from '../../helpers/database.ts';

describe('database', () => {
  it('runs transactions one after another on the single PGlite connection', async () => {
    const { target, drop } = await createTestDatabase();
    const database = await openMigratedDatabase(target);
    try {
      await sql`CREATE TABLE platform.test_counter (n integer NOT NULL)`.execute(database.db);
      await sql`INSERT INTO platform.test_counter VALUES (0)`.execute(database.db);
      // Read-modify-write in 20 concurrent transactions, plus plain queries in between: no lost update.
      await Promise.all(
        Array.from({ length: 20 }, async () => {
          await database.db.transaction().execute(async (tx) => {
            const { rows } = await sql<{ n: number }>`SELECT n FROM platform.test_counter FOR UPDATE`.execute(tx);
            await new Promise((resolve) => setTimeout(resolve, 1));
            await sql`UPDATE platform.test_counter SET n = ${rows[0]!.n + 1}`.execute(tx);
          });
          await sql`SELECT 1`.execute(database.db);
        }),
      );
      const { rows } = await sql<{ n: number }>`SELECT n FROM platform.test_counter`.execute(database.db);
      assert.equal(rows[0]!.n, 20);
      // A failed transaction leaves nothing behind and does not poison the connection.
      await assert.rejects(
        database.db.transaction().execute(async (tx) => {
          await sql`UPDATE platform.test_counter SET n = 99`.execute(tx);
          throw new Error('boom');
        }),
      );
      assert.equal((await sql<{ n: number }>`SELECT n FROM platform.test_counter`.execute(database.db)).rows[0]!.n, 20);
    } finally {
      await database.close();
      await drop();
    }
  });

  it('applies migrations once, also when started concurrently', async () => {
    const { target, drop } = await createTestDatabase();
    const database = await openDatabase(target);
    try {
      const files = fs.readdirSync(new URL('../../../src/platform/migrations/', import.meta.url));
      const results = await Promise.all([migrate(database, [PLATFORM_MIGRATIONS]), migrate(database, [PLATFORM_MIGRATIONS])]);
      // An empty PostgreSQL database gets each migration once; the PGlite template already has them.
      const applied = results.flat();
      assert.deepEqual(applied, database.kind === 'postgres' ? files.map((f) => `platform/${f}`) : []);
      assert.deepEqual(await migrate(database, [PLATFORM_MIGRATIONS]), []);
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM platform.schema_migrations WHERE owner = 'platform'`.execute(database.db);
      assert.equal(rows[0]!.n, files.length);
    } finally {
      await database.close();
      await drop();
    }
  });

  it('locks an embedded data directory against a second process and keeps data across restarts', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opengrond-lock-'));
    try {
      const first = await openMigratedDatabase({ kind: 'pglite', dataDir });
      await assert.rejects(openDatabase({ kind: 'pglite', dataDir }), /in use by process/);
      await sql`CREATE TABLE platform.kept (v text)`.execute(first.db);
      await sql`INSERT INTO platform.kept VALUES ('bewaard')`.execute(first.db);
      await first.close();
      assert.equal(fs.existsSync(path.join(dataDir, 'opengrond.lock')), false);

      // A lock left by a process that died is taken over.
      fs.writeFileSync(path.join(dataDir, 'opengrond.lock'), '999999999');
      const second = await openDatabase({ kind: 'pglite', dataDir });
      const { rows } = await sql<{ v: string }>`SELECT v FROM platform.kept`.execute(second.db);
      assert.deepEqual(rows, [{ v: 'bewaard' }]);
      await second.close();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
