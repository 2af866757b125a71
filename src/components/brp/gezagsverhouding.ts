/**
 * Gezagsverhouding (LO GBA category 11): indicatie gezag minderjarige (32.10, tabel 61) and
 * indicatie curateleregister (33.10, value 1: under curatele), fields of the Persoon itself.
 */
import type { Voorkomen } from './gba/persoonslijst.ts';
import { GEZAGSVERHOUDINGEN_TABEL } from './tabellen.ts';
import { waarde } from './tables.ts';

export function gezagsverhouding(v: Voorkomen | undefined): Record<string, unknown> {
  return {
    indicatieGezagMinderjarige: waarde(GEZAGSVERHOUDINGEN_TABEL, v?.['32.10']),
    indicatieCurateleRegister: v?.['33.10'] === '1' ? true : undefined,
  };
}

/** The source elements of these fields, for the persoon's inOnderzoek (with datumIngangOnderzoekGezag). */
export const GEZAGSVERHOUDING_VELDEN: Record<string, string[]> = { indicatieGezagMinderjarige: ['32.10'], indicatieCurateleRegister: ['33.10'] };
