/**
 * The mirror of a zaak–informatieobject relation in the Documenten API (zrc-005): creating a
 * ZAAKINFORMATIEOBJECT makes an OBJECTINFORMATIEOBJECT (`objectType` `zaak`) in the Documenten
 * API the informatieobject lives in, and deleting it deletes that one ("De gespiegelde relatie
 * in de Documenten API wordt door de Zaken API verwijderd").
 *
 * The Documenten API checks the relation against ours (the reference implementation looks the
 * zaakinformatieobject up before creating, and requires it gone before deleting), so the
 * mirror is called after our own change has been committed, never inside its transaction.
 *
 * {@link httpDocumentRelations} speaks to a Documenten API over HTTP. Pending: when the
 * Documenten component is built, an in-process implementation for this instance's own
 * Documenten API goes beside it (chosen by the informatieobject's URL), and `authorization`
 * is wired to the credentials for remote APIs (`--remote-services`).
 */
export interface DocumentRelations {
  /** Registers the relation in the Documenten API; the URL of the OBJECTINFORMATIEOBJECT made. */
  create(relation: { informatieobject: string; zaak: string }): Promise<string>;
  /** Removes the OBJECTINFORMATIEOBJECT again; one that is already gone is fine. */
  delete(objectinformatieobject: string): Promise<void>;
}

export class DocumentRelationError extends Error {}

export interface HttpDocumentRelationsOptions {
  /** The `Authorization` header for a request to `url`, when this instance has credentials for its API. */
  authorization?: (url: string) => Promise<string | undefined>;
  timeoutMs?: number;
}

/**
 * The Documenten API of an informatieobject is the API root its URL lies under:
 * `…/documenten/api/v1/enkelvoudiginformatieobjecten/{uuid}` → `…/documenten/api/v1`.
 */
export function documentenApiRoot(informatieobject: string): string {
  const url = new URL(informatieobject);
  url.pathname = url.pathname.replace(/\/+$/, '').split('/').slice(0, -2).join('/');
  url.search = '';
  return url.toString().replace(/\/+$/, '');
}

export function httpDocumentRelations(options: HttpDocumentRelationsOptions = {}): DocumentRelations {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const headers = async (url: string, json: boolean): Promise<Record<string, string>> => {
    const authorization = await options.authorization?.(url);
    return { Accept: 'application/json', ...(json ? { 'Content-Type': 'application/json' } : {}), ...(authorization ? { Authorization: authorization } : {}) };
  };
  const send = async (method: string, url: string, body?: unknown): Promise<Response> => {
    try {
      return await fetch(url, { method, headers: await headers(url, body !== undefined), body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new DocumentRelationError(`De Documenten API op ${url} is niet bereikbaar: ${(error as Error).message}`);
    }
  };

  return {
    async create({ informatieobject, zaak }) {
      const collection = `${documentenApiRoot(informatieobject)}/objectinformatieobjecten`;
      const response = await send('POST', collection, { informatieobject, object: zaak, objectType: 'zaak' });
      const text = await response.text();
      if (response.status !== 201) throw new DocumentRelationError(`De Documenten API antwoordde ${response.status} op het aanmaken van de relatie: ${text.slice(0, 500)}`);
      const url = (JSON.parse(text) as { url?: unknown }).url;
      if (typeof url !== 'string') throw new DocumentRelationError('De Documenten API gaf geen URL van de gemaakte relatie terug.');
      return url;
    },
    async delete(objectinformatieobject) {
      const response = await send('DELETE', objectinformatieobject);
      const text = await response.text();
      if (response.status !== 204 && response.status !== 404) {
        throw new DocumentRelationError(`De Documenten API antwoordde ${response.status} op het verwijderen van de relatie: ${text.slice(0, 500)}`);
      }
    },
  };
}
