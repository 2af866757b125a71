/**
 * `opengrond notificaties list|show|retry` as an operator runs them, on a database holding a
 * dead delivery (on PostgreSQL with TEST_DATABASE_URL, else an embedded data directory).
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildOpenGrond } from '../../../src/server.ts';
import { createTestDatabase } from '../../helpers/database.ts';
import { startWebhookReceiver } from '../../helpers/webhook-receiver.ts';
import { ADMIN } from '../../helpers/server.ts';
import { SignJWT } from 'jose';

const BIN = new URL('../../../bin/opengrond.js', import.meta.url).pathname;
const run = promisify(execFile);

it('lists, shows and retries dead deliveries from the command line', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opengrond-nrc-cli-'));
  const postgres = process.env.TEST_DATABASE_URL ? await createTestDatabase() : undefined;
  const dataDir = path.join(dir, 'data');
  const target = postgres?.target ?? { kind: 'pglite' as const, dataDir };
  const databaseArgs = target.kind === 'postgres' ? ['--database', target.url] : ['--data-dir', dataDir];
  const receiver = await startWebhookReceiver();
  try {
    const og = await buildOpenGrond({
      database: target,
      clients: [{ ...ADMIN, heeftAlleAutorisaties: true }],
      notificaties: { allowLoopbackCallbacks: true, maxAttempts: 1, pollSeconds: 0.1 },
    });
    const base = await og.app.listen({ port: 0, host: '127.0.0.1' });
    const token = await new SignJWT({ client_id: ADMIN.clientId }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().sign(new TextEncoder().encode(ADMIN.secret));
    const call = async (method: string, url: string, body: unknown) =>
      (await fetch(`${base}${url}`, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).status;
    assert.equal(await call('POST', '/notificaties/api/v1/abonnement', { callbackUrl: receiver.url, auth: 'Bearer x', kanalen: [{ naam: 'besluiten' }] }), 201);
    receiver.respond = () => ({ status: 500 });
    assert.equal(
      await call('POST', '/notificaties/api/v1/notificaties', { kanaal: 'besluiten', hoofdObject: 'https://brc.example/besluiten/1', resource: 'besluit', resourceUrl: 'https://brc.example/besluiten/1', actie: 'create', aanmaakdatum: new Date().toISOString() }),
      200,
    );
    const deadline = Date.now() + 10_000;
    while (receiver.requests.filter((r) => r.body.kanaal === 'besluiten').length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await og.close();

    const list = await run(process.execPath, [BIN, 'notificaties', 'list', '--status', 'dead', ...databaseArgs]);
    const id = /^\s*(\d+)\s+dead\s+1×\s+besluiten besluit create\s+→ http:\/\/127\.0\.0\.1:\d+\/callback\s+\(HTTP 500\)/m.exec(list.stdout)?.[1];
    assert.ok(id, list.stdout);
    const shown = JSON.parse((await run(process.execPath, [BIN, 'notificaties', 'show', id, ...databaseArgs])).stdout);
    assert.deepEqual([shown.status, shown.pogingen.map((p: { statusCode: number }) => p.statusCode)], ['dead', [500]]);
    assert.match((await run(process.execPath, [BIN, 'notificaties', 'retry', '--dead', ...databaseArgs])).stdout, /^1 levering\(en\) opnieuw aangeboden/);
    assert.equal(JSON.parse((await run(process.execPath, [BIN, 'notificaties', 'show', id, ...databaseArgs])).stdout).status, 'pending');
    await assert.rejects(run(process.execPath, [BIN, 'notificaties', 'retry', ...databaseArgs]), /--dead/);
  } finally {
    await receiver.close();
    await postgres?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
