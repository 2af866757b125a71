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
import { objectinformatieobjectenUrl, registerRelation, removeRelation, type RelationSender } from '../../platform/references/relations.ts';

export { RelationError } from '../../platform/references/relations.ts';

export interface DocumentRelations {
  /** Registers the relation in the Documenten API; the URL of the OBJECTINFORMATIEOBJECT made. */
  create(relation: { informatieobject: string; zaak: string }, apiRoot: string): Promise<string>;
  /** Removes the OBJECTINFORMATIEOBJECT again; one that is already gone counts as removed. */
  delete(objectinformatieobject: string, apiRoot: string): Promise<void>;
}

/** Failures are a `RelationError` with the reason for the client. */
export function documentRelations(sender: RelationSender): DocumentRelations {
  return {
    create: async ({ informatieobject, zaak }, apiRoot) =>
      registerRelation(sender, objectinformatieobjectenUrl(informatieobject), { informatieobject, object: zaak, objectType: 'zaak' }, apiRoot, 'Het OBJECTINFORMATIEOBJECT'),
    delete: (objectinformatieobject, apiRoot) => removeRelation(sender, objectinformatieobject, apiRoot, 'Het OBJECTINFORMATIEOBJECT'),
  };
}
