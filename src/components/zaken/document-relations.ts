/**
 * The mirror of a zaak–informatieobject relation in the Documenten API (zrc-005): creating a
 * ZAAKINFORMATIEOBJECT makes an OBJECTINFORMATIEOBJECT (`objectType` `zaak`) in the Documenten
 * API the informatieobject lives in, and deleting it deletes that one ("De gespiegelde relatie
 * in de Documenten API wordt door de Zaken API verwijderd").
 *
 * The Documenten API checks the relation against ours (it lists
 * `zaakinformatieobjecten?zaak=…&informatieobject=…` before creating, and requires it gone
 * before deleting), so the mirror is called after our own change has been committed, never
 * inside its transaction.
 *
 * Writes go through the platform reference resolver's `send`: in-process with the internal
 * credential for this process's own Documenten API (objectinformatieobject_create/destroy are
 * `relationSync` operations), over HTTP with this instance's credentials for another.
 */
import type { ReferenceResolver } from '../../platform/references/resolver.ts';

export interface DocumentRelations {
  /** Registers the relation in the Documenten API; the URL of the OBJECTINFORMATIEOBJECT made. */
  create(relation: { informatieobject: string; zaak: string }, apiRoot: string): Promise<string>;
  /** Removes the OBJECTINFORMATIEOBJECT again; one that is already gone counts as removed. */
  delete(objectinformatieobject: string, apiRoot: string): Promise<void>;
}

/** A relation the Documenten API did not register or remove; the message says why. */
export class DocumentRelationError extends Error {}

/** What the mirror uses of the reference resolver. */
export type RelationSender = Pick<ReferenceResolver, 'send'>;

export function documentRelations(sender: RelationSender): DocumentRelations {
  const failure = (answer: { status: number; body: unknown } | { error: string }) => {
    if ('error' in answer) return answer.error;
    const detail = (answer.body as { detail?: unknown } | undefined)?.detail;
    return `antwoord ${answer.status}${typeof detail === 'string' ? ` (${detail})` : ''}`;
  };
  return {
    async create({ informatieobject, zaak }, apiRoot) {
      const root = /^(.*)\/enkelvoudiginformatieobjecten\/[^/?#]+$/.exec(informatieobject)?.[1];
      if (!root) throw new DocumentRelationError(`${informatieobject} is geen URL van een enkelvoudig informatieobject in een Documenten API.`);
      const answer = await sender.send('POST', `${root}/objectinformatieobjecten`, { informatieobject, object: zaak, objectType: 'zaak' }, { apiRoot });
      const url = 'error' in answer || answer.status !== 201 ? undefined : (answer.body as { url?: unknown } | undefined)?.url;
      if (typeof url !== 'string') throw new DocumentRelationError(`Het OBJECTINFORMATIEOBJECT kon niet geregistreerd worden in ${root}: ${failure(answer)}.`);
      return url;
    },
    async delete(objectinformatieobject, apiRoot) {
      const answer = await sender.send('DELETE', objectinformatieobject, undefined, { apiRoot });
      if ('error' in answer || (answer.status !== 204 && answer.status !== 404)) {
        throw new DocumentRelationError(`Het OBJECTINFORMATIEOBJECT ${objectinformatieobject} kon niet verwijderd worden: ${failure(answer)}.`);
      }
    },
  };
}
