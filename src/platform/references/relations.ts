/**
 * Writing a relation one API keeps in another, as the standards ask ("Dit endpoint hoor je als
 * consumer niet zelf aan te spreken"): the Zaken and Besluiten APIs mirror their relations with
 * a document as an ObjectInformatieObject in the Documenten API, the Besluiten API registers a
 * besluit with its zaak as a ZaakBesluit. Both go through {@link ReferenceResolver.send}:
 * in-process for this process's own APIs (on `relationSync` operations), over HTTP otherwise.
 *
 * The other API checks the relation against the first, so call these after the local change
 * is committed, never while holding a transaction.
 *
 * @example
 * const oio = await registerRelation(references, objectinformatieobjectenUrl(document), { informatieobject: document, object: zaak, objectType: 'zaak' }, apiRoot, 'Het OBJECTINFORMATIEOBJECT');
 * await removeRelation(references, oio, apiRoot, 'Het OBJECTINFORMATIEOBJECT');
 */
import type { ReferenceResolver, SendResult } from './resolver.ts';

/** A relation the other API did not register or remove; the message says why, for the client. */
export class RelationError extends Error {}

/** What writing a relation uses of the reference resolver. */
export type RelationSender = Pick<ReferenceResolver, 'send'>;

/** POSTs the relation to `url`; the URL of what the other API made (a 201 with a `url`), or a {@link RelationError}. */
export async function registerRelation(sender: RelationSender, url: string, body: Record<string, string>, apiRoot: string, what: string): Promise<string> {
  const answer = await sender.send('POST', url, body, { apiRoot });
  const created = 'error' in answer || answer.status !== 201 ? undefined : (answer.body as { url?: unknown } | undefined)?.url;
  if (typeof created !== 'string') throw new RelationError(`${what} kon niet geregistreerd worden op ${url}: ${failure(answer)}.`);
  return created;
}

/** DELETEs the relation at `url`; one that is gone already (404) counts as removed. */
export async function removeRelation(sender: RelationSender, url: string, apiRoot: string, what: string): Promise<void> {
  const answer = await sender.send('DELETE', url, undefined, { apiRoot });
  if ('error' in answer || (answer.status !== 204 && answer.status !== 404)) throw new RelationError(`${what} ${url} kon niet verwijderd worden: ${failure(answer)}.`);
}

/** The objectinformatieobjecten collection of the Documenten API an enkelvoudig informatieobject lives in. */
export function objectinformatieobjectenUrl(informatieobject: string): string {
  const root = /^(.*)\/enkelvoudiginformatieobjecten\/[^/?#]+$/.exec(informatieobject)?.[1];
  if (!root) throw new RelationError(`${informatieobject} is geen URL van een enkelvoudig informatieobject in een Documenten API.`);
  return `${root}/objectinformatieobjecten`;
}

function failure(answer: SendResult): string {
  if ('error' in answer) return answer.error;
  const detail = (answer.body as { detail?: unknown } | undefined)?.detail;
  return `antwoord ${answer.status}${typeof detail === 'string' ? ` (${detail})` : ''}`;
}
