/**
 * A delivery process killed with SIGKILL in the middle of a burst of 10,000 notificaties loses
 * none: after another process took over, every one was received at least once (duplicates are
 * counted and printed), in order per hoofdObject. PostgreSQL only: the embedded database has one
 * process. The same check with other numbers: bench/notificaties-crash.ts.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { crashCheck } from '../../../bench/notificaties-crash.ts';

const serverUrl = process.env.TEST_DATABASE_URL;

it('loses no notificatie when the delivering process is killed mid-burst', { skip: !serverUrl && 'PostgreSQL only (TEST_DATABASE_URL)', timeout: 180_000 }, async (t) => {
  const report = await crashCheck({ serverUrl: serverUrl!, count: 10_000, hoofdObjects: 1000, killAfter: 0.3 });
  t.diagnostic(`killed after ${report.receivedAtKill}; ${report.unique} of ${report.count} received, ${report.duplicates} duplicate(s); recovered in ${report.recoverySeconds.toFixed(1)} s`);
  assert.ok(report.receivedAtKill < report.count, 'the process was killed before it was done');
  assert.equal(report.lost, 0);
  assert.equal(report.outOfOrder, 0);
  assert.deepEqual(report.leveringen, { delivered: report.count });
});
