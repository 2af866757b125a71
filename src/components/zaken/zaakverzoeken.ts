/** Zaakverzoeken: a zaak's relation to a VERZOEK in the Verzoeken (Klantinteractie) API. */
import type { Operation } from '../../platform/http/api.ts';
import type { ZakenDeps } from './index.ts';
import { externalRelationOperations } from './external-relations.ts';
import { ZaakVerzoek } from './schemas.ts';

export function zaakverzoekOperations(deps: ZakenDeps): Operation[] {
  return externalRelationOperations(deps, {
    collection: 'zaakverzoeken',
    resource: 'zaakverzoek',
    field: 'verzoek',
    title: 'ZAAK-VERZOEK',
    schema: ZaakVerzoek,
    fieldDescription: 'URL-referentie naar het VERZOEK (in de Klantinteractie API)',
  });
}
