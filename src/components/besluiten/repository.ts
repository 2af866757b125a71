/**
 * Storage of the Besluiten API. Rows are kept as the table has them (`BesluitRow`,
 * `BesluitInformatieObjectRow`), so a change that has to be undone can put a row back exactly;
 * the routes make API objects of them. URLs are stored in the form `references.ts` keeps them.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Db, Tx } from '../../platform/db/database.ts';
import { PAGE_SIZE } from '../../platform/http/pagination.ts';

export interface BesluitRow {
  id: number;
  uuid: string;
  identificatie: string;
  verantwoordelijke_organisatie: string;
  besluittype: string;
  zaak: string;
  zaakbesluit: string | null;
  datum: string;
  toelichting: string;
  bestuursorgaan: string;
  ingangsdatum: string;
  vervaldatum: string | null;
  vervalreden: string;
  publicatiedatum: string | null;
  verzenddatum: string | null;
  uiterlijke_reactiedatum: string | null;
  created_at: Date | string;
}

/** What a client sets of a besluit (create, update): every column but the keys and bookkeeping. */
export type BesluitFields = Omit<BesluitRow, 'id' | 'uuid' | 'zaakbesluit' | 'created_at'>;

export interface BesluitInformatieObjectRow {
  id: number;
  uuid: string;
  besluit_id: number;
  informatieobject: string;
  objectinformatieobject: string | null;
  created_at: Date | string;
}

/** A besluitinformatieobject with what its API object and its rules need of the besluit. */
export interface BesluitInformatieObjectView extends BesluitInformatieObjectRow {
  besluit_uuid: string;
  besluit_besluittype: string;
  besluit_identificatie: string;
}

/** Which besluiten a client may see: an SQL condition on the besluittype column (see access.ts). */
export type Visible = (eb: ExpressionBuilder<any, any>, column: string) => Expression<SqlBool>;

const BESLUIT = 'besluiten.besluit';
const BIO = 'besluiten.besluitinformatieobject';

// ---------------------------------------------------------------------------------------------
// besluiten

export function findBesluit(db: Db | Tx, uuid: string): Promise<BesluitRow | undefined> {
  return db.selectFrom(BESLUIT).selectAll().where('uuid', '=', uuid).executeTakeFirst() as Promise<BesluitRow | undefined>;
}

export interface BesluitFilter {
  identificatie?: string;
  verantwoordelijkeOrganisatie?: string;
  besluittype?: string;
  zaak?: string;
  page: number;
}

/** One page of the besluiten the client may see, newest first, with the exact count. */
export async function listBesluiten(db: Db, filter: BesluitFilter, visible: Visible): Promise<{ count: number; results: BesluitRow[] }> {
  let query = db.selectFrom(BESLUIT).where((eb) => visible(eb, 'besluittype'));
  if (filter.identificatie !== undefined) query = query.where('identificatie', '=', filter.identificatie);
  if (filter.verantwoordelijkeOrganisatie !== undefined) query = query.where('verantwoordelijke_organisatie', '=', filter.verantwoordelijkeOrganisatie);
  if (filter.besluittype !== undefined) query = query.where('besluittype', '=', filter.besluittype);
  if (filter.zaak !== undefined) query = query.where('zaak', '=', filter.zaak);
  const [{ count }] = (await query.select((eb) => eb.fn.countAll().as('count')).execute()) as [{ count: number }];
  const results = (await query.selectAll().orderBy('id', 'desc').limit(PAGE_SIZE).offset((filter.page - 1) * PAGE_SIZE).execute()) as BesluitRow[];
  return { count: Number(count), results };
}

export async function identificatieTaken(db: Db | Tx, verantwoordelijkeOrganisatie: string, identificatie: string, exceptUuid?: string): Promise<boolean> {
  let query = db.selectFrom(BESLUIT).select('id').where('verantwoordelijke_organisatie', '=', verantwoordelijkeOrganisatie).where('identificatie', '=', identificatie);
  if (exceptUuid) query = query.where('uuid', '<>', exceptUuid);
  return (await query.executeTakeFirst()) !== undefined;
}

/**
 * A new identificatie `BESLUIT-<jaar>-<volgnummer>` (as the reference implementation makes
 * them), unique within the verantwoordelijke organisatie: the next volgnummer of the
 * organisation and year of the besluit's datum, skipping one a client chose itself.
 */
export async function nextIdentificatie(tx: Tx, verantwoordelijkeOrganisatie: string, jaar: number): Promise<string> {
  for (;;) {
    const { rows } = await sql<{ volgnummer: number | string }>`
      INSERT INTO besluiten.identificatie_volgnummer (verantwoordelijke_organisatie, jaar, volgnummer)
      VALUES (${verantwoordelijkeOrganisatie}, ${jaar}, 1)
      ON CONFLICT (verantwoordelijke_organisatie, jaar) DO UPDATE SET volgnummer = besluiten.identificatie_volgnummer.volgnummer + 1
      RETURNING volgnummer`.execute(tx);
    const identificatie = `BESLUIT-${jaar}-${String(rows[0]!.volgnummer).padStart(10, '0')}`;
    if (!(await identificatieTaken(tx, verantwoordelijkeOrganisatie, identificatie))) return identificatie;
  }
}

export async function insertBesluit(tx: Tx, uuid: string, fields: BesluitFields): Promise<BesluitRow> {
  return (await tx.insertInto(BESLUIT).values({ uuid, ...fields }).returningAll().executeTakeFirstOrThrow()) as BesluitRow;
}

/** Sets the given columns; answers the row as it is now. */
export async function updateBesluit(tx: Tx, id: number, fields: Partial<Omit<BesluitRow, 'id' | 'uuid' | 'created_at'>>): Promise<BesluitRow> {
  return (await tx.updateTable(BESLUIT).set(fields).where('id', '=', id).returningAll().executeTakeFirstOrThrow()) as BesluitRow;
}

/** Deletes a besluit and, through the foreign key, its besluitinformatieobjecten. */
export async function deleteBesluit(tx: Tx, id: number): Promise<void> {
  await tx.deleteFrom(BESLUIT).where('id', '=', id).execute();
}

/** Puts a deleted besluit and its besluitinformatieobjecten back exactly as they were. */
export async function restoreBesluit(tx: Tx, besluit: BesluitRow, bios: BesluitInformatieObjectRow[]): Promise<void> {
  await tx.insertInto(BESLUIT).values(besluit).execute();
  if (bios.length) await tx.insertInto(BIO).values(bios).execute();
}

// ---------------------------------------------------------------------------------------------
// besluitinformatieobjecten

function bioView(db: Db | Tx) {
  return db
    .selectFrom(`${BIO} as bio`)
    .innerJoin(`${BESLUIT} as besluit`, 'besluit.id', 'bio.besluit_id')
    .selectAll('bio')
    .select(['besluit.uuid as besluit_uuid', 'besluit.besluittype as besluit_besluittype', 'besluit.identificatie as besluit_identificatie']);
}

export async function findBesluitInformatieObject(db: Db | Tx, uuid: string): Promise<BesluitInformatieObjectView | undefined> {
  return (await bioView(db).where('bio.uuid', '=', uuid).executeTakeFirst()) as BesluitInformatieObjectView | undefined;
}

/** The besluitinformatieobjecten of the besluiten the client may see, oldest first (the list is not paginated). */
export async function listBesluitInformatieObjecten(db: Db, filter: { besluitUuid?: string; informatieobject?: string }, visible: Visible): Promise<BesluitInformatieObjectView[]> {
  let query = bioView(db).where((eb) => visible(eb, 'besluit.besluittype'));
  if (filter.besluitUuid !== undefined) query = query.where('besluit.uuid', '=', filter.besluitUuid);
  if (filter.informatieobject !== undefined) query = query.where('bio.informatieobject', '=', filter.informatieobject);
  return (await query.orderBy('bio.id').execute()) as BesluitInformatieObjectView[];
}

export async function besluitInformatieObjectenOf(db: Db | Tx, besluitId: number): Promise<BesluitInformatieObjectRow[]> {
  return (await db.selectFrom(BIO).selectAll().where('besluit_id', '=', besluitId).orderBy('id').execute()) as BesluitInformatieObjectRow[];
}

export async function besluitInformatieObjectTaken(db: Db | Tx, besluitId: number, informatieobject: string): Promise<boolean> {
  return (await db.selectFrom(BIO).select('id').where('besluit_id', '=', besluitId).where('informatieobject', '=', informatieobject).executeTakeFirst()) !== undefined;
}

export async function insertBesluitInformatieObject(tx: Tx, row: Pick<BesluitInformatieObjectRow, 'uuid' | 'besluit_id' | 'informatieobject'>): Promise<BesluitInformatieObjectRow> {
  return (await tx.insertInto(BIO).values(row).returningAll().executeTakeFirstOrThrow()) as BesluitInformatieObjectRow;
}

export async function setObjectInformatieObject(tx: Tx, id: number, objectinformatieobject: string | null): Promise<void> {
  await tx.updateTable(BIO).set({ objectinformatieobject }).where('id', '=', id).execute();
}

export async function deleteBesluitInformatieObject(tx: Tx, id: number): Promise<void> {
  await tx.deleteFrom(BIO).where('id', '=', id).execute();
}

/** Puts a deleted besluitinformatieobject back exactly as it was. */
export async function restoreBesluitInformatieObject(tx: Tx, row: BesluitInformatieObjectRow): Promise<void> {
  await tx.insertInto(BIO).values(row).execute();
}
