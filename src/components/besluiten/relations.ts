/**
 * The relations the Besluiten API keeps in other APIs, as the standard asks: a besluit with a
 * zaak is registered in the Zaken API (`POST {zaak}/besluiten`, a ZaakBesluit), and a
 * besluitinformatieobject is mirrored in the Documenten API (`POST objectinformatieobjecten`
 * with objectType `besluit`); both are removed again when the besluit or the relation goes.
 *
 * Each goes through the reference resolver's `send`: in-process (with the internal credential,
 * which only those synchronisation endpoints accept for a write) when this process serves the
 * other API, over HTTP with this instance's credentials for that API root otherwise. The
 * other API checks the relation against this one (the besluit must exist and name the zaak;
 * the besluitinformatieobject must exist, or be gone for a removal), so call these after the
 * local change is committed, never inside a transaction.
 */
import type { ReferenceResolver, SendResult } from '../../platform/references/resolver.ts';

/** A relation the other API did not register or remove; `reason` says why, for the client. */
export class RelationError extends Error {}

export interface BesluitRelations {
  /** Registers the besluit with its zaak; answers the ZaakBesluit's URL. */
  registerZaakBesluit(zaak: string, besluit: string, apiRoot: string): Promise<string>;
  /** Removes a ZaakBesluit; one that is gone already counts as removed. */
  removeZaakBesluit(zaakbesluit: string, apiRoot: string): Promise<void>;
  /** Mirrors a besluitinformatieobject in the Documenten API; answers the ObjectInformatieObject's URL. */
  registerObjectInformatieObject(informatieobject: string, besluit: string, apiRoot: string): Promise<string>;
  /** Removes an ObjectInformatieObject; one that is gone already counts as removed. */
  removeObjectInformatieObject(objectinformatieobject: string, apiRoot: string): Promise<void>;
}

export function besluitRelations(references: ReferenceResolver): BesluitRelations {
  const register = async (url: string, body: Record<string, string>, apiRoot: string, what: string) => {
    const answer = await references.send('POST', url, body, { apiRoot });
    const created = 'error' in answer || answer.status !== 201 ? undefined : (answer.body as { url?: unknown } | undefined)?.url;
    if (typeof created !== 'string') throw new RelationError(`${what} kon niet geregistreerd worden op ${url}: ${failure(answer)}.`);
    return created;
  };
  const remove = async (url: string, apiRoot: string, what: string) => {
    const answer = await references.send('DELETE', url, undefined, { apiRoot });
    if ('error' in answer || (answer.status !== 204 && answer.status !== 404)) throw new RelationError(`${what} ${url} kon niet verwijderd worden: ${failure(answer)}.`);
  };
  return {
    registerZaakBesluit: (zaak, besluit, apiRoot) => register(`${zaak}/besluiten`, { besluit }, apiRoot, 'Het ZAAKBESLUIT'),
    removeZaakBesluit: (zaakbesluit, apiRoot) => remove(zaakbesluit, apiRoot, 'Het ZAAKBESLUIT'),
    async registerObjectInformatieObject(informatieobject, besluit, apiRoot) {
      const root = /^(.*)\/enkelvoudiginformatieobjecten\/[^/?#]+$/.exec(informatieobject)?.[1];
      if (!root) throw new RelationError(`${informatieobject} is geen URL van een enkelvoudig informatieobject in een Documenten API.`);
      return register(`${root}/objectinformatieobjecten`, { informatieobject, object: besluit, objectType: 'besluit' }, apiRoot, 'Het OBJECTINFORMATIEOBJECT');
    },
    removeObjectInformatieObject: (objectinformatieobject, apiRoot) => remove(objectinformatieobject, apiRoot, 'Het OBJECTINFORMATIEOBJECT'),
  };
}

function failure(answer: SendResult): string {
  if ('error' in answer) return answer.error;
  const detail = (answer.body as { detail?: unknown } | undefined)?.detail;
  return `antwoord ${answer.status}${typeof detail === 'string' ? ` (${detail})` : ''}`;
}
