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
import type { Database } from '../../platform/db/database.ts';
import type { Operation } from '../../platform/http/api.ts';
import { Authorization } from '../../platform/auth/authorization.ts';
import { ProblemError, type InvalidParam } from '../../platform/http/problem.ts';
import type { ComponentContext, ComponentOptions } from '../component.ts';
import { catalogi } from '../catalogi/index.ts';
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
// Until platform/references is merged: this process's Catalogi API in-process, others over HTTP.

const INTERNAL = new Authorization({ clientId: 'zaken-intern', rights: { heeftAlleAutorisaties: true, autorisaties: [] } });
const CATALOGI_ROOT = '/catalogi/api/v1';
const COLLECTIONS: Record<string, string> = {
  zaaktypen: 'zaaktype',
  statustypen: 'statustype',
  resultaattypen: 'resultaattype',
  roltypen: 'roltype',
  eigenschappen: 'eigenschap',
  zaakobjecttypen: 'zaakobjecttype',
  informatieobjecttypen: 'informatieobjecttype',
};

/**
 * A URL on the request's host under `/catalogi/api/v1` is answered by this process's Catalogi
 * operations (their handlers, with an internal read-all identity); any other URL is fetched
 * over HTTP with a timeout, without credentials.
 */
export function interimFetcher(database: Database, options?: ComponentOptions, timeoutMs = 5000): ReferenceFetcher {
  let operations: Operation[] | undefined;
  const retrieve = (resource: string) => {
    // Interim (replaced by the platform reference resolver): retrieve handlers never resolve references.
    operations ??= catalogi.api({ database, invalidateAuth: () => {}, options } as ComponentContext).operations;
    return operations.find((o) => o.operationId === `${resource}_retrieve`);
  };

  async function inProcess(url: URL, apiRoot: string): Promise<{ status: number; body?: unknown }> {
    const match = new RegExp(`^${CATALOGI_ROOT}/(\\w+)/([0-9a-f-]{36})$`, 'i').exec(url.pathname);
    const operation = match ? retrieve(COLLECTIONS[match[1]!] ?? '') : undefined;
    if (!match || !operation) return { status: 404 };
    try {
      const catalogiRoot = `${originOf(apiRoot)}${CATALOGI_ROOT}`;
      return await operation.handler({ params: { uuid: match[2]!.toLowerCase() }, query: {}, body: undefined, auth: INTERNAL, apiRoot: catalogiRoot, request: undefined as never });
    } catch (error) {
      if (error instanceof ProblemError) return { status: error.status };
      throw error;
    }
  }

  return {
    async fetch(url, expected, context = {}) {
      let parsed: URL;
      try {
        parsed = new URL(url);
        if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('no http');
      } catch {
        return { ok: false, code: 'bad-url', reason: `De URL ${url} kon niet opgehaald worden: het is geen http(s)-URL.` };
      }
      const local = context.apiRoot !== undefined && parsed.origin === originOf(context.apiRoot) && parsed.pathname.startsWith(`${CATALOGI_ROOT}/`);
      let answer: { status: number; body?: unknown };
      if (local) {
        answer = await inProcess(parsed, context.apiRoot!);
      } else {
        try {
          const response = await fetch(url, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
          const text = await response.text();
          let body: unknown;
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {
            body = undefined;
          }
          answer = { status: response.status, body };
        } catch {
          return { ok: false, code: 'bad-url', reason: `De URL ${url} kon niet opgehaald worden: die is niet bereikbaar.` };
        }
      }
      if (answer.status !== 200) return { ok: false, code: 'bad-url', reason: `De URL ${url} kon niet opgehaald worden: die antwoordde met status ${answer.status}.` };
      const body = answer.body;
      if (!body || typeof body !== 'object' || Array.isArray(body) || !expected.matches(body as Record<string, unknown>)) {
        return { ok: false, code: 'invalid-resource', reason: `De URL ${url} wijst niet naar een ${expected.kind}.` };
      }
      return { ok: true, resource: structuredClone(body as Record<string, unknown>), local };
    },
  };
}
