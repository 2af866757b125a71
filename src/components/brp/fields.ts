/**
 * The mandatory `fields` parameter: which paths exist per response schema (field-paths.ts,
 * generated from the standard), which may not be asked (the automatically supplied fields and
 * the parts of gezag), and filtering a person down to what was asked. Asking a part of a date
 * or a table value ("geboorte.datum.jaar", "geslacht.code", also a part that does not exist)
 * gives the whole date or table value, as the standard's features say.
 */
import { rniVoorVelden } from './rni.ts';
import { selectInOnderzoek } from './in-onderzoek.ts';
import { GEZAGPERSOONBEPERKT_FIELDS, PERSOON_FIELDS, PERSOONBEPERKT_FIELDS } from './field-paths.ts';

export type ResponseSchema = 'Persoon' | 'PersoonBeperkt' | 'GezagPersoonBeperkt';

/** Supplied with every person without being asked; asking them is refused. */
export const AUTOMATIC_FIELDS = ['inOnderzoek', 'geheimhoudingPersoonsgegevens', 'opschortingBijhouding', 'rni', 'verificatie'];

interface FieldSet {
  paths: Set<string>;
  /** Paths of dates and table values: asking any part of one gives all of it. */
  wholes: Set<string>;
}

function fieldSet(list: readonly string[]): FieldSet {
  const paths = new Set(list);
  const wholes = new Set(list.filter((p) => paths.has(`${p}.langFormaat`) || (paths.has(`${p}.code`) && paths.has(`${p}.omschrijving`))));
  return { paths, wholes };
}

const SETS: Record<ResponseSchema, FieldSet> = {
  Persoon: fieldSet(PERSOON_FIELDS),
  PersoonBeperkt: fieldSet(PERSOONBEPERKT_FIELDS),
  GezagPersoonBeperkt: fieldSet(GEZAGPERSOONBEPERKT_FIELDS),
};

export type FieldError = { index: number; reason: 'niet bestaande' | 'niet toegestane' };

/** The path a field value stands for: itself, or the date or table value it is a part of. */
function normalise(set: FieldSet, path: string): string | undefined {
  const parts = path.split('.');
  for (let i = 1; i < parts.length; i++) {
    const prefix = parts.slice(0, i).join('.');
    if (set.wholes.has(prefix)) return prefix;
  }
  return set.paths.has(path) ? path : undefined;
}

/**
 * The fields aliases for a client not authorised for verblijfplaats buitenland:
 * `verblijfplaatsBinnenland` (the verblijfplaats fields of an Adres or Locatie) and
 * `adresseringBinnenland` (adresregel1 and adresregel2). Under an alias the fields only a
 * verblijfplaats buitenland has do not exist. A person whose verblijfplaats is abroad or
 * onbekend gets no verblijfplaats for it, and an adressering without adresregels (the
 * features' "zonder 'adressering' gegevens").
 */
const ALIASES: Record<string, { target: string; exists: (rest: string) => boolean; whole?: string[]; leegBuiten?: boolean }> = {
  verblijfplaatsBinnenland: {
    target: 'verblijfplaats',
    exists: (rest) => !['.verblijfadres.regel1', '.verblijfadres.regel2', '.verblijfadres.regel3', '.verblijfadres.land'].some((p) => rest === p || rest.startsWith(`${p}.`)),
  },
  adresseringBinnenland: { target: 'adressering', exists: (rest) => ['', '.adresregel1', '.adresregel2'].includes(rest), whole: ['.adresregel1', '.adresregel2'], leegBuiten: true },
};

function aliasPath(set: FieldSet, alias: string, field: string): string | undefined {
  const { target, exists } = ALIASES[alias]!;
  const path = set.paths.has(target) ? normalise(set, `${target}${field.slice(alias.length)}`) : undefined;
  if (path === undefined || !exists(path.slice(target.length))) return undefined;
  return `${alias}${path.slice(target.length)}`;
}

/** The asked paths with the aliases resolved, and the objects that are delivered empty. */
function resolveAliases(persoon: Json, paths: string[]): { paths: string[]; leeg: string[] } {
  const soort = (persoon.verblijfplaats as Json | undefined)?.type;
  const binnen = soort === 'Adres' || soort === 'Locatie';
  const leeg: string[] = [];
  const resolved = paths.flatMap((path) => {
    const alias = ALIASES[path.split('.')[0]!];
    if (!alias) return [path];
    if (!binnen) return alias.leegBuiten && leeg.push(alias.target), [];
    const rest = path.slice(path.split('.')[0]!.length);
    return rest === '' && alias.whole ? alias.whole.map((r) => `${alias.target}${r}`) : [`${alias.target}${rest}`];
  });
  return { paths: resolved, leeg };
}

function isAutomatic(path: string): boolean {
  const parts = path.split('.');
  return AUTOMATIC_FIELDS.includes(parts[0]!) || parts.includes('inOnderzoek');
}

/** Checks every fields value; returns the normalised paths, or the errors. */
export function checkFields(schema: ResponseSchema, fields: string[]): { paths: string[]; errors: FieldError[] } {
  const set = SETS[schema];
  const paths: string[] = [];
  const errors: FieldError[] = [];
  fields.forEach((field, index) => {
    if (field.startsWith('gezag.') && set.paths.has('gezag')) return errors.push({ index, reason: 'niet toegestane' });
    const top = field.split('.')[0]!;
    const path = top in ALIASES ? aliasPath(set, top, field) : normalise(set, field);
    if (path === undefined) return errors.push({ index, reason: 'niet bestaande' });
    if (isAutomatic(path)) return errors.push({ index, reason: 'niet toegestane' });
    paths.push(path);
  });
  return { paths, errors };
}

type Json = Record<string, unknown>;

/**
 * The person with only the asked fields, plus the automatic ones. An `inOnderzoek` next to an
 * asked field comes along when the field is asked (a field's investigation is part of it).
 */
export function selectFields(persoon: Json, paths: string[]): Json {
  const tree: Json = {};
  const aliases = resolveAliases(persoon, paths);
  for (const target of aliases.leeg) tree[target] ??= {};
  for (const path of aliases.paths) {
    let node = tree;
    const parts = path.split('.');
    parts.forEach((part, i) => {
      if (node[part] === true) return;
      node = (node[part] = i === parts.length - 1 ? true : typeof node[part] === 'object' ? node[part] : {}) as Json;
    });
  }
  const out = pick(persoon, tree);
  // inOnderzoek only for the asked fields (pick); the other automatic fields whole.
  for (const field of AUTOMATIC_FIELDS) if (field !== 'inOnderzoek' && persoon[field] !== undefined) out[field] = persoon[field];
  // rni only for the categories the asked fields come from.
  const rni = rniVoorVelden(persoon.rni as Json[] | undefined, paths);
  if (rni) out.rni = rni;
  else delete out.rni;
  return out;
}

/**
 * The asked parts of an object. An object (or list item) the person has stays, empty when none
 * of the asked parts has a value, as the standard answers ("een 'ouder' zonder gegevens").
 */
function pick(value: Json, tree: Json): Json {
  const out: Json = {};
  for (const [key, sub] of Object.entries(tree)) {
    const v = value[key];
    if (v === undefined) continue;
    if (sub === true) out[key] = v;
    else if (Array.isArray(v)) {
      if (v.length) out[key] = v.map((item) => pick(item as Json, sub as Json));
    } else if (typeof v === 'object' && v !== null) out[key] = pick(v as Json, sub as Json);
  }
  // The investigation of the asked fields comes with them; of a polymorphic object (verblijfplaats,
  // a nationaliteit) also that of its discriminator `type`, which comes with any part of it.
  const typed = typeof value.type === 'string';
  if (value.inOnderzoek && typeof value.inOnderzoek === 'object' && tree.inOnderzoek === undefined) {
    const io = selectInOnderzoek(value.inOnderzoek as Json, typed ? [...Object.keys(tree), 'type'] : Object.keys(tree));
    if (io) out.inOnderzoek = io;
  }
  if (typed && out.type === undefined) out.type = value.type;
  for (const field of MEEGELEVERD) if (value[field] !== undefined) out[field] = value[field];
  return out;
}

/** Delivered with any part of the object they belong to (verblijfplaats, adressering). */
const MEEGELEVERD = ['indicatieVastgesteldVerblijftNietOpAdres'];
