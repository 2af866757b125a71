/**
 * References from the Catalogi API into the Selectielijst and Referentielijsten
 * (`zaaktype.selectielijstProcestype`, `resultaattype.selectielijstklasse` and
 * `resultaattype.resultaattypeomschrijving`): resolved through the platform's reference
 * resolver (this instance's own Referentielijsten in-process, others over HTTP; `bad-url` when
 * the URL does not answer 200, `invalid-resource` when it answers with something else), and
 * kept so that this instance's own Referentielijsten API follows the host the API is reached at.
 */
import type { InvalidParam } from '../../platform/http/problem.ts';
import { absoluteUrl, localPath } from '../../platform/http/local-url.ts';
import { referenceError, type ReferenceResolver } from '../../platform/references/resolver.ts';
import { resourceOfShape } from '../../platform/references/expected.ts';
import { ProcesType, Resultaat, ResultaattypeOmschrijvingGeneriek } from '../referentielijsten/schemas.ts';
import { parseReferentielijstUrl, REFERENTIELIJSTEN_API_PATH } from '../referentielijsten/store.ts';

const ownRoot = (apiRoot: string) => `${new URL(apiRoot).origin}${REFERENTIELIJSTEN_API_PATH}`;

/**
 * How a reference is kept: one into this instance's own Referentielijsten API by path (as our
 * own URLs are, `local-url.ts`), so that it is served under whatever host the API is reached at
 * — the demo catalogus is seeded under one and used under another; any other as given.
 */
export function keptReference(url: string, apiRoot: string): string {
  return parseReferentielijstUrl(url)?.apiRoot === ownRoot(apiRoot) ? localPath(url) : url;
}

/** A kept reference as a URL under the host of this request. */
export function shownReference(kept: string, apiRoot: string): string {
  return absoluteUrl(new URL(apiRoot).origin, kept);
}

/** ztc-001: selectielijstProcestype must be a Procestype of the Selectielijst. */
export async function checkSelectielijstProcestype(references: ReferenceResolver, url: string, apiRoot: string): Promise<InvalidParam[]> {
  return referenceError('selectielijstProcestype', await references.fetch(url, resourceOfShape('procestype', ProcesType), { apiRoot }));
}

/** What a resultaattype needs of its selectielijstklasse (a Resultaat of the Selectielijst). */
export interface Selectielijstklasse {
  /** Its procestype, as kept (see `keptReference`), to compare with the zaaktype's. */
  procestype: string;
  procestermijn: string;
  waardering: string;
  bewaartermijn: string | null;
}

/**
 * ztc-002: resolves a resultaattype's resultaattypeomschrijving (a generieke
 * resultaattypeomschrijving, whose omschrijving becomes omschrijvingGeneriek) and
 * selectielijstklasse (a Resultaat of the Selectielijst), given as URLs or as kept, and keeps
 * both (see `keptReference`).
 */
export async function resolveSelectielijst(references: ReferenceResolver, data: Record<string, unknown>, apiRoot: string): Promise<{ errors: InvalidParam[]; context?: Selectielijstklasse }> {
  const omschrijvingUrl = shownReference(data.resultaattypeomschrijving as string, apiRoot);
  const klasseUrl = shownReference(data.selectielijstklasse as string, apiRoot);
  data.resultaattypeomschrijving = keptReference(omschrijvingUrl, apiRoot);
  data.selectielijstklasse = keptReference(klasseUrl, apiRoot);
  const [omschrijving, klasse] = await Promise.all([
    references.fetch(omschrijvingUrl, resourceOfShape('resultaattypeomschrijving', ResultaattypeOmschrijvingGeneriek), { apiRoot }),
    references.fetch(klasseUrl, resourceOfShape('resultaat', Resultaat), { apiRoot }),
  ]);
  if (omschrijving.ok) data.omschrijvingGeneriek = omschrijving.resource.omschrijving;
  const errors = [...referenceError('resultaattypeomschrijving', omschrijving), ...referenceError('selectielijstklasse', klasse)];
  if (!klasse.ok) return { errors };
  const r = klasse.resource;
  return {
    errors,
    context: { procestype: keptReference(r.procesType as string, apiRoot), procestermijn: String(r.procestermijn ?? ''), waardering: r.waardering as string, bewaartermijn: (r.bewaartermijn as string | null | undefined) ?? null },
  };
}
