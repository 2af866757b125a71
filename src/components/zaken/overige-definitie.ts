/**
 * A zaakobject of objectType `overige` may describe its type with an
 * `objectTypeOverigeDefinitie`: `url` points at an objecttype resource holding a JSON schema,
 * `schema` is the jq expression that finds the schema in it (`.jsonSchema`), `objectData` the
 * one that finds the object's data in the OBJECT at the zaakobject's `object` URL
 * (`.record.data`). The data must meet the schema (`invalid-schema` on `object`), as the
 * reference implementation checks; the error names and codes are the reference's.
 *
 * jq expressions are evaluated as paths (`.`, `.a.b`, `.["a b"]`, `.[0]`, `.a[0].b`), which is
 * what the objecttypen and objecten APIs need; any other jq expression is refused as `invalid`
 * with a reason that says so, never guessed at.
 */
import { Ajv, type AnySchema } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { InvalidParam } from '../../platform/http/problem.ts';
import { asLookup, type RelatedResources } from './related.ts';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => void;

export interface OverigeDefinitie {
  url: string;
  schema: string;
  objectData: string;
}

type Path = (string | number)[];

/** The steps of a jq path, each a pattern and how its match becomes a key. */
const STEPS: [RegExp, (m: RegExpExecArray) => string | number][] = [
  [/^\.?\[\s*(\d+)\s*\]/, (m) => Number(m[1])], // .[0] or [0]
  [/^\.?\[\s*("(?:[^"\\]|\\.)*")\s*\]/, (m) => JSON.parse(m[1]!) as string], // .["a b"] or ["a b"]
  [/^\.([A-Za-z_][A-Za-z0-9_]*)/, (m) => m[1]!], // .name
  [/^\.("(?:[^"\\]|\\.)*")/, (m) => JSON.parse(m[1]!) as string], // ."a b"
];

/** The path a jq path expression names, or undefined when the expression is no path. */
export function parseJqPath(expression: string): Path | undefined {
  const source = expression.trim();
  if (!source.startsWith('.')) return undefined;
  const path: Path = [];
  let rest = source === '.' ? '' : source;
  while (rest.length) {
    const step = STEPS.map(([pattern, key]) => [pattern.exec(rest), key] as const).find(([m]) => m);
    if (!step) return undefined;
    const [match, key] = step;
    path.push(key(match!));
    rest = rest.slice(match![0].length);
  }
  return path;
}

/** The value at `path`, or undefined where it is missing (jq's `null`). */
export function valueAt(value: unknown, path: Path): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

const JQ_REASON = 'Alleen jq-paden worden ondersteund, zoals `.jsonSchema` of `.record.data`.';

/** The jq expressions of a definitie, checked before anything is fetched. */
export function checkJqExpressions(definitie: OverigeDefinitie): InvalidParam[] {
  return (['schema', 'objectData'] as const)
    .filter((field) => !parseJqPath(definitie[field]))
    .map((field) => ({ name: `objectTypeOverigeDefinitie.${field}`, code: 'invalid', reason: `Dit is geen geldige jq-expressie. ${JQ_REASON}` }));
}

/**
 * Whether the OBJECT meets the schema of its objecttype: `objectData` of the object (already
 * fetched) against `schema` of the resource at `definitie.url`.
 */
export async function checkObjectAgainstDefinitie(definitie: OverigeDefinitie, object: Record<string, unknown>, related: RelatedResources, apiRoot: string): Promise<InvalidParam[]> {
  const objecttype = asLookup(await related.object(definitie.url, apiRoot), 'objectTypeOverigeDefinitie.url');
  if (!objecttype.ok) return [objecttype.error];
  const schema = valueAt(objecttype.resource, parseJqPath(definitie.schema)!);
  if (!schema || typeof schema !== 'object') {
    return [{ name: 'objectTypeOverigeDefinitie.schema', code: 'invalid', reason: 'No schema was found at the specified path.' }];
  }
  const data = valueAt(object, parseJqPath(definitie.objectData)!);
  if (data === undefined || data === null) {
    return [{ name: 'objectTypeOverigeDefinitie.objectData', code: 'invalid', reason: 'No data was found at the specified path.' }];
  }
  let validate;
  try {
    validate = validatorFor(schema as Record<string, unknown>);
  } catch (error) {
    return [{ name: 'objectTypeOverigeDefinitie.schema', code: 'invalid', reason: `Het schema is geen geldig JSON-schema: ${(error as Error).message}` }];
  }
  if (validate(data)) return [];
  const first = validate.errors?.[0];
  return [{ name: 'object', code: 'invalid-schema', reason: `The object data does not match the specified schema${first ? `: ${first.instancePath || '/'} ${first.message}` : ''}.` }];
}

/** A validator for a schema of any objecttype: draft 2020-12 when it says so, else draft-07 (Ajv's default). */
function validatorFor(schema: Record<string, unknown>) {
  const modern = typeof schema.$schema === 'string' && schema.$schema.includes('2020-12');
  const ajv = modern ? new Ajv2020({ strict: false, allErrors: false }) : new Ajv({ strict: false, allErrors: false });
  addFormats(ajv as Ajv);
  return ajv.compile(schema as AnySchema);
}
