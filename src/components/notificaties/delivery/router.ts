/**
 * The router: takes pending events from the platform outbox (written by every component in
 * the transaction of its change) and fans each out into deliveries, then marks it `routed`,
 * all in one transaction, so an event is routed exactly once even when a process dies.
 *
 * One router at a time (a transaction-scoped advisory lock; the others skip): it routes in
 * outbox order, which keeps the deliveries of one hoofdObject in the order of its changes.
 * Routing is database work only, and quick; the slow part, delivery, runs in parallel.
 */
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { absoluteUrl } from '../../../platform/http/local-url.ts';
import { fanOut, type Uitgaand } from './fan-out.ts';

/** Any number; the same in every process routing this database. */
const ROUTER_LOCK = 4_207_412;

interface OutboxRow {
  id: number;
  kanaal: string;
  hoofd_object: string;
  resource: string;
  resource_url: string;
  actie: string;
  aanmaakdatum: Date | string;
  kenmerken: Record<string, string>;
  origin: string | null;
}

/**
 * Routes up to `batch` pending events; returns how many it routed (0 as well when another
 * process is routing). `defaultOrigin` makes the paths of an event without an origin absolute
 * (events made without a request, e.g. provisioning); such events wait while it is unknown.
 */
export async function routeOutbox(db: Db, options: { batch: number; defaultOrigin?: string }): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const { rows: lock } = await sql<{ locked: boolean }>`SELECT pg_try_advisory_xact_lock(${ROUTER_LOCK}) AS locked`.execute(tx);
    if (!lock[0]!.locked) return 0;
    const { rows } = await sql<OutboxRow>`
      SELECT id, kanaal, hoofd_object, resource, resource_url, actie, aanmaakdatum, kenmerken, origin
      FROM platform.outbox
      WHERE status = 'pending' AND (origin IS NOT NULL OR ${options.defaultOrigin !== undefined})
      ORDER BY id
      LIMIT ${options.batch}
      FOR UPDATE SKIP LOCKED`.execute(tx);
    if (rows.length === 0) return 0;
    await fanOut(tx, rows.map((row) => toUitgaand(row, row.origin ?? options.defaultOrigin!)));
    await sql`UPDATE platform.outbox SET status = 'routed', routed_at = now() WHERE id = ANY(${rows.map((r) => r.id)}::bigint[])`.execute(tx);
    return rows.length;
  });
}

function toUitgaand(row: OutboxRow, origin: string): Uitgaand {
  return {
    bron: `outbox:${row.id}`,
    bericht: {
      kanaal: row.kanaal,
      hoofdObject: absoluteUrl(origin, row.hoofd_object),
      resource: row.resource,
      resourceUrl: absoluteUrl(origin, row.resource_url),
      actie: row.actie,
      aanmaakdatum: new Date(row.aanmaakdatum).toISOString(),
      kenmerken: row.kenmerken,
    },
  };
}
