/**
 * OpenAPI conformance check: compares the OpenAPI document an API of this project
 * generates ("ours") with the official, normative document of the standard
 * ("official", e.g. ../shared/standards/zgw/autorisaties-1.0.0.yaml) and lists every
 * difference that a client of the API could notice in the *shape* of the interface.
 *
 * What is compared
 * - Paths, exactly as written under `paths` (so a different `servers` prefix such as
 *   `/api/v1` vs `/autorisaties/api/v1` does not matter). Template parameter names are
 *   kept as written: `/a/{uuid}` and `/a/{id}` are different paths, because the name
 *   is part of the documented contract (it also names the path parameter).
 * - Operations get/post/put/patch/delete/head. `options`/`trace` are ignored: CORS
 *   pre-flight handling is infrastructure, not part of the ZGW contract.
 * - Parameters (path, query, header, cookie) keyed by (in, name); header names are
 *   case-insensitive like HTTP itself. Path-item level parameters are merged with
 *   operation level ones (the latter win, as in the OpenAPI spec). Per parameter:
 *   `required`, schema `type`, `format`, `enum` (as a set) and, for arrays, the same
 *   three for `items`.
 * - Request bodies: presence, `required`, the set of media types, and per media type
 *   the schema (see below).
 * - Responses: the set of 2xx and 3xx status codes on both sides. For 2xx responses
 *   also the header names (case-insensitive), the set of media types and the schema.
 *   4xx/5xx (and `default`) responses are ignored entirely: every ZGW spec documents
 *   a long, partly theoretical list of error codes (406, 410, 415, 429, ...) whose
 *   bodies are the shared `Fout`/`ValidatieFout` problem types; the error behaviour is
 *   proven by the behaviour tests (VNG's Postman suite), not by the document.
 * - Schemas, recursively, property by property (location `.a.b`, array items `[]`):
 *   presence on both sides, `type`, `format`, `enum` (as a set), `nullable`,
 *   `readOnly`, `writeOnly`, and whether the property is in `required` of its parent.
 *
 * What is deliberately not compared
 * - descriptions, summaries, titles, examples, tags, operationId, security: they do not
 *   change what goes over the wire, and generated texts would only produce noise.
 * - `maxLength`/`minLength`/`pattern`/`minimum`/`maximum`/`maxItems`/`uniqueItems`/
 *   `additionalProperties`: these are value constraints, enforced and proven by the
 *   request-validation tests of each API rather than by comparing documents.
 * - parameter `style`/`explode`/`allowEmptyValue`, `deprecated`, `default` values.
 * - schemas of 4xx/5xx responses (see above).
 *
 * Schema normalisation (applied to both sides in the same way, so an implementation
 * may use a different but equivalent structure):
 * - local `$ref`s are resolved everywhere (`#/components/schemas|parameters|
 *   requestBodies|responses|headers/...`). Sibling keywords next to a `$ref` are
 *   ignored, as OpenAPI 3.0 prescribes. External refs (the official Zaken and
 *   Besluiten specs point at `../../../ztc/...` for their `_expand` schemas) cannot be
 *   resolved; such a schema is treated as opaque: its presence is compared, its
 *   contents are not.
 * - `allOf` is merged: union of properties, union of `required`; `nullable`,
 *   `readOnly`, `writeOnly` are true if any part says so (the drf-spectacular idiom
 *   `allOf: [$ref Enum], nullable: true` means "nullable enum"); types and enums are
 *   intersected over the parts that declare them.
 * - `oneOf`/`anyOf` alternatives are merged into one flat schema: union of properties,
 *   `required` = only what every alternative requires, types/formats/enums as unions.
 *   `enum: [null]` (NullEnum) and `type: 'null'` become `nullable: true`; a schema
 *   without `type` gets one inferred from its enum values, `properties` or `items`.
 *   So `oneOf: [XEnum, BlankEnum, NullEnum]` equals `type: string, enum: [..., ''],
 *   nullable: true`.
 * - a schema with a `discriminator` (and no oneOf/anyOf) is merged with all its
 *   discriminated sub-schemas in the same way: those in `discriminator.mapping`, or if
 *   there is no mapping, every `components.schemas` entry that extends it through
 *   `allOf: [{$ref: base}]` (the OpenAPI 3.0 implicit mapping). An implementation may
 *   therefore model e.g. `AutorisatieBase` + `zrc`/`drc`/... either as a discriminator
 *   or as one flat object carrying all properties, with only the base's `required`.
 * - recursion guard: every schema fragment carries the set of `$ref`s whose bodies
 *   (lexically) enclose it on the current path. A `$ref` to one of those is a real
 *   cycle; the comparison stops descending there (on either side). Re-using the same
 *   component in sibling or unrelated nested places is not a cycle. A depth limit is a
 *   second line of defence.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

export interface OpenApiDifference {
  /** e.g. `GET /applicaties query clientIds`, `POST /applicaties request body .autorisaties[].zaaktype` */
  location: string;
  /** missing: in official, not in ours; extra: in ours, not in official; mismatch: in both, different */
  kind: 'missing' | 'extra' | 'mismatch';
  detail: string;
}

export interface CompareOptions {
  /** return true to drop a difference (documented, deliberate deviations) */
  ignore?: (d: OpenApiDifference) => boolean;
}

/** Reads an OpenAPI document from a `.json` file or a YAML file (anything else). */
export function loadOpenApi(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  if (/\.json$/i.test(file)) return JSON.parse(text) as unknown;
  return parseYaml(text) as unknown;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head'] as const;
const MAX_DEPTH = 64;

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const objOrEmpty = (v: unknown): Json => (isObj(v) ? v : {});

/**
 * A schema fragment still to be normalised. `raw` is a fragment of the document plus
 * the `$ref`s whose bodies enclose it (for the recursion guard); `all`/`any` are
 * synthetic merges created when several allOf parts / alternatives define the same
 * property or items.
 */
type Src =
  | { kind: 'raw'; schema: unknown; ctx: ReadonlySet<string> }
  | { kind: 'all' | 'any'; parts: Src[] };

/** A schema reduced to what is compared; children stay lazy (`Src`) because of recursion. */
interface Norm {
  /** hit a $ref back to an enclosing schema: nothing below is compared */
  cycle: boolean;
  /** an external or unresolvable $ref: contents are not compared */
  opaque: string | undefined;
  types: Set<string>;
  formats: Set<string>;
  /** JSON-encoded values, `null` removed (it turns into `nullable`) */
  enumValues: Set<string> | undefined;
  nullable: boolean;
  readOnly: boolean;
  writeOnly: boolean;
  properties: Map<string, Src>;
  required: Set<string>;
  items: Src | undefined;
}

const emptyNorm = (): Norm => ({
  cycle: false,
  opaque: undefined,
  types: new Set(),
  formats: new Set(),
  enumValues: undefined,
  nullable: false,
  readOnly: false,
  writeOnly: false,
  properties: new Map(),
  required: new Set(),
  items: undefined,
});

const raw = (schema: unknown, ctx: ReadonlySet<string> = new Set()): Src => ({ kind: 'raw', schema, ctx });

/** One side of the comparison: the document plus $ref resolution and schema normalisation. */
class Side {
  constructor(private readonly root: unknown) {}

  /** Resolves a local JSON pointer like `#/components/schemas/Applicatie`. */
  pointer(ref: string): unknown {
    if (!ref.startsWith('#/')) return undefined;
    let cur: unknown = this.root;
    for (const token of ref.slice(2).split('/')) {
      const key = decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~');
      if (!isObj(cur) && !Array.isArray(cur)) return undefined;
      cur = (cur as Record<string, unknown>)[key];
    }
    return cur;
  }

  /** Follows `$ref` chains of non-schema objects (parameters, request bodies, responses, headers). */
  deref(v: unknown): unknown {
    let cur = v;
    const seen = new Set<string>();
    while (isObj(cur) && typeof cur.$ref === 'string') {
      if (seen.has(cur.$ref)) return undefined;
      seen.add(cur.$ref);
      cur = this.pointer(cur.$ref);
    }
    return cur;
  }

  /**
   * @param noDiscriminator refs of discriminator bases whose variants are being expanded:
   *   a variant's `allOf: [$ref base]` must yield only the base's own keywords (and is
   *   not a cycle). Passed to allOf/oneOf parts of the same node, never to properties.
   */
  normalize(src: Src, noDiscriminator: ReadonlySet<string> = new Set()): Norm {
    if (src.kind !== 'raw') {
      return merge(src.kind, src.parts.map((p) => this.normalize(p, noDiscriminator)));
    }
    const s = src.schema;
    if (!isObj(s)) return emptyNorm();
    if (typeof s.$ref === 'string') {
      const ref = s.$ref;
      if (!ref.startsWith('#/')) return { ...emptyNorm(), opaque: ref };
      const suppressed = noDiscriminator.has(ref);
      if (src.ctx.has(ref) && !suppressed) return { ...emptyNorm(), cycle: true };
      const body = this.pointer(ref);
      if (body === undefined) return { ...emptyNorm(), opaque: ref };
      return this.normalizeBody(body, new Set([...src.ctx, ref]), ref, suppressed, noDiscriminator);
    }
    return this.normalizeBody(s, src.ctx, undefined, false, noDiscriminator);
  }

  private normalizeBody(
    body: unknown,
    ctx: ReadonlySet<string>,
    ref: string | undefined,
    suppressDiscriminator: boolean,
    noDiscriminator: ReadonlySet<string>,
  ): Norm {
    if (!isObj(body)) return emptyNorm();
    const parts: Norm[] = [this.own(body, ctx)];
    if (Array.isArray(body.allOf)) {
      for (const member of body.allOf) parts.push(this.normalize(raw(member, ctx), noDiscriminator));
    }
    const alternatives = [
      ...(Array.isArray(body.oneOf) ? body.oneOf : []),
      ...(Array.isArray(body.anyOf) ? body.anyOf : []),
    ];
    if (alternatives.length > 0) {
      parts.push(merge('any', alternatives.map((a) => this.normalize(raw(a, ctx), noDiscriminator))));
    } else if (isObj(body.discriminator) && !suppressDiscriminator) {
      const variants = this.variantsOf(body.discriminator, ref);
      if (variants.length > 0 && ref !== undefined) {
        const variantCtx = new Set([...ctx, ref]);
        const variantNoDisc = new Set([...noDiscriminator, ref]);
        parts.push(
          merge(
            'any',
            variants.map((v) => this.normalize(raw({ $ref: v }, variantCtx), variantNoDisc)),
          ),
        );
      }
    }
    return merge('all', parts);
  }

  /** Discriminated sub-schemas: explicit mapping, else the schemas extending `ref` via allOf. */
  private variantsOf(discriminator: Json, ref: string | undefined): string[] {
    if (isObj(discriminator.mapping)) {
      const out: string[] = [];
      for (const target of Object.values(discriminator.mapping)) {
        if (typeof target !== 'string') continue;
        const r = target.startsWith('#') ? target : `#/components/schemas/${target}`;
        if (!out.includes(r)) out.push(r);
      }
      return out;
    }
    if (ref === undefined) return [];
    const schemas = objOrEmpty(objOrEmpty(objOrEmpty(this.root).components).schemas);
    const out: string[] = [];
    for (const [name, schema] of Object.entries(schemas)) {
      if (!isObj(schema) || !Array.isArray(schema.allOf)) continue;
      if (schema.allOf.some((m) => isObj(m) && m.$ref === ref)) {
        out.push(`#/components/schemas/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      }
    }
    return out;
  }

  /** The keywords written directly on a schema object (not its allOf/oneOf parts). */
  private own(s: Json, ctx: ReadonlySet<string>): Norm {
    const n = emptyNorm();
    const types = typeof s.type === 'string' ? [s.type] : Array.isArray(s.type) ? s.type : [];
    for (const t of types) {
      if (t === 'null') n.nullable = true;
      else if (typeof t === 'string') n.types.add(t);
    }
    if (typeof s.format === 'string') n.formats.add(s.format);
    if (s.nullable === true) n.nullable = true;
    if (s.readOnly === true) n.readOnly = true;
    if (s.writeOnly === true) n.writeOnly = true;
    if (Array.isArray(s.enum)) {
      n.enumValues = new Set();
      for (const v of s.enum) {
        if (v === null) n.nullable = true;
        else n.enumValues.add(JSON.stringify(v));
      }
      if (n.types.size === 0) {
        for (const v of s.enum) {
          if (typeof v === 'string') n.types.add('string');
          else if (typeof v === 'boolean') n.types.add('boolean');
          else if (typeof v === 'number') n.types.add(Number.isInteger(v) ? 'integer' : 'number');
        }
      }
    }
    if (isObj(s.properties)) {
      for (const [k, v] of Object.entries(s.properties)) n.properties.set(k, raw(v, ctx));
    }
    if (Array.isArray(s.required)) {
      for (const r of s.required) if (typeof r === 'string') n.required.add(r);
    }
    if (s.items !== undefined) n.items = raw(s.items, ctx);
    if (n.types.size === 0) {
      if (isObj(s.properties)) n.types.add('object');
      else if (s.items !== undefined) n.types.add('array');
    }
    return n;
  }
}

/** Collapses several Src for the same property/items into one, dropping identical raw fragments. */
function combine(mode: 'all' | 'any', srcs: Src[]): Src {
  const unique: Src[] = [];
  for (const s of srcs) {
    if (s.kind === 'raw' && unique.some((u) => u.kind === 'raw' && u.schema === s.schema)) continue;
    unique.push(s);
  }
  return unique.length === 1 ? unique[0]! : { kind: mode, parts: unique };
}

/** allOf semantics ('all') or flattened oneOf/anyOf/discriminator semantics ('any'). */
function merge(mode: 'all' | 'any', parts: Norm[]): Norm {
  if (parts.length === 1) return parts[0]!;
  const n = emptyNorm();
  if (parts.length === 0) return n;
  n.cycle = parts.some((p) => p.cycle);
  n.opaque = parts.find((p) => p.opaque !== undefined)?.opaque;

  const typed = parts.filter((p) => p.types.size > 0);
  if (mode === 'all') {
    if (typed.length > 0) {
      n.types = new Set([...typed[0]!.types].filter((t) => typed.every((p) => p.types.has(t))));
    }
    const enums = parts.filter((p) => p.enumValues !== undefined).map((p) => p.enumValues!);
    if (enums.length > 0) n.enumValues = new Set([...enums[0]!].filter((v) => enums.every((e) => e.has(v))));
  } else {
    for (const p of typed) for (const t of p.types) n.types.add(t);
    if (parts.every((p) => p.enumValues !== undefined)) {
      n.enumValues = new Set(parts.flatMap((p) => [...p.enumValues!]));
    }
  }
  for (const p of parts) for (const f of p.formats) n.formats.add(f);
  n.nullable = parts.some((p) => p.nullable);
  n.readOnly = parts.some((p) => p.readOnly);
  n.writeOnly = parts.some((p) => p.writeOnly);

  const props = new Map<string, Src[]>();
  for (const p of parts) {
    for (const [k, v] of p.properties) {
      const list = props.get(k);
      if (list) list.push(v);
      else props.set(k, [v]);
    }
  }
  for (const [k, list] of props) n.properties.set(k, combine(mode, list));

  if (mode === 'all') {
    for (const p of parts) for (const r of p.required) n.required.add(r);
  } else {
    for (const r of parts[0]!.required) if (parts.every((p) => p.required.has(r))) n.required.add(r);
  }
  const items = parts.flatMap((p) => (p.items ? [p.items] : []));
  if (items.length > 0) n.items = combine(mode, items);
  return n;
}

/** Sets are shown sorted; `undefined` (only possible for enum) means "no enum". */
const fmtSet = (s: Set<string> | undefined): string =>
  s === undefined ? '(any)' : s.size === 0 ? '(none)' : [...s].sort().join('|');
const sameSet = (a: Set<string> | undefined, b: Set<string> | undefined): boolean => fmtSet(a) === fmtSet(b);

class Comparer {
  readonly out: OpenApiDifference[] = [];
  readonly a: Side;
  readonly b: Side;

  constructor(
    private readonly official: unknown,
    private readonly ours: unknown,
  ) {
    this.a = new Side(official);
    this.b = new Side(ours);
  }

  private add(location: string, kind: OpenApiDifference['kind'], detail: string): void {
    this.out.push({ location, kind, detail });
  }

  /** Reports keys only in one side; returns the keys present in both (official order). */
  private presence(location: (k: string) => string, what: string, a: string[], b: string[]): string[] {
    const common: string[] = [];
    for (const k of a) {
      if (b.includes(k)) common.push(k);
      else this.add(location(k), 'missing', `${what} in official, not in ours`);
    }
    for (const k of b) if (!a.includes(k)) this.add(location(k), 'extra', `${what} in ours, not in official`);
    return common;
  }

  run(): OpenApiDifference[] {
    const pa = objOrEmpty(objOrEmpty(this.official).paths);
    const pb = objOrEmpty(objOrEmpty(this.ours).paths);
    for (const path of this.presence((k) => k, 'path', Object.keys(pa), Object.keys(pb))) {
      const ia = objOrEmpty(this.a.deref(pa[path]));
      const ib = objOrEmpty(this.b.deref(pb[path]));
      const ma = METHODS.filter((m) => isObj(ia[m]));
      const mb = METHODS.filter((m) => isObj(ib[m]));
      const loc = (m: string): string => `${m.toUpperCase()} ${path}`;
      for (const m of this.presence(loc, 'operation', ma, mb)) {
        this.operation(loc(m), ia, ib, m);
      }
    }
    return this.out;
  }

  private operation(loc: string, ia: Json, ib: Json, method: string): void {
    const oa = objOrEmpty(ia[method]);
    const ob = objOrEmpty(ib[method]);
    this.parameters(loc, this.params(this.a, ia, oa), this.params(this.b, ib, ob));
    this.requestBody(`${loc} request body`, oa.requestBody, ob.requestBody);
    this.responses(loc, objOrEmpty(oa.responses), objOrEmpty(ob.responses));
  }

  /** Path-item parameters overridden by operation parameters, keyed `in name` (header lower-cased). */
  private params(side: Side, item: Json, op: Json): Map<string, Json> {
    const out = new Map<string, Json>();
    for (const list of [item.parameters, op.parameters]) {
      if (!Array.isArray(list)) continue;
      for (const p of list) {
        const param = side.deref(p);
        if (!isObj(param) || typeof param.name !== 'string' || typeof param.in !== 'string') continue;
        const name = param.in === 'header' ? param.name.toLowerCase() : param.name;
        out.set(`${param.in} ${name}`, param);
      }
    }
    return out;
  }

  private parameters(loc: string, pa: Map<string, Json>, pb: Map<string, Json>): void {
    const label = (k: string): string => {
      const p = pa.get(k) ?? pb.get(k)!;
      return `${loc} ${String(p.in)} ${String(p.name)}`;
    };
    for (const k of this.presence(label, 'parameter', [...pa.keys()], [...pb.keys()])) {
      const a = pa.get(k)!;
      const b = pb.get(k)!;
      const where = label(k);
      const ra = a.required === true || a.in === 'path';
      const rb = b.required === true || b.in === 'path';
      if (ra !== rb) this.add(where, 'mismatch', `required: official ${ra}, ours ${rb}`);
      const na = this.a.normalize(raw(paramSchema(a)));
      const nb = this.b.normalize(raw(paramSchema(b)));
      this.scalarKeywords(where, na, nb, ['types', 'formats', 'enumValues']);
      if (na.items || nb.items) {
        const ia = na.items ? this.a.normalize(na.items) : emptyNorm();
        const ib = nb.items ? this.b.normalize(nb.items) : emptyNorm();
        this.scalarKeywords(`${where}[]`, ia, ib, ['types', 'formats', 'enumValues']);
      }
    }
  }

  private requestBody(loc: string, rawA: unknown, rawB: unknown): void {
    const a = this.a.deref(rawA);
    const b = this.b.deref(rawB);
    if (!isObj(a) && !isObj(b)) return;
    if (!isObj(a)) return this.add(loc, 'extra', 'request body in ours, not in official');
    if (!isObj(b)) return this.add(loc, 'missing', 'request body in official, not in ours');
    if ((a.required === true) !== (b.required === true)) {
      this.add(loc, 'mismatch', `required: official ${a.required === true}, ours ${b.required === true}`);
    }
    this.content(loc, '', a.content, b.content);
  }

  /**
   * Status codes: only 2xx and 3xx are compared (4xx/5xx/default are ignored, see the
   * module comment); for 2xx also header names, media types and body schemas.
   */
  private responses(loc: string, ra: Json, rb: Json): void {
    const codes = (r: Json): string[] => Object.keys(r).filter((c) => /^[23]/.test(c));
    for (const code of this.presence((c) => `${loc} ${c}`, 'response status', codes(ra), codes(rb))) {
      if (!code.startsWith('2')) continue;
      const where = `${loc} ${code}`;
      const a = objOrEmpty(this.a.deref(ra[code]));
      const b = objOrEmpty(this.b.deref(rb[code]));
      const headers = (side: Side, r: Json): Map<string, string> =>
        new Map(
          Object.keys(objOrEmpty(side.deref(r.headers))).map((h) => [h.toLowerCase(), h] as [string, string]),
        );
      const ha = headers(this.a, a);
      const hb = headers(this.b, b);
      this.presence(
        (h) => `${where} header ${ha.get(h) ?? hb.get(h)!}`,
        'response header',
        [...ha.keys()],
        [...hb.keys()],
      );
      this.content(where, ' body', a.content, b.content);
    }
  }

  /**
   * Media types by lower-cased name; the schema of each common one is compared.
   * `application/json` is the default and not spelled out in locations; others are
   * shown as ` [media/type]`. `rootLabel` names the body itself when the difference is
   * at its root.
   */
  private content(loc: string, rootLabel: string, ca: unknown, cb: unknown): void {
    const ma = objOrEmpty(ca);
    const mb = objOrEmpty(cb);
    const keys = (m: Json): Map<string, string> =>
      new Map(Object.keys(m).map((k) => [k.toLowerCase(), k] as [string, string]));
    const ka = keys(ma);
    const kb = keys(mb);
    const label = (mt: string): string => (mt === 'application/json' ? loc : `${loc} [${mt}]`);
    for (const mt of this.presence((m) => `${loc} [${m}]`, 'media type', [...ka.keys()], [...kb.keys()])) {
      const sa = objOrEmpty(ma[ka.get(mt)!]).schema;
      const sb = objOrEmpty(mb[kb.get(mt)!]).schema;
      this.schema(label(mt), rootLabel, '', raw(sa), raw(sb), 0);
    }
  }

  private schema(prefix: string, rootLabel: string, path: string, a: Src, b: Src, depth: number): void {
    if (depth > MAX_DEPTH) return;
    const na = this.a.normalize(a);
    const nb = this.b.normalize(b);
    if (na.cycle || nb.cycle || na.opaque !== undefined || nb.opaque !== undefined) return;
    const where = path === '' ? `${prefix}${rootLabel}` : `${prefix} ${path}`;
    this.scalarKeywords(where, na, nb, ['types', 'formats', 'enumValues', 'nullable', 'readOnly', 'writeOnly']);

    const child = (k: string): string => `${prefix} ${path}.${k}`;
    for (const k of this.presence(child, 'property', [...na.properties.keys()], [...nb.properties.keys()])) {
      const ra = na.required.has(k);
      const rb = nb.required.has(k);
      if (ra !== rb) this.add(child(k), 'mismatch', `required: official ${ra}, ours ${rb}`);
      this.schema(prefix, rootLabel, `${path}.${k}`, na.properties.get(k)!, nb.properties.get(k)!, depth + 1);
    }
    if (na.items && nb.items) {
      this.schema(prefix, rootLabel, `${path}[]`, na.items, nb.items, depth + 1);
    } else if (na.items || nb.items) {
      this.add(
        `${prefix} ${path}[]`,
        na.items ? 'missing' : 'extra',
        `array items schema in ${na.items ? 'official' : 'ours'} only`,
      );
    }
  }

  private scalarKeywords(
    where: string,
    na: Norm,
    nb: Norm,
    keys: ('types' | 'formats' | 'enumValues' | 'nullable' | 'readOnly' | 'writeOnly')[],
  ): void {
    for (const key of keys) {
      const va = na[key];
      const vb = nb[key];
      const name = key === 'types' ? 'type' : key === 'formats' ? 'format' : key === 'enumValues' ? 'enum' : key;
      if (typeof va === 'boolean' || typeof vb === 'boolean') {
        if (va !== vb) this.add(where, 'mismatch', `${name}: official ${String(va)}, ours ${String(vb)}`);
      } else if (!sameSet(va, vb)) {
        this.add(where, 'mismatch', `${name}: official ${fmtSet(va)}, ours ${fmtSet(vb)}`);
      }
    }
  }
}

/** A parameter's schema; OpenAPI also allows `content: {<media type>: {schema}}` instead. */
function paramSchema(p: Json): unknown {
  if (p.schema !== undefined) return p.schema;
  const first = Object.values(objOrEmpty(p.content))[0];
  return objOrEmpty(first).schema;
}

/**
 * Compares two OpenAPI 3.0 documents and returns every difference (see the module
 * comment for exactly what is and is not compared). An empty array means the documents
 * describe the same interface. `options.ignore` filters out known, documented deviations.
 */
export function compareOpenApi(
  official: unknown,
  ours: unknown,
  options: CompareOptions = {},
): OpenApiDifference[] {
  const diffs = new Comparer(official, ours).run();
  return options.ignore ? diffs.filter((d) => !options.ignore!(d)) : diffs;
}
