/**
 * Request validation with Ajv, answering in ZGW terms: every broken rule becomes an
 * `invalidParams` entry named after the field (`autorisaties.0.zaaktype`) with the codes ZGW
 * clients know (`required`, `invalid_choice`, `max_length`, ...), and all of them at once.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { InvalidParam } from './problem.ts';
import { ProblemError, validationError } from './problem.ts';
import { variantsOf, type Variants } from './schema.ts';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => void;

function createAjv(coerceTypes: boolean | 'array'): Ajv {
  const ajv = new Ajv({ allErrors: true, verbose: true, coerceTypes, useDefaults: true, strict: false, removeAdditional: false });
  addFormats(ajv);
  // OpenAPI's `duration` (ISO 8601, e.g. P10D) is used throughout the Catalogi API.
  ajv.addFormat('duration', /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/);
  // Date-times as the ZGW reference implementations accept them: seconds, fraction and offset
  // optional (`2019-03-29T12:00:00` is UTC, as the database reads a time without offset).
  ajv.addFormat('date-time', {
    type: 'string',
    validate: (value: string) => /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)?$/i.test(value) && !Number.isNaN(Date.parse(value.replace(' ', 'T'))),
  });
  // The Zaken API documents `format: string` on some lists of plain strings: any string.
  ajv.addFormat('string', true);
  return ajv;
}

const bodyAjv = createAjv(false);
// Query strings and path parameters arrive as text: coerce `page=2` to a number.
const paramAjv = createAjv('array');

export type Part = 'body' | 'querystring' | 'params' | 'headers';

/**
 * Compiles a validator for one part of a request. Bodies are validated against the request
 * form of the schema: readOnly properties (`url`, `...Weergave`) are ignored as the standard
 * says, unknown ones too (PATCH bodies may leave out required ones); an empty string in an optional URL, date or choice field means
 * "not given", as ZGW clients send it (unless '' is one of the choices); a number in a text field is that text. Query strings may not carry unknown parameters.
 */
export function compileValidator(schema: object, part: Part, options: { partial?: boolean } = {}): (data: unknown) => void {
  const ajv = part === 'body' ? bodyAjv : paramAjv;
  let requestSchema = part === 'body' ? toRequestSchema(schema) : schema;
  // PATCH documents the full resource schema (as the ZGW specs do) but sends only what changes.
  if (options.partial) requestSchema = { ...requestSchema, required: [] };
  const validate: ValidateFunction = ajv.compile(requestSchema);
  const variants = part === 'body' ? variantValidator(schema) : undefined;
  return (data) => {
    if (part === 'body') blankToAbsent(requestSchema, data);
    if (part === 'querystring') {
      rejectUnknownParameters(requestSchema, data);
      splitCommaLists(requestSchema, data);
    }
    const errors = validate(data) ? [] : [...(validate.errors ?? [])];
    // A polymorphic body: the variant its discriminator selects checks the variant's own properties.
    if (variants && data && typeof data === 'object') {
      const value = (data as Record<string, unknown>)[variants.propertyName];
      if (typeof value === 'string') errors.push(...variants.check(value, data));
    }
    if (errors.length) throw validationError(toInvalidParams(errors, part));
  };
}

/**
 * Validates the variant part of a `Discriminated` schema's body for a given discriminator
 * value: for a PATCH that leaves the discriminator out (the stored object's value applies).
 * Throws the same 400 as request validation; a value without a variant passes.
 */
export function validateVariant(schema: object, value: string, data: unknown): void {
  const variants = variantValidator(schema);
  if (!variants) throw new Error('validateVariant needs a Discriminated schema');
  const errors = variants.check(value, data);
  if (errors.length) throw validationError(toInvalidParams(errors, 'body'));
}

const variantValidators = new WeakMap<object, ReturnType<typeof buildVariantValidator>>();

function variantValidator(schema: object) {
  const variants = variantsOf(schema);
  if (!variants) return undefined;
  let validator = variantValidators.get(schema);
  if (!validator) variantValidators.set(schema, (validator = buildVariantValidator(variants)));
  return validator;
}

/** Per discriminator value a compiled validator of that variant's request schema, compiled on first use. */
function buildVariantValidator(variants: Variants) {
  const compiled = new Map<string, { requestSchema: JsonSchema; validate: ValidateFunction }>();
  const get = (value: string) => {
    if (!compiled.has(value)) {
      const variant = variants.variants()[value];
      if (!variant) return undefined;
      const requestSchema = toRequestSchema(variant) as JsonSchema;
      compiled.set(value, { requestSchema, validate: bodyAjv.compile(requestSchema) });
    }
    return compiled.get(value);
  };
  return {
    propertyName: variants.propertyName,
    check(value: string, data: unknown): ErrorObject[] {
      const variant = get(value);
      if (!variant) return [];
      blankToAbsent(variant.requestSchema, data);
      return variant.validate(data) ? [] : [...(variant.validate.errors ?? [])];
    },
  };
}

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  nullable?: boolean;
  readOnly?: boolean;
  enum?: unknown[];
  format?: string;
  additionalProperties?: unknown;
}

/** A deep copy without readOnly properties: the schema a client's request body must meet. */
export function toRequestSchema(schema: object): object {
  const s = schema as JsonSchema;
  const copy: JsonSchema = { ...s };
  if (s.properties) {
    copy.properties = {};
    for (const [key, value] of Object.entries(s.properties)) {
      if (value.readOnly) continue;
      copy.properties[key] = toRequestSchema(value) as JsonSchema;
    }
    if (s.required) copy.required = s.required.filter((key) => key in copy.properties!);
  }
  if (s.items) copy.items = toRequestSchema(s.items) as JsonSchema;
  if (s.allOf) copy.allOf = s.allOf.map((x) => toRequestSchema(x) as JsonSchema);
  // A nullable union (a GeoJSON geometry or null): Ajv's `nullable` only widens `type`, so null
  // must also be one of the alternatives.
  if (s.nullable && s.anyOf) copy.anyOf = [...s.anyOf, { type: 'null' }];
  if (s.nullable && s.oneOf) copy.oneOf = [...s.oneOf, { type: 'null' }];
  return copy;
}

function blankToAbsent(schema: JsonSchema, data: unknown): void {
  for (const part of schema.allOf ?? []) blankToAbsent(part, data);
  if (data && typeof data === 'object' && !Array.isArray(data) && schema.properties) {
    // A number where text is expected is that text, as the reference implementations read it
    // (the suite sends `"identificatie": 2`).
    const record = data as Record<string, unknown>;
    for (const [key, propertySchema] of Object.entries(schema.properties)) {
      if (propertySchema.type === 'string' && typeof record[key] === 'number' && Number.isFinite(record[key])) record[key] = String(record[key]);
    }
  }
  if (Array.isArray(data) && schema.items) {
    for (const item of data) blankToAbsent(schema.items, item);
    return;
  }
  if (!data || typeof data !== 'object' || !schema.properties) return;
  const record = data as Record<string, unknown>;
  for (const [key, propertySchema] of Object.entries(schema.properties)) {
    const value = record[key];
    // A choice whose values include '' (the standards' BlankEnum: `status` of a document) takes it as a value.
    const blankIsValue = propertySchema.enum?.includes('') === true;
    if (value === '' && !schema.required?.includes(key) && !blankIsValue && (propertySchema.enum || propertySchema.format)) {
      delete record[key];
    } else if (value && typeof value === 'object') {
      blankToAbsent(propertySchema, value);
    }
  }
}

/** An array query parameter is comma-separated (OpenAPI `style: form, explode: false`): `a,b` → `['a', 'b']`. */
function splitCommaLists(schema: JsonSchema, data: unknown): void {
  const query = (data ?? {}) as Record<string, unknown>;
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    if (property.type === 'array' && typeof query[key] === 'string') query[key] = (query[key] as string).split(',').map((v) => v.trim()).filter((v) => v !== '');
  }
}

function rejectUnknownParameters(schema: JsonSchema, data: unknown): void {
  const known = new Set(Object.keys(schema.properties ?? {}));
  const unknown = Object.keys((data as Record<string, unknown>) ?? {}).filter((key) => !known.has(key));
  if (unknown.length > 0) {
    throw new ProblemError({
      status: 400,
      code: 'invalid',
      title: 'Invalid input.',
      detail: `Onbekende query parameters: ${unknown.join(', ')}`,
      invalidParams: [{ name: 'nonFieldErrors', code: 'unknown-parameters', reason: `Onbekende query parameters: ${unknown.join(', ')}` }],
    });
  }
}

function fieldName(error: ErrorObject, part: Part): string {
  const segments = error.instancePath.split('/').filter(Boolean).map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (error.keyword === 'required') segments.push((error.params as { missingProperty: string }).missingProperty);
  if (segments.length === 0) return part === 'body' ? 'nonFieldErrors' : part;
  return segments.join('.');
}

/** Ajv's errors as ZGW invalidParams: one entry per field, with DRF-compatible codes. */
export function toInvalidParams(errors: ErrorObject[], part: Part): InvalidParam[] {
  const params: InvalidParam[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const name = fieldName(error, part);
    // `nullable` fields produce a type error plus a `nullable` one; the first says enough.
    if (seen.has(name)) continue;
    seen.add(name);
    params.push({ name, ...codeAndReason(error) });
  }
  return params;
}

function codeAndReason(error: ErrorObject): { code: string; reason: string } {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { code: 'required', reason: 'Dit veld is vereist.' };
    case 'enum':
      return { code: 'invalid_choice', reason: `${JSON.stringify(error.data)} is een ongeldige keuze; kies uit ${(p.allowedValues as unknown[]).join(', ')}.` };
    case 'maxLength':
      return { code: 'max_length', reason: `Zorg ervoor dat dit veld niet meer dan ${p.limit} karakters bevat.` };
    case 'minLength':
      return error.data === ''
        ? { code: 'blank', reason: 'Dit veld mag niet leeg zijn.' }
        : { code: 'min_length', reason: `Zorg ervoor dat dit veld minimaal ${p.limit} karakters bevat.` };
    case 'maxItems':
      return { code: 'max_length', reason: `Zorg ervoor dat deze lijst niet meer dan ${p.limit} elementen bevat.` };
    case 'minItems':
      return { code: 'min_length', reason: `Zorg ervoor dat deze lijst minimaal ${p.limit} elementen bevat.` };
    case 'minimum':
    case 'exclusiveMinimum':
      return { code: 'min_value', reason: `Zorg ervoor dat deze waarde groter is dan of gelijk is aan ${p.limit}.` };
    case 'maximum':
    case 'exclusiveMaximum':
      return { code: 'max_value', reason: `Zorg ervoor dat deze waarde kleiner is dan of gelijk is aan ${p.limit}.` };
    case 'format':
      return formatError(p.format as string);
    case 'type':
      if (error.data === null) return { code: 'null', reason: 'Dit veld mag niet leeg zijn.' };
      return { code: 'invalid', reason: `Verwacht een waarde van het type ${p.type}.` };
    case 'pattern':
      return { code: 'invalid', reason: `De waarde voldoet niet aan het patroon ${p.pattern}.` };
    case 'uniqueItems':
      return { code: 'unique', reason: 'Elke waarde mag maar één keer voorkomen.' };
    default:
      return { code: 'invalid', reason: error.message ?? 'Ongeldige waarde.' };
  }
}

function formatError(format: string): { code: string; reason: string } {
  switch (format) {
    case 'uri':
      return { code: 'invalid', reason: 'Voer een geldige URL in.' };
    case 'date':
      return { code: 'invalid', reason: 'Datum heeft het verkeerde formaat, gebruik YYYY-MM-DD.' };
    case 'date-time':
      return { code: 'invalid', reason: 'Datetime heeft het verkeerde formaat, gebruik YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].' };
    case 'uuid':
      return { code: 'invalid', reason: 'Voer een geldige UUID in.' };
    case 'duration':
      return { code: 'invalid', reason: 'Duur heeft het verkeerde formaat, gebruik ISO 8601 (bijvoorbeeld P10D).' };
    default:
      return { code: 'invalid', reason: `Ongeldig formaat, verwacht ${format}.` };
  }
}
