/**
 * The Catalogi API as the Zaken API's rules need it: a zaaktype, statustype, resultaattype,
 * roltype, eigenschap, zaakobjecttype or informatieobjecttype by URL, exactly as the Catalogi
 * API serves it, and whether it belongs to the zaak's zaaktype.
 *
 * Fetching goes through one small interface, {@link ReferenceFetcher}, with the shape of the
 * platform's reference resolver (`platform/references`): when that is merged,
 * `catalogiLookup(context.references)` replaces {@link interimFetcher} in `index.ts` and
 * nothing else changes. Look references up before opening a transaction: an in-process read
 * needs a database connection of its own, and the embedded database has only one.
 *
 * Failures carry the codes of the reference implementation and the official suite: `bad-url`
 * when the URL does not answer 200, `invalid-resource` when it answers with something else.
 */
import type { TObject } from '@sinclair/typebox';
import type { InvalidParam } from '../../platform/http/problem.ts';
import type { ResourceReader } from './reader.ts';
import { Eigenschap, InformatieObjectType, ResultaatType, RolType, StatusType, ZaakObjectType, ZaakType } from '../catalogi/schemas.ts';
import { originOf, sameUrl } from './urls.ts';

/** What a URL must point at: a kind for messages, and a test of the JSON it answered with. */
export interface ExpectedResource {
  kind: string;
  matches(body: Record<string, unknown>): boolean;
}

export type Resolution =
  | { ok: true; resource: Record<string, unknown>; local: boolean }
  | { ok: false; code: 'bad-url' | 'invalid-resource'; reason: string };

/** Fetches the resource a URL points at; `apiRoot` is the API root of the request being handled. */
export interface ReferenceFetcher {
  fetch(url: string, expected: ExpectedResource, context?: { apiRoot?: string }): Promise<Resolution>;
}

/** A resource of the shape of `schema`: every required property present (as vng-api-common's `obj_has_shape`). */
export function resourceOfShape(kind: string, schema: TObject): ExpectedResource {
  const required = schema.required ?? [];
  return { kind, matches: (body) => required.every((key) => key in body) };
}

const EXPECTED = {
  zaaktype: resourceOfShape('zaaktype', ZaakType),
  statustype: resourceOfShape('statustype', StatusType),
  resultaattype: resourceOfShape('resultaattype', ResultaatType),
  roltype: resourceOfShape('roltype', RolType),
  eigenschap: resourceOfShape('eigenschap', Eigenschap),
  zaakobjecttype: resourceOfShape('zaakobjecttype', ZaakObjectType),
  informatieobjecttype: resourceOfShape('informatieobjecttype', InformatieObjectType),
};

export type CatalogiKind = keyof typeof EXPECTED;

/** A Catalogi resource, or why the URL is no such resource (as an invalidParams entry for `field`). */
export type Lookup = { ok: true; resource: Record<string, unknown> } | { ok: false; error: InvalidParam };

export interface CatalogiLookup {
  /** The resource of `kind` at `url`; `field` names the body attribute in the error. */
  fetch(kind: CatalogiKind, url: string, apiRoot: string, field?: string): Promise<Lookup>;
}

export function catalogiLookup(fetcher: ReferenceFetcher): CatalogiLookup {
  return {
    async fetch(kind, url, apiRoot, field = kind) {
      const found = await fetcher.fetch(url, EXPECTED[kind], { apiRoot });
      return found.ok ? { ok: true, resource: found.resource } : { ok: false, error: { name: field, code: found.code, reason: found.reason } };
    },
  };
}

/**
 * Whether a statustype, resultaattype, roltype, eigenschap or zaakobjecttype belongs to the
 * zaak's zaaktype (its `zaaktype` attribute): otherwise a `zaaktype-mismatch` on `field`.
 */
export function checkBelongsToZaaktype(field: string, type: Record<string, unknown>, zaaktypeUrl: string, apiRoot: string): InvalidParam[] {
  const own = type.zaaktype;
  if (typeof own === 'string' && sameUrl(own, zaaktypeUrl, apiRoot)) return [];
  return [{ name: field, code: 'zaaktype-mismatch', reason: `Het ${field} hoort niet bij het zaaktype van de zaak.` }];
}

/**
 * Whether the zaaktype names the informatieobjecttype among its informatieobjecttypen
 * (zaaktype-informatieobjecttypen): otherwise `missing-zaaktype-informatieobjecttype-relation`.
 */
export function checkZaaktypeHasInformatieobjecttype(zaaktype: Record<string, unknown>, informatieobjecttypeUrl: string, apiRoot: string, field = 'nonFieldErrors'): InvalidParam[] {
  const listed = Array.isArray(zaaktype.informatieobjecttypen) ? (zaaktype.informatieobjecttypen as unknown[]) : [];
  if (listed.some((u) => typeof u === 'string' && sameUrl(u, informatieobjecttypeUrl, apiRoot))) return [];
  return [{ name: field, code: 'missing-zaaktype-informatieobjecttype-relation', reason: 'Het informatieobjecttype hoort niet bij het zaaktype van de zaak.' }];
}

// ---------------------------------------------------------------------------------------------
// Until platform/references is merged: URLs read with the Zaken API's resource reader.

/**
 * A {@link ReferenceFetcher} on a {@link ResourceReader}: this process's Catalogi API
 * in-process, other URLs over HTTP (without credentials).
 */
export function interimFetcher(reader: ResourceReader): ReferenceFetcher {
  return {
    async fetch(url, expected, context = {}) {
      if (!/^https?:\/\//i.test(url)) return { ok: false, code: 'bad-url', reason: `De URL ${url} kon niet opgehaald worden: het is geen http(s)-URL.` };
      const answer = await reader.read(url, { apiRoot: context.apiRoot ?? url });
      if (answer.status === 0) return { ok: false, code: 'bad-url', reason: `De URL ${url} kon niet opgehaald worden: die is niet bereikbaar.` };
      if (answer.status !== 200) return { ok: false, code: 'bad-url', reason: `De URL ${url} kon niet opgehaald worden: die antwoordde met status ${answer.status}.` };
      const body = answer.body;
      if (!body || typeof body !== 'object' || Array.isArray(body) || !expected.matches(body as Record<string, unknown>)) {
        return { ok: false, code: 'invalid-resource', reason: `De URL ${url} wijst niet naar een ${expected.kind}.` };
      }
      return { ok: true, resource: structuredClone(body as Record<string, unknown>), local: context.apiRoot !== undefined && sameOrigin(url, context.apiRoot) };
    },
  };
}

function sameOrigin(url: string, apiRoot: string): boolean {
  return new URL(url).origin === originOf(apiRoot);
}
