/**
 * Storage of kanalen and abonnementen. Rows map to records here and only here; the routes
 * never see a table. (Notificaties and their deliveries: delivery/leveringen.ts.)
 */
import type { Db, Tx } from '../../platform/db/database.ts';

export interface KanaalRecord {
  uuid: string;
  naam: string;
  documentatieLink: string;
  filters: string[];
}

export interface FilterGroupRecord {
  naam: string;
  filters: Record<string, string>;
}

export interface AbonnementRecord {
  uuid: string;
  callbackUrl: string;
  auth: string;
  clientId: string;
  kanalen: FilterGroupRecord[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const toKanaal = (r: Record<string, any>): KanaalRecord => ({
  uuid: r.uuid,
  naam: r.naam,
  documentatieLink: r.documentatie_link,
  filters: r.filters,
});

export async function listKanalen(db: Db, filter: { naam?: string } = {}): Promise<KanaalRecord[]> {
  let query = db.selectFrom('notificaties.kanaal').selectAll().orderBy('naam');
  if (filter.naam !== undefined) query = query.where('naam', '=', filter.naam);
  return (await query.execute()).map(toKanaal);
}

export async function findKanaal(db: Db | Tx, uuid: string): Promise<KanaalRecord | undefined> {
  const row = await db.selectFrom('notificaties.kanaal').selectAll().where('uuid', '=', uuid).executeTakeFirst();
  return row && toKanaal(row);
}

/** The kanalen with these names, by name. */
export async function kanalenByNaam(db: Db | Tx, namen: string[]): Promise<Map<string, KanaalRecord>> {
  if (namen.length === 0) return new Map();
  const rows = await db.selectFrom('notificaties.kanaal').selectAll().where('naam', 'in', namen).execute();
  return new Map(rows.map((r) => [r.naam, toKanaal(r)]));
}

export async function insertKanaal(tx: Tx, kanaal: KanaalRecord): Promise<void> {
  await tx
    .insertInto('notificaties.kanaal')
    .values({ uuid: kanaal.uuid, naam: kanaal.naam, documentatie_link: kanaal.documentatieLink, filters: kanaal.filters })
    .execute();
}

export async function listAbonnementen(db: Db): Promise<AbonnementRecord[]> {
  const rows = await db.selectFrom('notificaties.abonnement').select('uuid').orderBy('created_at').orderBy('uuid').execute();
  return loadAbonnementen(db, rows.map((r) => r.uuid));
}

export async function findAbonnement(db: Db | Tx, uuid: string): Promise<AbonnementRecord | undefined> {
  const [found] = await loadAbonnementen(db, [uuid]);
  return found;
}

async function loadAbonnementen(db: Db | Tx, uuids: string[]): Promise<AbonnementRecord[]> {
  if (uuids.length === 0) return [];
  const [abonnementen, groups] = await Promise.all([
    db.selectFrom('notificaties.abonnement').selectAll().where('uuid', 'in', uuids).execute(),
    db.selectFrom('notificaties.abonnement_kanaal').selectAll().where('abonnement', 'in', uuids).orderBy('position').execute(),
  ]);
  const byUuid = new Map<string, AbonnementRecord>();
  for (const a of abonnementen) byUuid.set(a.uuid, { uuid: a.uuid, callbackUrl: a.callback_url, auth: a.auth, clientId: a.client_id, kanalen: [] });
  for (const g of groups) byUuid.get(g.abonnement)?.kanalen.push({ naam: g.kanaal, filters: g.filters });
  return uuids.map((u) => byUuid.get(u)).filter((a): a is AbonnementRecord => a !== undefined);
}

/** Inserts or replaces an abonnement with all its kanalen. */
export async function saveAbonnement(tx: Tx, abonnement: AbonnementRecord): Promise<void> {
  await tx
    .insertInto('notificaties.abonnement')
    .values({ uuid: abonnement.uuid, callback_url: abonnement.callbackUrl, auth: abonnement.auth, client_id: abonnement.clientId })
    .onConflict((oc) => oc.column('uuid').doUpdateSet({ callback_url: abonnement.callbackUrl, auth: abonnement.auth }))
    .execute();
  await tx.deleteFrom('notificaties.abonnement_kanaal').where('abonnement', '=', abonnement.uuid).execute();
  if (abonnement.kanalen.length === 0) return;
  await tx
    .insertInto('notificaties.abonnement_kanaal')
    .values(abonnement.kanalen.map((k, position) => ({ abonnement: abonnement.uuid, position, kanaal: k.naam, filters: JSON.stringify(k.filters) })))
    .execute();
}

/** Deletes an abonnement; its deliveries and their attempts go with it. */
export async function deleteAbonnement(tx: Tx, uuid: string): Promise<void> {
  await tx.deleteFrom('notificaties.abonnement').where('uuid', '=', uuid).execute();
}
