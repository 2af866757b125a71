/**
 * `inOnderzoek`: which delivered fields rest on data under investigation. A voorkomen's
 * aanduiding gegevens in onderzoek (83.10, "CCGGEE": category, group, element; 00 for a whole
 * category or group) with its datum ingang (83.20); an investigation with a datum einde (83.30)
 * is over. Each API field names the elements it is made of, so a derived field (voorletters,
 * leeftijd, aanhef, adresregel1) is in onderzoek when one of its sources is.
 *
 * The object built here holds every field in onderzoek with the date(s) that go with them;
 * `selectInOnderzoek` keeps the part for the fields a client asked (fields.ts).
 */
import type { Voorkomen } from './gba/persoonslijst.ts';

type Json = Record<string, unknown>;

/** Per inOnderzoek object: field → the keys of the datum ingang that belong to it. */
const DATUMS = Symbol('datumIngangOnderzoek per veld');
type InOnderzoek = Json & { [DATUMS]?: Record<string, string[]> };

/** 089999: "vastgesteld verblijft niet op adres", which puts the whole verblijfplaats in onderzoek. */
export function vastgesteldVerblijftNietOpAdres(v: Voorkomen): boolean {
  return /^\d{2}9999$/.test(v['83.10'] ?? '');
}

/** Whether aanduiding 83.10 covers element "GG.EE" of category `categorie`. */
function covers(aanduiding: string, categorie: string, element: string): boolean {
  if (!/^\d{6}$/.test(aanduiding) || aanduiding.slice(0, 2) !== categorie) return false;
  const [groep, nummer] = element.split('.');
  const g = aanduiding.slice(2, 4);
  const e = aanduiding.slice(4, 6);
  return g === '00' || aanduiding.slice(2) === '9999' || (g === groep && (e === '00' || e === nummer));
}

/**
 * The fields of `velden` (field → source elements) in onderzoek through voorkomen `v` of
 * `categorie`, with its datum ingang as `datumSleutel`; added to `into` when given.
 */
export function inOnderzoek(
  v: Voorkomen | undefined,
  categorie: string,
  velden: Record<string, string[]>,
  datum: (value: string | undefined) => Json | undefined,
  datumSleutel = 'datumIngangOnderzoek',
  into?: Json,
): Json | undefined {
  const aanduiding = v?.['83.10'];
  if (!aanduiding || v['83.30']) return into;
  const geraakt = Object.entries(velden).filter(([, elementen]) => elementen.some((e) => covers(aanduiding, categorie, e))).map(([veld]) => veld);
  if (!geraakt.length) return into;
  const out = (into ?? {}) as InOnderzoek;
  const datums = (out[DATUMS] ??= {});
  for (const veld of geraakt) {
    out[veld] = true;
    (datums[veld] ??= []).includes(datumSleutel) || datums[veld]!.push(datumSleutel);
  }
  const d = datum(v['83.20']);
  if (d) out[datumSleutel] = d;
  return out;
}

/** The part of an inOnderzoek for the asked fields, with their dates; undefined when none is in onderzoek. */
export function selectInOnderzoek(io: Json, gevraagd: string[]): Json | undefined {
  const datums = (io as InOnderzoek)[DATUMS] ?? {};
  const out: Json = {};
  for (const veld of gevraagd) {
    if (io[veld] !== true) continue;
    out[veld] = true;
    for (const sleutel of datums[veld] ?? []) if (io[sleutel] !== undefined) out[sleutel] = io[sleutel];
  }
  return Object.keys(out).length ? out : undefined;
}

/** Source elements of the fields, per object (LO GBA element numbers within the category). */
export const NAAM_VELDEN: Record<string, string[]> = {
  voornamen: ['02.10'],
  adellijkeTitelPredicaat: ['02.20'],
  voorvoegsel: ['02.30'],
  geslachtsnaam: ['02.40'],
  voorletters: ['02.10'],
};
export const NAAM_PERSOON_VELDEN: Record<string, string[]> = { ...NAAM_VELDEN, volledigeNaam: ['02.10', '02.20', '02.30', '02.40', '04.10'], aanduidingNaamgebruik: ['61.10'] };
export const GEBOORTE_VELDEN: Record<string, string[]> = { datum: ['03.10'], plaats: ['03.20'], land: ['03.30'] };
export const PERSOON_VELDEN: Record<string, string[]> = { burgerservicenummer: ['01.20'], geslacht: ['04.10'], leeftijd: ['03.10'] };
export const GEMEENTE_VELDEN: Record<string, string[]> = { gemeenteVanInschrijving: ['09.10'], datumInschrijvingInGemeente: ['09.20'] };
export const OVERLIJDEN_VELDEN: Record<string, string[]> = { datum: ['08.10'], plaats: ['08.20'], land: ['08.30'] };
export const OUDER_VELDEN: Record<string, string[]> = { burgerservicenummer: ['01.20'], geslacht: ['04.10'], datumIngangFamilierechtelijkeBetrekking: ['62.10'] };
export const KIND_VELDEN: Record<string, string[]> = { burgerservicenummer: ['01.20'] };
export const PARTNER_VELDEN: Record<string, string[]> = { burgerservicenummer: ['01.20'], geslacht: ['04.10'], soortVerbintenis: ['15.10'] };
export const AANGAAN_VELDEN: Record<string, string[]> = { datum: ['06.10'], plaats: ['06.20'], land: ['06.30'] };
export const ONTBINDING_VELDEN: Record<string, string[]> = { datum: ['07.10'] };
/** Aanhef, aanschrijfwijze and gebruikInLopendeTekst: the person's naam and geslacht (category 01), the partner's name (05). */
const NAAM_ADRESSERING = ['aanhef', 'aanschrijfwijze', 'gebruikInLopendeTekst'];
export const ADRESSERING_PERSOON_VELDEN: Record<string, string[]> = Object.fromEntries(NAAM_ADRESSERING.map((v) => [v, ['02.10', '02.20', '02.30', '02.40', '04.10', '61.10']]));
export const ADRESSERING_PARTNER_VELDEN: Record<string, string[]> = Object.fromEntries(NAAM_ADRESSERING.map((v) => [v, ['02.20', '02.30', '02.40']]));
export const ADRESREGEL_VELDEN: Record<string, string[]> = {
  adresregel1: ['11.10', '11.20', '11.30', '11.40', '11.50', '12.10', '13.30'],
  adresregel2: ['09.10', '11.60', '11.70', '13.40'],
  adresregel3: ['13.50'],
  land: ['13.10'],
};
