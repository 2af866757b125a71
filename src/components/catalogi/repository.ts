/**
 * Storage of the Catalogi API. Rows map to records here and only here; the routes never see a
 * table. Records hold relations by uuid (our own resources); the routes make URLs of them.
 */
import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db/database.ts';

import { PAGE_SIZE } from '../../platform/http/pagination.ts';

// ---------------------------------------------------------------------------------------------
// catalogussen

export interface CatalogusRecord {
  uuid: string;
  domein: string;
  rsin: string;
  contactpersoonBeheerNaam: string;
  contactpersoonBeheerTelefoonnummer: string;
  contactpersoonBeheerEmailadres: string;
  naam: string | null;
  versie: string | null;
  begindatumVersie: string | null;
}

/** A catalogus with what is published in it (derived, read-only in the API). */
export interface CatalogusView extends CatalogusRecord {
  zaaktypen: string[];
  besluittypen: { uuid: string; omschrijving: string }[];
  informatieobjecttypen: { uuid: string; omschrijving: string }[];
}

export interface CatalogusFilter {
  domein?: string[];
  rsin?: string[];
  page: number;
}

function catalogusRow(c: CatalogusRecord) {
  return {
    uuid: c.uuid,
    domein: c.domein,
    rsin: c.rsin,
    contactpersoon_beheer_naam: c.contactpersoonBeheerNaam,
    contactpersoon_beheer_telefoonnummer: c.contactpersoonBeheerTelefoonnummer,
    contactpersoon_beheer_emailadres: c.contactpersoonBeheerEmailadres,
    naam: c.naam,
    versie: c.versie,
    begindatum_versie: c.begindatumVersie,
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function catalogusRecord(r: any): CatalogusRecord {
  return {
    uuid: r.uuid,
    domein: r.domein,
    rsin: r.rsin,
    contactpersoonBeheerNaam: r.contactpersoon_beheer_naam,
    contactpersoonBeheerTelefoonnummer: r.contactpersoon_beheer_telefoonnummer,
    contactpersoonBeheerEmailadres: r.contactpersoon_beheer_emailadres,
    naam: r.naam,
    versie: r.versie,
    begindatumVersie: r.begindatum_versie,
  };
}

export async function findCatalogus(db: Db | Tx, uuid: string): Promise<CatalogusView | undefined> {
  const [found] = await loadCatalogussen(db, [uuid]);
  return found;
}

export async function catalogusExists(db: Db | Tx, uuid: string): Promise<boolean> {
  return (await db.selectFrom('catalogi.catalogus').select('uuid').where('uuid', '=', uuid).executeTakeFirst()) !== undefined;
}

export async function listCatalogussen(db: Db, filter: CatalogusFilter): Promise<{ count: number; results: CatalogusView[] }> {
  let query = db.selectFrom('catalogi.catalogus');
  if (filter.domein) query = query.where('domein', 'in', filter.domein);
  if (filter.rsin) query = query.where('rsin', 'in', filter.rsin);
  const [{ count }] = await query.select((eb) => eb.fn.countAll<number>().as('count')).execute();
  const rows = await query.select('uuid').orderBy('created_at').orderBy('uuid').limit(PAGE_SIZE).offset((filter.page - 1) * PAGE_SIZE).execute();
  return { count: Number(count), results: await loadCatalogussen(db, rows.map((r) => r.uuid)) };
}

async function loadCatalogussen(db: Db | Tx, uuids: string[]): Promise<CatalogusView[]> {
  if (uuids.length === 0) return [];
  const rows = await db.selectFrom('catalogi.catalogus').selectAll().where('uuid', 'in', uuids).execute();
  const byUuid = new Map<string, CatalogusView>(rows.map((r) => [r.uuid, { ...catalogusRecord(r), zaaktypen: [], besluittypen: [], informatieobjecttypen: [] }]));
  for (const p of await publishedIn(db, uuids)) {
    const view = byUuid.get(p.catalogus);
    if (!view) continue;
    if (p.table === 'zaaktype') view.zaaktypen.push(p.uuid);
    else view[p.table === 'besluittype' ? 'besluittypen' : 'informatieobjecttypen'].push({ uuid: p.uuid, omschrijving: p.key });
  }
  return uuids.map((u) => byUuid.get(u)).filter((c): c is CatalogusView => c !== undefined);
}

/** Whether another catalogus has this domein and rsin. */
export async function catalogusTaken(db: Db | Tx, c: CatalogusRecord): Promise<boolean> {
  const row = await db.selectFrom('catalogi.catalogus').select('uuid').where('domein', '=', c.domein).where('rsin', '=', c.rsin).where('uuid', '<>', c.uuid).executeTakeFirst();
  return row !== undefined;
}

export async function saveCatalogus(tx: Tx, c: CatalogusRecord): Promise<void> {
  const { uuid, ...rest } = catalogusRow(c);
  await tx.insertInto('catalogi.catalogus').values({ uuid, ...rest }).onConflict((oc) => oc.column('uuid').doUpdateSet(rest)).execute();
}

// ---------------------------------------------------------------------------------------------
// versioned types: informatieobjecttypen, besluittypen, zaaktypen

export type VersionedTable = 'informatieobjecttype' | 'besluittype' | 'zaaktype';

/** What identifies the versions of one type within a catalogus. */
const KEY_COLUMN: Record<VersionedTable, 'omschrijving' | 'identificatie'> = {
  informatieobjecttype: 'omschrijving',
  besluittype: 'omschrijving',
  zaaktype: 'identificatie',
};

/** One version of a type; `data` holds its attributes other than the columns. */
export interface VersionRecord {
  uuid: string;
  catalogus: string;
  /** What the versions share: the omschrijving (informatieobjecttype, besluittype) or identificatie (zaaktype). */
  key: string;
  beginGeldigheid: string;
  eindeGeldigheid: string | null;
  concept: boolean;
  data: Record<string, unknown>;
}

export interface VersionFilter {
  catalogus?: string;
  key?: string;
  /** Only versions with one of these keys. */
  keys?: string[];
  status: 'alles' | 'concept' | 'definitief';
  /** Valid on this date (YYYY-MM-DD). */
  datumGeldigheid?: string;
  /** Only versions whose `data[field]` (a list) holds all of `values`. */
  contains?: { field: string; values: string[] };
  page: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function versionRecord(table: VersionedTable, r: any): VersionRecord {
  return {
    uuid: r.uuid,
    catalogus: r.catalogus,
    key: r[KEY_COLUMN[table]],
    beginGeldigheid: r.begin_geldigheid,
    eindeGeldigheid: r.einde_geldigheid,
    concept: r.concept,
    data: typeof r.data === 'string' ? JSON.parse(r.data) : r.data,
  };
}

const containsAll = (field: string, values: string[]) => sql<boolean>`data -> ${field} @> ${JSON.stringify(values)}::jsonb`;

export async function findVersion(db: Db | Tx, table: VersionedTable, uuid: string): Promise<VersionRecord | undefined> {
  const row = await db.selectFrom(`catalogi.${table}`).selectAll().where('uuid', '=', uuid).executeTakeFirst();
  return row ? versionRecord(table, row) : undefined;
}

export async function listVersions(db: Db, table: VersionedTable, filter: VersionFilter): Promise<{ count: number; results: VersionRecord[] }> {
  let query = db.selectFrom(`catalogi.${table}`);
  if (filter.catalogus) query = query.where('catalogus', '=', filter.catalogus);
  if (filter.key !== undefined) query = query.where(KEY_COLUMN[table], '=', filter.key);
  if (filter.keys) query = filter.keys.length ? query.where(KEY_COLUMN[table], 'in', filter.keys) : query.where(sql<boolean>`false`);
  if (filter.status !== 'alles') query = query.where('concept', '=', filter.status === 'concept');
  if (filter.datumGeldigheid) {
    const date = filter.datumGeldigheid;
    query = query.where('begin_geldigheid', '<=', date).where((eb) => eb.or([eb('einde_geldigheid', 'is', null), eb('einde_geldigheid', '>=', date)]));
  }
  if (filter.contains) query = query.where(containsAll(filter.contains.field, filter.contains.values));
  const [{ count }] = await query.select((eb) => eb.fn.countAll<number>().as('count')).execute();
  const rows = await query.selectAll().orderBy('created_at').orderBy('uuid').limit(PAGE_SIZE).offset((filter.page - 1) * PAGE_SIZE).execute();
  return { count: Number(count), results: rows.map((r) => versionRecord(table, r)) };
}

/** Published and valid on `date`: what a relation by key shows as URLs (Catalogi 1.3.3, "De url's die moeten worden teruggegeven"). */
export interface Validity {
  date: string;
}

/** The versions of `table` in a catalogus with one of `keys`, optionally only the published ones valid on a date. */
export async function versionsByKey(db: Db | Tx, table: VersionedTable, catalogus: string, keys: string[], valid?: Validity): Promise<VersionRecord[]> {
  if (keys.length === 0) return [];
  let query = db.selectFrom(`catalogi.${table}`).selectAll().where('catalogus', '=', catalogus).where(KEY_COLUMN[table], 'in', keys);
  if (valid) query = validOn(query, valid.date);
  return (await query.orderBy('created_at').orderBy('uuid').execute()).map((r) => versionRecord(table, r));
}

/**
 * Of `keys`, the ones that name a type in the catalogus, each with whether one of its versions
 * is published: a relation by key is to the type, so the type counts as published as soon as
 * one version is. Keys naming nothing are left out.
 */
export async function publishedByKey(db: Db | Tx, table: VersionedTable, catalogus: string, keys: string[]): Promise<Map<string, boolean>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom(`catalogi.${table}`)
    .select([`${KEY_COLUMN[table]} as key`, sql<boolean>`bool_or(not concept)`.as('published')])
    .where('catalogus', '=', catalogus)
    .where(KEY_COLUMN[table], 'in', keys)
    .groupBy(KEY_COLUMN[table])
    .execute();
  return new Map(rows.map((r) => [r.key as string, Boolean(r.published)]));
}

/** The versions of `table` in a catalogus whose `data[field]` holds `key`: the other side of a relation by key. */
export async function versionsReferring(db: Db | Tx, table: VersionedTable, field: string, catalogus: string, key: string, valid?: Validity): Promise<VersionRecord[]> {
  let query = db.selectFrom(`catalogi.${table}`).selectAll().where('catalogus', '=', catalogus).where(containsAll(field, [key]));
  if (valid) query = validOn(query, valid.date);
  return (await query.orderBy('created_at').orderBy('uuid').execute()).map((r) => versionRecord(table, r));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function validOn<Q extends { where: (...args: any[]) => any }>(query: Q, date: string): Q {
  return (query as any)
    .where('concept', '=', false)
    .where('begin_geldigheid', '<=', date)
    .where((eb: any) => eb.or([eb('einde_geldigheid', 'is', null), eb('einde_geldigheid', '>=', date)]));
}

/**
 * Other published versions (same catalogus and key) whose validity overlaps `[begin, einde]`
 * of `v`; an empty einde is open-ended (ztc-016). Zaaktypen count as versions of each other
 * when they share identificatie and omschrijving: the suite (zrc-006) publishes a zaaktype
 * with the identificatie of another zaaktype but its own omschrijving beside it, and the
 * reference implementations key zaaktype versions on the omschrijving (docs/conformance.md).
 */
export async function overlappingVersions(db: Db | Tx, table: VersionedTable, v: VersionRecord): Promise<number> {
  const rows = await db
    .selectFrom(`catalogi.${table}`)
    .select('uuid')
    .where('catalogus', '=', v.catalogus)
    .where(KEY_COLUMN[table], '=', v.key)
    .$if(table === 'zaaktype', (q) => q.where(sql<string>`data->>'omschrijving'`, '=', String(v.data.omschrijving ?? '')))
    .where('uuid', '<>', v.uuid)
    .where('concept', '=', false)
    .where((eb) => eb.or([eb('einde_geldigheid', 'is', null), eb('einde_geldigheid', '>=', v.beginGeldigheid)]))
    .$if(v.eindeGeldigheid !== null, (q) => q.where('begin_geldigheid', '<=', v.eindeGeldigheid!))
    .execute();
  return rows.length;
}

export async function saveVersion(tx: Tx, table: VersionedTable, v: VersionRecord): Promise<void> {
  const row = {
    catalogus: v.catalogus,
    [KEY_COLUMN[table]]: v.key,
    begin_geldigheid: v.beginGeldigheid,
    einde_geldigheid: v.eindeGeldigheid,
    concept: v.concept,
    data: JSON.stringify(v.data),
  };
  await tx.insertInto(`catalogi.${table}`).values({ uuid: v.uuid, ...row }).onConflict((oc) => oc.column('uuid').doUpdateSet(row)).execute();
}

export async function deleteVersion(tx: Tx, table: VersionedTable, uuid: string): Promise<void> {
  await tx.deleteFrom(`catalogi.${table}`).where('uuid', '=', uuid).execute();
}

/** What is published in catalogussen (all versions, concept or not), for their derived lists. */
export async function publishedIn(db: Db | Tx, catalogussen: string[]): Promise<{ table: VersionedTable; catalogus: string; uuid: string; key: string }[]> {
  if (catalogussen.length === 0) return [];
  const tables = ['informatieobjecttype', 'besluittype', 'zaaktype'] as const;
  const rows = await Promise.all(
    tables.map((table) =>
      db.selectFrom(`catalogi.${table}`).select(['catalogus', 'uuid', `${KEY_COLUMN[table]} as key`]).where('catalogus', 'in', catalogussen).orderBy('created_at').orderBy('uuid').execute(),
    ),
  );
  return rows.flatMap((found, i) => found.map((r) => ({ table: tables[i]!, catalogus: r.catalogus, uuid: r.uuid, key: r.key })));
}

// ---------------------------------------------------------------------------------------------
// parts of a zaaktype: statustypen, roltypen, eigenschappen, zaaktype-informatieobjecttypen, zaakobjecttypen, resultaattypen

export type PartTable = 'statustype' | 'roltype' | 'eigenschap' | 'zaaktypeinformatieobjecttype' | 'zaakobjecttype' | 'resultaattype';

/** The parts with a volgnummer unique within their zaaktype. */
export const NUMBERED: PartTable[] = ['statustype', 'zaaktypeinformatieobjecttype'];

/** One part of a zaaktype version; `data` holds its attributes. */
export interface PartRecord {
  uuid: string;
  zaaktype: string;
  data: Record<string, unknown>;
}

export interface PartFilter {
  zaaktype?: string;
  zaaktypeIdentificatie?: string;
  /** The zaaktype's catalogus, begin- and eindeGeldigheid. */
  catalogus?: string;
  beginGeldigheid?: string;
  eindeGeldigheid?: string;
  /** Of the zaaktype. */
  status: 'alles' | 'concept' | 'definitief';
  /** The zaaktype valid on this date. */
  datumGeldigheid?: string;
  /** `data[field]` equals the value, for each (string attributes). */
  equals?: { field: string; value: string }[];
  page: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function partRecord(r: any): PartRecord {
  return { uuid: r.uuid, zaaktype: r.zaaktype, data: typeof r.data === 'string' ? JSON.parse(r.data) : r.data };
}

export async function findPart(db: Db | Tx, table: PartTable, uuid: string): Promise<PartRecord | undefined> {
  const row = await db.selectFrom(`catalogi.${table}`).selectAll().where('uuid', '=', uuid).executeTakeFirst();
  return row ? partRecord(row) : undefined;
}

/** The parts of zaaktype versions, in their order (statustypen by volgnummer). */
export async function partsOf(db: Db | Tx, table: PartTable, zaaktypen: string[]): Promise<PartRecord[]> {
  if (zaaktypen.length === 0) return [];
  const rows = await db
    .selectFrom(`catalogi.${table}`)
    .selectAll()
    .where('zaaktype', 'in', zaaktypen)
    .$if(NUMBERED.includes(table), (q) => q.orderBy('volgnummer'))
    .orderBy('created_at')
    .orderBy('uuid')
    .execute();
  return rows.map(partRecord);
}

export async function listParts(db: Db, table: PartTable, filter: PartFilter): Promise<{ count: number; results: PartRecord[] }> {
  let query = db.selectFrom(`catalogi.${table} as p`).innerJoin('catalogi.zaaktype as z', 'z.uuid', 'p.zaaktype');
  if (filter.zaaktype) query = query.where('p.zaaktype', '=', filter.zaaktype);
  if (filter.zaaktypeIdentificatie !== undefined) query = query.where('z.identificatie', '=', filter.zaaktypeIdentificatie);
  if (filter.status !== 'alles') query = query.where('z.concept', '=', filter.status === 'concept');
  if (filter.catalogus) query = query.where('z.catalogus', '=', filter.catalogus);
  if (filter.beginGeldigheid) query = query.where('z.begin_geldigheid', '=', filter.beginGeldigheid);
  if (filter.eindeGeldigheid) query = query.where('z.einde_geldigheid', '=', filter.eindeGeldigheid);
  if (filter.datumGeldigheid) {
    const date = filter.datumGeldigheid;
    query = query.where('z.begin_geldigheid', '<=', date).where((eb) => eb.or([eb('z.einde_geldigheid', 'is', null), eb('z.einde_geldigheid', '>=', date)]));
  }
  for (const { field, value } of filter.equals ?? []) query = query.where(sql<boolean>`p.data ->> ${field} = ${value}`);
  const [{ count }] = await query.select((eb) => eb.fn.countAll<number>().as('count')).execute();
  const rows = await query.selectAll('p').orderBy('p.created_at').orderBy('p.uuid').limit(PAGE_SIZE).offset((filter.page - 1) * PAGE_SIZE).execute();
  return { count: Number(count), results: rows.map(partRecord) };
}

export async function savePart(tx: Tx, table: PartTable, p: PartRecord): Promise<void> {
  const row: Record<string, unknown> = { zaaktype: p.zaaktype, data: JSON.stringify(p.data) };
  if (NUMBERED.includes(table)) row.volgnummer = p.data.volgnummer;
  await tx.insertInto(`catalogi.${table}`).values({ uuid: p.uuid, ...row }).onConflict((oc) => oc.column('uuid').doUpdateSet(row)).execute();
}

export async function deletePart(tx: Tx, table: PartTable, uuid: string): Promise<void> {
  await tx.deleteFrom(`catalogi.${table}`).where('uuid', '=', uuid).execute();
}

/** Whether another part of the zaaktype has this volgnummer. */
export async function volgnummerTaken(db: Db | Tx, table: PartTable, zaaktype: string, volgnummer: number, except: string): Promise<boolean> {
  const row = await db.selectFrom(`catalogi.${table}`).select('uuid').where('zaaktype', '=', zaaktype).where('volgnummer', '=', volgnummer).where('uuid', '<>', except).executeTakeFirst();
  return row !== undefined;
}

/** Parts of the zaaktype versions in a catalogus whose `data[field]` equals `value`, with their zaaktype. */
export async function partsWith(db: Db | Tx, table: PartTable, catalogus: string, field: string, value: string): Promise<PartRecord[]> {
  const rows = await db
    .selectFrom(`catalogi.${table} as p`)
    .innerJoin('catalogi.zaaktype as z', 'z.uuid', 'p.zaaktype')
    .selectAll('p')
    .where('z.catalogus', '=', catalogus)
    .where(sql<boolean>`p.data ->> ${field} = ${value}`)
    .orderBy('p.created_at')
    .orderBy('p.uuid')
    .execute();
  return rows.map(partRecord);
}

/** Parts of the zaaktype versions in a catalogus whose `data[field]` (a list) holds `value`. */
export async function partsContaining(db: Db | Tx, table: PartTable, catalogus: string, field: string, value: string): Promise<PartRecord[]> {
  const rows = await db
    .selectFrom(`catalogi.${table} as p`)
    .innerJoin('catalogi.zaaktype as z', 'z.uuid', 'p.zaaktype')
    .selectAll('p')
    .where('z.catalogus', '=', catalogus)
    .where(sql<boolean>`p.data -> ${field} @> ${JSON.stringify([value])}::jsonb`)
    .orderBy('p.created_at')
    .orderBy('p.uuid')
    .execute();
  return rows.map(partRecord);
}
