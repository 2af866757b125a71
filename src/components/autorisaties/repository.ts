/**
 * Storage of applicaties and their autorisaties. Rows map to the API's shape here and only
 * here; the routes never see a table.
 */
import type { Db, Tx } from '../../platform/db/database.ts';
import type { Autorisatie } from './schemas.ts';
import type { Rights } from '../../platform/auth/authorization.ts';
import { PAGE_SIZE } from '../../platform/http/pagination.ts';

export interface ApplicatieRecord {
  uuid: string;
  clientIds: string[];
  label: string;
  heeftAlleAutorisaties: boolean;
  autorisaties: Autorisatie[];
}


export async function findApplicatie(db: Db | Tx, uuid: string): Promise<ApplicatieRecord | undefined> {
  const [found] = await loadApplicaties(db, [uuid]);
  return found;
}

export async function findApplicatieByClientId(db: Db | Tx, clientId: string): Promise<ApplicatieRecord | undefined> {
  const row = await db.selectFrom('autorisaties.applicatie_client').select('applicatie').where('client_id', '=', clientId).executeTakeFirst();
  return row ? findApplicatie(db, row.applicatie) : undefined;
}

/** A page of applicaties (1-based), optionally only those having one of `clientIds`. */
export async function listApplicaties(db: Db, filter: { clientIds?: string[]; page: number }): Promise<{ count: number; results: ApplicatieRecord[] }> {
  let query = db.selectFrom('autorisaties.applicatie as a');
  if (filter.clientIds?.length) {
    query = query.where(({ exists, selectFrom }) =>
      exists(selectFrom('autorisaties.applicatie_client as c').select('c.client_id').whereRef('c.applicatie', '=', 'a.uuid').where('c.client_id', 'in', filter.clientIds!)),
    );
  }
  const [{ count }] = await query.select((eb) => eb.fn.countAll<number>().as('count')).execute();
  const rows = await query
    .select('a.uuid')
    .orderBy('a.created_at')
    .orderBy('a.uuid')
    .limit(PAGE_SIZE)
    .offset((filter.page - 1) * PAGE_SIZE)
    .execute();
  return { count: Number(count), results: await loadApplicaties(db, rows.map((r) => r.uuid)) };
}

/** Loads applicaties with their client ids and autorisaties, in the order of `uuids`. */
async function loadApplicaties(db: Db | Tx, uuids: string[]): Promise<ApplicatieRecord[]> {
  if (uuids.length === 0) return [];
  const [applicaties, clients, autorisaties] = await Promise.all([
    db.selectFrom('autorisaties.applicatie').selectAll().where('uuid', 'in', uuids).execute(),
    db.selectFrom('autorisaties.applicatie_client').selectAll().where('applicatie', 'in', uuids).orderBy('position').execute(),
    db.selectFrom('autorisaties.autorisatie').selectAll().where('applicatie', 'in', uuids).orderBy('position').execute(),
  ]);
  const byUuid = new Map<string, ApplicatieRecord>();
  for (const a of applicaties) {
    byUuid.set(a.uuid, { uuid: a.uuid, label: a.label, heeftAlleAutorisaties: a.heeft_alle_autorisaties, clientIds: [], autorisaties: [] });
  }
  for (const c of clients) byUuid.get(c.applicatie)?.clientIds.push(c.client_id);
  for (const r of autorisaties) {
    const autorisatie: Autorisatie = { component: r.component, scopes: r.scopes };
    if (r.zaaktype) autorisatie.zaaktype = r.zaaktype;
    if (r.informatieobjecttype) autorisatie.informatieobjecttype = r.informatieobjecttype;
    if (r.besluittype) autorisatie.besluittype = r.besluittype;
    if (r.max_vertrouwelijkheidaanduiding) autorisatie.maxVertrouwelijkheidaanduiding = r.max_vertrouwelijkheidaanduiding;
    byUuid.get(r.applicatie)?.autorisaties.push(autorisatie);
  }
  return uuids.map((u) => byUuid.get(u)).filter((a): a is ApplicatieRecord => a !== undefined);
}

/** The client ids among `clientIds` that already belong to another applicatie. */
export async function clientIdsInUse(db: Db | Tx, clientIds: string[], exceptApplicatie?: string): Promise<string[]> {
  if (clientIds.length === 0) return [];
  let query = db.selectFrom('autorisaties.applicatie_client').select('client_id').where('client_id', 'in', clientIds);
  if (exceptApplicatie) query = query.where('applicatie', '<>', exceptApplicatie);
  return (await query.execute()).map((r) => r.client_id);
}

/** Inserts or replaces an applicatie with all its client ids and autorisaties. */
export async function saveApplicatie(tx: Tx, applicatie: ApplicatieRecord): Promise<void> {
  await tx
    .insertInto('autorisaties.applicatie')
    .values({ uuid: applicatie.uuid, label: applicatie.label, heeft_alle_autorisaties: applicatie.heeftAlleAutorisaties })
    .onConflict((oc) => oc.column('uuid').doUpdateSet({ label: applicatie.label, heeft_alle_autorisaties: applicatie.heeftAlleAutorisaties }))
    .execute();
  await tx.deleteFrom('autorisaties.applicatie_client').where('applicatie', '=', applicatie.uuid).execute();
  await tx.deleteFrom('autorisaties.autorisatie').where('applicatie', '=', applicatie.uuid).execute();
  if (applicatie.clientIds.length) {
    await tx
      .insertInto('autorisaties.applicatie_client')
      .values(applicatie.clientIds.map((clientId, position) => ({ client_id: clientId, applicatie: applicatie.uuid, position })))
      .execute();
  }
  if (applicatie.autorisaties.length) {
    await tx
      .insertInto('autorisaties.autorisatie')
      .values(
        applicatie.autorisaties.map((a, position) => ({
          applicatie: applicatie.uuid,
          position,
          component: a.component,
          scopes: a.scopes,
          zaaktype: a.zaaktype ?? null,
          informatieobjecttype: a.informatieobjecttype ?? null,
          besluittype: a.besluittype ?? null,
          max_vertrouwelijkheidaanduiding: a.maxVertrouwelijkheidaanduiding ?? null,
        })),
      )
      .execute();
  }
}

export async function deleteApplicatie(tx: Tx, uuid: string): Promise<void> {
  await tx.deleteFrom('autorisaties.applicatie').where('uuid', '=', uuid).execute();
}

/** The rights of a client, as the platform's authentication needs them. */
export async function rightsForClient(db: Db, clientId: string): Promise<Rights> {
  const applicatie = await findApplicatieByClientId(db, clientId);
  if (!applicatie) return { heeftAlleAutorisaties: false, autorisaties: [] };
  return { heeftAlleAutorisaties: applicatie.heeftAlleAutorisaties, autorisaties: applicatie.autorisaties };
}
