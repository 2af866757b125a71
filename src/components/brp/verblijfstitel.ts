/**
 * Verblijfstitel (LO GBA category 10): delivered while it holds: not "geen verblijfstitel
 * (meer)" (98) and its datum einde (39.20) not passed. Aanduiding 00 (onbekend) is delivered.
 */
import type { Voorkomen } from './gba/persoonslijst.ts';
import { inOnderzoek } from './in-onderzoek.ts';
import { nietVerstreken } from './kiesrecht.ts';
import { clean, datum } from './persoon.ts';
import { VERBLIJFSTITELS_TABEL } from './tabellen.ts';
import { waarde } from './tables.ts';

type Json = Record<string, unknown>;

export function verblijfstitel(v: Voorkomen | undefined, today = new Date()): Json | undefined {
  if (!v) return undefined;
  if (!v['39.10'] || v['39.10'] === '98' || !nietVerstreken(v['39.20'], today)) return undefined;
  return clean({
    aanduiding: waarde(VERBLIJFSTITELS_TABEL, v['39.10']),
    datumEinde: datum(v['39.20']),
    datumIngang: datum(v['39.30']),
    inOnderzoek: inOnderzoek(v, '10', { aanduiding: ['39.10'], datumEinde: ['39.20'], datumIngang: ['39.30'] }, datum),
  });
}
