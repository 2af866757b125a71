/**
 * From a GBA-V persoonslijst to the BRP API's Persoon: the actual values only (the API gives
 * no history), named and shaped as the standard does. What is implemented is listed in
 * docs/brp.md; categories not converted yet are left out rather than guessed.
 */
import { actueel, actueelEen, type Persoonslijst, type Voorkomen } from './gba/persoonslijst.ts';
import { immigratie, verblijfplaats } from './verblijfplaats.ts';
import { europeesKiesrecht, uitsluitingKiesrecht } from './kiesrecht.ts';
import { verblijfstitel } from './verblijfstitel.ts';
import { gezagsverhouding } from './gezagsverhouding.ts';
import { rniDeelnemers } from './rni.ts';
import { isActueleNationaliteit, nationaliteit } from './nationaliteit.ts';
import { ADELLIJKE_TITELS, GEMEENTEN, GESLACHT, LANDEN, NAAMGEBRUIK, plaats, waarde } from './tables.ts';

type Json = Record<string, unknown>;

const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** A GBA date (YYYYMMDD, unknown parts 0) as the standard's AbstractDatum. */
export function datum(value: string | undefined): Json | undefined {
  if (!value || !/^\d{8}$/.test(value)) return undefined;
  const jaar = Number(value.slice(0, 4));
  const maand = Number(value.slice(4, 6));
  const dag = Number(value.slice(6, 8));
  if (jaar === 0) return { type: 'DatumOnbekend', onbekend: true, langFormaat: 'onbekend' };
  if (maand === 0) return { type: 'JaarDatum', jaar, langFormaat: String(jaar) };
  if (dag === 0) return { type: 'JaarMaandDatum', jaar, maand, langFormaat: `${MAANDEN[maand - 1]} ${jaar}` };
  return { type: 'Datum', datum: `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`, langFormaat: `${dag} ${MAANDEN[maand - 1]} ${jaar}` };
}

/** Age in whole years on `today`, only for a complete date of birth. */
export function leeftijd(geboortedatum: string | undefined, today = new Date()): number | undefined {
  if (!geboortedatum || !/^\d{8}$/.test(geboortedatum) || geboortedatum.endsWith('00') || geboortedatum.slice(4, 6) === '00') return undefined;
  const y = Number(geboortedatum.slice(0, 4));
  const md = Number(geboortedatum.slice(4));
  const todayMd = (today.getMonth() + 1) * 100 + today.getDate();
  return today.getFullYear() - y - (todayMd < md ? 1 : 0);
}

export function voorletters(voornamen: string | undefined): string | undefined {
  if (!voornamen) return undefined;
  return voornamen
    .split(' ')
    .filter(Boolean)
    .map((n) => (n.length === 1 ? n : `${n[0]}.`))
    .join('');
}

function clean(object: Json): Json | undefined {
  const out: Json = {};
  for (const [k, v] of Object.entries(object)) if (v !== undefined && v !== '') out[k] = v;
  return Object.keys(out).length ? out : undefined;
}

function adellijkeTitel(code: string | undefined): Json | undefined {
  if (!code) return undefined;
  const titel = ADELLIJKE_TITELS[code];
  return titel ? { code, ...titel } : { code, omschrijving: code };
}

/** Male and female forms of the adellijke titels and predicaten (tabel 38 gives one of them). */
const VORMEN: [string, string][] = [['baron', 'barones'], ['graaf', 'gravin'], ['hertog', 'hertogin'], ['markies', 'markiezin'], ['prins', 'prinses'], ['jonkheer', 'jonkvrouw']];

/** A titel or predicaat in lower case, in the form of the person's geslacht; the table's form when there is none (geslacht O, a female ridder). */
function titelVorm(code: string, geslacht: string | undefined): string {
  const base = ADELLIJKE_TITELS[code]?.omschrijving ?? code.toLowerCase();
  const pair = VORMEN.find((forms) => forms.includes(base));
  if (!pair || (geslacht !== 'M' && geslacht !== 'V')) return base;
  return geslacht === 'M' ? pair[0] : pair[1];
}

/**
 * Voornamen, voorvoegsel and geslachtsnaam in a row; a predicaat goes before the voornamen, a
 * titel between voornamen and voorvoegsel. The standaardwaarde "." of geslachtsnaam is left out.
 */
function volledigeNaam(v: Voorkomen): string | undefined {
  const code = v['02.20'];
  const soort = code ? ADELLIJKE_TITELS[code]?.soort : undefined;
  const vorm = code ? titelVorm(code, v['04.10']) : undefined;
  const parts = [soort === 'predicaat' ? vorm : undefined, v['02.10'], soort === 'titel' ? vorm : undefined, v['02.30'], v['02.40'] === '.' ? undefined : v['02.40']];
  return parts.filter(Boolean).join(' ') || undefined;
}

function naam(v: Voorkomen | undefined, withNaamgebruik: Voorkomen | undefined): Json | undefined {
  if (!v) return undefined;
  const voornamen = v['02.10'];
  const voorvoegsel = v['02.30'];
  const geslachtsnaam = v['02.40'];
  return clean({
    voornamen,
    adellijkeTitelPredicaat: adellijkeTitel(v['02.20']),
    voorvoegsel,
    geslachtsnaam,
    voorletters: voorletters(voornamen),
    volledigeNaam: volledigeNaam(v),
    aanduidingNaamgebruik: withNaamgebruik ? waarde(NAAMGEBRUIK, withNaamgebruik['61.10']) : undefined,
  });
}

function geboorte(v: Voorkomen): Json | undefined {
  return clean({ datum: datum(v['03.10']), plaats: plaats(v['03.20']), land: waarde(LANDEN, v['03.30']) });
}

/** "by"/"to" as adresregel1 writes them. */
const AANDUIDING_IN_ADRESREGEL: Record<string, string> = { by: 'bij', to: 't/o' };

/**
 * Huisnummer, huisletter and toevoeging as adresregel1 writes them: "103 c", "400 LToe",
 * "9-2" (a toevoeging starting with a digit, without huisletter), "12 hs".
 */
function huisnummerTekst(v: Voorkomen): string {
  const [nummer, letter, toevoeging] = [v['11.20'], v['11.30'], v['11.40']];
  if (letter) return `${nummer} ${letter}${toevoeging ?? ''}`;
  if (toevoeging) return /^\d/.test(toevoeging) ? `${nummer}-${toevoeging}` : `${nummer} ${toevoeging}`;
  return nummer!;
}

/**
 * Adresregels: for an address straat (aanduiding) huisnummer / postcode and woonplaats (else
 * the gemeente) in capitals; for a locatie its description and the gemeente; abroad the
 * regels and land. Not delivered when straatnaam or huisnummer has its standaardwaarde, or an
 * address abroad has no regels or land onbekend.
 */
function adressering(v: Voorkomen | undefined): Json | undefined {
  if (!v) return undefined;
  const gemeente = GEMEENTEN[v['09.10'] ?? '']?.toUpperCase();
  if (v['11.20'] || v['11.10']) {
    if (!v['11.20'] || v['11.20'] === '0' || !v['11.10'] || v['11.10'] === '.') return undefined;
    const aanduiding = v['11.50'] ? `${AANDUIDING_IN_ADRESREGEL[v['11.50']] ?? v['11.50']} ` : '';
    return clean({
      adresregel1: `${v['11.10']} ${aanduiding}${huisnummerTekst(v)}`,
      adresregel2: [v['11.60'] ? `${v['11.60'].slice(0, 4)} ${v['11.60'].slice(4)}` : undefined, v['11.70']?.toUpperCase() ?? gemeente].filter(Boolean).join('  ') || undefined,
    });
  }
  if (v['12.10']) return clean({ adresregel1: v['12.10'], adresregel2: gemeente });
  if (v['13.10'] && v['13.10'] !== '0000' && (v['13.30'] || v['13.40'] || v['13.50'])) {
    return clean({ adresregel1: v['13.30'], adresregel2: v['13.40'], adresregel3: v['13.50'], land: waarde(LANDEN, v['13.10']) });
  }
  return undefined;
}

/** A related person (ouder, kind, partner) is delivered when its voorkomen holds any value. */
function hasData(v: Voorkomen): boolean {
  return Object.values(v).some((value) => value !== '');
}

/** The complete Persoon (all fields the store can give); `fields` selects from it afterwards. */
export function toPersoon(pl: Persoonslijst, today = new Date()): Json {
  const p = actueelEen(pl, '01') ?? {};
  const overlijden = actueelEen(pl, '06');
  const inschrijving = actueelEen(pl, '07');
  const verblijf = actueelEen(pl, '08');
  const persoon: Json = {
    aNummer: p['01.10'],
    burgerservicenummer: p['01.20'],
    geslacht: waarde(GESLACHT, p['04.10']),
    naam: naam(p, p),
    geboorte: geboorte(p),
    leeftijd: overlijden?.['08.10'] ? undefined : leeftijd(p['03.10'], today),
    overlijden: overlijden ? clean({ datum: datum(overlijden['08.10']), plaats: plaats(overlijden['08.20']), land: waarde(LANDEN, overlijden['08.30']) }) : undefined,
    gemeenteVanInschrijving: verblijf ? waarde(GEMEENTEN, verblijf['09.10']) : undefined,
    datumInschrijvingInGemeente: verblijf ? datum(verblijf['09.20']) : undefined,
    datumEersteInschrijvingGBA: inschrijving ? datum(inschrijving['68.10']) : undefined,
    verblijfplaats: verblijfplaats(verblijf),
    adressering: adressering(verblijf),
    nationaliteiten: actueel(pl, '04').filter(isActueleNationaliteit).map(nationaliteit),
    ouders: (['02', '03'] as const)
      .map((c) => ({ c, v: actueelEen(pl, c) }))
      .filter(({ v }) => v && hasData(v))
      .map(({ c, v }) => clean({ ouderAanduiding: c === '02' ? '1' : '2', burgerservicenummer: v!['01.20'], naam: naam(v, undefined), geslacht: waarde(GESLACHT, v!['04.10']), geboorte: geboorte(v!), datumIngangFamilierechtelijkeBetrekking: datum(v!['62.10']) })),
    kinderen: actueel(pl, '09')
      .filter(hasData)
      .map((v) => clean({ burgerservicenummer: v['01.20'], naam: naam(v, undefined), geboorte: geboorte(v) })),
    partners: actueel(pl, '05')
      .filter(hasData)
      .map((v) => clean({ burgerservicenummer: v['01.20'], naam: naam(v, undefined), geslacht: waarde(GESLACHT, v['04.10']), geboorte: geboorte(v), soortVerbintenis: waarde({ H: 'huwelijk', P: 'geregistreerd partnerschap' }, v['15.10']), aangaanHuwelijkPartnerschap: clean({ datum: datum(v['06.10']), plaats: plaats(v['06.20']), land: waarde(LANDEN, v['06.30']) }) })),
    immigratie: immigratie(verblijf),
    europeesKiesrecht: europeesKiesrecht(actueelEen(pl, '13'), today),
    uitsluitingKiesrecht: uitsluitingKiesrecht(actueelEen(pl, '13'), today),
    verblijfstitel: verblijfstitel(actueelEen(pl, '10'), today),
    ...gezagsverhouding(actueelEen(pl, '11')),
    rni: rniDeelnemers(pl),
    geheimhoudingPersoonsgegevens: inschrijving?.['70.10'] && inschrijving['70.10'] !== '0' ? true : undefined,
    opschortingBijhouding: inschrijving?.['67.10'] || inschrijving?.['67.20'] ? clean({ datum: datum(inschrijving['67.10']), reden: waarde({ O: 'overlijden', E: 'emigratie', M: 'ministerieel besluit', R: 'pl is aangelegd in de rni', F: 'fout', '.': 'onbekend' }, inschrijving['67.20']) }) : undefined,
  };
  for (const key of ['nationaliteiten', 'ouders', 'kinderen', 'partners', 'rni']) if ((persoon[key] as unknown[]).length === 0) delete persoon[key];
  return clean(persoon) ?? {};
}

/**
 * How text is searched: case- and diacritics-insensitive ("Käster" and "Kaster" find each
 * other, as the standard asks for geslachtsnaam). Applied to the columns and to the asked value.
 */
export function searchText(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The search columns of a persoonslijst (folded where the search is case-insensitive). */
export function searchColumns(pl: Persoonslijst): Record<string, unknown> {
  const p = actueelEen(pl, '01') ?? {};
  const v = actueelEen(pl, '08') ?? {};
  const overlijden = actueelEen(pl, '06');
  const inschrijving = actueelEen(pl, '07');
  return {
    burgerservicenummer: p['01.20'] ?? null,
    geslachtsnaam: p['02.40'] ? searchText(p['02.40']) : null,
    voornamen: p['02.10'] ? searchText(p['02.10']) : null,
    voorvoegsel: p['02.30']?.toLowerCase() ?? null,
    geslacht: p['04.10'] ?? null,
    geboortedatum: p['03.10'] ?? null,
    gemeente_van_inschrijving: v['09.10'] ?? null,
    postcode: v['11.60']?.replace(/\s/g, '').toUpperCase() ?? null,
    huisnummer: /^\d{1,5}$/.test(v['11.20'] ?? '') ? Number(v['11.20']) : null,
    huisletter: v['11.30'] ?? null,
    huisnummertoevoeging: v['11.40'] ?? null,
    // The standard searches "straatnaam of naam openbare ruimte": both are kept.
    straat: v['11.15'] ? searchText(v['11.15']) : null,
    straatnaam: v['11.10'] ? searchText(v['11.10']) : null,
    nummeraanduiding_identificatie: v['11.90'] ?? null,
    adresseerbaar_object_identificatie: v['11.80'] ?? null,
    overleden: Boolean(overlijden?.['08.10']) || inschrijving?.['67.20'] === 'O',
  };
}
