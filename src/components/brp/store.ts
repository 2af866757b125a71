/**
 * The person store (schema `brp`): persoonslijsten saved whole (jsonb) with the actual values
 * the query types search on in columns, and the seven searches over those columns.
 * Text searches are case-insensitive; a trailing `*` (and for straat a leading one) is a
 * wildcard, allowed only where the standard's patterns allow it (query.ts checks that).
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { Persoonslijst } from './gba/persoonslijst.ts';
import { searchColumns, searchText } from './persoon.ts';
import type { QueryType } from './query.ts';

/** Saves a persoonslijst; one with the same burgerservicenummer is replaced. Returns its id. */
export async function savePersoonslijst(db: Db | Tx, pl: Persoonslijst): Promise<number> {
  const columns = searchColumns(pl);
  const row = { ...columns, pl: JSON.stringify(pl) };
  if (columns.burgerservicenummer) await db.deleteFrom('brp.persoonslijst').where('burgerservicenummer', '=', columns.burgerservicenummer as string).execute();
  const inserted = await db.insertInto('brp.persoonslijst').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

/** The search columns that are not text, for the arrays of a bulk insert. */
const COLUMN_TYPES: Record<string, string> = { huisnummer: 'integer', overleden: 'boolean', pl: 'jsonb' };

/**
 * Saves many persoonslijsten in one statement: every column is one array parameter, unnested
 * into rows, so a batch of thousands is one query with a parameter per column (the generator
 * of a million persons, the import). Replaces nothing: for an empty or new range.
 */
export async function insertPersoonslijsten(db: Db | Tx, pls: Persoonslijst[]): Promise<void> {
  if (pls.length === 0) return;
  const rows: Record<string, unknown>[] = pls.map((pl) => ({ ...searchColumns(pl), pl: JSON.stringify(pl) }));
  const columns = Object.keys(rows[0]!);
  const arrays = columns.map((c) => sql`${rows.map((r) => r[c] ?? null)}::${sql.raw(COLUMN_TYPES[c] ?? 'text')}[]`);
  await sql`INSERT INTO brp.persoonslijst (${sql.join(columns.map((c) => sql.ref(c)))}) SELECT * FROM unnest(${sql.join(arrays)})`.execute(db);
}

export async function deleteAllPersoonslijsten(db: Db | Tx): Promise<void> {
  await db.deleteFrom('brp.persoonslijst').execute();
}

/** A text condition: exact (case- and diacritics-insensitive, see searchText) or, with a wildcard, LIKE. */
function text(column: string, value: string): ReturnType<typeof sql> {
  const lower = searchText(value);
  if (!lower.includes('*')) return sql`${sql.ref(column)} = ${lower}`;
  const pattern = lower.replace(/[\\%_]/g, (c) => `\\${c}`).replace(/\*/g, '%');
  return sql`${sql.ref(column)} LIKE ${pattern}`;
}

function gbaDate(iso: string): string {
  return iso.replaceAll('-', '');
}

/** The persoonslijsten a query finds, in a stable order. */
export async function findPersoonslijsten(db: Db | Tx, type: QueryType, params: Record<string, unknown>): Promise<Persoonslijst[]> {
  let q: SelectQueryBuilder<any, any, any> = db.selectFrom('brp.persoonslijst').select(['pl']);
  const p = params as { [k: string]: any };
  switch (type) {
    case 'RaadpleegMetBurgerservicenummer':
      q = q.where('burgerservicenummer', 'in', p.burgerservicenummer);
      break;
    case 'ZoekMetGeslachtsnaamEnGeboortedatum':
      q = q.where(text('geslachtsnaam', p.geslachtsnaam) as never).where('geboortedatum', '=', gbaDate(p.geboortedatum));
      break;
    case 'ZoekMetNaamEnGemeenteVanInschrijving':
      q = q.where(text('geslachtsnaam', p.geslachtsnaam) as never).where(text('voornamen', p.voornamen) as never);
      break;
    case 'ZoekMetPostcodeEnHuisnummer':
      q = q.where('postcode', '=', p.postcode.replace(/\s/g, '').toUpperCase()).where('huisnummer', '=', p.huisnummer);
      if (p.geboortedatum) q = q.where('geboortedatum', '=', gbaDate(p.geboortedatum));
      if (p.geslachtsnaam) q = q.where(text('geslachtsnaam', p.geslachtsnaam) as never);
      break;
    case 'ZoekMetStraatHuisnummerEnGemeenteVanInschrijving':
      q = q.where(sql`(${text('straat', p.straat)} OR ${text('straatnaam', p.straat)})` as never).where('huisnummer', '=', p.huisnummer);
      break;
    case 'ZoekMetNummeraanduidingIdentificatie':
      q = q.where('nummeraanduiding_identificatie', '=', p.nummeraanduidingIdentificatie);
      break;
    case 'ZoekMetAdresseerbaarObjectIdentificatie':
      q = q.where('adresseerbaar_object_identificatie', '=', p.adresseerbaarObjectIdentificatie);
      break;
  }
  if (p.huisletter) q = q.where(sql`lower(huisletter)` as never, '=', p.huisletter.toLowerCase());
  if (p.huisnummertoevoeging) q = q.where(sql`lower(huisnummertoevoeging)` as never, '=', p.huisnummertoevoeging.toLowerCase());
  if (p.geslacht) q = q.where('geslacht', '=', p.geslacht.toUpperCase());
  if (p.voorvoegsel) q = q.where('voorvoegsel', '=', p.voorvoegsel.toLowerCase());
  if (p.voornamen && type === 'ZoekMetGeslachtsnaamEnGeboortedatum') q = q.where(text('voornamen', p.voornamen) as never);
  if (p.gemeenteVanInschrijving) q = q.where('gemeente_van_inschrijving', '=', p.gemeenteVanInschrijving);
  // Deceased persons are found only when asked for; RaadpleegMetBurgerservicenummer always finds them.
  if (type !== 'RaadpleegMetBurgerservicenummer' && p.inclusiefOverledenPersonen !== true) q = q.where('overleden', '=', false);
  const rows = await q.orderBy('id').execute();
  return rows.map((r) => (typeof r.pl === 'string' ? JSON.parse(r.pl) : r.pl) as Persoonslijst);
}

export async function countPersoonslijsten(db: Db | Tx): Promise<number> {
  const row = await db.selectFrom('brp.persoonslijst').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
