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
import type { ReferenceResolver } from '../../platform/references/resolver.ts';
import { objectinformatieobjectenUrl, registerRelation, removeRelation } from '../../platform/references/relations.ts';

export { RelationError } from '../../platform/references/relations.ts';

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
  return {
    registerZaakBesluit: (zaak, besluit, apiRoot) => registerRelation(references, `${zaak}/besluiten`, { besluit }, apiRoot, 'Het ZAAKBESLUIT'),
    removeZaakBesluit: (zaakbesluit, apiRoot) => removeRelation(references, zaakbesluit, apiRoot, 'Het ZAAKBESLUIT'),
    registerObjectInformatieObject: async (informatieobject, besluit, apiRoot) =>
      registerRelation(references, objectinformatieobjectenUrl(informatieobject), { informatieobject, object: besluit, objectType: 'besluit' }, apiRoot, 'Het OBJECTINFORMATIEOBJECT'),
    removeObjectInformatieObject: (objectinformatieobject, apiRoot) => removeRelation(references, objectinformatieobject, apiRoot, 'Het OBJECTINFORMATIEOBJECT'),
  };
}
