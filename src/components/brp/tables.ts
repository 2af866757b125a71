/**
 * Table values (LO GBA "landelijke tabellen"): code → omschrijving. Gemeenten, landen,
 * nationaliteiten and reden opnemen/beëindigen are RvIG's full tables (tabellen.ts); the
 * small fixed ones are written here. An unknown code keeps its code as omschrijving rather
 * than inventing one.
 */
import { GEMEENTEN_TABEL, LANDEN_TABEL, NATIONALITEITEN_TABEL, REDEN_NATIONALITEIT_TABEL } from './tabellen.ts';

/** Tabel 33 Gemeenten. */
export const GEMEENTEN: Record<string, string> = GEMEENTEN_TABEL;
/** Tabel 34 Landen. */
export const LANDEN: Record<string, string> = LANDEN_TABEL;
/** Tabel 32 Nationaliteiten. */
export const NATIONALITEITEN: Record<string, string> = NATIONALITEITEN_TABEL;
/** Tabel 37 Reden opnemen/beëindigen nationaliteit. */
export const REDEN_OPNAME_NATIONALITEIT: Record<string, string> = REDEN_NATIONALITEIT_TABEL;

export const GESLACHT: Record<string, string> = { M: 'man', V: 'vrouw', O: 'onbekend' };
export const NAAMGEBRUIK: Record<string, string> = {
  E: 'eigen geslachtsnaam',
  N: 'geslachtsnaam echtgenoot/geregistreerd partner na eigen geslachtsnaam',
  P: 'geslachtsnaam echtgenoot/geregistreerd partner',
  V: 'geslachtsnaam echtgenoot/geregistreerd partner voor eigen geslachtsnaam',
};
/** Tabel 38 Adellijke titel/predikaat: omschrijving (lower case, as the API delivers it) and soort. */
export const ADELLIJKE_TITELS: Record<string, { omschrijving: string; soort: 'titel' | 'predicaat' }> = {
  B: { omschrijving: 'baron', soort: 'titel' },
  BS: { omschrijving: 'barones', soort: 'titel' },
  G: { omschrijving: 'graaf', soort: 'titel' },
  GI: { omschrijving: 'gravin', soort: 'titel' },
  H: { omschrijving: 'hertog', soort: 'titel' },
  HI: { omschrijving: 'hertogin', soort: 'titel' },
  JH: { omschrijving: 'jonkheer', soort: 'predicaat' },
  JV: { omschrijving: 'jonkvrouw', soort: 'predicaat' },
  M: { omschrijving: 'markies', soort: 'titel' },
  MI: { omschrijving: 'markiezin', soort: 'titel' },
  P: { omschrijving: 'prins', soort: 'titel' },
  PS: { omschrijving: 'prinses', soort: 'titel' },
  R: { omschrijving: 'ridder', soort: 'titel' },
};
export const FUNCTIE_ADRES: Record<string, string> = { W: 'woonadres', B: 'briefadres' };
export const AANDUIDING_BIJ_HUISNUMMER: Record<string, string> = { by: 'bij', to: 'tegenover' };

export function waarde(table: Record<string, string>, code: string | undefined): { code: string; omschrijving: string } | undefined {
  if (code === undefined || code === '') return undefined;
  return { code, omschrijving: table[code] ?? code };
}

/** A place: a gemeente code (four digits) from table 33, or a foreign place as written. */
export function plaats(value: string | undefined): { code?: string; omschrijving: string } | undefined {
  if (!value) return undefined;
  if (/^\d{4}$/.test(value)) return { code: value, omschrijving: GEMEENTEN[value] ?? value };
  return { omschrijving: value };
}
