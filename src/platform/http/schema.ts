/**
 * Schema building blocks on TypeBox. One definition serves request validation (Ajv),
 * response serialisation and the generated OpenAPI document, so the three cannot drift.
 * OpenAPI 3.0 has no `null` type: nullable values use the `nullable` keyword, which Ajv and
 * the OpenAPI document both understand.
 */
import { Type, type Static, type TSchema, type TString, type TUnsafe } from '@sinclair/typebox';

export { Type, type Static, type TSchema };

const schemaNames = new WeakMap<object, string>();

/** Gives a schema its name under `#/components/schemas` in the OpenAPI document. */
export function named<T extends TSchema>(name: string, schema: T): T {
  schemaNames.set(schema, name);
  return schema;
}

export function schemaName(schema: object): string | undefined {
  return schemaNames.get(schema);
}

/** A string restricted to the given values (an OpenAPI `enum`, not a TypeBox `anyOf`). */
export function Enum<const V extends readonly string[]>(values: V, options: Record<string, unknown> = {}): TUnsafe<V[number]> {
  return Type.Unsafe<V[number]>({ type: 'string', enum: [...values], ...options });
}

export function Nullable<T extends TSchema>(schema: T): TUnsafe<Static<T> | null> {
  return Type.Unsafe<Static<T> | null>({ ...schema, nullable: true });
}

/** A URL reference to another resource, as the ZGW standards model every relation. */
export function Url(options: Record<string, unknown> = {}): TString {
  return Type.String({ format: 'uri', maxLength: 1000, ...options });
}

/** The `url` every ZGW resource carries: its identity and location. */
export function SelfUrl(): TString {
  return Url({
    readOnly: true,
    minLength: 1,
    description: 'URL-referentie naar dit object. Dit is de unieke identificatie en locatie van dit object.',
  });
}

const DOCUMENTED_AS = Symbol('documentedAs');

/**
 * A response-only object property (such as `_expand`) documented as the schema `thunk()`
 * returns, resolved only when the OpenAPI document is built, so schemas may refer to each
 * other in cycles; it is serialised as any JSON object.
 *
 * @example
 * _expand: Type.Optional(Lazy(() => ZaakTypeEmbedded))
 */
export function Lazy(thunk: () => TSchema): TUnsafe<Record<string, unknown>> {
  return Type.Unsafe<Record<string, unknown>>({ type: 'object', additionalProperties: true, [DOCUMENTED_AS]: thunk });
}

/** The schema a `Lazy` property is documented as; undefined for any other schema. */
export function documentedAs(schema: object): TSchema | undefined {
  const thunk = (schema as { [DOCUMENTED_AS]?: () => TSchema })[DOCUMENTED_AS];
  return thunk?.();
}

/** `{count, next, previous, results}`: the ZGW list envelope, with an exact count. */
export function Paginated<T extends TSchema>(item: T) {
  // next/previous are always sent, but the standard does not list them as required.
  return Type.Object({
    count: Type.Integer(),
    next: Type.Optional(Nullable(Type.String({ format: 'uri' }))),
    previous: Type.Optional(Nullable(Type.String({ format: 'uri' }))),
    results: Type.Array(item),
  });
}

/** The vertrouwelijkheidaanduidingen, from least to most confidential. */
export const VERTROUWELIJKHEIDAANDUIDINGEN = [
  'openbaar',
  'beperkt_openbaar',
  'intern',
  'zaakvertrouwelijk',
  'vertrouwelijk',
  'confidentieel',
  'geheim',
  'zeer_geheim',
] as const;
export type Vertrouwelijkheidaanduiding = (typeof VERTROUWELIJKHEIDAANDUIDINGEN)[number];
