import { describe, it } from 'node:test';
import { sql } from 'kysely';
import assert from 'node:assert/strict';
import { openMigratedDatabase } from '../../../src/server.ts';
import { enqueueNotificatie, NOTIFICATIES_CHANNEL } from '../../../src/platform/events/outbox.ts';
import { outboxWaker } from '../../../src/platform/events/outbox-wake.ts';
import { createTestDatabase } from '../../helpers/database.ts';

const EVENT = { kanaal: 'zaken', hoofdObject: '/zaken/api/v1/zaken/1', resource: 'zaak', resourceUrl: '/zaken/api/v1/zaken/1', actie: 'create' };
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('waking the Notificaties workers after an outbox write', () => {
  it('wakes listeners after the commit, not inside the transaction, and not for a rollback', async () => {
    const { target, drop } = await createTestDatabase();
    const database = await openMigratedDatabase(target);
    const heard: string[] = [];
    const unlisten = await database.listen(NOTIFICATIES_CHANNEL, (payload) => heard.push(payload ?? '(reconnected)'));
    try {
      let heardBeforeCommit = -1;
      await database.db.transaction().execute(async (tx) => {
        await enqueueNotificatie(tx, EVENT);
        await settle();
        heardBeforeCommit = heard.length;
      });
      await settle();
      assert.equal(heardBeforeCommit, 0, 'nothing is sent while the transaction is open');
      assert.deepEqual(heard, ['outbox']);

      await assert.rejects(
        database.db.transaction().execute(async (tx) => {
          await enqueueNotificatie(tx, EVENT);
          throw new Error('rolled back');
        }),
      );
      // A transaction without outbox writes wakes nobody either.
      await database.db.transaction().execute(async (tx) => void (await tx.selectFrom('platform.outbox').select('id').execute()));
      await settle();
      assert.deepEqual(heard, ['outbox']);

      // An outbox write outside an explicit transaction commits at once: woken too.
      await enqueueNotificatie(database.db as never, EVENT);
      await settle();
      assert.deepEqual(heard, ['outbox', 'outbox']);

      // No NOTIFY inside the change's transaction: PostgreSQL would commit every mutation one after the other.
      const triggers = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_trigger WHERE tgrelid = 'platform.outbox'::regclass AND NOT tgisinternal`.execute(database.db);
      assert.equal(triggers.rows[0]!.n, 0);
    } finally {
      await unlisten();
      await database.close();
      await drop();
    }
  });

  it('sends one more wake-up after the one in flight, however many commits asked meanwhile', async () => {
    let sent = 0;
    let finish!: () => void;
    const wake = outboxWaker(() => {
      sent++;
      return new Promise<void>((resolve) => (finish = resolve));
    });
    wake();
    for (let i = 0; i < 10; i++) wake();
    assert.equal(sent, 1);
    finish();
    await settle();
    assert.equal(sent, 2, 'the commits that came during the first NOTIFY get one of their own');
    finish();
    await settle();
    assert.equal(sent, 2);
  });
});
