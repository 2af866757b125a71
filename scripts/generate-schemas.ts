/**
 * Generates a component's TypeBox schemas module from an official ZGW OpenAPI document, in
 * the style of `src/components/catalogi/schemas.ts`:
 *
 *   node --import tsx scripts/generate-schemas.ts ../shared/standards/zgw/zaken-1.5.2.yaml \
 *     src/components/zaken/schemas.ts
 *
 * Every schema under `components.schemas` becomes a `named(...)` TypeBox constant, property
 * for property (type, format, enum, nullable, readOnly, required, length limits, pattern,
 * description), except the problem schemas (`Fout`, `ValidatieFout`, `FieldValidationError`:
 * `platform/http/openapi.ts` emits those) and the enums, which are inlined:
 * - `allOf: [$ref XEnum]` becomes `Enum([...])`; `oneOf: [XEnum, BlankEnum]` one enum with
 *   `''`; with `NullEnum` also `Nullable`.
 * - `allOf: [$ref Object], nullable` becomes `Nullable(Object)` (inlined in the document).
 * - `*Expanded` (`allOf: [Base, {_expand}]`) spreads the base's properties and adds `_expand`
 *   lazily (`Lazy`), because the embedded schemas refer back to the expanded ones.
 * - A `discriminator` with a `mapping` (Zaken: `Rol` per betrokkeneType, `ZaakObject` per
 *   objectType) becomes `Discriminated(base, property, () => variants)`, each variant
 *   `AllOf([Lazy(base), extra])` as the standard writes it; request validation checks the
 *   variant the body selects.
 * - `oneOf` other schemas becomes `Type.Union`; an external `$ref` (another API's schema)
 *   becomes `External(ref)`.
 * Constants are ordered so that each is declared after the ones it uses directly.
 *
 * The output is a starting point maintained by hand: regenerating overwrites hand edits, so
 * review the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

type Json = Record<string, any>;

/** Emitted by `platform/http/openapi.ts` for every API. */
const PROBLEM_SCHEMAS = new Set(['Fout', 'ValidatieFout', 'FieldValidationError']);
/** Keywords copied into TypeBox options, in this order. */
const OPTION_KEYS = ['description', 'readOnly', 'writeOnly', 'format', 'maxLength', 'minLength', 'pattern', 'minimum', 'maximum', 'minItems', 'maxItems', 'uniqueItems', 'title'] as const;

export function generateSchemas(document: Json, source: string): string {
  const schemas: Record<string, Json> = document.components?.schemas ?? {};
  const isEnum = (name: string) => {
    const s = schemas[name];
    return !!s && Array.isArray(s.enum) && !s.properties;
  };
  const refName = (ref: string) => ref.replace('#/components/schemas/', '');
  const isLocal = (ref: string) => ref.startsWith('#/components/schemas/');

  // Variants of a discriminated schema refer to their base lazily (the base lists them).
  const variantBase = new Map<string, string>();
  for (const [name, s] of Object.entries(schemas)) {
    for (const target of Object.values<string>(s.discriminator?.mapping ?? {})) variantBase.set(refName(target), name);
  }

  const declarations: { name: string; code: string; deps: Set<string> }[] = [];

  for (const [name, schema] of Object.entries(schemas)) {
    if (PROBLEM_SCHEMAS.has(name) || isEnum(name)) continue;
    const deps = new Set<string>();
    const use = (n: string) => (deps.add(n), n);
    const lazy = (n: string) => `Lazy((): TSchema => ${n})`;

    const options = (s: Json, extra: Json = {}): string => {
      const o: Json = {};
      for (const key of OPTION_KEYS) if (s[key] !== undefined && key !== 'title') o[key] = s[key];
      Object.assign(o, extra);
      return Object.keys(o).length ? JSON.stringify(o) : '';
    };
    const enumValues = (ref: string): unknown[] => schemas[refName(ref)]!.enum;

    /** A TypeBox expression for a property (or item) schema. */
    const expr = (s: Json, context: { lazy?: boolean } = {}): string => {
      if (s.$ref) {
        if (!isLocal(s.$ref)) return `External(${JSON.stringify(s.$ref)})`;
        const target = refName(s.$ref);
        if (isEnum(target)) return `Enum(${JSON.stringify(enumValues(s.$ref))})`;
        return context.lazy ? lazy(target) : use(target);
      }
      if (Array.isArray(s.allOf) && s.allOf.length === 1 && s.allOf[0].$ref) {
        const ref = s.allOf[0].$ref as string;
        const target = refName(ref);
        if (isLocal(ref) && isEnum(target)) {
          const e = `Enum(${JSON.stringify(enumValues(ref))}${opt(options(s))})`;
          return s.nullable ? `Nullable(${e})` : e;
        }
        let e = expr({ $ref: ref }, context);
        if (s.readOnly || s.writeOnly) e = `Annotated(${e}, { ${s.readOnly ? 'readOnly: true' : 'writeOnly: true'} })`;
        return s.nullable ? `Nullable(${e})` : e;
      }
      if (Array.isArray(s.oneOf)) {
        const refs: string[] = s.oneOf.map((a: Json) => a.$ref);
        if (refs.every((r) => r && isLocal(r) && isEnum(refName(r)))) {
          const values = refs.flatMap((r) => enumValues(r)).filter((v) => v !== null);
          const nullable = s.nullable || refs.some((r) => enumValues(r).includes(null));
          const e = `Enum(${JSON.stringify(values)}${opt(options(s))})`;
          return nullable ? `Nullable(${e})` : e;
        }
        const e = `Type.Union([${s.oneOf.map((a: Json) => expr(a, context)).join(', ')}]${opt(options(s))})`;
        return s.nullable ? `Nullable(${e})` : e;
      }
      let e: string;
      if (Array.isArray(s.enum)) {
        e = `Enum(${JSON.stringify(s.enum.filter((v: unknown) => v !== null))}${opt(options(s))})`;
      } else if (s.type === 'string') e = `Type.String(${options(s)})`;
      else if (s.type === 'integer') e = `Type.Integer(${options(s)})`;
      else if (s.type === 'number') e = `Type.Number(${options(s)})`;
      else if (s.type === 'boolean') e = `Type.Boolean(${options(s)})`;
      else if (s.type === 'array') e = `Type.Array(${expr(s.items ?? {}, context)}${opt(options(s))})`;
      else if (s.type === 'object' || s.properties) e = objectExpr(s, context);
      else e = `Type.Unknown(${options(s)})`;
      return s.nullable ? `Nullable(${e})` : e;
    };

    const propertiesCode = (s: Json, context: { lazy?: boolean } = {}): string[] => {
      const required = new Set<string>(s.required ?? []);
      return Object.entries<Json>(s.properties ?? {}).map(([key, p]) => {
        // `_expand` embeds schemas that refer back to this one: documented lazily.
        const e = expr(p, { ...context, lazy: context.lazy || key === '_expand' });
        return `${propertyKey(key)}: ${required.has(key) ? e : `Type.Optional(${e})`}`;
      });
    };

    const objectExpr = (s: Json, context: { lazy?: boolean } = {}, spread: string[] = []): string => {
      const props = [...spread.map((b) => `...${b}.properties`), ...propertiesCode(s, context)];
      const extra: Json = {};
      if (s.nullable) extra.nullable = true;
      if (!s.properties && s.additionalProperties !== undefined && s.additionalProperties !== false) extra.additionalProperties = true;
      const body = props.length ? `{\n${props.map((p) => `    ${p},`).join('\n')}\n  }` : '{}';
      return `Type.Object(${body}${opt(options(s, extra))})`;
    };

    let code: string;
    const mapping: Record<string, string> | undefined = schema.discriminator?.mapping;
    if (Array.isArray(schema.allOf)) {
      const refs = schema.allOf.filter((p: Json) => p.$ref).map((p: Json) => refName(p.$ref));
      const inline = schema.allOf.filter((p: Json) => !p.$ref);
      const base = variantBase.get(name);
      if (base && refs[0] === base) {
        // A variant: allOf [base, extra], the base referred to lazily.
        code = `AllOf([${lazy(base)}, ${refs.slice(1).map(use).join(', ')}]${opt(options(schema))})`;
      } else {
        // allOf of plain objects (Expanded, geometries): one object with every part's properties.
        const merged: Json = { ...schema, properties: {}, required: [] };
        for (const part of inline) {
          Object.assign(merged.properties, part.properties ?? {});
          merged.required.push(...(part.required ?? []));
        }
        delete merged.allOf;
        code = objectExpr(merged, {}, refs.map(use));
      }
    } else if (Array.isArray(schema.oneOf)) {
      code = expr(schema);
    } else if (schema.type === 'array') {
      code = expr(schema);
    } else {
      code = objectExpr(schema);
    }
    if (mapping) {
      const variants = Object.entries(mapping).map(([value, target]) => `${propertyKey(value)}: ${refName(target)}`);
      code = `Discriminated(${code}, ${JSON.stringify(schema.discriminator.propertyName)}, (): Record<string, TSchema> => ({\n    ${variants.join(',\n    ')},\n  }))`;
    }
    deps.delete(name);
    declarations.push({ name, code: `export const ${name} = named('${name}', ${code});\nexport type ${name} = Static<typeof ${name}>;\n`, deps });
  }

  const ordered = topologicalOrder(declarations);
  const used = (identifier: string) => ordered.some((d) => new RegExp(`\\b${identifier}\\(`).test(d.code));
  const imports = ['AllOf', 'Annotated', 'Discriminated', 'Enum', 'External', 'Lazy', 'named', 'Nullable'].filter(used);
  const info = document.info ?? {};
  return `/**
 * The schemas of the ${info.title} ${info.version}, property for property as in the official
 * \`${source}\` (\`components.schemas\`), generated by \`scripts/generate-schemas.ts\` and
 * maintained here by hand (regenerating overwrites hand edits: review the diff). Enum
 * references are inlined with \`Enum\`; \`oneOf\` an enum and \`BlankEnum\` becomes one enum
 * including \`''\` (with \`NullEnum\` also \`Nullable\`). \`*Expanded\` schemas add the
 * response-only \`_expand\` property, documented lazily (\`Lazy\`) because the embedded schemas
 * refer back to the expanded ones. Polymorphic schemas (\`discriminator\` with a \`mapping\`)
 * are \`Discriminated\`: request validation checks the variant the discriminator selects.
 * Schemas of other APIs (external \`$ref\`s) are \`External\`.
 */
import { ${imports.join(', ')}, Type, type Static, type TSchema } from '../../platform/http/schema.ts';

${ordered.map((d) => d.code).join('\n')}`;
}

const opt = (o: string) => (o ? `, ${o}` : '');

function propertyKey(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key);
}

/** Declarations after their direct dependencies; otherwise in document order. */
function topologicalOrder<T extends { name: string; deps: Set<string> }>(declarations: T[]): T[] {
  const byName = new Map(declarations.map((d) => [d.name, d]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: T[] = [];
  const visit = (d: T) => {
    if (done.has(d.name)) return;
    if (visiting.has(d.name)) throw new Error(`Schema cycle without a lazy reference at ${d.name}`);
    visiting.add(d.name);
    for (const dep of d.deps) {
      const target = byName.get(dep);
      if (!target) throw new Error(`${d.name} refers to unknown schema ${dep}`);
      visit(target);
    }
    visiting.delete(d.name);
    done.add(d.name);
    out.push(d);
  };
  for (const d of declarations) visit(d);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('generate-schemas.ts')) {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) {
    console.error('usage: node --import tsx scripts/generate-schemas.ts <official-openapi.yaml> <out/schemas.ts>');
    process.exit(2);
  }
  const document = parse(readFileSync(input, 'utf8')) as Json;
  writeFileSync(output, generateSchemas(document, path.basename(input)));
  console.log(`wrote ${output}`);
}
