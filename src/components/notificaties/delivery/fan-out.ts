/**
 * Fan-out: a notificatie is stored once, with one delivery (levering) for every abonnement
 * whose filters on its kanaal it matches, in the caller's transaction: the router's for our
 * own components' events, the request's for POST /notificaties.
 */
import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';
import { NOTIFICATIES_CHANNEL } from '../../../platform/events/outbox.ts';
import { matchesFilters } from '../rules.ts';

/** A notificatie as subscribers receive it (`Notificatie` in notificaties-consumer.yaml). */
export interface Bericht {
  kanaal: string;
  hoofdObject: string;
  resource: string;
  resourceUrl: string;
  actie: string;
  aanmaakdatum: string;
  kenmerken: Record<string, string>;
}

export interface Uitgaand {
  bericht: Bericht;
  /** `outbox:<id>` or `client:<client_id>`. */
  bron: string;
}

/**
 * Stores the notificaties that reach an abonnement and their deliveries, in the order given:
 * deliveries get ascending ids in that order, which is the order in which those of one
 * hoofdObject go to one abonnement. Returns the number of deliveries.
 */
export async function fanOut(tx: Tx, uitgaand: Uitgaand[]): Promise<number> {
  const kanalen = [...new Set(uitgaand.map((u) => u.bericht.kanaal))];
  if (kanalen.length === 0) return 0;
  // Locked (key share) until commit: an abonnement ended meanwhile waits, and takes its new deliveries along.
  const groups = await tx.selectFrom('notificaties.abonnement_kanaal').select(['abonnement', 'kanaal', 'filters']).where('kanaal', 'in', kanalen).forKeyShare().execute();
  const reached = uitgaand
    .map((u) => ({
      ...u,
      abonnementen: [...new Set(groups.filter((g) => g.kanaal === u.bericht.kanaal && matchesFilters(g.filters, u.bericht.kenmerken)).map((g) => g.abonnement as string))],
    }))
    .filter((u) => u.abonnementen.length > 0);
  if (reached.length === 0) return 0;

  const ids = await nextIds(tx, reached.length, reached.reduce((n, u) => n + u.abonnementen.length, 0));
  const notificaties = reached.map((u, i) => ({ id: ids.notificaties[i], kanaal: u.bericht.kanaal, bericht: u.bericht, bron: u.bron }));
  let next = 0;
  const leveringen = reached.flatMap((u, i) =>
    u.abonnementen.map((abonnement) => ({ id: ids.leveringen[next++], notificatie: ids.notificaties[i], abonnement, queue: queueKey(abonnement, u.bericht.hoofdObject) })),
  );
  // A delivery behind one that waits for a retry waits as long (as the last one waiting before
  // it): it cannot go before it anyway, and the workers need not look at it until then.
  await sql`
    WITH notificatie AS (
      INSERT INTO notificaties.notificatie (id, kanaal, bericht, bron)
      SELECT id, kanaal, bericht, bron FROM jsonb_to_recordset(${JSON.stringify(notificaties)}::jsonb) AS u(id bigint, kanaal text, bericht jsonb, bron text)
    ), levering AS (
      INSERT INTO notificaties.levering (id, notificatie, abonnement, queue, next_attempt_at)
      SELECT u.id, u.notificatie, u.abonnement, u.queue,
             coalesce((SELECT p.next_attempt_at FROM notificaties.levering p
                       WHERE p.queue = u.queue AND p.status = 'pending' AND p.claim IS NULL
                       ORDER BY p.id DESC LIMIT 1), now())
      FROM jsonb_to_recordset(${JSON.stringify(leveringen)}::jsonb) AS u(id bigint, notificatie bigint, abonnement uuid, queue text)
      RETURNING 1
    )
    SELECT pg_notify(${NOTIFICATIES_CHANNEL}, 'levering') FROM (SELECT 1 FROM levering LIMIT 1) AS added`.execute(tx);
  return leveringen.length;
}

/** The deliveries to one abonnement about one hoofdObject: they go out one at a time, in order. */
export const queueKey = (abonnement: string, hoofdObject: string) => `${abonnement} ${hoofdObject}`;

/** New ids for notificaties and deliveries, each ascending: ids in the order given keep that order. */
async function nextIds(tx: Tx, notificaties: number, leveringen: number): Promise<{ notificaties: number[]; leveringen: number[] }> {
  const { rows } = await sql<{ n: number[]; l: number[] }>`
    SELECT (SELECT array_agg(nextval('notificaties.notificatie_id_seq')) FROM generate_series(1, ${notificaties})) AS n,
           (SELECT array_agg(nextval('notificaties.levering_id_seq')) FROM generate_series(1, ${leveringen})) AS l`.execute(tx);
  const ascending = (ids: number[]) => ids.map(Number).sort((a, b) => a - b);
  return { notificaties: ascending(rows[0]!.n), leveringen: ascending(rows[0]!.l) };
}
