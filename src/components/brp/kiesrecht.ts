/**
 * Kiesrecht (LO GBA category 13): Europees kiesrecht (31.10, einddatum uitsluiting 31.30) and
 * uitsluiting kiesrecht (38.10, einddatum 38.20). Either is delivered while it still holds: its
 * einddatum is empty, onbekend, or not yet passed (see `nietVerstreken`).
 */
import type { Voorkomen } from './gba/persoonslijst.ts';
import { clean, datum } from './persoon.ts';
import { waarde } from './tables.ts';

type Json = Record<string, unknown>;

/** Aanduiding Europees kiesrecht (31.10). */
const EUROPEES_KIESRECHT: Record<string, string> = { '1': 'persoon is uitgesloten', '2': 'persoon ontvangt oproep' };

/**
 * Whether an einddatum (GBA, unknown parts 0) has not passed on `today`: a full date after
 * today; only a year known: this year or later; year and month known: this month or later.
 * An empty or wholly unknown date has not passed.
 */
export function nietVerstreken(einddatum: string | undefined, today = new Date()): boolean {
  if (!einddatum || !/^\d{8}$/.test(einddatum) || einddatum === '00000000') return true;
  const jaar = today.getFullYear();
  const maand = today.getMonth() + 1;
  const vandaag = jaar * 10000 + maand * 100 + today.getDate();
  if (einddatum.slice(4) === '0000') return Number(einddatum.slice(0, 4)) >= jaar;
  if (einddatum.slice(6) === '00') return Number(einddatum.slice(0, 6)) >= jaar * 100 + maand;
  return Number(einddatum) > vandaag;
}

export function europeesKiesrecht(v: Voorkomen | undefined, today = new Date()): Json | undefined {
  if (!v?.['31.10'] || !nietVerstreken(v['31.30'], today)) return undefined;
  return clean({ aanduiding: waarde(EUROPEES_KIESRECHT, v['31.10']), einddatumUitsluiting: datum(v['31.30']) });
}

export function uitsluitingKiesrecht(v: Voorkomen | undefined, today = new Date()): Json | undefined {
  if (!v?.['38.10'] || !nietVerstreken(v['38.20'], today)) return undefined;
  return clean({ uitgeslotenVanKiesrecht: true, einddatum: datum(v['38.20']) });
}
