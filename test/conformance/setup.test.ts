/** The pieces a run is set up from: fixture clients, the environment, database URLs, the report table. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clientsFromFixture } from '../../src/conformance/clients.ts';
import { buildEnvironment } from '../../src/conformance/environment.ts';
import { conformanceDatabaseName, databaseUrl, isPostgresUrl, prepareDatabase, redactUrl } from '../../src/conformance/database.ts';
import { buildReport, formatTable } from '../../src/conformance/report.ts';
import { emptyFolderResult } from '../../src/conformance/attribution.ts';
import type { ComponentRun } from '../../src/conformance/run.ts';
import { readJson, suitePaths, type PostmanEnvironment } from '../../src/conformance/suite.ts';

test('the clients come from the suite fixture: zgw_api_tests with all rights, zgw_api_tests_limited with none', () => {
  const clients = clientsFromFixture(readJson(suitePaths().fixtureAc));
  const byId = Object.fromEntries(clients.map((c) => [c.clientId, c]));
  assert.deepEqual(byId.zgw_api_tests, { clientId: 'zgw_api_tests', secret: 'secret', label: 'zgw api tests', heeftAlleAutorisaties: true });
  assert.deepEqual(byId.zgw_api_tests_limited, { clientId: 'zgw_api_tests_limited', secret: 'secret_limited' });
});

test('the environment points every API root at the server and mock_url at the mocks', () => {
  const env = buildEnvironment(readJson<PostmanEnvironment>(suitePaths().environment), 'http://127.0.0.1:8123/', 'http://127.0.0.1:9000');
  const value = (key: string) => env.values.find((v) => v.key === key)?.value;
  assert.equal(value('zrc_url'), 'http://127.0.0.1:8123/zaken/api/v1');
  assert.equal(value('drc_url'), 'http://127.0.0.1:8123/documenten/api/v1');
  assert.equal(value('ztc_url'), 'http://127.0.0.1:8123/catalogi/api/v1');
  assert.equal(value('brc_url'), 'http://127.0.0.1:8123/besluiten/api/v1');
  assert.equal(value('nrc_url'), 'http://127.0.0.1:8123/notificaties/api/v1');
  assert.equal(value('ac_url'), 'http://127.0.0.1:8123/autorisaties/api/v1');
  assert.equal(value('referentielijst_url'), 'http://127.0.0.1:8123/referentielijsten/api/v1');
  assert.equal(value('mock_url'), 'http://127.0.0.1:9000');
  assert.equal(value('client_id'), 'zgw_api_tests');
  assert.equal(value('secret_limited'), 'secret_limited');
});

test('database URLs: the run database sits next to the given one; passwords are not printed', () => {
  assert.equal(isPostgresUrl('postgres://postgres@127.0.0.1:5432/postgres'), true);
  assert.equal(isPostgresUrl('postgresql://x@h/db'), true);
  assert.equal(isPostgresUrl('memory'), false);
  assert.equal(databaseUrl('postgres://u:p@127.0.0.1:5432/postgres', 'opengrond_conformance_1'), 'postgres://u:p@127.0.0.1:5432/opengrond_conformance_1');
  assert.equal(databaseUrl('postgres://u@h/postgres?sslmode=require', 'x'), 'postgres://u@h/x?sslmode=require');
  assert.equal(redactUrl('postgres://u:secret@h:5432/db'), 'postgres://u:***@h:5432/db');
  assert.equal(conformanceDatabaseName(42), 'opengrond_conformance_42');
});

test('--memory, or --database memory, needs no PostgreSQL; a non-URL is refused', async () => {
  assert.deepEqual(await prepareDatabase({ memory: true, env: { DATABASE_URL: 'postgres://x@127.0.0.1:1/x' } }), { kind: 'pglite' });
  assert.deepEqual(await prepareDatabase({ database: 'memory', env: {} }), { kind: 'pglite' });
  await assert.rejects(prepareDatabase({ database: 'mysql://x', env: {} }), /postgres:\/\/ URL/);
});

test('the table ends with the totals line', () => {
  const folders = new Map([
    ['ac:setUp', { ...emptyFolderResult(), requests: 8, failed: 1 }],
    ['ac-001', { ...emptyFolderResult(), requests: 3, passed: 2, failed: 1 }],
    ['ac-002', emptyFolderResult()],
  ]);
  const run: ComponentRun = { component: 'ac', folders, order: [...folders.keys()], durationMs: 1234, exits: [] };
  const table = formatTable([run]);
  assert.match(table, /^ {2}ac-002 +0 +0 {2}\(not run\)$/m);
  assert.match(table, /^ac total +2 +2/m);
  assert.equal(table.split('\n').at(-1), '2 assertions passed, 2 failed');
  const report = buildReport([run], new Date('2025-01-01T00:00:00Z'), 'pglite');
  assert.deepEqual(report.total, { passed: 2, failed: 2 });
  assert.deepEqual(Object.keys(report.folders), ['ac:setUp', 'ac-001', 'ac-002']);
  assert.equal(report.startedAt, '2025-01-01T00:00:00.000Z');
  assert.equal(report.database, 'pglite');
});
