/**
 * `expand`, as Zaken 1.5 defines it: `expand=zaaktype,status.statustype,hoofdzaak.deelzaken`
 * adds `_expand` with, per named relation, the resource(s) its URL(s) point at, each expanded
 * further by the dotted rest. Any resource with URL relations expands the same way: its URLs
 * are read through the reference resolver (this process's APIs in-process, others over HTTP),
 * passing the rest of the path on as that resource's own `expand`, so every resource is
 * expanded by the API that serves it (a zaaktype by the Catalogi API). The reads are made on
 * behalf of the client, so it sees no more than it may read itself. A relation that is null
 * expands to `{}`; a resource the client may not read (or that does not answer) is left out,
 * except when the Logboek refused the read for want of a processing activity (rollen with a
 * BSN, personal-data.ts): that 400/403 is the answer.
 */
import { validationError, type InvalidParam } from '../../platform/http/problem.ts';
import { anyResource } from '../../platform/references/expected.ts';
import { isLogboekRefusal, LogboekError } from '../../platform/logboek/logboek.ts';
import type { OnBehalfOf } from '../../platform/references/resolver.ts';
import type { ReferenceFetcher } from './catalogi.ts';

/** `{ status: { statustype: {} }, zaaktype: {} }` */
export interface ExpandTree {
  [relation: string]: ExpandTree;
}

/** How a representation names its related resources: one URL, a list of URLs, or URLs inside objects. */
export type Relation = 'one' | 'many' | ((value: unknown) => string[]);

/** Parses `a, b.c, b.d` into a tree; each first segment must be one of `relations`, else 400 `expand`. */
export function parseExpand(value: string | undefined, relations: Record<string, Relation>): ExpandTree {
  const tree: ExpandTree = {};
  if (!value) return tree;
  const wrong: string[] = [];
  for (const path of value.split(',').map((p) => p.trim()).filter(Boolean)) {
    const segments = path.split('.');
    if (!(segments[0]! in relations) || segments.some((s) => s === '')) {
      wrong.push(path);
      continue;
    }
    let node = tree;
    for (const segment of segments) node = node[segment] ??= {};
  }
  if (wrong.length) {
    throw validationError([{ name: 'expand', code: 'invalid-expand-field', reason: `Ongeldige expand-velden: ${wrong.join(', ')}; mogelijk: ${Object.keys(relations).join(', ')}.` }]);
  }
  return tree;
}

/** The tree as an `expand` parameter again: `{ c: {}, d: { e: {} } }` → `c,d.e`. */
export function expandParam(tree: ExpandTree): string {
  return Object.entries(tree)
    .flatMap(([name, sub]) => (Object.keys(sub).length ? expandParam(sub).split(',').map((rest) => `${name}.${rest}`) : [name]))
    .join(',');
}

export interface ExpandContext {
  references: ReferenceFetcher;
  /** The API root of the request being handled. */
  apiRoot: string;
  /** The client whose request is expanded: the resources are read with its rights (see OnBehalfOf). */
  onBehalfOf: OnBehalfOf;
  /** Reads within one request, by URL and expand: a page of zaken often shares its zaaktype. */
  cache?: Map<string, Promise<unknown>>;
}

/**
 * The `_expand` object of `resource` for `tree`, reading every URL the named relations hold.
 * A 400 from a nested expansion (an unknown field further down) is passed on.
 */
export async function expandResource(resource: Record<string, unknown>, tree: ExpandTree, relations: Record<string, Relation>, context: ExpandContext): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  await Promise.all(
    Object.entries(tree).map(async ([name, sub]) => {
      const relation = relations[name]!;
      const value = resource[name];
      if (relation === 'one') {
        out[name] = typeof value === 'string' && value !== '' ? ((await read(value, sub, context)) ?? {}) : {};
      } else {
        const urls = relation === 'many' ? (Array.isArray(value) ? (value as string[]) : []) : relation(value);
        const found = await Promise.all(urls.map((url) => read(url, sub, context)));
        out[name] = found.filter((r) => r !== undefined);
      }
    }),
  );
  return out;
}

const RESOURCE = anyResource('resource');

async function read(url: string, sub: ExpandTree, context: ExpandContext): Promise<unknown> {
  const expand = expandParam(sub);
  const key = `${url}?${expand}`;
  const cached = context.cache?.get(key);
  if (cached) return cached;
  const pending = context.references.fetch(expand ? withExpand(url, expand) : url, RESOURCE, { apiRoot: context.apiRoot, onBehalfOf: context.onBehalfOf }).then((found) => {
    if (found.ok) return found.resource;
    // A rol with a BSN is read only for a known processing activity: that refusal is the client's to see, not a rol left out.
    if (isLogboekRefusal(found.body)) throw new LogboekError(found.body.status, found.body.code, found.body.detail);
    if (found.status === 400 && expand) {
      const problem = found.body as { invalidParams?: InvalidParam[] } | undefined;
      throw validationError(problem?.invalidParams ?? [{ name: 'expand', code: 'invalid-expand-field', reason: `Ongeldige expand-velden voor ${url}: ${expand}.` }]);
    }
    return undefined;
  });
  context.cache?.set(key, pending);
  return pending;
}

/** The URL with its `expand` query parameter set. */
function withExpand(url: string, expand: string): string {
  try {
    const target = new URL(url);
    target.searchParams.set('expand', expand);
    return target.toString();
  } catch {
    return url; // no URL: the resolver answers bad-url
  }
}
