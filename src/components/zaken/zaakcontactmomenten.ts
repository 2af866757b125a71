/** Zaakcontactmomenten: a zaak's relation to a CONTACTMOMENT in the Contactmomenten (Klantinteractie) API. */
import type { Operation } from '../../platform/http/api.ts';
import type { ZakenDeps } from './index.ts';
import { externalRelationOperations } from './external-relations.ts';
import { ZaakContactMoment } from './schemas.ts';

export function zaakcontactmomentOperations(deps: ZakenDeps): Operation[] {
  return externalRelationOperations(deps, {
    collection: 'zaakcontactmomenten',
    resource: 'zaakcontactmoment',
    field: 'contactmoment',
    title: 'ZAAKCONTACTMOMENT',
    schema: ZaakContactMoment,
    fieldDescription: 'URL-referentie naar het CONTACTMOMENT (in de Klantinteractie API)',
  });
}
