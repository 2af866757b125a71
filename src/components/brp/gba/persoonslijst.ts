/**
 * A persoonslijst (PL) as GBA-V holds it: per category (LO GBA: 01 persoon, 02/03 ouders,
 * 04 nationaliteit, 05 huwelijk/partnerschap, 06 overlijden, 07 inschrijving, 08
 * verblijfplaats, 09 kind, 10 verblijfstitel, 11 gezagsverhouding, 12 reisdocument, 13
 * kiesrecht) a list of stapels, each a list of voorkomens, the actual one first and the
 * historic ones (category 5x) after it. A voorkomen maps element numbers ("02.40") to values.
 */
export type Voorkomen = Record<string, string>;
export type Stapel = Voorkomen[];

export interface Persoonslijst {
  categorieen: Record<string, Stapel[]>;
}

export function emptyPersoonslijst(): Persoonslijst {
  return { categorieen: {} };
}

/** The actual voorkomen of each stapel of a category (a person may have several kinderen). */
export function actueel(pl: Persoonslijst, categorie: string): Voorkomen[] {
  return (pl.categorieen[categorie] ?? []).map((s) => s[0]).filter((v): v is Voorkomen => v !== undefined);
}

/** The actual voorkomen of a single-stapel category (01, 06, 07, 08). */
export function actueelEen(pl: Persoonslijst, categorie: string): Voorkomen | undefined {
  return actueel(pl, categorie)[0];
}

/** Adds a voorkomen: a new stapel, or history under the last stapel (becoming the new actual one when `actual`). */
export function addVoorkomen(pl: Persoonslijst, categorie: string, voorkomen: Voorkomen, place: 'stapel' | 'historie' | 'actueel'): void {
  const stapels = (pl.categorieen[categorie] ??= []);
  const last = stapels[stapels.length - 1];
  if (place === 'stapel' || !last) stapels.push([voorkomen]);
  else if (place === 'historie') last.push(voorkomen);
  else last.unshift(voorkomen);
}
