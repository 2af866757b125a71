/**
 * The request body of POST /personen: one of seven query types, checked parameter by
 * parameter with the standard's codes and reasons (all errors at once), and the `fields`.
 */
import { checkFields, type ResponseSchema } from './fields.ts';
import { paramsValidation, type BrpInvalidParam } from './problem.ts';

export const QUERY_TYPES = [
  'RaadpleegMetBurgerservicenummer',
  'ZoekMetGeslachtsnaamEnGeboortedatum',
  'ZoekMetNaamEnGemeenteVanInschrijving',
  'ZoekMetPostcodeEnHuisnummer',
  'ZoekMetStraatHuisnummerEnGemeenteVanInschrijving',
  'ZoekMetNummeraanduidingIdentificatie',
  'ZoekMetAdresseerbaarObjectIdentificatie',
] as const;
export type QueryType = (typeof QUERY_TYPES)[number];

const P = {
  geslachtsnaam: String.raw`^[a-zA-Z0-9À-ž \.\-\']{1,200}$|^[a-zA-Z0-9À-ž \.\-\']{3,199}\*{1}$`,
  voornamenVerplicht: String.raw`^[a-zA-Z0-9À-ž \.\-\']{1,200}$|^[a-zA-Z0-9À-ž \.\-\']{3,199}\*{1}$`,
  voornamenOptioneel: String.raw`^[a-zA-Z0-9À-ž \.\-\']{1,199}\*{0,1}$`,
  voorvoegsel: String.raw`^[a-zA-Z \']{1,10}$`,
  geslacht: String.raw`^([Mm]|[Vv]|[Oo])$`,
  bsn: String.raw`^[0-9]{9}$`,
  huisletter: String.raw`^[a-zA-Z]{1}$`,
  huisnummertoevoeging: String.raw`^[a-zA-Z0-9 \-]{1,4}$`,
  postcode: String.raw`^[1-9]{1}[0-9]{3}[ ]?[A-Za-z]{2}$`,
  straat: String.raw`^[a-zA-Z0-9À-ž \-\'\.]{1,80}$|^[a-zA-Z0-9À-ž \-\'\.]{7,79}\*{1}$|^\*{1}[a-zA-Z0-9À-ž \-\'\.]{7,79}$`,
  identificatie: String.raw`^(?!0{16})[0-9]{16}$`,
  gemeente: String.raw`^[0-9]{4}$`,
  field: String.raw`^[a-zA-Z0-9\._]{1,200}$`,
};

type Kind = { pattern: string } | 'date' | 'integer' | 'boolean' | 'bsnList';
interface TypeSpec {
  required: string[];
  optional: Record<string, Kind>;
  response: ResponseSchema;
}

const s = (pattern: string): Kind => ({ pattern });
const SPECS: Record<QueryType, TypeSpec> = {
  RaadpleegMetBurgerservicenummer: { required: ['burgerservicenummer'], optional: { burgerservicenummer: 'bsnList', gemeenteVanInschrijving: s(P.gemeente) }, response: 'Persoon' },
  ZoekMetGeslachtsnaamEnGeboortedatum: {
    required: ['geslachtsnaam', 'geboortedatum'],
    optional: { geslachtsnaam: s(P.geslachtsnaam), geboortedatum: 'date', geslacht: s(P.geslacht), voorvoegsel: s(P.voorvoegsel), voornamen: s(P.voornamenOptioneel), inclusiefOverledenPersonen: 'boolean', gemeenteVanInschrijving: s(P.gemeente) },
    response: 'PersoonBeperkt',
  },
  ZoekMetNaamEnGemeenteVanInschrijving: {
    required: ['geslachtsnaam', 'gemeenteVanInschrijving', 'voornamen'],
    optional: { geslachtsnaam: s(P.geslachtsnaam), voornamen: s(P.voornamenVerplicht), geslacht: s(P.geslacht), voorvoegsel: s(P.voorvoegsel), inclusiefOverledenPersonen: 'boolean', gemeenteVanInschrijving: s(P.gemeente) },
    response: 'PersoonBeperkt',
  },
  ZoekMetPostcodeEnHuisnummer: {
    required: ['postcode', 'huisnummer'],
    optional: { postcode: s(P.postcode), huisnummer: 'integer', huisletter: s(P.huisletter), huisnummertoevoeging: s(P.huisnummertoevoeging), geboortedatum: 'date', geslachtsnaam: s(P.geslachtsnaam), inclusiefOverledenPersonen: 'boolean', gemeenteVanInschrijving: s(P.gemeente) },
    response: 'PersoonBeperkt',
  },
  ZoekMetStraatHuisnummerEnGemeenteVanInschrijving: {
    required: ['straat', 'huisnummer', 'gemeenteVanInschrijving'],
    optional: { straat: s(P.straat), huisnummer: 'integer', huisletter: s(P.huisletter), huisnummertoevoeging: s(P.huisnummertoevoeging), inclusiefOverledenPersonen: 'boolean', gemeenteVanInschrijving: s(P.gemeente) },
    response: 'PersoonBeperkt',
  },
  ZoekMetNummeraanduidingIdentificatie: { required: ['nummeraanduidingIdentificatie'], optional: { nummeraanduidingIdentificatie: s(P.identificatie), inclusiefOverledenPersonen: 'boolean', gemeenteVanInschrijving: s(P.gemeente) }, response: 'PersoonBeperkt' },
  ZoekMetAdresseerbaarObjectIdentificatie: { required: ['adresseerbaarObjectIdentificatie'], optional: { adresseerbaarObjectIdentificatie: s(P.identificatie), inclusiefOverledenPersonen: 'boolean', gemeenteVanInschrijving: s(P.gemeente) }, response: 'GezagPersoonBeperkt' },
};

export interface PersonenQuery {
  type: QueryType;
  /** The asked paths, normalised (a part of a date or table value stands for all of it). */
  paths: string[];
  /** The fields as the client sent them (authorisation and the log name these). */
  fields: string[];
  params: Record<string, unknown>;
  response: ResponseSchema;
}

function isValidDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

function checkValue(name: string, value: unknown, kind: Kind, out: BrpInvalidParam[]): void {
  if (kind === 'boolean') {
    if (typeof value !== 'boolean') out.push({ code: 'boolean', name, reason: 'Waarde is geen boolean.' });
  } else if (kind === 'integer') {
    if (typeof value !== 'number' || !Number.isInteger(value)) out.push({ code: 'integer', name, reason: 'Waarde is geen geldig getal.' });
    else if (value < 1) out.push({ code: 'minimum', name, reason: 'Waarde is lager dan minimum 1.' });
    else if (value > 99999) out.push({ code: 'maximum', name, reason: 'Waarde is hoger dan maximum 99999.' });
  } else if (kind === 'date') {
    if (typeof value !== 'string' || !isValidDate(value)) out.push({ code: 'date', name, reason: 'Waarde is geen geldige datum.' });
  } else if (kind === 'bsnList') {
    if (!Array.isArray(value)) return void out.push({ code: 'array', name, reason: 'Parameter is geen array.' });
    if (value.length === 0) out.push({ code: 'minItems', name, reason: 'Array bevat minder dan 1 items.' });
    if (value.length > 20) out.push({ code: 'maxItems', name, reason: 'Array bevat meer dan 20 items.' });
    value.forEach((v, i) => {
      if (typeof v !== 'string' || !new RegExp(P.bsn).test(v)) out.push({ code: 'pattern', name: `${name}[${i}]`, reason: `Waarde voldoet niet aan patroon ${P.bsn}.` });
    });
  } else if (typeof value !== 'string' || !new RegExp(kind.pattern).test(value)) {
    out.push({ code: 'pattern', name, reason: `Waarde voldoet niet aan patroon ${kind.pattern}.` });
  }
}

/** Parses and checks a request body; throws a 400 paramsValidation problem listing every error. */
export function parseQuery(body: unknown): PersonenQuery {
  const input = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
  const errors: BrpInvalidParam[] = [];
  const type = input.type;
  if (type === undefined || type === null || type === '') throw paramsValidation([{ code: 'required', name: 'type', reason: 'Parameter is verplicht.' }]);
  if (!QUERY_TYPES.includes(type as QueryType)) throw paramsValidation([{ code: 'value', name: 'type', reason: 'Waarde is geen geldig zoek type.' }]);
  const spec = SPECS[type as QueryType];

  for (const name of Object.keys(input)) {
    if (name !== 'type' && name !== 'fields' && !(name in spec.optional)) errors.push({ code: 'unknownParam', name, reason: 'Parameter is niet verwacht.' });
  }
  for (const name of spec.required) {
    const value = input[name];
    if (value === undefined || value === null || value === '') errors.push({ code: 'required', name, reason: 'Parameter is verplicht.' });
  }
  for (const [name, kind] of Object.entries(spec.optional)) {
    const value = input[name];
    if (value === undefined || value === null || (value === '' && spec.required.includes(name))) continue;
    checkValue(name, value, kind, errors);
  }

  let paths: string[] = [];
  const fields = input.fields;
  if (fields === undefined || fields === null) errors.push({ code: 'required', name: 'fields', reason: 'Parameter is verplicht.' });
  else if (!Array.isArray(fields)) errors.push({ code: 'array', name: 'fields', reason: 'Parameter is geen array.' });
  else if (fields.length === 0) errors.push({ code: 'minItems', name: 'fields', reason: 'Array bevat minder dan 1 items.' });
  else if (fields.length > 130) errors.push({ code: 'maxItems', name: 'fields', reason: 'Array bevat meer dan 130 items.' });
  else {
    const wellFormed: { field: string; index: number }[] = [];
    fields.forEach((field, index) => {
      if (typeof field !== 'string' || !new RegExp(P.field).test(field)) errors.push({ code: 'pattern', name: `fields[${index}]`, reason: `Waarde voldoet niet aan patroon ${P.field}.` });
      else wellFormed.push({ field, index });
    });
    const checked = checkFields(spec.response, wellFormed.map((f) => f.field));
    paths = checked.paths;
    for (const e of checked.errors) errors.push({ code: 'fields', name: `fields[${wellFormed[e.index]!.index}]`, reason: `Parameter bevat een ${e.reason} veldnaam.` });
  }
  if (errors.length) throw paramsValidation(errors);

  const params: Record<string, unknown> = {};
  for (const name of Object.keys(spec.optional)) if (input[name] !== undefined && input[name] !== '') params[name] = input[name];
  return { type: type as QueryType, paths, fields: fields as string[], params, response: spec.response };
}
