/**
 * What a URL reference must point at. A URL that answers 200 with something else is no valid
 * reference (`invalid-resource`), so every lookup says what it expects.
 */
import type { TObject, TSchema } from '@sinclair/typebox';

export interface ExpectedResource {
  /** What the URL must point at, for the error's reason: `zaaktype`, `communicatiekanaal`. */
  kind: string;
  /** Whether the JSON object the URL answered with is such a resource. */
  matches(body: Record<string, unknown>): boolean;
}

/**
 * A resource of the shape `schema` describes (the API's own TypeBox schema of it, e.g. the
 * Catalogi `ZaakType`), checked as the reference implementation checks a remote resource
 * (vng-api-common's `obj_has_shape`): every required property present, and every top-level
 * property that is given of its declared JSON type, null only where nullable. Nested shapes
 * are not compared, so a remote on a later minor version of the standard still matches.
 *
 * @example
 * const ZAAKTYPE = resourceOfShape('zaaktype', ZaakType);
 */
export function resourceOfShape(kind: string, schema: TObject): ExpectedResource {
  const required = schema.required ?? [];
  const properties = Object.entries(schema.properties as Record<string, TSchema>);
  return {
    kind,
    matches: (body) =>
      required.every((key) => key in body) &&
      properties.every(([key, property]) => !(key in body) || hasJsonType(body[key], property)),
  };
}

/**
 * Any JSON object: for a read that takes whatever the URL's API serves, such as `expand`
 * showing the resource a relation points at.
 */
export function anyResource(kind: string): ExpectedResource {
  return { kind, matches: () => true };
}

function hasJsonType(value: unknown, schema: TSchema): boolean {
  if (value === null) return schema.nullable === true;
  switch (schema.type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && !Array.isArray(value);
    default:
      // No single type (anyOf, a reference): nothing to compare.
      return true;
  }
}
