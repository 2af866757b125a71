/**
 * Step definitions for the official BRP Personen acceptance features
 * (../shared/standards/brp/features, Dutch Gherkin; the steps are documented in its docs/).
 * Each scenario's "Gegeven" persons and addresses become GBA-V persoonslijsten, stored with
 * the same `savePersoonslijst` the import uses; "Als" calls the API over HTTP; "Dan" compares.
 * Only the steps the zoeken, input-validatie and simple bevragen features use are here
 * (docs/brp.md says what the rest needs).
 */
import { After, AfterAll, Before, BeforeAll, Given, Then, When, setDefaultTimeout, type DataTable } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { SignJWT } from 'jose';
import { buildOpenGrond, type OpenGrond } from '../../src/server.ts';
import { addVoorkomen, emptyPersoonslijst, type Persoonslijst } from '../../src/components/brp/gba/persoonslijst.ts';
import { deleteAllPersoonslijsten, savePersoonslijst } from '../../src/components/brp/store.ts';
import { deleteAllGezagsrelaties, saveGezagsrelaties, type Gezagsrelatie } from '../../src/components/brp/gezag.ts';
import { DEMO_VERWERKINGSACTIVITEITEN } from '../../src/platform/logboek/logboek.ts';
import { ADELLIJKE_TITELS, GEMEENTEN } from '../../src/components/brp/tables.ts';

setDefaultTimeout(20_000);
const CLIENT = { clientId: 'brp-features', secret: 'brp-features-secret-0123456789' };
/** An afnemer with only the BRP authorisation a scenario gives it ("de afnemer met indicatie ... is geautoriseerd voor ..."). */
export const AFNEMER = { clientId: 'brp-features-afnemer', secret: 'brp-features-afnemer-secret-0123' };
export let og: OpenGrond;
let baseUrl: string;

BeforeAll(async () => {
  const database = process.env.TEST_DATABASE_URL ? { kind: 'postgres' as const, url: process.env.TEST_DATABASE_URL } : { kind: 'pglite' as const, memory: true as const };
  og = await buildOpenGrond({ database, components: ['brp'], brp: { now: () => w?.today ?? new Date() }, clients: [{ ...CLIENT, heeftAlleAutorisaties: true }, { ...AFNEMER, label: 'Afnemer 000008' }] });
  baseUrl = await og.app.listen({ port: 0, host: '127.0.0.1' });
});
AfterAll(async () => og.close());

interface Adres {
  elements: Record<string, string>;
}
interface World {
  personen: Map<string, Persoonslijst>;
  adressen: Map<string, Adres>;
  last?: string;
  bsnSeq: number;
  /** The client that asks: CLIENT (all rights) unless a scenario authorises an afnemer. */
  client?: typeof CLIENT;
  adresSeq: number;
  /** The provisioned gezagsrelaties ("gelden de volgende gezagsrelaties"), in order. */
  gezagsrelaties: Gezagsrelatie[];
  /** The day the API takes as today for this scenario's request ("Als personen op '<datum>' wordt gezocht"); the real day otherwise. */
  today?: Date;
  response?: { status: number; body: any };
  /** The person the "Dan heeft de response een persoon ..." steps describe, compared whole after the scenario. */
  expected?: Record<string, any>;
}
export let w: World;

Before(async () => {
  await deleteAllPersoonslijsten(og.database.db);
  await deleteAllGezagsrelaties(og.database.db);
  w = { personen: new Map(), adressen: new Map(), bsnSeq: 0, adresSeq: 0, gezagsrelaties: [] };
});
// The "een persoon met ..." steps each describe a part; the person is compared whole at the end.
After(() => {
  if (!w.expected) return;
  const personen = found();
  assert.equal(personen.length, 1, JSON.stringify(w.response!.body));
  assert.deepEqual(strings(w.response!.body.personen[0]), w.expected);
});

/** The next generated BSN, as the features' step implementation makes them: 000000012, 000000024, ... (11-proef). */
function nextBsn(): string {
  for (;;) {
    w.bsnSeq++;
    const digits = String(w.bsnSeq).padStart(8, '0');
    const sum = [...digits].reduce((s, d, i) => s + Number(d) * (9 - i), 0);
    if (sum % 11 < 10) return `${digits}${sum % 11}`;
  }
}

/** "burgerservicenummer (01.20)" → "01.20". */
export function element(column: string): string {
  const m = /\((\d{2}\.\d{2})\)/.exec(column);
  if (!m) throw new Error(`Geen elementnummer in kolom ${column}`);
  return m[1]!;
}

export function rows(table: DataTable | undefined): Record<string, string>[] {
  return table ? table.hashes() : [];
}

/** The data of a "Gegeven" table: one row under column headers, or a vertical `naam | waarde` table. */
export function gegevens(table: DataTable | undefined): Record<string, string> {
  if (!table) return {};
  const raw = table.raw();
  if (raw[0]?.[0] === 'naam' && raw[0]?.[1] === 'waarde' && raw[0].length === 2) return Object.fromEntries(raw.slice(1).map(([k, v]) => [k!, v!]));
  return table.hashes()[0] ?? {};
}

/** GBA date from a feature date: DD-MM-YYYY, YYYYMMDD, "N jaar geleden", "gisteren - N jaar", ... */
export function gbaDatum(value: string): string {
  if (/^\d{8}$/.test(value)) return value;
  let m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(value);
  if (m) return `${m[3]}${m[2]}${m[1]}`;
  const d = new Date();
  // "vorige maand - 10 jaar": a date of birth with the day unknown (00).
  m = /^(vorige|deze|volgende) maand - (\d+) jaar$/.exec(value.trim());
  if (m) {
    d.setDate(1);
    d.setMonth(d.getMonth() + (m[1] === 'vorige' ? -1 : m[1] === 'volgende' ? 1 : 0));
    d.setFullYear(d.getFullYear() - Number(m[2]));
    return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}00`;
  }
  const jaar = String(d.getFullYear());
  const maand = (delta: number) => {
    const x = new Date(d.getFullYear(), d.getMonth() + delta, 1);
    return `${x.getFullYear()}${String(x.getMonth() + 1).padStart(2, '0')}00`;
  };
  // Partial dates: only the year, or year and month, known.
  const partial: Record<string, string> = {
    'dit jaar': `${jaar}0000`, 'vorig jaar': `${Number(jaar) - 1}0000`, 'volgend jaar': `${Number(jaar) + 1}0000`,
    'deze maand': maand(0), 'vorige maand': maand(-1), 'volgende maand': maand(1),
  };
  if (partial[value.trim()]) return partial[value.trim()]!;
  m = /^(gisteren|vandaag|morgen)?\s*-?\s*(?:(\d+) jaar( geleden)?)?$/.exec(value.trim());
  if (m) {
    if (m[1] === 'gisteren') d.setDate(d.getDate() - 1);
    if (m[1] === 'morgen') d.setDate(d.getDate() + 1);
    if (m[2]) d.setFullYear(d.getFullYear() - Number(m[2]));
  }
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
}

export function persoon(naam: string): Persoonslijst {
  const pl = w.personen.get(naam);
  if (!pl) throw new Error(`Onbekende persoon ${naam}`);
  return pl;
}

function nieuwePersoon(naam: string, extra: Record<string, string> = {}): Persoonslijst {
  const pl = emptyPersoonslijst();
  addVoorkomen(pl, '01', { '01.20': nextBsn(), '02.40': naam, ...extra }, 'stapel');
  addVoorkomen(pl, '07', { '70.10': '0' }, 'stapel');
  w.personen.set(naam, pl);
  w.last = naam;
  return pl;
}


/**
 * GBA-V keeps a name with diacritics beside the one without ("geslachtsnaam (diakrieten)");
 * our persoonslijst holds the name as it is written, with them (the search folds diacritics).
 */
const DIAKRIETEN: Record<string, string> = { 'geslachtsnaam (diakrieten)': '02.40' };

/** Haal Centraal's test database keeps Europees kiesrecht (31.xx) and uitsluiting kiesrecht (38.xx) on the inschrijving row; in a persoonslijst they are category 13 (kiesrecht). */
const KIESRECHT = /\((31|38)\.\d{2}\)/;

export function setGegevens(pl: Persoonslijst, table: DataTable, categorie = '01'): void {
  const entries = Object.entries(gegevens(table));
  if (categorie !== '07') return setEntries(pl, entries, categorie);
  const kiesrecht = entries.filter(([column]) => KIESRECHT.test(column));
  if (kiesrecht.length) setEntries(pl, kiesrecht, '13');
  if (kiesrecht.length < entries.length) setEntries(pl, entries.filter(([column]) => !KIESRECHT.test(column)), '07');
}

function setEntries(pl: Persoonslijst, entries: [string, string][], categorie: string): void {
  const v = pl.categorieen[categorie]?.[0]?.[0] ?? (addVoorkomen(pl, categorie, {}, 'stapel'), pl.categorieen[categorie]![0]![0]!);
  for (const [column, value] of entries) if (value !== '' && !(column in DIAKRIETEN)) v[element(column)] = /datum/.test(column) ? gbaDatum(value) : value;
  for (const [column, value] of entries) if (value !== '' && column in DIAKRIETEN) v[DIAKRIETEN[column]!] = value;
}

async function save(): Promise<void> {
  await deleteAllPersoonslijsten(og.database.db);
  for (const pl of w.personen.values()) await savePersoonslijst(og.database.db, pl);
  await deleteAllGezagsrelaties(og.database.db);
  await saveGezagsrelaties(og.database.db, w.gezagsrelaties);
}

// ---- Gegeven ---------------------------------------------------------------------------

Given(/^(?:de )?persoon '([^']*)'$/, (naam: string) => void nieuwePersoon(naam));
Given(/^(?:de )?persoon '([^']*)' met burgerservicenummer '(\d{9})'$/, (naam: string, bsn: string) => void nieuwePersoon(naam, { '01.20': bsn }));
Given(/^de persoon met burgerservicenummer '(\d{9})' heeft de volgende gegevens$/, (bsn: string, table: DataTable) => setGegevens(persoonMetBsn(bsn), table));
Given(/^(?:de )?persoon '([^']*)' heeft de volgende gegevens$/, (naam: string, table: DataTable) => setGegevens(w.personen.get(naam) ?? nieuwePersoon(naam), table));
Given(/^heeft de volgende gegevens$/, (table: DataTable) => setGegevens(persoon(w.last!), table));
Given(/^de (?:op (\d{2}-\d{2}-\d{4}) )?geboren (?:(man|vrouw) )?'([^']*)'$/, (datum: string | undefined, geslacht: string | undefined, naam: string) => {
  nieuwePersoon(naam, { ...(datum ? { '03.10': gbaDatum(datum) } : {}), '03.30': '6030', ...(geslacht ? { '04.10': geslacht === 'man' ? 'M' : 'V' } : {}) });
});
/** The LO GBA category of a "Gegeven ... 'verblijfplaats' gegevens" step. */
const CATEGORIE: Record<string, string> = {
  nationaliteit: '04', partner: '05', 'ex-partner': '05', overlijden: '06', inschrijving: '07', verblijfplaats: '08',
  kind: '09', verblijfstitel: '10', gezagsverhouding: '11', kiesrecht: '13',
};
export function categorie(naam: string): string {
  const c = CATEGORIE[naam];
  if (!c) throw new Error(`Onbekende categorie ${naam}`);
  return c;
}
export function persoonMetBsn(bsn: string): Persoonslijst {
  const existing = [...w.personen.entries()].find(([, pl]) => pl.categorieen['01']?.[0]?.[0]?.['01.20'] === bsn);
  if (existing) return (w.last = existing[0]), existing[1];
  const pl = nieuwePersoon(bsn, { '01.20': bsn });
  delete pl.categorieen['01']![0]![0]!['02.40'];
  return pl;
}
// "heeft de volgende 'verblijfplaats' gegevens": the actual voorkomen of a single-stapel category.
Given(/^(?:de persoon met burgerservicenummer '(\d{9})'|de persoon) heeft de volgende '([^']*)' gegevens$/, (bsn: string | undefined, naam: string, table: DataTable) =>
  setGegevens(bsn ? persoonMetBsn(bsn) : persoon(w.last!), table, categorie(naam)),
);
// "En de 'verblijfplaats' heeft de volgende 'adres' gegevens": the address of the last person's verblijfplaats; its gemeentecode (92.10) is the gemeente van inschrijving (09.10).
Given(/^de 'verblijfplaats' heeft de volgende 'adres' gegevens$/, (table: DataTable) => {
  const pl = persoon(w.last!);
  const v = pl.categorieen['08']?.[0]?.[0] ?? (addVoorkomen(pl, '08', {}, 'stapel'), pl.categorieen['08']![0]![0]!);
  for (const [column, value] of Object.entries(gegevens(table))) {
    if (value === '') continue;
    // "gemeente_code" is how some features name the gemeentecode (92.10).
    const e = column === 'gemeente_code' ? '92.10' : element(column);
    v[e] = value;
  }
});
// "heeft een 'partner' met de volgende gegevens": a new stapel (a partner, kind, nationaliteit).
Given(/^(?:de persoon met burgerservicenummer '(\d{9})'|de persoon) heeft (?:een|nog een) '([^']*)' met de volgende gegevens$/, (bsn: string | undefined, naam: string, table: DataTable) => {
  const pl = bsn ? persoonMetBsn(bsn) : persoon(w.last!);
  addVoorkomen(pl, categorie(naam), {}, 'stapel');
  const stapels = pl.categorieen[categorie(naam)]!;
  const v = stapels[stapels.length - 1]![0]!;
  for (const [column, value] of Object.entries(gegevens(table))) if (value !== '') v[element(column)] = /datum/.test(column) ? gbaDatum(value) : value;
});
// A change of the person, a related person or a nationaliteit: a new actual voorkomen in its
// (last) stapel, the old one becoming history; a correction also marks the old one onjuist
// (84.10 "O"). The person keeps its burgerservicenummer: in the features' database the PL
// stays the same (the step writes a new persoon row to the same pl_id); our store finds a PL by it.
Given(/^(?:de|het) (?:'([^']*)'|ouder '([12])'|(persoon)) is (gewijzigd|gecorrigeerd) naar de volgende gegevens$/, (naam: string | undefined, ouder: string | undefined, zelf: string | undefined, soort: string, table: DataTable) => {
  const pl = persoon(w.last!);
  const c = zelf ? '01' : ouder ? (ouder === '1' ? '02' : '03') : categorie(naam!);
  const stapel = pl.categorieen[c]?.at(-1);
  if (!stapel) throw new Error(`Geen ${naam ?? zelf ?? `ouder ${ouder}`} om te wijzigen`);
  if (soort === 'gecorrigeerd') stapel[0]!['84.10'] = 'O';
  const v: Record<string, string> = zelf && stapel[0]!['01.20'] ? { '01.20': stapel[0]!['01.20'] } : {};
  for (const [column, value] of Object.entries(gegevens(table))) if (value !== '') v[element(column)] = /datum/.test(column) ? gbaDatum(value) : value;
  stapel.unshift(v);
});
// Statements about the partner history the scenario's data already satisfy (no partner stapel was given).
Given(/^de persoon heeft geen actuele partner$/, () => {
  assert.ok((persoon(w.last!).categorieen['05'] ?? []).every((s) => s[0]?.['07.10']), 'de persoon heeft een actuele partner');
});
Given(/^de persoon heeft (?:geen \(ex\)partner|nooit een actueel of ontbonden huwelijk of partnerschap gehad)$/, () => {
  assert.equal((persoon(w.last!).categorieen['05'] ?? []).length, 0, 'de persoon heeft een (ex)partner');
});
Given(/^(?:de persoon met burgerservicenummer '(\d{9})'|de persoon) heeft een ouder '([12])' met de volgende gegevens$/, (bsn: string | undefined, ouder: string, table: DataTable) =>
  setGegevens(bsn ? persoonMetBsn(bsn) : persoon(w.last!), table, ouder === '1' ? '02' : '03'),
);

// The landelijke tabellen are built in (tables.ts): the step checks that ours agrees with the feature's.
Given(/^landelijke tabel "Adellijke_Titel_Predicaat" heeft de volgende waarden$/, (table: DataTable) => {
  for (const { code, omschrijving, soort } of rows(table)) assert.deepEqual(ADELLIJKE_TITELS[code!], { omschrijving: omschrijving!.toLowerCase(), soort });
});

// As the features' own step: the overlijden (06) and the opschorting of the bijhouding (07, reden O).
Given(/^'([^']*)' is op (\d{2}-\d{2}-\d{4}) overleden$/, (naam: string, datum: string) => {
  const pl = persoon(naam);
  addVoorkomen(pl, '06', { '08.10': gbaDatum(datum) }, 'stapel');
  Object.assign(pl.categorieen['07']![0]![0]!, { '67.10': gbaDatum(datum), '67.20': 'O' });
});

function nieuwAdres(naam: string, gemeente = '0518', table?: DataTable): void {
  const i = ++w.adresSeq;
  const elements: Record<string, string> = {
    '92.10': gemeente,
    '11.10': `Straat ${i}`,
    '11.15': `Straat ${i}`,
    '11.20': String(i),
    '11.60': `2628H${String.fromCharCode(64 + i)}`,
    '11.80': `${gemeente}01000000${String(i).padStart(4, '0')}`,
    '11.90': `${gemeente}20000000${String(i).padStart(4, '0')}`,
  };
  for (const [column, value] of Object.entries(gegevens(table))) if (value !== '') elements[element(column)] = value;
  w.adressen.set(naam, { elements });
}
// With or without a table: cucumber passes a callback in the table's place when there is none.
Given(/^adres '([^']*)'$/, (naam: string, tableOrDone: DataTable | (() => void)) => {
  if (typeof tableOrDone === 'function') return void (nieuwAdres(naam), tableOrDone());
  nieuwAdres(naam, undefined, tableOrDone);
});
Given(/^adres '([^']*)' heeft de volgende gegevens$/, (naam: string, table: DataTable) => nieuwAdres(naam, undefined, table));
Given(/^adres '([^']*)' in gemeente '(.*)'$/, (naam: string, gemeente: string) => {
  const code = Object.entries(GEMEENTEN).find(([, n]) => n === gemeente.replace(/\\'/g, "'"))?.[0];
  nieuwAdres(naam, code ?? '0518');
});
Given(/^(?:persoon )?'([^']*)' is (?:(?:gisteren|vandaag|morgen) )?(\d+) jaar geleden ingeschreven op adres '([^']*)'$/, (naam: string, jaren: string, adres: string) => {
  const a = w.adressen.get(adres)!.elements;
  const { '92.10': gemeente, ...elements } = a;
  const datum = gbaDatum(`${jaren} jaar`);
  addVoorkomen(persoon(naam), '08', { '09.10': gemeente!, '09.20': datum, '10.10': 'W', '10.30': datum, ...elements }, 'stapel');
});

// ---- Als -------------------------------------------------------------------------------

async function ask(body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<void> {
  await save();
  const client = w.client ?? CLIENT;
  const token = await new SignJWT({ client_id: client.clientId }).setProtectedHeader({ alg: 'HS256' }).setIssuer(client.clientId).setIssuedAt().sign(new TextEncoder().encode(client.secret));
  const response = await fetch(`${baseUrl}/haalcentraal/api/brp/personen`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json; charset=utf-8', verwerkingsactiviteit: DEMO_VERWERKINGSACTIVITEITEN[0]!.id, ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  w.response = { status: response.status, body: text ? JSON.parse(text) : undefined };
}

function names(list: string): string[] {
  return list.split(/, | en /).map((s) => s.trim()).filter(Boolean);
}
function bsnOf(naam: string): string {
  return persoon(naam).categorieen['01']![0]![0]!['01.20']!;
}
function adres(naam: string): Record<string, string> {
  return w.adressen.get(naam)!.elements;
}

/** The query body for "<zoek criteria>" as the features write them. */
function criteria(text: string): Record<string, unknown> {
  let m: RegExpExecArray | null;
  if ((m = /^burgerservicenummer van '([^']*)'$/.exec(text))) return { type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: names(m[1]!).map(bsnOf) };
  if ((m = /^burgerservicenummer '(\d*)'$/.exec(text))) return { type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: [m[1]] };
  if (text === 'burgerservicenummer') return { type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: ['000000012'] };
  if ((m = /^geslachtsnaam en geboortedatum van '([^']*)'$/.exec(text))) {
    const p = persoon(m[1]!).categorieen['01']![0]![0]!;
    const d = p['03.10']!;
    return { type: 'ZoekMetGeslachtsnaamEnGeboortedatum', geslachtsnaam: p['02.40'], geboortedatum: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}` };
  }
  if ((m = /^geslachtsnaam '([^']*)' en geboortedatum '([^']*)'$/.exec(text))) return { type: 'ZoekMetGeslachtsnaamEnGeboortedatum', geslachtsnaam: m[1], geboortedatum: m[2] };
  if (text === 'geslachtsnaam en geboortedatum') return { type: 'ZoekMetGeslachtsnaamEnGeboortedatum', geslachtsnaam: 'Maassen', geboortedatum: '1983-05-26' };
  if ((m = /^geslachtsnaam '([^']*)', voornamen '([^']*)' en gemeente van inschrijving '([^']*)'$/.exec(text))) return { type: 'ZoekMetNaamEnGemeenteVanInschrijving', geslachtsnaam: m[1], voornamen: m[2], gemeenteVanInschrijving: m[3] };
  if (text === 'geslachtsnaam, voornamen en gemeente van inschrijving') return { type: 'ZoekMetNaamEnGemeenteVanInschrijving', geslachtsnaam: 'Maassen', voornamen: 'Pieter', gemeenteVanInschrijving: '0599' };
  if ((m = /^nummeraanduiding identificatie van '([^']*)'$/.exec(text))) return { type: 'ZoekMetNummeraanduidingIdentificatie', nummeraanduidingIdentificatie: adres(m[1]!)['11.90'] };
  if (text === 'nummeraanduiding identificatie') return { type: 'ZoekMetNummeraanduidingIdentificatie', nummeraanduidingIdentificatie: '0599200000219679' };
  if ((m = /^adresseerbaar object identificatie van '([^']*)'$/.exec(text))) return { type: 'ZoekMetAdresseerbaarObjectIdentificatie', adresseerbaarObjectIdentificatie: adres(m[1]!)['11.80'] };
  if (text === 'adresseerbaar object identificatie') return { type: 'ZoekMetAdresseerbaarObjectIdentificatie', adresseerbaarObjectIdentificatie: '0599010000219679' };
  if ((m = /^postcode en huisnummer van '([^']*)'$/.exec(text))) return { type: 'ZoekMetPostcodeEnHuisnummer', postcode: adres(m[1]!)['11.60'], huisnummer: Number(adres(m[1]!)['11.20']) };
  if ((m = /^postcode '([^']*)' en huisnummer '([^']*)'$/.exec(text))) return { type: 'ZoekMetPostcodeEnHuisnummer', postcode: m[1], huisnummer: Number(m[2]) };
  if (text === 'postcode en huisnummer') return { type: 'ZoekMetPostcodeEnHuisnummer', postcode: '2628HJ', huisnummer: 1 };
  if ((m = /^straatnaam '([^']*)', huisnummer '([^']*)' en gemeentecode '([^']*)'$/.exec(text))) return { type: 'ZoekMetStraatHuisnummerEnGemeenteVanInschrijving', straat: m[1], huisnummer: Number(m[2]), gemeenteVanInschrijving: m[3] };
  if ((m = /^straatnaam, huisnummer en gemeentecode van '([^']*)'$/.exec(text))) {
    const a = adres(m[1]!);
    return { type: 'ZoekMetStraatHuisnummerEnGemeenteVanInschrijving', straat: a['11.10'], huisnummer: Number(a['11.20']), gemeenteVanInschrijving: a['92.10'] };
  }
  if (text === 'straatnaam, huisnummer en gemeente van inschrijving') return { type: 'ZoekMetStraatHuisnummerEnGemeenteVanInschrijving', straat: 'Straat', huisnummer: 1, gemeenteVanInschrijving: '0599' };
  throw new Error(`Onbekende zoek criteria: ${text}`);
}

function parameters(table: DataTable | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rows(table)[0] ?? {})) out[k] = v === 'true' ? true : v === 'false' ? false : /^\d+$/.test(v) && k === 'huisnummer' ? Number(v) : v;
  return out;
}

When(/^'([^']*)' wordt gevraagd van personen gezocht met (?!.* en parameters$)(.+)$/, async (fields: string, text: string) => {
  await ask({ ...criteria(text), fields: fields.split(',').filter((f) => f !== '') });
});
When(/^'([^']*)' wordt gevraagd van personen gezocht met (.+) en parameters$/, async (fields: string, text: string, table: DataTable) => {
  await ask({ ...criteria(text), fields: fields.split(',').filter((f) => f !== ''), ...parameters(table) });
});
When(/^'([^']*)' wordt gevraagd van '([^']*)'$/, async (fields: string, naam: string) => ask({ type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: [bsnOf(naam)], fields: fields.split(',') }));
const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
/** "28 februari 2016" as a Date (noon, so no time zone moves the day). */
function dag(text: string): Date {
  const m = /^(\d{1,2}) (\p{L}+) (\d{4})$/u.exec(text.trim());
  if (!m || !MAANDEN.includes(m[2]!)) throw new Error(`Onbekende datum ${text}`);
  return new Date(Number(m[3]), MAANDEN.indexOf(m[2]!), Number(m[1]), 12);
}
When(/^(?:gba )?personen(?: op '([^']*)')? wordt gezocht met de volgende parameters$/, async (op: string | undefined, table: DataTable) => {
  if (op) w.today = dag(op);
  const body: Record<string, unknown> = {};
  const headers: Record<string, string> = {};
  for (const { naam, waarde } of rows(table)) {
    if (naam.startsWith('header: ')) headers[naam.slice(8)] = waarde;
    else if (naam === 'fields (als string)') body.fields = waarde;
    else if (naam === 'fields') body.fields = waarde === '' ? [] : waarde.split(',');
    else if (naam === 'burgerservicenummer') body.burgerservicenummer = waarde === '' ? [] : waarde.split(',');
    else if (naam === 'huisnummer') body.huisnummer = /^\d+$/.test(waarde) ? Number(waarde) : waarde;
    else if (naam === 'inclusiefOverledenPersonen') body.inclusiefOverledenPersonen = waarde === 'true' ? true : waarde === 'false' ? false : waarde;
    else body[naam] = waarde;
  }
  await ask(body, headers);
});

// ---- Dan -------------------------------------------------------------------------------

function found(): string[] {
  assert.equal(w.response!.status, 200, JSON.stringify(w.response!.body));
  return (w.response!.body.personen as any[]).map((p) => p.burgerservicenummer);
}
Then(/^wordt (?:alleen )?'([^']*)' gevonden$/, (list: string) => assert.deepEqual(found().sort(), names(list).map(bsnOf).sort()));
Then(/^worden (?:alleen )?'([^']*)' gevonden$/, (list: string) => assert.deepEqual(found().sort(), names(list).map(bsnOf).sort()));
Then(/^worden er geen personen gevonden$/, () => assert.deepEqual(found(), []));
/** Leaves as the feature tables write them: strings. */
function strings(value: any): any {
  if (Array.isArray(value)) return value.map(strings);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, strings(v)]));
  return String(value);
}
/** A `naam | waarde` table with dotted names as an object; empty values are absent. */
export function object(table: DataTable | undefined): Record<string, any> {
  const out: Record<string, any> = {};
  for (const { naam, waarde } of rows(table)) {
    if (waarde === '' || waarde === undefined) continue;
    const parts = naam!.split('.');
    let node = out;
    parts.slice(0, -1).forEach((part) => (node = node[part] ??= {}));
    node[parts[parts.length - 1]!] = waarde;
  }
  return out;
}
const LIJST: Record<string, string> = { partner: 'partners', kind: 'kinderen', ouder: 'ouders', nationaliteit: 'nationaliteiten' };
export function expected(): Record<string, any> {
  return (w.expected ??= {});
}
Then(/^heeft de response een persoon zonder gegevens$/, () => void expected());
Then(/^heeft de response een persoon met (?:alleen )?de volgende gegevens$/, (table: DataTable) => void Object.assign(expected(), object(table)));
Then(/^heeft de (?:response een persoon met|persoon) (?:alleen )?de volgende '([^']*)' gegevens$/, (veld: string, table: DataTable) => {
  const e = expected();
  e[veld] = { ...(e[veld] ?? {}), ...object(table) };
});
Then(/^heeft de (?:response een persoon met|persoon) een '([^']*)' met (?:alleen )?de volgende gegevens$/, (veld: string, table: DataTable) => {
  (expected()[LIJST[veld] ?? veld] ??= []).push(object(table));
});
Then(/^heeft de (?:response een persoon met|persoon) een '([^']*)' met (?:alleen )?de volgende '([^']*)' gegevens$/, (veld: string, sub: string, table: DataTable) => {
  (expected()[LIJST[veld] ?? veld] ??= []).push({ [sub]: object(table) });
});

// "zonder 'X' gegevens", "geen 'X' gegevens", "een leeg 'X' object": the part is an empty object
// (the features' step documentation: `"naam": {}`).
Then(/^heeft de (?:response een persoon zonder|persoon geen) '([^']*)' gegevens$/, (veld: string) => void (expected()[veld] = {}));
Then(/^heeft de (?:response een persoon met|persoon) een leeg '([^']*)' object\s*$/, (veld: string) => void (expected()[veld] = {}));
Then(/^heeft (?:de|het) '([^']*)' geen '([^']*)' gegevens\s*$/, (veld: string, sub: string) => {
  const e = expected();
  const lijst = LIJST[veld];
  const parent = lijst ? (e[lijst] ??= [{}]).at(-1) : (e[veld] ??= {});
  parent[sub] = {};
});
Then(/^heeft de response een persoon met een '([^']*)' zonder gegevens$/, (veld: string) => {
  (expected()[LIJST[veld] ?? veld] ??= []).push({});
});
Then(/^heeft de response een persoon met een '([^']*)' (?:zonder '([^']*)' gegevens|met een leeg '([^']*)' object)$/, (veld: string, zonder?: string, leeg?: string) => {
  (expected()[LIJST[veld] ?? veld] ??= []).push({ [(zonder ?? leeg)!]: {} });
});
// "En heeft de 'verblijfplaats' de volgende 'verblijfadres' gegevens": a part of a part (of the last item of a list).
Then(/^heeft de '([^']*)' de volgende '([^']*)' gegevens$/, (veld: string, sub: string, table: DataTable) => {
  const e = expected();
  const lijst = LIJST[veld];
  const parent = lijst ? (e[lijst] ??= [{}]).at(-1) : (e[veld] ??= {});
  parent[sub] = { ...(parent[sub] ?? {}), ...object(table) };
});

/** "heeft 'Saskia' de volgende 'opschortingBijhouding' gegevens": the field of that person, by dotted path. */
Then(/^heeft '([^']*)' de volgende '([^']*)' gegevens$/, (naam: string, veld: string, table: DataTable) => {
  found();
  const p = (w.response!.body.personen as any[]).find((x) => x.burgerservicenummer === bsnOf(naam));
  assert.ok(p, `${naam} niet in het antwoord`);
  const actual = Object.fromEntries(Object.keys(rows(table)[0]!).map((path) => [path, String(path.split('.').reduce((v: any, k) => v?.[k], p[veld]))]));
  assert.deepEqual(actual, rows(table)[0]);
});
Then(/^heeft de response (\d+) personen?$/, (n: string) => assert.equal(found().length, Number(n)));
Then(/^heeft de response geen foutmelding$/, () => assert.equal(w.response!.status, 200, JSON.stringify(w.response!.body)));
Then(/^heeft de response een (?:foutmelding|object met de volgende gegevens)$/, (table: DataTable) => {
  for (const { naam, waarde } of rows(table)) assert.equal(String(w.response!.body[naam]), waarde, `${naam}: ${JSON.stringify(w.response!.body)}`);
});
Then(/^(?:en )?(?:parameter foutmeldingen|heeft het object de volgende 'invalidParams' gegevens)$/, (table: DataTable) => {
  const expected = rows(table).map((r) => ({ code: r.code, name: r.name, reason: r.reason!.replace(/\\\|/g, '|') }));
  const actual = (w.response!.body.invalidParams as any[]).map((p) => ({ code: p.code, name: p.name, reason: p.reason }));
  assert.deepEqual(actual, expected);
});
