/**
 * From a GBA-V persoonslijst to the BRP API's Persoon: the actual values only (the API gives
 * no history), named and shaped as the standard does. What is implemented is listed in
 * docs/brp.md; categories not converted yet are left out rather than guessed.
 */
import { actueel, actueelEen, type Persoonslijst, type Voorkomen } from './gba/persoonslijst.ts';
import { immigratie, verblijfplaats } from './verblijfplaats.ts';
import { europeesKiesrecht, uitsluitingKiesrecht } from './kiesrecht.ts';
import { verblijfstitel } from './verblijfstitel.ts';
import { GEZAGSVERHOUDING_VELDEN, gezagsverhouding } from './gezagsverhouding.ts';
import { rniDeelnemers } from './rni.ts';
import { isActueleNationaliteit, nationaliteit } from './nationaliteit.ts';
import { naamAdressering, naamgebruikPartner } from './adressering.ts';
import * as io from './in-onderzoek.ts';
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

/**
 * Age in whole years on `today`. Not for an unknown year or month; with only the day unknown
 * the month decides, except in the month of birth itself (the birthday may or may not have passed).
 */
export function leeftijd(geboortedatum: string | undefined, today = new Date()): number | undefined {
  if (!geboortedatum || !/^\d{8}$/.test(geboortedatum) || geboortedatum.startsWith('0000') || geboortedatum.slice(4, 6) === '00') return undefined;
  const y = Number(geboortedatum.slice(0, 4));
  const maand = Number(geboortedatum.slice(4, 6));
  const dag = Number(geboortedatum.slice(6));
  if (dag === 0 && maand === today.getMonth() + 1) return undefined;
  const md = maand * 100 + dag;
  const todayMd = (today.getMonth() + 1) * 100 + today.getDate();
  return today.getFullYear() - y - (todayMd < md ? 1 : 0);
}

export function voorletters(voornamen: string | undefined): string | undefined {
  if (!voornamen) return undefined;
  // A voornaam of one letter stays that letter, without a dot and followed by a space when another voornaam follows.
  const namen = voornamen.split(' ').filter(Boolean);
  return namen.map((n, i) => (n.length === 1 ? (i < namen.length - 1 ? `${n} ` : n) : `${n[0]}.`)).join('');
}

/** The object without its empty values; undefined when nothing is left. */
export function clean(object: Json): Json | undefined {
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
  return parts.filter(Boolean).join(' ').replace(/\s+/g, ' ') || undefined;
}

function naam(v: Voorkomen | undefined, withNaamgebruik: Voorkomen | undefined, categorie: string): Json | undefined {
  if (!v) return undefined;
  const voornamen = v['02.10'];
  const voorvoegsel = v['02.30'];
  const geslachtsnaam = v['02.40'];
  const naam = clean({
    voornamen,
    adellijkeTitelPredicaat: adellijkeTitel(v['02.20']),
    voorvoegsel,
    // The standaardwaarde "." (geslachtsnaam onbekend) is not delivered.
    geslachtsnaam: geslachtsnaam === '.' ? undefined : geslachtsnaam,
    voorletters: voorletters(voornamen),
    // Only the person's own naam has a volledigeNaam (not NaamGerelateerde).
    volledigeNaam: withNaamgebruik ? volledigeNaam(v) : undefined,
    aanduidingNaamgebruik: withNaamgebruik ? waarde(NAAMGEBRUIK, withNaamgebruik['61.10']) : undefined,
    inOnderzoek: io.inOnderzoek(v, categorie, withNaamgebruik ? io.NAAM_PERSOON_VELDEN : io.NAAM_VELDEN, datum),
  });
  // A registered naam is an object even when none of its values is delivered.
  return naam ?? (['02.10', '02.20', '02.30', '02.40', '61.10'].some((e) => v[e]) ? {} : undefined);
}

/** A gemeente or land code 0000 is the standaardwaarde "onbekend": not delivered as a place or land of an event. */
function bekend(code: string | undefined): string | undefined {
  return code === '0000' ? undefined : code;
}

function geboorte(v: Voorkomen, categorie: string): Json | undefined {
  return groep(v, ['03.10', '03.20', '03.30'], { datum: datum(v['03.10']), plaats: plaats(bekend(v['03.20'])), land: waarde(LANDEN, bekend(v['03.30'])), inOnderzoek: io.inOnderzoek(v, categorie, io.GEBOORTE_VELDEN, datum) });
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

/**
 * A related person (ouder, kind, partner) is delivered when its voorkomen holds a value other
 * than its document (81, 82), geldigheid (85) and opneming (86) data.
 */
function hasData(v: Voorkomen): boolean {
  return Object.entries(v).some(([element, value]) => value !== '' && !/^(81|82|85|86)\./.test(element));
}

/** An object of a group the voorkomen has elements of: empty rather than absent when none of its values is delivered. */
function groep(v: Voorkomen, elementen: string[], object: Json): Json | undefined {
  return clean(object) ?? (elementen.some((e) => v[e]) ? {} : undefined);
}

function ouder(c: '02' | '03', v: Voorkomen): Json {
  return clean({
    ouderAanduiding: c === '02' ? '1' : '2',
    burgerservicenummer: v['01.20'],
    naam: naam(v, undefined, c),
    geslacht: waarde(GESLACHT, v['04.10']),
    geboorte: geboorte(v, c),
    datumIngangFamilierechtelijkeBetrekking: datum(v['62.10']),
    inOnderzoek: io.inOnderzoek(v, c, io.OUDER_VELDEN, datum),
  })!;
}

function kind(v: Voorkomen): Json {
  // A kind always has a naam (geslachtsnaam is mandatory in the GBA), possibly without delivered values.
  return clean({ burgerservicenummer: v['01.20'], naam: naam(v, undefined, '09') ?? {}, geboorte: geboorte(v, '09'), inOnderzoek: io.inOnderzoek(v, '09', io.KIND_VELDEN, datum) }) ?? {};
}

/** The partners delivered: every marriage/partnership not dissolved, else only the most recently dissolved one. */
function partners(pl: Persoonslijst): Voorkomen[] {
  const alle = actueel(pl, '05').filter(hasData);
  const actuele = alle.filter((v) => !v['07.10']);
  if (actuele.length) return actuele;
  const ontbonden = alle.sort((a, b) => b['07.10']!.localeCompare(a['07.10']!));
  return ontbonden.slice(0, 1);
}

function partner(v: Voorkomen): Json {
  return clean({
    burgerservicenummer: v['01.20'],
    naam: naam(v, undefined, '05'),
    geslacht: waarde(GESLACHT, v['04.10']),
    geboorte: geboorte(v, '05'),
    // Soort verbintenis "." is its standaardwaarde (onbekend).
    soortVerbintenis: v['15.10'] === '.' ? undefined : waarde({ H: 'huwelijk', P: 'geregistreerd partnerschap' }, v['15.10']),
    aangaanHuwelijkPartnerschap: groep(v, ['06.10', '06.20', '06.30'], { datum: datum(v['06.10']), plaats: plaats(bekend(v['06.20'])), land: waarde(LANDEN, bekend(v['06.30'])), inOnderzoek: io.inOnderzoek(v, '05', io.AANGAAN_VELDEN, datum) }),
    ontbindingHuwelijkPartnerschap: groep(v, ['07.10', '07.20', '07.30', '07.40'], { datum: datum(v['07.10']), inOnderzoek: io.inOnderzoek(v, '05', io.ONTBINDING_VELDEN, datum) }),
    inOnderzoek: io.inOnderzoek(v, '05', io.PARTNER_VELDEN, datum),
  }) ?? {};
}

/**
 * Adressering is always an object: the adresregels and the name parts (aanhef, ...), each
 * when it can be composed, with what of them is in onderzoek (the person's naam, the partner's
 * name, the verblijfplaats).
 */
function adresseringMetNaam(pl: Persoonslijst, p: Voorkomen, verblijf: Voorkomen | undefined): Json {
  let onderzoek = io.inOnderzoek(p, '01', io.ADRESSERING_PERSOON_VELDEN, datum, 'datumIngangOnderzoekPersoon');
  onderzoek = io.inOnderzoek(naamgebruikPartner(pl), '05', io.ADRESSERING_PARTNER_VELDEN, datum, 'datumIngangOnderzoekPartner', onderzoek);
  onderzoek = io.inOnderzoek(verblijf, '08', io.ADRESREGEL_VELDEN, datum, 'datumIngangOnderzoekVerblijfplaats', onderzoek);
  // 089999 "vastgesteld verblijft niet op adres" is told with the adresregels of an address or locatie.
  const vastgesteld = verblijf && (verblijf['11.10'] || verblijf['12.10']) && io.vastgesteldVerblijftNietOpAdres(verblijf) ? { indicatieVastgesteldVerblijftNietOpAdres: true } : {};
  return { ...adressering(verblijf), ...vastgesteld, ...naamAdressering(p, pl, voorletters(p['02.10'])), ...(onderzoek ? { inOnderzoek: onderzoek } : {}) };
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
    naam: naam(p, p, '01'),
    geboorte: geboorte(p, '01'),
    leeftijd: overlijden?.['08.10'] ? undefined : leeftijd(p['03.10'], today),
    overlijden: overlijden ? groep(overlijden, ['08.10', '08.20', '08.30'], { datum: datum(overlijden['08.10']), plaats: plaats(bekend(overlijden['08.20'])), land: waarde(LANDEN, bekend(overlijden['08.30'])), inOnderzoek: io.inOnderzoek(overlijden, '06', io.OVERLIJDEN_VELDEN, datum) }) : undefined,
    gemeenteVanInschrijving: verblijf ? waarde(GEMEENTEN, bekend(verblijf['09.10'])) : undefined,
    datumInschrijvingInGemeente: verblijf ? datum(verblijf['09.20']) : undefined,
    datumEersteInschrijvingGBA: inschrijving ? datum(inschrijving['68.10']) : undefined,
    verblijfplaats: verblijfplaats(verblijf),
    adressering: adresseringMetNaam(pl, p, verblijf),
    nationaliteiten: actueel(pl, '04').filter(isActueleNationaliteit).map(nationaliteit),
    ouders: (['02', '03'] as const)
      .map((c) => ({ c, v: actueelEen(pl, c) }))
      .filter(({ v }) => v && hasData(v))
      .map(({ c, v }) => ouder(c, v!)),
    kinderen: actueel(pl, '09').filter(hasData).map(kind),
    partners: partners(pl).map(partner),
    immigratie: immigratie(verblijf),
    europeesKiesrecht: europeesKiesrecht(actueelEen(pl, '13'), today),
    uitsluitingKiesrecht: uitsluitingKiesrecht(actueelEen(pl, '13'), today),
    verblijfstitel: verblijfstitel(actueelEen(pl, '10'), today),
    ...gezagsverhouding(actueelEen(pl, '11')),
    rni: rniDeelnemers(pl),
    inOnderzoek: io.inOnderzoek(
      actueelEen(pl, '11'), '11', GEZAGSVERHOUDING_VELDEN, datum, 'datumIngangOnderzoekGezag',
      io.inOnderzoek(verblijf, '08', io.GEMEENTE_VELDEN, datum, 'datumIngangOnderzoekGemeente', io.inOnderzoek(p, '01', io.PERSOON_VELDEN, datum, 'datumIngangOnderzoekPersoon')),
    ),
    geheimhoudingPersoonsgegevens: inschrijving?.['70.10'] && inschrijving['70.10'] !== '0' ? true : undefined,
    verificatie: inschrijving ? groep(inschrijving, ['71.10', '71.20'], { datum: datum(inschrijving['71.10']), omschrijving: inschrijving['71.20'] }) : undefined,
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
