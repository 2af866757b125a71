/**
 * Deliveries (leveringen) in the database: claiming due work, recording attempts and their
 * outcome, and what operators see and do (list, show, retry the dead ones).
 *
 * A delivery is claimed with a lease: a token and next_attempt_at at the end of the lease, in
 * one statement (FOR UPDATE SKIP LOCKED, so workers in several processes never claim the same
 * one); the HTTP request runs without a transaction. When the worker dies, the lease
 * runs out and another worker delivers it again: at least once. An outcome is only written
 * while the claim still holds.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { NOTIFICATIES_CHANNEL } from '../../../platform/events/outbox.ts';
import type { Bericht } from './fan-out.ts';

export type LeveringStatus = 'pending' | 'delivered' | 'dead';

export interface Claimed {
  id: number;
  claim: string;
  abonnement: string;
  /** This attempt's number. */
  attempt: number;
  /** Attempts since the last retry by an operator, this one included. */
  attemptsInRound: number;
  callbackUrl: string;
  auth: string;
  bericht: Bericht;
}

export interface ClaimRequest {
  /** At most this many in all. */
  limit: number;
  /** Per abonnement at most this many, less what this worker holds for it already. */
  perSubscriber: number;
  held: Map<string, number>;
  leaseMs: number;
}

/**
 * Claims due deliveries, in one statement: per abonnement the oldest due ones that are the
 * first pending delivery of their queue (order per hoofdObject), up to its free places (a slow
 * subscriber fills its own places, never the others'), oldest first over all; locked with
 * SKIP LOCKED, so that workers never wait for each other nor claim the same one.
 */
export async function claimLeveringen(db: Db, request: ClaimRequest): Promise<Claimed[]> {
  const busy = [...request.held.entries()];
  const claim = randomUUID();
  const { rows } = await sql<{ id: number; abonnement: string; attempts: number; attempts_before_retry: number; callback_url: string; auth: string; bericht: Bericht }>`
    WITH candidate AS (
      SELECT c.id FROM notificaties.abonnement a
      CROSS JOIN LATERAL (
        SELECT l.id, l.next_attempt_at FROM notificaties.levering l
        WHERE l.abonnement = a.uuid AND l.status = 'pending' AND l.next_attempt_at <= now()
          -- The first pending delivery of its queue (one index probe per row).
          AND l.id = (SELECT e.id FROM notificaties.levering e WHERE e.queue = l.queue AND e.status = 'pending' ORDER BY e.id LIMIT 1)
        ORDER BY l.next_attempt_at, l.id
        LIMIT greatest(${request.perSubscriber}::int - coalesce(
          (SELECT f.n FROM unnest(${busy.map(([a]) => a)}::uuid[], ${busy.map(([, n]) => n)}::int[]) AS f(abonnement, n) WHERE f.abonnement = a.uuid), 0), 0)
      ) c
      ORDER BY c.next_attempt_at, c.id
      LIMIT ${request.limit}
    ), locked AS (
      SELECT l.id FROM notificaties.levering l JOIN candidate USING (id)
      WHERE l.status = 'pending' AND l.next_attempt_at <= now()
      FOR UPDATE OF l SKIP LOCKED
    )
    UPDATE notificaties.levering l
    SET claim = ${claim}, attempts = l.attempts + 1, next_attempt_at = now() + ${request.leaseMs} * interval '1 millisecond'
    FROM locked, notificaties.notificatie n, notificaties.abonnement a
    WHERE l.id = locked.id AND n.id = l.notificatie AND a.uuid = l.abonnement
    RETURNING l.id, l.abonnement, l.attempts, l.attempts_before_retry, a.callback_url, a.auth, n.bericht`.execute(db);
  return rows
    .map((r) => ({
      id: Number(r.id),
      claim,
      abonnement: r.abonnement,
      attempt: r.attempts,
      attemptsInRound: r.attempts - r.attempts_before_retry,
      callbackUrl: r.callback_url,
      auth: r.auth,
      bericht: r.bericht,
    }))
    .sort((a, b) => a.id - b.id);
}

export interface Outcome {
  id: number;
  claim: string;
  attempt: number;
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  /** delivered; `retry` at `retryAt`; dead; or `released`: not attempted after all (the worker stopped). */
  result: 'delivered' | 'retry' | 'dead' | 'released';
  retryAt?: Date;
}

/**
 * Writes outcomes, in one statement: the attempts, the deliveries' new state (where the claim
 * still holds), and for a retry the later deliveries in its queue wait as long.
 */
export async function recordOutcomes(db: Db, outcomes: Outcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  const rows = JSON.stringify(
    outcomes.map((o) => ({
      id: o.id,
      claim: o.claim,
      attempt: o.attempt,
      started_at: o.startedAt.toISOString(),
      duration_ms: Math.round(o.durationMs),
      status_code: o.statusCode,
      error: o.error?.slice(0, 1000) ?? null,
      result: o.result,
      retry_at: o.retryAt?.toISOString() ?? null,
    })),
  );
  // The three changes touch different rows: a held delivery has a claim, the ones behind it have none.
  await sql`
    WITH u AS (
      SELECT * FROM jsonb_to_recordset(${rows}::jsonb)
        AS u(id bigint, claim uuid, attempt integer, started_at timestamptz, duration_ms integer, status_code integer, error text, result text, retry_at timestamptz)
    ), held AS (
      SELECT u.*, l.queue FROM u JOIN notificaties.levering l ON l.id = u.id AND l.claim = u.claim
    ), attempts AS (
      INSERT INTO notificaties.poging (levering, nummer, started_at, duration_ms, status_code, error)
      SELECT id, attempt, started_at, duration_ms, status_code, error FROM held WHERE result <> 'released'
      ON CONFLICT DO NOTHING
    ), behind AS (
      UPDATE notificaties.levering s SET next_attempt_at = greatest(s.next_attempt_at, h.retry_at)
      FROM held h
      WHERE h.result = 'retry' AND s.queue = h.queue AND s.status = 'pending' AND s.claim IS NULL AND s.id > h.id
    ), updated AS (
      UPDATE notificaties.levering l SET
        status = CASE h.result WHEN 'delivered' THEN 'delivered' WHEN 'dead' THEN 'dead' ELSE 'pending' END,
        attempts = CASE h.result WHEN 'released' THEN l.attempts - 1 ELSE l.attempts END,
        next_attempt_at = CASE h.result WHEN 'retry' THEN h.retry_at WHEN 'released' THEN now() ELSE l.next_attempt_at END,
        claim = NULL,
        last_status = CASE h.result WHEN 'released' THEN l.last_status ELSE h.status_code END,
        last_error = CASE h.result WHEN 'released' THEN l.last_error ELSE h.error END,
        delivered_at = CASE h.result WHEN 'delivered' THEN now() ELSE l.delivered_at END
      FROM held h WHERE l.id = h.id AND l.claim = h.claim
      RETURNING h.result
    )
    -- Dead: the next delivery of the hoofdObject may go; released: this one may go again.
    SELECT pg_notify(${NOTIFICATIES_CHANNEL}, 'levering') FROM updated WHERE result IN ('dead', 'released') LIMIT 1`.execute(db);
}

export interface LeveringView {
  id: number;
  status: LeveringStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
  abonnement: string;
  callbackUrl: string;
  bericht: Bericht;
}

export interface Poging {
  nummer: number;
  startedAt: string;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
}

export interface LeveringFilter {
  status?: LeveringStatus;
  abonnement?: string;
  kanaal?: string;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function leveringQuery(db: Db, filter: LeveringFilter) {
  let query = db
    .selectFrom('notificaties.levering as l')
    .innerJoin('notificaties.notificatie as n', 'n.id', 'l.notificatie')
    .innerJoin('notificaties.abonnement as a', 'a.uuid', 'l.abonnement');
  if (filter.status) query = query.where('l.status', '=', filter.status);
  if (filter.abonnement) query = query.where('l.abonnement', '=', filter.abonnement);
  if (filter.kanaal) query = query.where('n.kanaal', '=', filter.kanaal);
  return query;
}

const COLUMNS = ['l.id', 'l.status', 'l.attempts', 'l.next_attempt_at', 'l.last_status', 'l.last_error', 'l.delivered_at', 'l.created_at', 'l.abonnement', 'a.callback_url', 'n.bericht'] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function toView(r: any): LeveringView {
  return {
    id: Number(r.id),
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.status === 'pending' ? iso(r.next_attempt_at) : null,
    lastStatus: r.last_status,
    lastError: r.last_error,
    deliveredAt: iso(r.delivered_at),
    createdAt: iso(r.created_at)!,
    abonnement: r.abonnement,
    callbackUrl: r.callback_url,
    bericht: r.bericht,
  };
}

/** Deliveries, newest first. */
export async function listLeveringen(db: Db, filter: LeveringFilter, page: { limit: number; offset: number }): Promise<{ count: number; results: LeveringView[] }> {
  const [{ count }] = await leveringQuery(db, filter).select((eb) => eb.fn.countAll<number>().as('count')).execute();
  const rows = await leveringQuery(db, filter).select(COLUMNS).orderBy('l.id', 'desc').limit(page.limit).offset(page.offset).execute();
  return { count: Number(count), results: rows.map(toView) };
}

/** One delivery with all its attempts. */
export async function findLevering(db: Db, id: number): Promise<(LeveringView & { pogingen: Poging[] }) | undefined> {
  const row = await leveringQuery(db, {}).select(COLUMNS).where('l.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const pogingen = await db.selectFrom('notificaties.poging').selectAll().where('levering', '=', id).orderBy('nummer').execute();
  return {
    ...toView(row),
    pogingen: pogingen.map((p) => ({ nummer: p.nummer, startedAt: iso(p.started_at)!, durationMs: p.duration_ms, statusCode: p.status_code, error: p.error })),
  };
}

/**
 * Gives dead deliveries a new round of attempts, at once: those with the given ids, or all
 * matching the filter. Returns how many. (They go in id order again behind any pending
 * delivery of their hoofdObject; one delivered after it meanwhile is not recalled.)
 */
export async function retryDead(db: Db, target: { ids: number[] } | Omit<LeveringFilter, 'status'>): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const { rows } = await sql<{ id: number }>`
      UPDATE notificaties.levering l
      SET status = 'pending', attempts_before_retry = l.attempts, next_attempt_at = now(), claim = NULL
      WHERE l.status = 'dead' AND ${
        'ids' in target
          ? sql`l.id = ANY(${target.ids}::bigint[])`
          : sql`(${target.abonnement ?? null}::uuid IS NULL OR l.abonnement = ${target.abonnement ?? null}::uuid)
                AND (${target.kanaal ?? null}::text IS NULL OR EXISTS (SELECT 1 FROM notificaties.notificatie n WHERE n.id = l.notificatie AND n.kanaal = ${target.kanaal ?? null}::text))`
      }
      RETURNING l.id`.execute(tx);
    if (rows.length) await sql`SELECT pg_notify(${NOTIFICATIES_CHANNEL}, 'levering')`.execute(tx);
    return rows.length;
  });
}
