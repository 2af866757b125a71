/**
 * Bad input gets a clear 4xx problem and leaves nothing behind: each kind, against a real
 * server, checking afterwards that no applicatie, audit record or notification was written.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startTestServer, type TestServer } from '../../helpers/server.ts';

const ROOT = '/autorisaties/api/v1';
let server: TestServer;

async function counts() {
  const db = server.og.database.db;
  const one = async (table: string) => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { applicaties: await one('autorisaties.applicatie'), audit: await one('platform.audittrail'), outbox: await one('platform.outbox') };
}

before(async () => {
  server = await startTestServer();
});
after(() => server.close());

function assertProblem(response: { status: number; headers: Headers; body: any }, status: number, code: string) {
  assert.equal(response.status, status, JSON.stringify(response.body));
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  assert.equal(response.body.status, status);
  assert.equal(response.body.code, code);
  for (const key of ['type', 'title', 'detail', 'instance']) assert.equal(typeof response.body[key], 'string', key);
}

describe('bad input', () => {
  it('rejects every kind with a problem and writes nothing', async () => {
    const before = await counts();
    const post = (body: unknown, headers: Record<string, string> = {}) => server.call('POST', `${ROOT}/applicaties`, { body, headers });

    assertProblem(await post('{"clientIds": ["x"], "label": '), 400, 'parse_error');
    assertProblem(await post('clientIds=x', { 'Content-Type': 'application/x-www-form-urlencoded' }), 415, 'unsupported_media_type');
    assertProblem(await post(JSON.stringify({ clientIds: ['x'], label: 'x'.repeat(2 * 1024 * 1024), heeftAlleAutorisaties: true })), 413, 'payload_too_large');

    const invalidEnum = await post({ clientIds: ['x'], label: 'x', autorisaties: [{ component: 'xyz', scopes: ['a'] }] });
    assertProblem(invalidEnum, 400, 'invalid');
    assert.deepEqual(invalidEnum.body.invalidParams.map((p: any) => [p.name, p.code]), [['autorisaties.0.component', 'invalid_choice']]);

    const invalidUrl = await post({ clientIds: ['x'], label: 'x', autorisaties: [{ component: 'zrc', scopes: ['zaken.lezen'], zaaktype: 'geen url', maxVertrouwelijkheidaanduiding: 'openbaar' }] });
    assertProblem(invalidUrl, 400, 'invalid');
    assert.deepEqual(invalidUrl.body.invalidParams.map((p: any) => [p.name, p.code]), [['autorisaties.0.zaaktype', 'invalid']]);

    const several = await post({ clientIds: 'x', label: '', heeftAlleAutorisaties: 'ja' });
    assertProblem(several, 400, 'invalid');
    assert.deepEqual(several.body.invalidParams.map((p: any) => [p.name, p.code]).sort(), [
      ['clientIds', 'invalid'],
      ['heeftAlleAutorisaties', 'invalid'],
      ['label', 'blank'],
    ]);

    const tooLong = await post({ clientIds: ['y'.repeat(51)], label: 'x', heeftAlleAutorisaties: true });
    assert.deepEqual(tooLong.body.invalidParams.map((p: any) => [p.name, p.code]), [['clientIds.0', 'max_length']]);

    const missing = await post({});
    assert.deepEqual(missing.body.invalidParams.map((p: any) => [p.name, p.code]).sort(), [['clientIds', 'required'], ['label', 'required']]);

    assertProblem(await post(null), 400, 'parse_error');
    assertProblem(await server.call('POST', `${ROOT}/applicaties`), 400, 'parse_error');
    // An empty body is no body, also with Content-Type application/json: an operation needing one refuses it.
    assertProblem(await server.call('POST', `${ROOT}/applicaties`, { headers: { 'Content-Type': 'application/json' } }), 400, 'parse_error');

    const unknownParameter = await server.call('GET', `${ROOT}/applicaties?clientId=x`);
    assertProblem(unknownParameter, 400, 'invalid');
    assert.equal(unknownParameter.body.invalidParams[0].code, 'unknown-parameters');
    const badPage = await server.call('GET', `${ROOT}/applicaties?page=twee`);
    assert.deepEqual(badPage.body.invalidParams.map((p: any) => [p.name, p.code]), [['page', 'invalid']]);
    const badUuid = await server.call('GET', `${ROOT}/applicaties/123`);
    assert.deepEqual(badUuid.body.invalidParams.map((p: any) => [p.name, p.code]), [['uuid', 'invalid']]);

    assertProblem(await server.call('GET', `${ROOT}/applicaties/`), 404, 'not_found');
    assertProblem(await server.call('GET', `/onbekend`), 404, 'not_found');

    assert.deepEqual(await counts(), before);
  });

  it('rolls back the whole mutation when a later step fails', async () => {
    const before = await counts();
    // The outbox insert fails inside the transaction: the applicatie and its audit record must go too.
    await sql`ALTER TABLE platform.outbox ADD CONSTRAINT test_refuse CHECK (kanaal <> 'autorisaties') NOT VALID`.execute(server.og.database.db);
    try {
      const response = await server.call('POST', `${ROOT}/applicaties`, { body: { clientIds: ['rollback'], label: 'x', heeftAlleAutorisaties: true } });
      assertProblem(response, 500, 'error');
      assert.deepEqual(await counts(), before);
    } finally {
      await server.og.database.db.schema.alterTable('platform.outbox').dropConstraint('test_refuse').execute();
    }
  });

  it('serves CORS preflights for browser clients', async () => {
    const response = await fetch(`${server.baseUrl}${ROOT}/applicaties`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://app.gemeente.nl', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    assert.equal(response.status, 204);
    assert.ok(response.headers.get('access-control-allow-origin'));
    assert.match(response.headers.get('access-control-allow-headers') ?? '', /Authorization/i);
  });
});
