/**
 * Schema building blocks on TypeBox. One definition serves request validation (Ajv),
 * response serialisation and the generated OpenAPI document, so the three cannot drift.
 * OpenAPI 3.0 has no `null` type: nullable values use the `nullable` keyword, which Ajv and
 * the OpenAPI document both understand.
 */
import { Type, type Static, type TSchema, type TString, type TUnsafe } from '@sinclair/typebox';

export { Type, type Static, type TSchema };

const NAME = Symbol('schemaName');

/**
 * Gives a schema its name under `#/components/schemas` in the OpenAPI document. The name is
 * an own symbol property, so the copy `Type.Optional(schema)` makes is still referenced by
 * name; `Nullable` and other changed copies drop it.
 */
export function named<T extends TSchema>(name: string, schema: T): T {
  (schema as unknown as Record<symbol, string>)[NAME] = name;
  return schema;
}

export function schemaName(schema: object): string | undefined {
  return (schema as Record<symbol, string | undefined>)[NAME];
}

/** A copy of `schema` with other keywords: no longer the named schema. */
function changed(schema: object, keywords: Record<string, unknown>): Record<string | symbol, unknown> {
  const copy: Record<string | symbol, unknown> = { ...schema, ...keywords };
  delete copy[NAME];
  return copy;
}

/** A string restricted to the given values (an OpenAPI `enum`, not a TypeBox `anyOf`). */
export function Enum<const V extends readonly string[]>(values: V, options: Record<string, unknown> = {}): TUnsafe<V[number]> {
  return Type.Unsafe<V[number]>({ type: 'string', enum: [...values], ...options });
}

/**
 * `null` allowed too. An enum gets `null` among its values, because Ajv checks `enum` apart
 * from `nullable` (the OpenAPI comparison reads `enum: [..., null]` as nullable).
 */
export function Nullable<T extends TSchema>(schema: T): TUnsafe<Static<T> | null> {
  const values = (schema as { enum?: unknown[] }).enum;
  const withNull = values && !values.includes(null) ? { enum: [...values, null] } : {};
  return Type.Unsafe<Static<T> | null>(changed(schema, { ...withNull, ...commonType(schema), nullable: true }));
}

/** `nullable` needs a `type`: a union of alternatives of one type (GeoJSON geometries) gets theirs. */
function commonType(schema: TSchema): { type?: string } {
  if (schema.type !== undefined) return {};
  const types = new Set(((schema.anyOf ?? schema.oneOf ?? []) as TSchema[]).map((s) => s.type));
  return types.size === 1 && typeof [...types][0] === 'string' ? { type: [...types][0] } : {};
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

/** `allOf`: a value meeting every one of `parts` (an OpenAPI composition, kept as such in the document). */
export function AllOf(parts: TSchema[], options: Record<string, unknown> = {}): TUnsafe<Record<string, unknown>> {
  return Type.Unsafe<Record<string, unknown>>({ type: 'object', ...options, allOf: parts });
}

/**
 * A schema of another API that the official document refers to by an external `$ref` (the
 * Zaken API's `_expand` embeds Catalogi objects): documented as an object described by `ref`.
 */
export function External(ref: string): TUnsafe<Record<string, unknown>> {
  return Type.Unsafe<Record<string, unknown>>({ type: 'object', additionalProperties: true, description: `Zie ${ref}` });
}

const VARIANTS = Symbol('variants');

export interface Variants {
  /** The property whose value selects the variant, e.g. `betrokkeneType`. */
  propertyName: string;
  /** Per value the named variant schema: `allOf: [Lazy(base), extra]`, as the standards write it. */
  variants: () => Record<string, TSchema>;
}

/**
 * A polymorphic schema (OpenAPI `discriminator` with a `mapping`), as the Zaken API models
 * `Rol` per `betrokkeneType` and `ZaakObject` per `objectType`: `base` holds the common
 * properties, and each variant adds its own (`betrokkeneIdentificatie`). The document gets
 * the `discriminator` and the variant schemas; request validation checks the base and then
 * the variant the body's `propertyName` selects (see `validation.ts`).
 */
export function Discriminated<T extends TSchema>(base: T, propertyName: string, variants: () => Record<string, TSchema>): T {
  return { ...changed(base, {}), [VARIANTS]: { propertyName, variants } satisfies Variants } as unknown as T;
}

/** The same schema, marked readOnly (or writeOnly): a changed copy, documented inline. */
export function Annotated<T extends TSchema>(schema: T, keywords: { readOnly?: boolean; writeOnly?: boolean }): TUnsafe<Static<T>> {
  return Type.Unsafe<Static<T>>(changed(schema, keywords));
}

/** The variants of a `Discriminated` schema; undefined for any other schema. */
export function variantsOf(schema: object): Variants | undefined {
  return (schema as { [VARIANTS]?: Variants })[VARIANTS];
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
