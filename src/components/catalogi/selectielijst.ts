/**
 * References from the Catalogi API into the Selectielijst and Referentielijsten
 * (`zaaktype.selectielijstProcestype`, `resultaattype.selectielijstklasse` and
 * `resultaattype.resultaattypeomschrijving`): checked as the reference implementation's URL
 * validators do, and kept so that this instance's own Referentielijsten API follows the host
 * the API is reached at.
 *
 * This instance's own Referentielijsten (under the request's origin) are looked up in-process;
 * others are fetched over HTTP.
 */
import type { InvalidParam } from '../../platform/http/problem.ts';
import { absoluteUrl, localPath } from '../../platform/http/local-url.ts';
import { parseReferentielijstUrl, REFERENTIELIJSTEN_API_PATH, type ReferentielijstenLookup } from '../referentielijsten/store.ts';
import { checkProcestype, invalidResource } from './rules.ts';

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

/**
 * A JSON resource elsewhere, read as the reference implementation's URL validators do: the
 * object; `unreachable` (code `bad-url`) when the URL does not answer 200; `other` (code
 * `invalid-resource`) when it answers 200 with something that is no JSON object.
 */
async function fetchJson(url: string): Promise<Record<string, unknown> | 'other' | 'unreachable'> {
  let text: string;
  try {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(5000) });
    if (response.status !== 200) return 'unreachable';
    text = await response.text();
  } catch {
    return 'unreachable';
  }
  try {
    const found = JSON.parse(text) as unknown;
    return found && typeof found === 'object' && !Array.isArray(found) ? (found as Record<string, unknown>) : 'other';
  } catch {
    return 'other';
  }
}

/**
 * What this instance's Referentielijsten API answers at `ref`: the kind of resource there, or
 * undefined where it would answer 404 (so `bad-url`, as for any URL not answering 200).
 */
function ownReferentielijst(lookup: ReferentielijstenLookup, ref: { resource: string; uuid: string }): string | undefined {
  const found =
    ref.resource === 'procestypen' ? lookup.findProcestype(ref.uuid)
    : ref.resource === 'resultaten' ? lookup.findResultaat(ref.uuid)
    : ref.resource === 'resultaattypeomschrijvingen' ? lookup.findResultaattypeomschrijving(ref.uuid)
    : ref.resource === 'communicatiekanalen' ? lookup.findCommunicatiekanaal(ref.uuid)
    : undefined;
  return found ? ref.resource : undefined;
}

/** ztc-001: selectielijstProcestype must be a Procestype of the Selectielijst. */
export async function checkSelectielijstProcestype(lookup: ReferentielijstenLookup, url: string, apiRoot: string): Promise<InvalidParam[]> {
  const ref = parseReferentielijstUrl(url);
  if (ref && ref.apiRoot === ownRoot(apiRoot)) {
    const kind = ownReferentielijst(lookup, ref);
    return checkProcestype(kind === undefined ? 'unreachable' : kind === 'procestypen' ? 'procestype' : 'other');
  }
  const found = await fetchJson(url);
  if (typeof found !== 'object') return checkProcestype(found);
  return checkProcestype(typeof found.nummer === 'number' && typeof found.naam === 'string' && typeof found.jaar === 'number' ? 'procestype' : 'other');
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
 * Resolves a resultaattype's resultaattypeomschrijving (into omschrijvingGeneriek) and
 * selectielijstklasse, given as URLs or as kept, and keeps both (see `keptReference`).
 */
export async function resolveSelectielijst(lookup: ReferentielijstenLookup, data: Record<string, unknown>, apiRoot: string): Promise<{ errors: InvalidParam[]; context?: Selectielijstklasse }> {
  const own = ownRoot(apiRoot);
  const errors: InvalidParam[] = [];
  const omschrijvingUrl = shownReference(data.resultaattypeomschrijving as string, apiRoot);
  data.resultaattypeomschrijving = keptReference(omschrijvingUrl, apiRoot);
  const ref = parseReferentielijstUrl(omschrijvingUrl);
  if (ref && ref.apiRoot === own) {
    const found = ref.resource === 'resultaattypeomschrijvingen' ? lookup.findResultaattypeomschrijving(ref.uuid) : undefined;
    if (found) data.omschrijvingGeneriek = found.omschrijving;
    else errors.push(...invalidResource('resultaattypeomschrijving', ownReferentielijst(lookup, ref) ? 'other' : 'unreachable'));
  } else {
    const found = await fetchJson(omschrijvingUrl);
    if (typeof found === 'object' && typeof found.omschrijving === 'string' && typeof found.definitie === 'string') data.omschrijvingGeneriek = found.omschrijving;
    else errors.push(...invalidResource('resultaattypeomschrijving', typeof found === 'object' ? 'other' : found));
  }

  const klasseUrl = shownReference(data.selectielijstklasse as string, apiRoot);
  data.selectielijstklasse = keptReference(klasseUrl, apiRoot);
  const klasseRef = parseReferentielijstUrl(klasseUrl);
  let context: Selectielijstklasse | undefined;
  if (klasseRef && klasseRef.apiRoot === own) {
    const found = klasseRef.resource === 'resultaten' ? lookup.findResultaat(klasseRef.uuid) : undefined;
    if (found) context = { procestype: keptReference(`${own}/procestypen/${found.procesType}`, apiRoot), procestermijn: found.procestermijn, waardering: found.waardering, bewaartermijn: found.bewaartermijn };
    else errors.push(...invalidResource('selectielijstklasse', ownReferentielijst(lookup, klasseRef) ? 'other' : 'unreachable'));
  } else {
    const found = await fetchJson(klasseUrl);
    if (typeof found === 'object' && typeof found.procesType === 'string' && typeof found.waardering === 'string') {
      context = { procestype: keptReference(found.procesType, apiRoot), procestermijn: String(found.procestermijn ?? ''), waardering: found.waardering, bewaartermijn: (found.bewaartermijn as string | null) ?? null };
    } else errors.push(...invalidResource('selectielijstklasse', typeof found === 'object' ? 'other' : found));
  }
  return { errors, context };
}
