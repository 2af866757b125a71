/**
 * The kept counts of zaken per zaaktype and vertrouwelijkheid (migration 004, zaak-aantallen.ts)
 * follow every insert, update and delete of the zaak table, survive compaction, and give the
 * same `count` as counting the zaken.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { Database } from '../../../src/platform/db/database.ts';
import { openMigratedDatabase } from '../../../src/server.ts';
import { Authorization } from '../../../src/platform/auth/authorization.ts';
import { compactAantallen, countAuthorisedZaken } from '../../../src/components/zaken/zaak-aantallen.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { insertZaak } from './life-cycle-fixtures.ts';

const API_ROOT = 'http://localhost/zaken/api/v1';
const A = '/catalogi/api/v1/zaaktypen/00000000-0000-4000-8000-00000000000a';
const B = '/catalogi/api/v1/zaaktypen/00000000-0000-4000-8000-00000000000b';
let testDatabase: TestDatabase;
let database: Database;

before(async () => {
  testDatabase = await createTestDatabase();
  database = await openMigratedDatabase(testDatabase.target);
});
after(async () => {
  await database.close();
  await testDatabase.drop();
});

async function kept(): Promise<Record<string, number>> {
  const { rows } = await sql<{ key: string; n: number }>`SELECT zaaktype || ':' || vertrouwelijkheid_rank AS key, sum(aantal)::int AS n FROM zaken.zaak_aantal GROUP BY 1 HAVING sum(aantal) <> 0`.execute(database.db);
  return Object.fromEntries(rows.map((r) => [r.key, r.n]));
}
async function counted(): Promise<Record<string, number>> {
  const { rows } = await sql<{ key: string; n: number }>`SELECT zaaktype || ':' || vertrouwelijkheid_rank AS key, count(*)::int AS n FROM zaken.zaak GROUP BY 1`.execute(database.db);
  return Object.fromEntries(rows.map((r) => [r.key, r.n]));
}

test('the kept counts follow inserts, updates (zaaktype, vertrouwelijkheid) and deletes, before and after compaction', async () => {
  const zaken = [];
  for (const [zaaktype, v] of [[A, 'openbaar'], [A, 'openbaar'], [A, 'geheim'], [B, 'intern'], [B, 'openbaar']] as const) zaken.push(await insertZaak(database, API_ROOT, zaaktype, { vertrouwelijkheidaanduiding: v }));
  assert.deepEqual(await kept(), await counted());
  await database.db.updateTable('zaken.zaak').set({ vertrouwelijkheid_rank: 3 }).where('id', '=', zaken[0]!.id).execute();
  await database.db.updateTable('zaken.zaak').set({ zaaktype: B }).where('id', '=', zaken[1]!.id).execute();
  await database.db.updateTable('zaken.zaak').set({ omschrijving: 'anders' }).execute();
  await database.db.deleteFrom('zaken.zaak').where('id', '=', zaken[4]!.id).execute();
  assert.deepEqual(await kept(), await counted());
  await compactAantallen(database.db);
  assert.deepEqual(await kept(), await counted());
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM zaken.zaak_aantal`.execute(database.db);
  assert.equal(rows[0]!.n, Object.keys(await counted()).length, 'one row per zaaktype and vertrouwelijkheid after compaction');
});

test('a client count is the sum over its grants, as counting its zaken gives', async () => {
  const auth = new Authorization({ clientId: 'c', userId: '', userRepresentation: '', rights: { heeftAlleAutorisaties: false, autorisaties: [{ component: 'zrc', scopes: ['zaken.lezen'], zaaktype: `http://localhost${A}`, maxVertrouwelijkheidaanduiding: 'zaakvertrouwelijk' }] } });
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM zaken.zaak WHERE zaaktype = ${A} AND vertrouwelijkheid_rank <= 3`.execute(database.db);
  assert.equal(await countAuthorisedZaken(database.db, auth, 'zaken.lezen', API_ROOT), rows[0]!.n);
});
