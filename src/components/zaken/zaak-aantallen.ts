/**
 * The number of zaken per (zaaktype, vertrouwelijkheid_rank), kept by triggers (migration
 * 004-zaak-aantallen.sql) as appended deltas: the exact `count` of a zaak list without filters
 * is their sum over the client's grants, instead of counting hundreds of thousands of index
 * entries per page (issue #8).
 */
import { sql } from 'kysely';
import type { Authorization } from '../../platform/auth/authorization.ts';
import type { Db } from '../../platform/db/database.ts';
import { authorisedZaken } from './zaak-access.ts';

/** How many zaken the client may see with `scope`: the sum of the counts its grants cover. */
export async function countAuthorisedZaken(db: Db, auth: Authorization, scope: string, apiRoot: string): Promise<number> {
  // The table has the zaak table's zaaktype and vertrouwelijkheid_rank: the same condition applies.
  const row = await db
    .selectFrom('zaken.zaak_aantal as zaak')
    .where((eb) => authorisedZaken(eb, auth, scope, apiRoot, 'zaak'))
    .select(sql<number>`coalesce(sum(zaak.aantal), 0)`.as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Folds the deltas into one row per (zaaktype, vertrouwelijkheid_rank). It deletes only the rows
 * its snapshot sees and inserts their sum in the same statement, so deltas of transactions
 * still running, and a compaction running at the same time, are neither lost nor counted twice.
 */
export async function compactAantallen(db: Db): Promise<void> {
  await sql`WITH oud AS (DELETE FROM zaken.zaak_aantal RETURNING zaaktype, vertrouwelijkheid_rank, aantal)
    INSERT INTO zaken.zaak_aantal SELECT zaaktype, vertrouwelijkheid_rank, sum(aantal) FROM oud GROUP BY 1, 2 HAVING sum(aantal) <> 0`.execute(db);
}

/** Compacts every `seconds` while the component runs; returns the stop function. */
export function compactAantallenPeriodically(db: Db, seconds = 30, log?: (message: string, data: Record<string, unknown>) => void): () => Promise<void> {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    running ??= compactAantallen(db)
      .catch((error: unknown) => log?.('zaak_aantal compaction failed', { error: String(error) }))
      .finally(() => (running = undefined));
  }, seconds * 1000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
