/**
 * Begraafplaatsen API (issue #10): the municipality's cemeteries, graves and opening hours,
 * and reservations of a funeral's time slot and grave place, for the Begrafenisplanner app
 * and uitvaartondernemers. Our own API (no VNG standard), shaped like the ZGW APIs; see
 * docs/begrafenisplanner.md.
 */
import type { Component } from '../component.ts';
import { resourceOperations } from './resources.ts';
import { KANAAL, reserveringOperations } from './reserveringen.ts';
import { COMPONENT } from './scopes.ts';

export const begraafplaatsen: Component = {
  name: 'begraafplaatsen',
  migrations: { owner: 'begraafplaatsen', dir: new URL('./migrations/', import.meta.url) },
  api: ({ database, options }) => ({
    name: 'begraafplaatsen',
    component: COMPONENT,
    title: 'Begraafplaatsen API',
    version: '1.0.0',
    description: DESCRIPTION,
    contentTypeHeader: true,
    operations: [...resourceOperations(database), ...reserveringOperations(database, { geldigheidMinuten: options?.reserveringGeldigheid })],
  }),
};

const DESCRIPTION = `Begraafplaatsen van de gemeente: graven, grafplaatsen, openingstijden en tijdsloten, en reserveringen van een tijdslot (en grafplaats) voor een begrafenis.

Een tijdslot of grafplaats wordt nooit twee keer gereserveerd, ook niet bij gelijktijdige verzoeken. Een voorlopige reservering houdt ze vast tot \`verlooptOp\`.

### Autorisatie

ZGW-JWT zoals de andere API's. De scopes staan op component \`ac\` in de autorisaties van een Applicatie (de ZGW-componentenlijst heeft geen code voor deze API): \`begraafplaatsen.lezen\`, \`begraafplaatsen.reserveren\` (ook lezen) en \`begraafplaatsen.beheren\` (ook reserveren, en bevestigen).

### Notificaties

Deze API publiceert notificaties op het kanaal \`${KANAAL}\`.

**Main resource**

\`reservering\`

**Kenmerken**

* \`begraafplaats\`: URL-referentie naar de BEGRAAFPLAATS van de reservering.

**Resources en acties**
- \`reservering\`: create, partial_update, destroy
`;
