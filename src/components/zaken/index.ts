/**
 * Zaken API 1.5.2: the zaak, the core object of zaakgericht werken, and what belongs to it
 * (statussen, resultaat, rollen, zaakobjecten, zaakinformatieobjecten, klantcontacten,
 * zaakcontactmomenten, zaakverzoeken, zaakeigenschappen, zaakbesluiten, audittrail).
 *
 * Each resource lives in its own module exporting `xxxOperations(deps)`; add one line per
 * module to `zakenOperations`. What they share about the zaak is in `zaak-access.ts`; the
 * Catalogi lookups in `catalogi.ts`; every other URL, `expand` included, is read through
 * `deps.references`, the platform's reference resolver (this process's APIs in-process).
 */
import type { Component } from '../component.ts';
import type { Operation } from '../../platform/http/api.ts';
import { catalogiLookup } from './catalogi.ts';
import type { ZakenDeps } from './deps.ts';
import { parseIdentificatieFormat } from './identificatie.ts';
import { zaakOperations } from './zaken.ts';
import { statusOperations } from './statussen.ts';
import { resultaatOperations } from './resultaten.ts';
import { rolOperations } from './rollen.ts';
import { zaakobjectOperations } from './zaakobjecten.ts';
import { zaakinformatieobjectOperations } from './zaakinformatieobjecten.ts';
import { klantcontactOperations } from './klantcontacten.ts';
import { zaakcontactmomentOperations } from './zaakcontactmomenten.ts';
import { zaakverzoekOperations } from './zaakverzoeken.ts';
import { zaakeigenschapOperations } from './zaakeigenschappen.ts';
import { zaakbesluitOperations } from './zaakbesluiten.ts';
import { documentRelations } from './document-relations.ts';
import { compactAantallenPeriodically } from './zaak-aantallen.ts';

export type { ZakenDeps } from './deps.ts';

export const zaken: Component = {
  name: 'zaken',
  migrations: { owner: 'zaken', dir: new URL('./migrations/', import.meta.url) },
  api: ({ database, options, references, logboek }) => {
    const deps: ZakenDeps = {
      database,
      catalogi: catalogiLookup(references),
      references,
      identificatie: parseIdentificatieFormat(options?.zaakIdentificatie),
      documentRelations: documentRelations(references),
      logboek,
      options,
    };
    return {
      name: 'zaken',
      component: 'zrc',
      title: 'Zaken API',
      version: '1.5.2',
      description: DESCRIPTION,
      contentTypeHeader: true,
      operations: zakenOperations(deps),
    };
  },
  // The counts of unfiltered zaak lists are kept as deltas; folded in the background.
  start: async ({ database, log }) => compactAantallenPeriodically(database.db, 30, log),
};

/** Every operation of the API, one line per resource module. */
function zakenOperations(deps: ZakenDeps): Operation[] {
  return [
    ...zaakOperations(deps),
    ...statusOperations(deps),
    ...resultaatOperations(deps),
    ...rolOperations(deps),
    ...zaakobjectOperations(deps),
    ...zaakinformatieobjectOperations(deps),
    ...klantcontactOperations(deps),
    ...zaakcontactmomentOperations(deps),
    ...zaakverzoekOperations(deps),
    ...zaakeigenschapOperations(deps),
    ...zaakbesluitOperations(deps),
  ];
}

const DESCRIPTION = `Een API om een zaakregistratiecomponent (ZRC) te benaderen.

De ZAAK is het kernobject in deze API, waaraan verschillende andere resources gerelateerd zijn. De Zaken API werkt samen met andere API's voor Zaakgericht werken om tot volledige functionaliteit te komen.

### Notificaties

Deze API publiceert notificaties op het kanaal \`zaken\`, met de kenmerken \`bronorganisatie\`, \`zaaktype\` en \`vertrouwelijkheidaanduiding\` van de zaak.`;
