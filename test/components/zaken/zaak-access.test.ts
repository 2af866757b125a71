import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { openMigratedDatabase } from '../../../src/server.ts';
import type { Database } from '../../../src/platform/db/database.ts';
import { Authorization } from '../../../src/platform/auth/authorization.ts';
import { auditTrail } from '../../../src/platform/audit/audit.ts';
import { listOutbox } from '../../../src/platform/events/outbox.ts';
import { ProblemError } from '../../../src/platform/http/problem.ts';
import { assertMayChange, assertMayRead, authorisedZaken, loadZaak, recordZaakMutation, zaakFromUrl, ZAKEN_BIJWERKEN, ZAKEN_LEZEN } from '../../../src/components/zaken/zaak-access.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';

const API = 'http://zaken.test/zaken/api/v1';
const ZT_A = 'http://zaken.test/catalogi/api/v1/zaaktypen/11111111-1111-4111-8111-111111111111';
const ZT_B = 'https://elders.example/catalogi/api/v1/zaaktypen/22222222-2222-4222-8222-222222222222';

describe('zaak-access', () => {
  let testDb: TestDatabase;
  let database: Database;
  const uuids: Record<string, string> = {};

  before(async () => {
    testDb = await createTestDatabase();
    database = await openMigratedDatabase(testDb.target);
    // Zaaktype A is ours (stored as a path), B another instance's (stored as the URL).
    const rows = [
      ['a-openbaar', '/catalogi/api/v1/zaaktypen/11111111-1111-4111-8111-111111111111', 0, null],
      ['a-geheim', '/catalogi/api/v1/zaaktypen/11111111-1111-4111-8111-111111111111', 6, null],
      ['b-intern', ZT_B, 2, null],
      ['a-gesloten', '/catalogi/api/v1/zaaktypen/11111111-1111-4111-8111-111111111111', 2, '2024-01-01'],
    ] as const;
    for (const [name, zaaktype, rank, einddatum] of rows) {
      uuids[name] = randomUUID();
      await database.db.insertInto('zaken.zaak').values({
        uuid: uuids[name], identificatie: name, bronorganisatie: '000000000', zaaktype, registratiedatum: '2024-01-01',
        verantwoordelijke_organisatie: '000000000', startdatum: '2024-01-01', vertrouwelijkheid_rank: rank, einddatum,
      }).execute();
    }
  });
  after(async () => {
    await database.close();
    await testDb.drop();
  });

  const limited = new Authorization({
    clientId: 'beperkt',
    rights: { heeftAlleAutorisaties: false, autorisaties: [{ component: 'zrc', scopes: [ZAKEN_LEZEN, ZAKEN_BIJWERKEN], zaaktype: ZT_A, maxVertrouwelijkheidaanduiding: 'zaakvertrouwelijk' }] },
  });
  const all = new Authorization({ clientId: 'alles', rights: { heeftAlleAutorisaties: true, autorisaties: [] } });
  const none = new Authorization({ clientId: 'niets', rights: { heeftAlleAutorisaties: false, autorisaties: [] } });

  async function visible(auth: Authorization) {
    const rows = await database.db.selectFrom('zaken.zaak as zaak').select('identificatie').where((eb) => authorisedZaken(eb, auth, ZAKEN_LEZEN, API)).orderBy('id').execute();
    return rows.map((r) => r.identificatie);
  }

  it('filters zaken in SQL by the grants: zaaktype and vertrouwelijkheid ceiling', async () => {
    assert.deepEqual(await visible(limited), ['a-openbaar', 'a-gesloten']);
    assert.deepEqual(await visible(all), ['a-openbaar', 'a-geheim', 'b-intern', 'a-gesloten']);
    assert.deepEqual(await visible(none), []);
  });

  it('combines grants: the highest ceiling per zaaktype, grants without a zaaktype for every zaaktype', async () => {
    const grants = (autorisaties: object[]) => new Authorization({ clientId: 'x', rights: { heeftAlleAutorisaties: false, autorisaties: autorisaties as never } });
    const zrc = (zaaktype: string | undefined, max: string | undefined) => ({ component: 'zrc', scopes: [ZAKEN_LEZEN], zaaktype, maxVertrouwelijkheidaanduiding: max });
    assert.deepEqual(await visible(grants([zrc(ZT_A, 'openbaar'), zrc(ZT_A, 'geheim'), zrc(ZT_B, 'openbaar')])), ['a-openbaar', 'a-geheim', 'a-gesloten']);
    assert.deepEqual(await visible(grants([zrc(ZT_A, 'openbaar'), zrc(ZT_B, 'intern')])), ['a-openbaar', 'b-intern']);
    assert.deepEqual(await visible(grants([zrc(undefined, 'intern')])), ['a-openbaar', 'b-intern', 'a-gesloten']);
    assert.deepEqual(await visible(grants([zrc(ZT_B, undefined), zrc(undefined, 'openbaar')])), ['a-openbaar', 'b-intern']);
    assert.deepEqual(await visible(grants([{ component: 'zrc', scopes: ['zaken.bijwerken'], zaaktype: ZT_A }])), [], 'another scope grants no reading');
  });

  it('loads a zaak by uuid (404) and by URL (400 no_match / does_not_exist), with the zaaktype as an URL', async () => {
    const zaak = await loadZaak(database.db, uuids['a-geheim']!, API);
    assert.equal(zaak.zaaktype, ZT_A);
    assert.equal(zaak.vertrouwelijkheidaanduiding, 'geheim');
    assert.equal(zaak.url, `${API}/zaken/${uuids['a-geheim']}`);
    await assert.rejects(loadZaak(database.db, randomUUID(), API), (e: ProblemError) => e.status === 404);
    assert.equal((await zaakFromUrl(database.db, zaak.url, API)).id, zaak.id);
    await assert.rejects(zaakFromUrl(database.db, 'http://zaken.test/zaken/api/v1/statussen/x', API), (e: ProblemError) => e.invalidParams?.[0]?.code === 'no_match');
    await assert.rejects(zaakFromUrl(database.db, `${API}/zaken/${randomUUID()}`, API), (e: ProblemError) => e.invalidParams?.[0]?.code === 'does_not_exist');
  });

  it('answers 403 outside the grants, and for a closed zaak without zaken.geforceerd-bijwerken', async () => {
    const geheim = await loadZaak(database.db, uuids['a-geheim']!, API);
    const open = await loadZaak(database.db, uuids['a-openbaar']!, API);
    const gesloten = await loadZaak(database.db, uuids['a-gesloten']!, API);
    assert.throws(() => assertMayRead(limited, geheim), (e: ProblemError) => e.status === 403);
    assert.doesNotThrow(() => assertMayRead(limited, open));
    assert.doesNotThrow(() => assertMayChange(limited, open, [ZAKEN_BIJWERKEN]));
    assert.throws(() => assertMayChange(limited, gesloten, [ZAKEN_BIJWERKEN]), (e: ProblemError) => e.status === 403 && /geforceerd/.test(e.detail));
    assert.doesNotThrow(() => assertMayChange(all, gesloten, [ZAKEN_BIJWERKEN]));
  });

  it('records a change: audit under the zaak, notification on kanaal zaken with its kenmerken', async () => {
    const zaak = await loadZaak(database.db, uuids['b-intern']!, API);
    const statusUrl = `${API}/statussen/${randomUUID()}`;
    await database.db.transaction().execute((tx) => recordZaakMutation(tx, all, { zaak, resource: 'status', resourceUrl: statusUrl, actie: 'create', resultaat: 201, nieuw: { url: statusUrl } }));
    const [audit] = await auditTrail(database.db, zaak.url);
    assert.equal(audit!.bron, 'ZRC');
    assert.equal(audit!.resourceUrl, statusUrl);
    const [event] = await listOutbox(database.db, 'http://zaken.test', { resourceUrl: statusUrl });
    assert.equal(event!.kanaal, 'zaken');
    assert.equal(event!.hoofdObject, zaak.url);
    assert.deepEqual(event!.kenmerken, { bronorganisatie: '000000000', zaaktype: ZT_B, vertrouwelijkheidaanduiding: 'intern' });
  });
});
