import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildOpenGrond } from '../../src/server.ts';
import { seedDemo } from '../../src/seed.ts';
import { SignJWT } from 'jose';
import { createTestDatabase } from '../helpers/database.ts';
import { PRACTICE_SERVICES, startPracticeGroup } from '../../src/fsc/practice.ts';
import { PeerClient } from '../../src/fsc/peer-client.ts';

test('practice environment: a ZGW call travels outway → inway → Zaken API and is in both logs; every published API has its grant', async () => {
  const testDb = await createTestDatabase();
  const server = await buildOpenGrond({ database: testDb.target, components: ['autorisaties', 'catalogi', 'zaken'], notificaties: { delivery: false } });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(server.app.server.address() as { port: number }).port}`;
  const group = await startPracticeGroup({ zgwBaseUrl: base });
  try {
    const demo = await seedDemo(server, { baseUrl: base });
    const jwt = await new SignJWT({ client_id: demo.clientId, user_id: 'demo', user_representation: 'Demo' }).setProtectedHeader({ alg: 'HS256' }).setIssuer(demo.clientId).setIssuedAt().sign(new TextEncoder().encode(demo.secret));
    const res = await fetch(`${group.uitvaart.outwayAddress}/zaken/api/v1/zaken`, { headers: { 'fsc-grant-hash': group.grantHash, authorization: `Bearer ${jwt}`, 'accept-crs': 'EPSG:4326' } });
    assert.equal(res.status, 200, await res.clone().text());
    assert.ok(Array.isArray(((await res.json()) as { results: unknown }).results));
    const transactionId = res.headers.get('fsc-transaction-id')!;
    const client = new PeerClient(group.uitvaart.manager.options.credentials);
    for (const peer of [group.gemeente, group.uitvaart]) {
      const logs = (await client.request(`${peer.managerAddress}/v1/logs?transaction_ids=${transactionId}`)).json<{ records: { service_name: string }[] }>();
      assert.equal(logs.records.length, 1);
      assert.equal(logs.records[0].service_name, 'zaken');
    }
    const services = (await client.request(`${group.gemeente.managerAddress}/v1/services`)).json<{ services: { data: { name: string } }[] }>();
    assert.deepEqual(services.services.map((s) => s.data.name).sort(), [...PRACTICE_SERVICES].sort());
    // Every service has its own grant in the one contract: the Catalogi API through its grant.
    const catalogi = await fetch(`${group.uitvaart.outwayAddress}/catalogi/api/v1/zaaktypen?identificatie=BEGRAVEN`, { headers: { 'fsc-grant-hash': group.grantHashes.catalogi, authorization: `Bearer ${jwt}` } });
    assert.equal(catalogi.status, 200);
    assert.ok(Array.isArray(((await catalogi.json()) as { results: unknown }).results));
    assert.notEqual(group.grantHashes.catalogi, group.grantHash);
    client.close();
    // Each organisation's beheerpagina shows the call in its transaction log.
    for (const peer of [group.gemeente, group.uitvaart]) assert.match(await (await fetch(`${peer.adminAddress}/log`)).text(), new RegExp(transactionId));
  } finally {
    await group.close();
    await server.close();
    await testDb.drop();
  }
});
