/**
 * Verblijfplaats (LO GBA category 08) as the standard's four kinds: Adres, Locatie,
 * VerblijfplaatsBuitenland and VerblijfplaatsOnbekend (land 0000), each with its own fields,
 * their `inOnderzoek` and the indicatie "vastgesteld verblijft niet op adres" (83.10 = 089999).
 * Standaardwaarden that mean "onbekend" (straatnaam ".", huisnummer 0, woonplaats ".", an
 * identificatiecode of zeroes) are not delivered.
 */
import type { Voorkomen } from './gba/persoonslijst.ts';
import { inOnderzoek, vastgesteldVerblijftNietOpAdres } from './in-onderzoek.ts';
import { clean, datum } from './persoon.ts';
import { AANDUIDING_BIJ_HUISNUMMER, FUNCTIE_ADRES, LANDEN, waarde } from './tables.ts';

type Json = Record<string, unknown>;

const GEEN_IDENTIFICATIE = '0000000000000000';

/** An element's value, unless it is the standaardwaarde meaning "onbekend". */
function bekend(value: string | undefined, standaardwaarde: string): string | undefined {
  return value === standaardwaarde ? undefined : value;
}

// Which elements each field comes from, per kind (the features' in-onderzoek tables). `type`
// follows the identifying element of the kind: straatnaam, locatiebeschrijving or land.
const ADRES: Record<string, string[]> = { type: ['11.10'], datumVan: ['10.30'], functieAdres: ['10.10'], datumIngangGeldigheid: ['85.10'], adresseerbaarObjectIdentificatie: ['11.80'], nummeraanduidingIdentificatie: ['11.90'] };
const VERBLIJFADRES_BINNENLAND: Record<string, string[]> = {
  officieleStraatnaam: ['11.15'], korteStraatnaam: ['11.10'], huisnummer: ['11.20'], huisletter: ['11.30'], huisnummertoevoeging: ['11.40'],
  aanduidingBijHuisnummer: ['11.50'], postcode: ['11.60'], woonplaats: ['11.70'],
};
const LOCATIE: Record<string, string[]> = { type: ['12.10'], datumVan: ['10.30'], functieAdres: ['10.10'], datumIngangGeldigheid: ['85.10'] };
const VERBLIJFADRES_LOCATIE: Record<string, string[]> = { locatiebeschrijving: ['12.10'] };
const BUITENLAND: Record<string, string[]> = { type: ['13.10'], datumVan: ['13.20'], datumIngangGeldigheid: ['85.10'] };
const VERBLIJFADRES_BUITENLAND: Record<string, string[]> = { regel1: ['13.30'], regel2: ['13.40'], regel3: ['13.50'], land: ['13.10'] };

/** The verblijfadres with its own inOnderzoek; only its inOnderzoek when it holds no value. */
function verblijfadres(values: Json, v: Voorkomen, bronnen: Record<string, string[]>): Json | undefined {
  return clean({ ...values, inOnderzoek: inOnderzoek(v, '08', bronnen, datum) });
}

export function verblijfplaats(v: Voorkomen | undefined): Json | undefined {
  if (!v) return undefined;
  const binnenland = {
    datumVan: datum(v['10.30']),
    datumIngangGeldigheid: datum(v['85.10']),
    functieAdres: waarde(FUNCTIE_ADRES, v['10.10']),
    indicatieVastgesteldVerblijftNietOpAdres: vastgesteldVerblijftNietOpAdres(v) ? true : undefined,
  };
  if (['11.10', '11.15', '11.20', '11.30', '11.40', '11.60', '11.70', '11.80', '11.90'].some((e) => v[e])) {
    return clean({
      type: 'Adres',
      verblijfadres: verblijfadres(
        {
          officieleStraatnaam: v['11.15'],
          korteStraatnaam: bekend(v['11.10'], '.'),
          huisnummer: bekend(v['11.20'], '0') ? Number(v['11.20']) : undefined,
          huisletter: v['11.30'],
          huisnummertoevoeging: v['11.40'],
          aanduidingBijHuisnummer: waarde(AANDUIDING_BIJ_HUISNUMMER, v['11.50']),
          postcode: v['11.60'],
          woonplaats: bekend(v['11.70'], '.'),
        },
        v,
        VERBLIJFADRES_BINNENLAND,
      ),
      adresseerbaarObjectIdentificatie: bekend(v['11.80'], GEEN_IDENTIFICATIE),
      nummeraanduidingIdentificatie: bekend(v['11.90'], GEEN_IDENTIFICATIE),
      ...binnenland,
      inOnderzoek: inOnderzoek(v, '08', ADRES, datum),
    });
  }
  if (v['12.10']) {
    return clean({ type: 'Locatie', verblijfadres: verblijfadres({ locatiebeschrijving: v['12.10'] }, v, VERBLIJFADRES_LOCATIE), ...binnenland, inOnderzoek: inOnderzoek(v, '08', LOCATIE, datum) });
  }
  // Abroad (and onbekend, land 0000) the date the verblijfplaats began is datum aanvang adres buitenland (13.20).
  const buitenland = { datumVan: datum(v['13.20']), datumIngangGeldigheid: datum(v['85.10']), inOnderzoek: inOnderzoek(v, '08', BUITENLAND, datum) };
  if (v['13.10'] === '0000') return clean({ type: 'VerblijfplaatsOnbekend', ...buitenland });
  // Without land (13.10) there is no verblijfplaats buitenland, as there is no Adres without an address.
  if (v['13.10']) {
    return clean({
      type: 'VerblijfplaatsBuitenland',
      verblijfadres: verblijfadres({ regel1: v['13.30'], regel2: v['13.40'], regel3: v['13.50'], land: waarde(LANDEN, v['13.10']) }, v, VERBLIJFADRES_BUITENLAND),
      ...buitenland,
    });
  }
  return undefined;
}

const IMMIGRATIE: Record<string, string[]> = {
  landVanwaarIngeschreven: ['14.10'], vanuitVerblijfplaatsOnbekend: ['14.10'], datumVestigingInNederland: ['14.20'], indicatieVestigingVanuitBuitenland: ['14.20'],
};

/**
 * Immigratie (group 14 of the verblijfplaats): land vanwaar ingeschreven (standaardwaarde 0000
 * means "vanuit verblijfplaats onbekend"), datum vestiging in Nederland (which means "vestiging
 * vanuit buitenland"). "Vastgesteld verblijft niet op adres" does not put these in onderzoek.
 */
export function immigratie(v: Voorkomen | undefined): Json | undefined {
  if (!v) return undefined;
  return clean({
    landVanwaarIngeschreven: v['14.10'] !== '0000' ? waarde(LANDEN, v['14.10']) : undefined,
    vanuitVerblijfplaatsOnbekend: v['14.10'] === '0000' ? true : undefined,
    datumVestigingInNederland: datum(v['14.20']),
    indicatieVestigingVanuitBuitenland: v['14.20'] ? true : undefined,
    inOnderzoek: vastgesteldVerblijftNietOpAdres(v) ? undefined : inOnderzoek(v, '08', IMMIGRATIE, datum),
  });
}
