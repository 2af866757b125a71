/**
 * Reads RvIG's GBA-V test set format (testset-gba-v-*.csv): `;`-separated, a header row of
 * LO GBA element numbers ("01.02.40": category 01, element 02.40) and per category a column
 * "CC.H". A row whose first column holds an id starts a persoonslijst; following rows with
 * an empty first column continue it, one further voorkomen per category per row. The "CC.H"
 * value of a row says what the category's next row is: a historic voorkomen of the same
 * stapel (5x, e.g. 58) or a new stapel (the category itself, e.g. 09 for a next kind).
 */
import { addVoorkomen, emptyPersoonslijst, type Persoonslijst, type Voorkomen } from './persoonslijst.ts';

export interface TestsetPersoon {
  id: string;
  pl: Persoonslijst;
}

export function* parseTestset(text: string): Generator<TestsetPersoon> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0]!.split(';');
  let current: TestsetPersoon | undefined;
  let next: Record<string, 'stapel' | 'historie'> = {};
  for (const line of lines.slice(1)) {
    if (line.trim() === '') continue;
    const cells = line.split(';');
    if (cells[0]) {
      if (current) yield current;
      current = { id: cells[0], pl: emptyPersoonslijst() };
      next = {};
    }
    if (!current) throw new Error('Het bestand begint niet met een persoonslijst (eerste kolom leeg).');
    const rows: Record<string, Voorkomen> = {};
    const marks: Record<string, string> = {};
    header.forEach((column, i) => {
      const value = cells[i];
      if (i === 0 || !value) return;
      const [categorie, group, element] = column.split('.');
      if (group === 'H') marks[categorie!] = value;
      else (rows[categorie!] ??= {})[`${group}.${element}`] = value;
    });
    for (const [categorie, voorkomen] of Object.entries(rows)) {
      addVoorkomen(current.pl, categorie, voorkomen, next[categorie] ?? 'stapel');
      delete next[categorie];
    }
    for (const [categorie, mark] of Object.entries(marks)) next[categorie] = Number(mark) > 50 ? 'historie' : 'stapel';
  }
  if (current) yield current;
}
