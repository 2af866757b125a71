/**
 * Nationaliteiten (LO GBA category 04): the actual voorkomen of each stapel, unless the
 * nationaliteit has been ended (reden beëindigen, 64.10). Its kind follows the standard:
 * bijzonder Nederlanderschap B/V (65.10) or the code 0002/0500 make BehandeldAlsNederlander /
 * VastgesteldNietNederlander, 0000 NationaliteitOnbekend, 0499 Staatloos, any other code
 * Nationaliteit (with the nationaliteit itself).
 */
import type { Voorkomen } from './gba/persoonslijst.ts';
import { inOnderzoek } from './in-onderzoek.ts';
import { clean, datum } from './persoon.ts';
import { NATIONALITEITEN, REDEN_OPNAME_NATIONALITEIT, waarde } from './tables.ts';

type Json = Record<string, unknown>;

function nationaliteitType(n: Voorkomen): string {
  if (n['65.10'] === 'B' || n['05.10'] === '0002') return 'BehandeldAlsNederlander';
  if (n['65.10'] === 'V' || n['05.10'] === '0500') return 'VastgesteldNietNederlander';
  if (n['05.10'] === '0000') return 'NationaliteitOnbekend';
  if (n['05.10'] === '0499') return 'Staatloos';
  return 'Nationaliteit';
}

/** `type` follows the nationaliteit (05.10) and the bijzonder Nederlanderschap (65.10). */
const BRONNEN: Record<string, string[]> = { type: ['05.10', '65.10'], nationaliteit: ['05.10'], redenOpname: ['63.10'] };

/** A nationaliteit that is delivered: it has a nationaliteit or bijzonder Nederlanderschap and is not ended. */
export function isActueleNationaliteit(n: Voorkomen): boolean {
  return Boolean(n['05.10'] || n['65.10']) && !n['64.10'];
}

export function nationaliteit(n: Voorkomen): Json {
  const type = nationaliteitType(n);
  const io = inOnderzoek(n, '04', type === 'Nationaliteit' ? BRONNEN : { ...BRONNEN, nationaliteit: [] }, datum);
  // Reden opname 000 is the standaardwaarde ("onbekend"): not delivered.
  const reden = n['63.10'] && n['63.10'] !== '000' ? waarde(REDEN_OPNAME_NATIONALITEIT, n['63.10']) : undefined;
  return clean({ type, nationaliteit: type === 'Nationaliteit' ? waarde(NATIONALITEITEN, n['05.10']) : undefined, redenOpname: reden, datumIngangGeldigheid: datum(n['85.10']), inOnderzoek: io })!;
}
