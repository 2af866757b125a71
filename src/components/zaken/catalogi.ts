/**
 * The Catalogi API as the Zaken API's rules need it: a zaaktype, statustype, resultaattype,
 * roltype, eigenschap, zaakobjecttype or informatieobjecttype by URL, exactly as the Catalogi
 * API serves it, and whether it belongs to the zaak's zaaktype.
 *
 * Lookups go through the platform's reference resolver (`ComponentContext.references`): this
 * process's Catalogi API in-process, another over HTTP. Look references up before opening a
 * transaction: an in-process read needs a database connection of its own, and the embedded
 * database has only one.
 *
 * Failures carry the codes of the reference implementation and the official suite: `bad-url`
 * when the URL does not answer 200, `invalid-resource` when it answers with something else.
 */
import type { InvalidParam } from '../../platform/http/problem.ts';
import { resourceOfShape } from '../../platform/references/expected.ts';
import type { ReferenceResolver } from '../../platform/references/resolver.ts';
import { Eigenschap, InformatieObjectType, ResultaatType, RolType, StatusType, ZaakObjectType, ZaakType } from '../catalogi/schemas.ts';
import { sameUrl } from './urls.ts';

/** What the Zaken API uses of the reference resolver: the resource a URL points at, if it is of the kind expected. */
export type ReferenceFetcher = Pick<ReferenceResolver, 'fetch'>;

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
