/**
 * The landelijke tabellen as RvIG publishes them (tabellen/*.csv, see tabellen/README.md):
 * code → omschrijving, read once when the module loads. Every code ever issued is kept (also
 * those with a datum einde): a persoonslijst keeps the code it was given.
 */
import { readFileSync } from 'node:fs';

function landelijkeTabel(file: string): Record<string, string> {
  const text = readFileSync(new URL(`./tabellen/${file}`, import.meta.url), 'utf8');
  const table: Record<string, string> = {};
  // One row a line, every value quoted; the first line names the columns.
  for (const line of text.split('\n').slice(1)) {
    const [code, omschrijving] = [...line.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
    if (code !== undefined && omschrijving !== undefined) table[code] = omschrijving;
  }
  return table;
}

/** Tabel 32. */
export const NATIONALITEITEN_TABEL = landelijkeTabel('tabel32-nationaliteiten.csv');
/** Tabel 33. */
export const GEMEENTEN_TABEL = landelijkeTabel('tabel33-gemeenten.csv');
/** Tabel 34. */
export const LANDEN_TABEL = landelijkeTabel('tabel34-landen.csv');
/** Tabel 37. */
export const REDEN_NATIONALITEIT_TABEL = landelijkeTabel('tabel37-reden-nationaliteit.csv');
/** Tabel 56. */
export const VERBLIJFSTITELS_TABEL = landelijkeTabel('tabel56-verblijfstitels.csv');
/** Tabel 60. */
export const RNI_DEELNEMERS_TABEL = landelijkeTabel('tabel60-rni-deelnemers.csv');
/** Tabel 61. */
export const GEZAGSVERHOUDINGEN_TABEL = landelijkeTabel('tabel61-gezagsverhoudingen.csv');
