/**
 * Storage of documents and their versions and bestandsdelen. Rows map to records here and
 * only here. The current version's key attributes are copied to the informatieobject row with
 * every new version (see the migration), so lists and authorisation read that one table.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../../platform/db/database.ts';
import { PAGE_SIZE } from '../../platform/http/pagination.ts';
import { VERTROUWELIJKHEIDAANDUIDINGEN, type Vertrouwelijkheidaanduiding } from '../../platform/http/schema.ts';

/** One version of a document, as stored (URLs in their stored form). */
export interface Versie {
  versie: number;
  beginRegistratie: string;
  identificatie: string;
  bronorganisatie: string;
  creatiedatum: string;
  titel: string;
  vertrouwelijkheidaanduiding: Vertrouwelijkheidaanduiding;
  auteur: string;
  status: string;
  inhoudIsVervallen: boolean | null;
  formaat: string;
  taal: string;
  bestandsnaam: string;
  /** The content store's key; null without content. */
  inhoud: string | null;
  bestandsomvang: number | null;
  link: string;
  beschrijving: string;
  ontvangstdatum: string | null;
  verzenddatum: string | null;
  indicatieGebruiksrecht: boolean | null;
  verschijningsvorm: string;
  ondertekening: { soort: string; datum: string } | null;
  integriteit: { algoritme: string; waarde: string; datum: string } | null;
  informatieobjecttype: string;
  trefwoorden: string[];
}

/** The document row: identity, lock and the current version's key attributes. */
export interface InformatieobjectRow {
  id: number;
  uuid: string;
  lock: string;
  versie: number;
  bronorganisatie: string;
  identificatie: string;
  informatieobjecttype: string;
  vertrouwelijkheidaanduiding: Vertrouwelijkheidaanduiding;
}

export interface Bestandsdeel {
  uuid: string;
  informatieobjectId: number;
  volgnummer: number;
  omvang: number;
  /** The content store's key once uploaded. */
  inhoud: string | null;
}

const rank = (v: Vertrouwelijkheidaanduiding) => VERTROUWELIJKHEIDAANDUIDINGEN.indexOf(v);
const byRank = (r: number) => VERTROUWELIJKHEIDAANDUIDINGEN[r]!;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function informatieobject(r: any): InformatieobjectRow {
  return {
    id: Number(r.id),
    uuid: r.uuid,
    lock: r.lock,
    versie: r.versie,
    bronorganisatie: r.bronorganisatie,
    identificatie: r.identificatie,
    informatieobjecttype: r.informatieobjecttype,
    vertrouwelijkheidaanduiding: byRank(r.vertrouwelijkheid_rank),
  };
}

const jsonValue = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function versie(r: any): Versie {
  return {
    versie: r.versie,
    beginRegistratie: new Date(r.begin_registratie).toISOString(),
    identificatie: r.identificatie,
    bronorganisatie: r.bronorganisatie,
    creatiedatum: r.creatiedatum,
    titel: r.titel,
    vertrouwelijkheidaanduiding: byRank(r.vertrouwelijkheid_rank),
    auteur: r.auteur,
    status: r.status,
    inhoudIsVervallen: r.inhoud_is_vervallen,
    formaat: r.formaat,
    taal: r.taal,
    bestandsnaam: r.bestandsnaam,
    inhoud: r.inhoud,
    bestandsomvang: r.bestandsomvang === null ? null : Number(r.bestandsomvang),
    link: r.link,
    beschrijving: r.beschrijving,
    ontvangstdatum: r.ontvangstdatum,
    verzenddatum: r.verzenddatum,
    indicatieGebruiksrecht: r.indicatie_gebruiksrecht,
    verschijningsvorm: r.verschijningsvorm,
    ondertekening: jsonValue(r.ondertekening),
    integriteit: jsonValue(r.integriteit),
    informatieobjecttype: r.informatieobjecttype,
    trefwoorden: r.trefwoorden ?? [],
  };
}

function versieRow(v: Versie) {
  return {
    versie: v.versie,
    begin_registratie: v.beginRegistratie,
    identificatie: v.identificatie,
    bronorganisatie: v.bronorganisatie,
    creatiedatum: v.creatiedatum,
    titel: v.titel,
    vertrouwelijkheid_rank: rank(v.vertrouwelijkheidaanduiding),
    auteur: v.auteur,
    status: v.status,
    inhoud_is_vervallen: v.inhoudIsVervallen,
    formaat: v.formaat,
    taal: v.taal,
    bestandsnaam: v.bestandsnaam,
    inhoud: v.inhoud,
    bestandsomvang: v.bestandsomvang,
    link: v.link,
    beschrijving: v.beschrijving,
    ontvangstdatum: v.ontvangstdatum,
    verzenddatum: v.verzenddatum,
    indicatie_gebruiksrecht: v.indicatieGebruiksrecht,
    verschijningsvorm: v.verschijningsvorm,
    ondertekening: v.ondertekening === null ? null : JSON.stringify(v.ondertekening),
    integriteit: v.integriteit === null ? null : JSON.stringify(v.integriteit),
    informatieobjecttype: v.informatieobjecttype,
    trefwoorden: sql`${v.trefwoorden}::text[]`,
  };
}

export async function findInformatieobject(db: Db | Tx, uuid: string, options: { forUpdate?: boolean } = {}): Promise<InformatieobjectRow | undefined> {
  const query = db.selectFrom('documenten.informatieobject').selectAll().where('uuid', '=', uuid);
  const row = await (options.forUpdate ? query.forUpdate() : query).executeTakeFirst();
  return row ? informatieobject(row) : undefined;
}

/**
 * A version of the document: `versie` exactly, or the last one registered at or before
 * `registratieOp`, or else the current one.
 */
export async function findVersie(db: Db | Tx, io: InformatieobjectRow, select: { versie?: number; registratieOp?: string } = {}): Promise<Versie | undefined> {
  let query = db.selectFrom('documenten.versie').selectAll().where('informatieobject_id', '=', io.id);
  if (select.versie !== undefined) query = query.where('versie', '=', select.versie);
  else if (select.registratieOp !== undefined) query = query.where('begin_registratie', '<=', select.registratieOp).orderBy('begin_registratie', 'desc').orderBy('versie', 'desc').limit(1);
  else query = query.where('versie', '=', io.versie);
  const row = await query.executeTakeFirst();
  return row ? versie(row) : undefined;
}

export interface ListFilter {
  /** The authorisation condition on `io` (see access.ts). */
  authorised: (eb: ExpressionBuilder<any, any>) => Expression<SqlBool>;
  identificatie?: string;
  bronorganisatie?: string;
  /** Documents whose current version has any of these trefwoorden. */
  trefwoorden?: string[];
  uuids?: string[];
  page: number;
}

/** One page of documents in their current version, oldest first, and how many there are in all. */
export async function listCurrent(db: Db, filter: ListFilter): Promise<{ count: number; results: { io: InformatieobjectRow; versie: Versie }[] }> {
  let query = db.selectFrom('documenten.informatieobject as io').where(filter.authorised);
  if (filter.identificatie !== undefined) query = query.where('io.identificatie', '=', filter.identificatie);
  if (filter.bronorganisatie !== undefined) query = query.where('io.bronorganisatie', '=', filter.bronorganisatie);
  if (filter.uuids) query = filter.uuids.length ? query.where('io.uuid', 'in', filter.uuids) : query.where(sql<boolean>`false`);
  if (filter.trefwoorden?.length) {
    const trefwoorden = filter.trefwoorden;
    query = query.where(({ exists, selectFrom }) =>
      exists(selectFrom('documenten.versie as t').select('t.id').whereRef('t.informatieobject_id', '=', 'io.id').whereRef('t.versie', '=', 'io.versie').where(sql<boolean>`t.trefwoorden && ${trefwoorden}::text[]`)),
    );
  }
  const [{ count }] = await query.select((eb) => eb.fn.countAll<number>().as('count')).execute();
  const rows = await query
    .innerJoin('documenten.versie as v', (join) => join.onRef('v.informatieobject_id', '=', 'io.id').onRef('v.versie', '=', 'io.versie'))
    .selectAll('v')
    .select(['io.id as io_id', 'io.uuid as io_uuid', 'io.lock as io_lock', 'io.versie as io_versie', 'io.bronorganisatie as io_bronorganisatie', 'io.identificatie as io_identificatie', 'io.informatieobjecttype as io_informatieobjecttype', 'io.vertrouwelijkheid_rank as io_vertrouwelijkheid_rank'])
    .orderBy('io.id')
    .limit(PAGE_SIZE)
    .offset((filter.page - 1) * PAGE_SIZE)
    .execute();
  return {
    count: Number(count),
    results: rows.map((r) => ({
      io: informatieobject({ id: r.io_id, uuid: r.io_uuid, lock: r.io_lock, versie: r.io_versie, bronorganisatie: r.io_bronorganisatie, identificatie: r.io_identificatie, informatieobjecttype: r.io_informatieobjecttype, vertrouwelijkheid_rank: r.io_vertrouwelijkheid_rank }),
      versie: versie(r),
    })),
  };
}

/** Creates a document with its first version; returns the document row. */
export async function insertInformatieobject(tx: Tx, uuid: string, first: Versie, lock: string): Promise<InformatieobjectRow> {
  const row = await tx
    .insertInto('documenten.informatieobject')
    .values({ uuid, lock, ...currentColumns(first) })
    .returningAll()
    .executeTakeFirstOrThrow();
  await tx.insertInto('documenten.versie').values({ informatieobject_id: row.id, ...versieRow(first) }).execute();
  return informatieobject(row);
}

/** Adds a version and makes it the current one. */
export async function insertVersie(tx: Tx, io: InformatieobjectRow, next: Versie): Promise<void> {
  await tx.insertInto('documenten.versie').values({ informatieobject_id: io.id, ...versieRow(next) }).execute();
  await tx.updateTable('documenten.informatieobject').set(currentColumns(next)).where('id', '=', io.id).execute();
}

function currentColumns(v: Versie) {
  return { versie: v.versie, bronorganisatie: v.bronorganisatie, identificatie: v.identificatie, informatieobjecttype: v.informatieobjecttype, vertrouwelijkheid_rank: rank(v.vertrouwelijkheidaanduiding) };
}

/** Changes a version in place: only indicatieGebruiksrecht and the content a large upload brings in. */
export async function updateVersie(tx: Tx, io: InformatieobjectRow, versieNummer: number, change: { indicatieGebruiksrecht?: boolean | null; inhoud?: string | null; bestandsomvang?: number | null }): Promise<void> {
  const set: Record<string, unknown> = {};
  if (change.indicatieGebruiksrecht !== undefined) set.indicatie_gebruiksrecht = change.indicatieGebruiksrecht;
  if (change.inhoud !== undefined) set.inhoud = change.inhoud;
  if (change.bestandsomvang !== undefined) set.bestandsomvang = change.bestandsomvang;
  await tx.updateTable('documenten.versie').set(set).where('informatieobject_id', '=', io.id).where('versie', '=', versieNummer).execute();
}

export async function setLock(tx: Tx, io: InformatieobjectRow, lock: string): Promise<void> {
  await tx.updateTable('documenten.informatieobject').set({ lock }).where('id', '=', io.id).execute();
}

/** Whether another document has this identificatie within the bronorganisatie. */
export async function identificatieTaken(db: Db | Tx, bronorganisatie: string, identificatie: string, except?: number): Promise<boolean> {
  let query = db.selectFrom('documenten.informatieobject').select('id').where('bronorganisatie', '=', bronorganisatie).where('identificatie', '=', identificatie);
  if (except !== undefined) query = query.where('id', '<>', except);
  return (await query.executeTakeFirst()) !== undefined;
}

/** The next generated identificatie of the bronorganisatie this year: `DOCUMENT-2026-0000000001`. */
export async function nextIdentificatie(tx: Tx, bronorganisatie: string, year: number): Promise<string> {
  const row = await tx
    .insertInto('documenten.identificatie_volgnummer')
    .values({ bronorganisatie, jaar: year, volgnummer: 1 })
    .onConflict((oc) => oc.columns(['bronorganisatie', 'jaar']).doUpdateSet({ volgnummer: sql`documenten.identificatie_volgnummer.volgnummer + 1` }))
    .returning('volgnummer')
    .executeTakeFirstOrThrow();
  return `DOCUMENT-${year}-${String(row.volgnummer).padStart(10, '0')}`;
}

/** Every content key the document refers to: of all its versions and bestandsdelen. */
export async function contentKeys(db: Db | Tx, io: InformatieobjectRow): Promise<string[]> {
  const versies = await db.selectFrom('documenten.versie').select('inhoud').where('informatieobject_id', '=', io.id).where('inhoud', 'is not', null).execute();
  const delen = await db.selectFrom('documenten.bestandsdeel').select('inhoud').where('informatieobject_id', '=', io.id).where('inhoud', 'is not', null).execute();
  return [...new Set([...versies, ...delen].map((r) => r.inhoud as string))];
}

export async function hasObjectinformatieobjecten(db: Db | Tx, io: InformatieobjectRow): Promise<boolean> {
  return (await db.selectFrom('documenten.objectinformatieobject').select('id').where('informatieobject_id', '=', io.id).executeTakeFirst()) !== undefined;
}

export async function hasGebruiksrechten(db: Db | Tx, io: InformatieobjectRow): Promise<boolean> {
  return (await db.selectFrom('documenten.gebruiksrechten').select('id').where('informatieobject_id', '=', io.id).executeTakeFirst()) !== undefined;
}

export async function deleteInformatieobject(tx: Tx, io: InformatieobjectRow): Promise<void> {
  await tx.deleteFrom('documenten.informatieobject').where('id', '=', io.id).execute();
}

// ---------------------------------------------------------------------------------------------
// bestandsdelen

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function bestandsdeel(r: any): Bestandsdeel {
  return { uuid: r.uuid, informatieobjectId: Number(r.informatieobject_id), volgnummer: r.volgnummer, omvang: Number(r.omvang), inhoud: r.inhoud };
}

/** The bestandsdelen of documents, by document id, in volgnummer order. */
export async function bestandsdelenOf(db: Db | Tx, ids: number[]): Promise<Map<number, Bestandsdeel[]>> {
  const result = new Map<number, Bestandsdeel[]>();
  if (ids.length === 0) return result;
  const rows = await db.selectFrom('documenten.bestandsdeel').selectAll().where('informatieobject_id', 'in', ids).orderBy('volgnummer').execute();
  for (const row of rows.map(bestandsdeel)) {
    const list = result.get(row.informatieobjectId) ?? [];
    list.push(row);
    result.set(row.informatieobjectId, list);
  }
  return result;
}

/** Divides `bestandsomvang` bytes into parts of `omvang` (the last one smaller). */
export async function createBestandsdelen(tx: Tx, io: InformatieobjectRow, bestandsomvang: number, omvang: number): Promise<void> {
  const count = Math.ceil(bestandsomvang / omvang);
  const rows = Array.from({ length: count }, (_, i) => ({
    uuid: randomUUID(),
    informatieobject_id: io.id,
    volgnummer: i + 1,
    omvang: Math.min(omvang, bestandsomvang - i * omvang),
  }));
  if (rows.length) await tx.insertInto('documenten.bestandsdeel').values(rows).execute();
}

export async function findBestandsdeel(db: Db | Tx, uuid: string, options: { forUpdate?: boolean } = {}): Promise<Bestandsdeel | undefined> {
  const query = db.selectFrom('documenten.bestandsdeel').selectAll().where('uuid', '=', uuid);
  const row = await (options.forUpdate ? query.forUpdate() : query).executeTakeFirst();
  return row ? bestandsdeel(row) : undefined;
}

export async function findInformatieobjectById(db: Db | Tx, id: number, options: { forUpdate?: boolean } = {}): Promise<InformatieobjectRow | undefined> {
  const query = db.selectFrom('documenten.informatieobject').selectAll().where('id', '=', id);
  const row = await (options.forUpdate ? query.forUpdate() : query).executeTakeFirst();
  return row ? informatieobject(row) : undefined;
}

export async function setBestandsdeelInhoud(tx: Tx, uuid: string, inhoud: string): Promise<void> {
  await tx.updateTable('documenten.bestandsdeel').set({ inhoud }).where('uuid', '=', uuid).execute();
}

export async function deleteBestandsdelen(tx: Tx, io: InformatieobjectRow): Promise<void> {
  await tx.deleteFrom('documenten.bestandsdeel').where('informatieobject_id', '=', io.id).execute();
}
