/**
 * Besluiten API 1.1.0: the besluit (a decision of an organisation, typed by a besluittype in
 * the Catalogi API, optionally the outcome of a zaak in the Zaken API), the informatieobjecten
 * in which it is laid down (besluitinformatieobjecten, mirrored in the Documenten API), and
 * its audit trail.
 *
 * Each resource lives in its own module exporting `xxxOperations(deps)`; what they share about
 * access and recording is in `access.ts`, the references to other APIs in `references.ts`, the
 * relations kept in the Zaken and Documenten APIs in `relations.ts`.
 */
import type { Component } from '../component.ts';
import { besluitOperations } from './besluiten.ts';
import { besluitInformatieObjectOperations } from './besluitinformatieobjecten.ts';
import { auditTrailOperations } from './audittrail.ts';
import { besluitRelations } from './relations.ts';

export const besluiten: Component = {
  name: 'besluiten',
  migrations: { owner: 'besluiten', dir: new URL('./migrations/', import.meta.url) },
  api: ({ database, references }) => {
    const deps = { database, references, relations: besluitRelations(references) };
    return {
      name: 'besluiten',
      component: 'brc',
      title: 'Besluiten API',
      version: '1.1.0',
      description: DESCRIPTION,
      contentTypeHeader: true,
      operations: [...besluitOperations(deps), ...auditTrailOperations(deps), ...besluitInformatieObjectOperations(deps)],
    };
  },
};

const DESCRIPTION = `Een API om een besluitregistratiecomponent (BRC) te benaderen.

Een BESLUIT wordt veelal schriftelijk vastgelegd maar dit is niet noodzakelijk. Omgekeerd kan het voorkomen dat in een INFORMATIEOBJECT meerdere besluiten vastgelegd zijn. Vandaar de N:M-relatie naar INFORMATIEOBJECT. Een besluit komt voort uit een zaak van de zaakbehandelende organisatie dan wel is een besluit van een andere organisatie dat het onderwerp (object) is van een zaak van de zaakbehandelende organisatie. BESLUIT heeft dan ook een optionele relatie met de ZAAK waarvan het een uitkomst is.

De typering van BESLUITen is in de Catalogi API (ZTC) ondergebracht in de vorm van BESLUITTYPEn.

### Notificaties

Deze API publiceert notificaties op het kanaal \`besluiten\`, voor de resource \`besluit\` (create, update, partial_update, destroy), met de kenmerken \`verantwoordelijkeOrganisatie\` (het RSIN van de organisatie die het besluit heeft vastgesteld) en \`besluittype\` (URL-referentie naar het BESLUITTYPE in de Catalogi API).`;
