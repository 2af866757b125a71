/**
 * Loading the person store: from RvIG's GBA-V test set file (`opengrond brp import FILE`), and
 * synthetic persons for load tests (`opengrond brp generate N`). The acceptance features load
 * their "Gegeven" persons through `savePersoonslijst` too: one path into the store.
 */
import fs from 'node:fs';
import type { Database } from '../../platform/db/database.ts';
import { addVoorkomen, emptyPersoonslijst, type Persoonslijst } from './gba/persoonslijst.ts';
import { parseTestset } from './gba/testset-csv.ts';
import { insertPersoonslijsten, savePersoonslijst } from './store.ts';
import { checkGezagsrelatie, saveGezagsrelaties } from './gezag.ts';

/** Imports a test set file in one transaction; returns the number of persoonslijsten. */
export async function importTestset(database: Database, file: string): Promise<number> {
  const text = fs.readFileSync(file, 'utf8');
  return database.db.transaction().execute(async (tx) => {
    let n = 0;
    for (const { pl } of parseTestset(text)) {
      await savePersoonslijst(tx, pl);
      n++;
    }
    return n;
  });
}

/**
 * Imports gezagsrelaties (the outcome of a gezag determination) from a CSV file with the
 * columns the features use: `bsnMinderjarige,soortGezag,bsnMeerderjarige` (a header line, then
 * one relation a line; no bsnMeerderjarige for G and N). All or nothing: a wrong line stops
 * the import, naming the line. Returns the number of lines read.
 */
export async function importGezagsrelaties(database: Database, file: string): Promise<number> {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const columns = (header ?? '').split(',').map((c) => c.trim());
  if (!['bsnMinderjarige', 'soortGezag', 'bsnMeerderjarige'].every((c) => columns.includes(c))) throw new Error(`${file}: de eerste regel moet bsnMinderjarige,soortGezag,bsnMeerderjarige zijn.`);
  const relaties = lines.map((line, i) => {
    const values = line.split(',').map((v) => v.trim());
    try {
      return checkGezagsrelatie(Object.fromEntries(columns.map((c, j) => [c, values[j] ?? ''])));
    } catch (error) {
      throw new Error(`${file} regel ${i + 2}: ${(error as Error).message}`);
    }
  });
  await database.db.transaction().execute((tx) => saveGezagsrelaties(tx, relaties));
  return relaties.length;
}

/** A BSN that passes the 11-proef (9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 mod 11), from a sequence number. */
export function bsnFor(sequence: number): string {
  for (let base = sequence * 10; ; base++) {
    const digits = String(base % 1e8).padStart(8, '0');
    const sum = [...digits].reduce((s, d, i) => s + Number(d) * (9 - i), 0);
    const check = sum % 11;
    if (check < 10) {
      const bsn = `${digits}${check}`;
      if (bsn !== '000000000') return bsn;
    }
  }
}

export function isValidBsn(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn)) return false;
  const sum = [...bsn].reduce((s, d, i) => s + Number(d) * (i === 8 ? -1 : 9 - i), 0);
  return sum % 11 === 0;
}

const VOORNAMEN = ['Jan', 'Petra', 'Mohammed', 'Sanne', 'Pieter', 'Fatima', 'Kees', 'Anouk', 'Daan', 'Eva'];
const GESLACHTSNAMEN = ['Jansen', 'de Vries', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Yılmaz', 'Mulder', 'Bos'];
const STRATEN = ['Dorpsstraat', 'Kerkstraat', 'Schoolstraat', 'Molenweg', 'Stationsweg'];

/** A fictitious person, deterministic in `i`: name, birth, address in Rotterdam. */
export function syntheticPersoon(i: number): Persoonslijst {
  const pl = emptyPersoonslijst();
  const [voorvoegsel, naam] = (() => {
    const full = GESLACHTSNAMEN[i % GESLACHTSNAMEN.length]!;
    const m = /^(de|van den|van) (.+)$/.exec(full);
    return m ? [m[1], m[2]!] : [undefined, full];
  })();
  const jaar = 1930 + (i % 90);
  const datum = `${jaar}${String((i % 12) + 1).padStart(2, '0')}${String((i % 28) + 1).padStart(2, '0')}`;
  addVoorkomen(pl, '01', {
    '01.20': bsnFor(i),
    '02.10': VOORNAMEN[i % VOORNAMEN.length]!,
    ...(voorvoegsel ? { '02.30': voorvoegsel } : {}),
    '02.40': naam,
    '03.10': datum,
    '03.20': '0599',
    '03.30': '6030',
    '04.10': i % 2 ? 'V' : 'M',
    '61.10': 'E',
  }, 'stapel');
  addVoorkomen(pl, '08', {
    '09.10': '0599',
    '09.20': '20100101',
    '10.10': 'W',
    '10.30': '20100101',
    '11.10': STRATEN[i % STRATEN.length]!,
    '11.15': STRATEN[i % STRATEN.length]!,
    '11.20': String((i % 200) + 1),
    '11.60': `${3000 + (Math.floor(i / 200) % 100)}AB`,
    '11.70': 'Rotterdam',
    '11.80': `0599010${String(Math.floor(i / 4)).padStart(9, '0')}`,
    '11.90': `0599200${String(Math.floor(i / 4)).padStart(9, '0')}`,
  }, 'stapel');
  addVoorkomen(pl, '07', { '68.10': '20100101' }, 'stapel');
  return pl;
}

/**
 * Inserts `count` synthetic persons numbered from `from`, in batches of one statement each; the
 * next batch is made while the database stores the one before.
 */
export async function generatePersonen(database: Database, count: number, from = 1, onProgress?: (done: number) => void): Promise<void> {
  const batch = 5000;
  let pending: Promise<void> = Promise.resolve();
  for (let start = 0; start < count; start += batch) {
    const end = Math.min(count, start + batch);
    const pls: Persoonslijst[] = [];
    for (let i = start; i < end; i++) pls.push(syntheticPersoon(from + i));
    await pending;
    pending = insertPersoonslijsten(database.db, pls).then(() => onProgress?.(end));
  }
  await pending;
}
