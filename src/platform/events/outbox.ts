/**
 * The transactional outbox: a change and the notification announcing it are committed
 * together or not at all. The event has the shape of a ZGW notificatie (Notificaties API
 * 1.0): kanaal, hoofdObject, resource, resourceUrl, actie, aanmaakdatum, kenmerken.
 * The Notificaties API's router claims pending events (FOR UPDATE SKIP LOCKED) and turns each
 * into deliveries to the abonnementen on its kanaal (src/components/notificaties/delivery).
 */
import type { Db, Tx } from '../db/database.ts';
import { absoluteUrl, localPath } from '../http/local-url.ts';

/**
 * Signalled (PostgreSQL NOTIFY, sent on commit) when work for the Notificaties workers is
 * waiting: payload `outbox` for new events (a trigger on the outbox, platform migration 003),
 * `levering` for deliveries.
 */
export const NOTIFICATIES_CHANNEL = 'opengrond_notificaties';

export interface NotificatieEvent {
  kanaal: string;
  hoofdObject: string;
  resource: string;
  resourceUrl: string;
  /** create, update, partial_update, destroy, or an action such as `publish`. */
  actie: string;
  /** The kanaal's filter attributes, e.g. `{ bronorganisatie, zaaktype, vertrouwelijkheidaanduiding }`. */
  kenmerken?: Record<string, string>;
}

export interface OutboxRecord extends Required<NotificatieEvent> {
  id: number;
  aanmaakdatum: string;
  /** `pending` until the Notificaties router has fanned it out, then `routed`. */
  status: string;
}

export async function enqueueNotificatie(tx: Tx, event: NotificatieEvent): Promise<void> {
  await tx
    .insertInto('platform.outbox')
    .values({
      kanaal: event.kanaal,
      hoofd_object: localPath(event.hoofdObject),
      resource: event.resource,
      resource_url: localPath(event.resourceUrl),
      actie: event.actie,
      kenmerken: JSON.stringify(event.kenmerken ?? {}),
      origin: event.resourceUrl.startsWith('/') ? null : new URL(event.resourceUrl).origin,
    })
    .execute();
}

/**
 * Outbox records, oldest first; for operators and tests. Our own URLs are stored as paths (a
 * resource keeps its identity whatever host name it is reached by); `origin` makes them absolute.
 */
export async function listOutbox(db: Db, origin: string, filter: { kanaal?: string; resourceUrl?: string } = {}): Promise<OutboxRecord[]> {
  let query = db.selectFrom('platform.outbox').selectAll().orderBy('id');
  if (filter.kanaal) query = query.where('kanaal', '=', filter.kanaal);
  if (filter.resourceUrl) query = query.where('resource_url', '=', localPath(filter.resourceUrl));
  const rows = await query.execute();
  return rows.map((r) => ({
    id: Number(r.id),
    kanaal: r.kanaal,
    hoofdObject: absoluteUrl(origin, r.hoofd_object),
    resource: r.resource,
    resourceUrl: absoluteUrl(origin, r.resource_url),
    actie: r.actie,
    aanmaakdatum: new Date(r.aanmaakdatum).toISOString(),
    kenmerken: r.kenmerken,
    status: r.status,
  }));
}
