/**
 * The name parts of adressering: aanhef, aanschrijfwijze (naam, aanspreekvorm) and
 * gebruikInLopendeTekst, composed from the person's naam, geslacht and aanduiding naamgebruik
 * (61.10) and the name of the partner whose name the person may use, as the standard's
 * features (bevragen/persoon/adressering) describe. Abbreviations as there: VL voorletters,
 * VV/GN voorvoegsel/geslachtsnaam, VP/GP those of the partner, AT/PR the own adellijke titel or
 * predicaat, HT the hoffelijkheidstitel (the female form of the partner's titel).
 */
import type { Persoonslijst, Voorkomen } from './gba/persoonslijst.ts';
import { ADELLIJKE_TITELS } from './tables.ts';

/** A geslachtsnaam with its standaardwaarde "." is no name. */
function bekend(value: string | undefined): string | undefined {
  return value && value !== '.' ? value : undefined;
}

/**
 * The partner whose name counts: of the marriages/partnerships not dissolved the oldest (the
 * GBA date compares as text, an unknown part 00 first); without one, the last dissolved one.
 * None when the person never had a partner.
 */
export function naamgebruikPartner(pl: Persoonslijst): Voorkomen | undefined {
  const partners = (pl.categorieen['05'] ?? []).map((s) => s[0]).filter((v): v is Voorkomen => v !== undefined && Object.values(v).some((x) => x !== ''));
  const actueel = partners.filter((v) => !v['07.10']).sort((a, b) => (a['06.10'] ?? '').localeCompare(b['06.10'] ?? ''));
  if (actueel.length) return actueel[0];
  return partners.filter((v) => v['07.10']).sort((a, b) => b['07.10']!.localeCompare(a['07.10']!))[0];
}

/** Female and male form of each titel and predicaat (undefined: none for that geslacht). */
const VORM: Record<string, { V?: string; M?: string }> = {
  B: { V: 'barones', M: 'baron' }, BS: { V: 'barones', M: 'baron' },
  G: { V: 'gravin', M: 'graaf' }, GI: { V: 'gravin', M: 'graaf' },
  H: { V: 'hertogin', M: 'hertog' }, HI: { V: 'hertogin', M: 'hertog' },
  M: { V: 'markiezin', M: 'markies' }, MI: { V: 'markiezin', M: 'markies' },
  P: { V: 'prinses', M: 'prins' }, PS: { V: 'prinses', M: 'prins' },
  R: { M: 'ridder' },
  JH: { V: 'jonkvrouw', M: 'jonkheer' }, JV: { V: 'jonkvrouw', M: 'jonkheer' },
};

/** The hoffelijkheidstitel a woman may use for her partner's titel, with its aanspreekvorm and aanhef. */
const HOFFELIJKHEIDSTITEL: Record<string, { titel: string; aanspreekvorm: string; aanhef: string }> = {
  B: { titel: 'barones', aanspreekvorm: 'De hoogwelgeboren vrouwe', aanhef: 'Hoogwelgeboren vrouwe' },
  G: { titel: 'gravin', aanspreekvorm: 'De hooggeboren vrouwe', aanhef: 'Hooggeboren vrouwe' },
  H: { titel: 'hertogin', aanspreekvorm: 'De hoogwelgeboren vrouwe', aanhef: 'Hoogwelgeboren vrouwe' },
  M: { titel: 'markiezin', aanspreekvorm: 'De hoogwelgeboren vrouwe', aanhef: 'Hoogwelgeboren vrouwe' },
  P: { titel: 'prinses', aanspreekvorm: 'De hoogheid', aanhef: 'Hoogheid' },
};

/** Aanspreekvorm in aanschrijfwijze for the person's own titel or predicaat. */
const AANSPREEKVORM: Record<string, string> = {
  R: 'De hoogwelgeboren heer', B: 'De hoogwelgeboren heer', BS: 'De hoogwelgeboren vrouwe', H: 'De hoogwelgeboren heer', HI: 'De hoogwelgeboren vrouwe',
  G: 'De hooggeboren heer', GI: 'De hooggeboren vrouwe', M: 'De hoogwelgeboren heer', MI: 'De hoogwelgeboren vrouwe', P: 'De hoogheid', PS: 'De hoogheid',
  JH: 'De hoogwelgeboren heer', JV: 'De hoogwelgeboren vrouwe',
};

/** Aanhef for the person's own titel or predicaat: by its kind and the person's geslacht (none for geslacht O, except a prins(es)). */
function aanhefTitel(code: string, geslacht: string | undefined): string | undefined {
  if (code === 'P' || code === 'PS') return 'Hoogheid';
  if (geslacht !== 'M' && geslacht !== 'V') return undefined;
  const kind = code === 'G' || code === 'GI' ? 'Hooggeboren' : 'Hoogwelgeboren';
  return `${kind} ${geslacht === 'M' ? 'heer' : 'vrouwe'}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Words in a row without empty parts, and two names joined by a dash. */
function words(...parts: (string | undefined)[]): string {
  return parts.filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
}
function dash(a: string, b: string): string {
  return [a, b].filter(Boolean).join('-');
}

export interface NaamAdressering {
  aanhef?: string;
  aanschrijfwijze?: { naam?: string; aanspreekvorm?: string };
  gebruikInLopendeTekst?: string;
}

/**
 * Aanhef, aanschrijfwijze and gebruikInLopendeTekst of a person (p: the actual voorkomen of
 * category 01), with `voorletters` as the naam gives them. Each is left out when it would have
 * to use an unknown geslachtsnaam of the person.
 */
export function naamAdressering(p: Voorkomen, pl: Persoonslijst, voorletters: string | undefined): NaamAdressering {
  const geslacht = p['04.10'];
  const partner = naamgebruikPartner(pl);
  const gevraagd = partner ? (p['61.10'] || 'E') : 'E';
  // The partner's name unknown: the person's own name is used.
  const partnerNaam = partner && bekend(partner['02.40']) ? words(partner['02.30'], partner['02.40']) : undefined;
  const naamgebruik = partnerNaam ? gevraagd : 'E';
  const eigenNaam = bekend(p['02.40']) ? words(p['02.30'], p['02.40']) : undefined;
  const eigenNaamNodig = naamgebruik !== 'P';

  const code = p['02.20'] && ADELLIJKE_TITELS[p['02.20']] ? p['02.20'] : undefined;
  const soort = code ? ADELLIJKE_TITELS[code]!.soort : undefined;
  const actuelePartner = Boolean(partner && !partner['07.10']);
  // A predicaat is not used by a woman with a partner or using a partner's name; no titel or predicaat with naamgebruik P.
  const eigenTitelMag = Boolean(code) && gevraagd !== 'P' && !(soort === 'predicaat' && geslacht === 'V' && (actuelePartner || gevraagd !== 'E'));
  const eigenVorm = eigenTitelMag && (geslacht === 'M' || geslacht === 'V') ? VORM[code!]?.[geslacht] : undefined;
  const hoffelijk = geslacht === 'V' && gevraagd !== 'E' && partner?.['02.20'] ? HOFFELIJKHEIDSTITEL[partner['02.20']] : undefined;

  const out: NaamAdressering = {};

  // Aanhef: a title's salutation, else "Geachte" with heer/mevrouw (or voorletters) and the names.
  const titelAanhef = hoffelijk?.aanhef ?? (eigenTitelMag && code ? aanhefTitel(code, geslacht) : undefined);
  if (titelAanhef) out.aanhef = titelAanhef;
  else if (!eigenNaamNodig || eigenNaam) {
    const namen = samengesteld(naamgebruik, eigenNaam ?? '', partnerNaam ?? '');
    out.aanhef = `Geachte ${aanspreking(geslacht, voorletters, namen, 'heer', 'mevrouw')}`;
  }

  if (eigenNaamNodig && !eigenNaam) return out;

  // Aanschrijfwijze: voorletters and names with the titles in lower case; a predicaat before the voorletters.
  const pr = eigenVorm && soort === 'predicaat' ? eigenVorm : undefined;
  const at = eigenVorm && soort === 'titel' ? eigenVorm : undefined;
  const ht = hoffelijk?.titel;
  const eigen = words(at, eigenNaam);
  const van = partnerNaam ? words(ht, partnerNaam) : '';
  let naam: string;
  if (naamgebruik === 'P') naam = words(voorletters, van);
  else if (naamgebruik === 'V') naam = words(voorletters, dash(van, words(pr, eigen)));
  else if (naamgebruik === 'N') naam = words(pr, voorletters, dash(eigen, van));
  else naam = words(pr, voorletters, eigen);
  const aanspreekvorm = hoffelijk && naamgebruik !== 'E' ? hoffelijk.aanspreekvorm : eigenVorm ? AANSPREEKVORM[code!] : undefined;
  out.aanschrijfwijze = { naam: capitalize(naam), ...(aanspreekvorm ? { aanspreekvorm } : {}) };

  // GebruikInLopendeTekst: starts with a title, or with "mevrouw"/"de heer" (or the voorletters).
  const eigenMetTitel = words(pr, at, eigenNaam);
  let tekst: string;
  if (naamgebruik === 'P') tekst = van;
  else if (naamgebruik === 'V') tekst = dash(van, eigenMetTitel);
  else if (naamgebruik === 'N') tekst = dash(eigenMetTitel, van);
  else tekst = eigenMetTitel;
  const startsWithTitle = (naamgebruik === 'P' || naamgebruik === 'V' ? ht : pr ?? at) !== undefined;
  out.gebruikInLopendeTekst = startsWithTitle ? tekst : aanspreking(geslacht, voorletters, tekst, 'de heer', 'mevrouw');
  return out;
}

/** The names by aanduiding naamgebruik: E own, P partner's, V partner's-own, N own-partner's. */
function samengesteld(naamgebruik: string, eigen: string, partner: string): string {
  if (naamgebruik === 'P') return partner;
  if (naamgebruik === 'V') return dash(partner, eigen);
  if (naamgebruik === 'N') return dash(eigen, partner);
  return eigen;
}

/** "heer"/"mevrouw" and the names with a capital, or (geslacht O) the voorletters and the names as they are. */
function aanspreking(geslacht: string | undefined, voorletters: string | undefined, namen: string, heer: string, mevrouw: string): string {
  if (geslacht === 'M') return `${heer} ${capitalize(namen)}`;
  if (geslacht === 'V') return `${mevrouw} ${capitalize(namen)}`;
  return voorletters ? `${voorletters} ${namen}` : capitalize(namen);
}
